// The conference the person last viewed is kept in the database (defect 10 of issue #17), so the
// app, a restarted browser host on a new port and the next start all open on it.
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/backend.ts';
import { SEED_DIR, tempServices } from './helpers.ts';

const hosts: ReturnType<typeof tempServices>[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});

describe('the last viewed conference', () => {
  it('is remembered across a reopen of the database, and forgotten once that conference is deleted', async () => {
    const host = tempServices({ seeded: true });
    hosts.push(host);
    const conferences = await host.api['conference.list']({});
    expect(conferences.length).toBeGreaterThanOrEqual(2);
    expect(await host.api['view.get']({})).toEqual({ conferenceId: null, myWeek: false });
    const older = conferences[conferences.length - 1]!;
    expect(await host.api['view.set']({ conferenceId: older.id })).toEqual({ conferenceId: older.id, myWeek: false });

    const again = openBackend({ dbPath: host.dbPath, seedDir: SEED_DIR, seedOnFirstRun: false });
    try {
      expect(await again.api['view.get']({})).toEqual({ conferenceId: older.id, myWeek: false });
      await again.api['conference.remove']({ conferenceId: older.id });
      expect(await again.api['view.get']({})).toEqual({ conferenceId: null, myWeek: false });
      // Undoing the removal brings the conference, and the choice, back.
      await again.api['history.undo']({});
      expect(await again.api['view.get']({})).toEqual({ conferenceId: older.id, myWeek: false });
    } finally {
      again.close();
    }
  });

  it('null clears it, and an id of no conference is refused without forgetting the last one', async () => {
    const host = tempServices({ seeded: true });
    hosts.push(host);
    const [first] = await host.api['conference.list']({});
    await host.api['view.set']({ conferenceId: first!.id });
    expect(await host.api['view.set']({ conferenceId: null })).toEqual({ conferenceId: null, myWeek: false });
    await host.api['view.set']({ conferenceId: first!.id });
    await expect(host.api['view.set']({ conferenceId: 99_999 })).rejects.toMatchObject({ code: 'not-found', where: 'field conferenceId' });
    expect(await host.api['view.get']({})).toEqual({ conferenceId: first!.id, myWeek: false });
  });

  it('keeps My week on across a reopen until a conference alone is chosen again', async () => {
    const host = tempServices({ seeded: true });
    hosts.push(host);
    const [first] = await host.api['conference.list']({});
    expect(await host.api['view.set']({ conferenceId: first!.id, myWeek: true })).toEqual({ conferenceId: first!.id, myWeek: true });
    // Choosing a conference without saying anything about the scope leaves My week as it was.
    expect(await host.api['view.set']({ conferenceId: first!.id })).toEqual({ conferenceId: first!.id, myWeek: true });
    const again = openBackend({ dbPath: host.dbPath, seedDir: SEED_DIR, seedOnFirstRun: false });
    try {
      expect(await again.api['view.get']({})).toEqual({ conferenceId: first!.id, myWeek: true });
      expect(await again.api['view.set']({ conferenceId: first!.id, myWeek: false })).toEqual({ conferenceId: first!.id, myWeek: false });
    } finally {
      again.close();
    }
    await expect(host.api['view.set']({ conferenceId: 99_999, myWeek: true })).rejects.toMatchObject({ code: 'not-found' });
    expect(await host.api['view.get']({})).toEqual({ conferenceId: first!.id, myWeek: false });
  });
});
