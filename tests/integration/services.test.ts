import { IdRuns } from '../../src/shared/id-runs.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { toIsoUtc } from '../../src/shared/time.ts';
import { SEED_DIR, tempServices } from './helpers.ts';

type Host = ReturnType<typeof tempServices>;
const hosts: Host[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});
function services(opts: Parameters<typeof tempServices>[0] = {}): Host {
  const h = tempServices(opts);
  hosts.push(h);
  return h;
}

const SCHED = readFileSync(join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');

async function expectError(p: Promise<unknown>, code: string): Promise<ClashlessError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ClashlessError);
    expect((err as ClashlessError).code).toBe(code);
    return err as ClashlessError;
  }
  throw new Error(`expected a ${code} error`);
}

describe('first run', () => {
  it('imports the two sample conferences: 18 KubeCon sessions in Denver and 25 Cilium talks in Chicago', async () => {
    const { api } = services({ seeded: true });
    const conferences = await api['conference.list']({});
    const byTitle = new Map(conferences.map((c) => [c.title, c]));
    const kubecon = byTitle.get('KubeCon + CloudNativeCon North America 2024');
    const cilium = byTitle.get('Cilium Talks at KubeCon NA 2023');
    expect(kubecon).toMatchObject({ timeZone: 'America/Denver', sessionCount: 18, startDate: '2024-11-13', endDate: '2024-11-15' });
    expect(cilium).toMatchObject({ timeZone: 'America/Chicago', sessionCount: 25 });
    const sessions = await api['session.list']({ conferenceId: kubecon!.id });
    expect(toIsoUtc(sessions[0]!.start)).toBe('2024-11-13T18:15:00Z');
    expect(toIsoUtc(sessions[0]!.end)).toBe('2024-11-13T18:50:00Z');
    expect(sessions[0]!.speakers.map((s) => s.name)).toEqual(['Dave Protasowski']);
  });

  it('search finds sessions by a word prefix in speakers and titles', async () => {
    const { api } = services({ seeded: true });
    const hits = await api['session.list']({ search: 'protas' });
    expect(hits.map((s) => s.title)).toEqual(['All Your Routes Are Ready, More or Less']);
    const gateway = await api['session.list']({ search: 'gateway api' });
    expect(gateway.length).toBeGreaterThanOrEqual(4);
    expect(await api['session.list']({ search: 'zzyzxnothing' })).toEqual([]);
    // FTS syntax typed by a person is inert, and one letter does not narrow the list yet.
    expect((await api['session.list']({ search: '"*()' })).length).toBe(43);
    expect((await api['session.search']({ search: 'g' })).runs).toBeNull();
    const ids = [...new IdRuns((await api['session.search']({ search: 'gateway ap' })).runs!)];
    expect(ids).toEqual(gateway.map((s) => s.id).sort((a, b) => a - b));
  });

  it('search within a conference finds exactly its matches, whether its ids are one range or interleaved with another import', async () => {
    const { api } = services();
    // KubeCon without its first talk, then the Cilium seed, then all of KubeCon: the talk that
    // comes last gets an id after Cilium's, so KubeCon's ids are no longer one range.
    const first = SCHED.indexOf('11:15am MST');
    const partial = SCHED.slice(0, first) + SCHED.slice(SCHED.indexOf('12:10pm MST'));
    const kubecon = await api['import.commit']({ text: partial });
    const cilium = await api['import.commit']({ text: readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8') });
    const again = await api['import.commit']({ text: SCHED });
    expect(again).toMatchObject({ conferenceId: kubecon.conferenceId, added: 1 });
    const ids = (await api['session.list']({ conferenceId: kubecon.conferenceId })).map((s) => s.id).sort((a, b) => a - b);
    expect(ids.at(-1)! - ids[0]! + 1).toBeGreaterThan(ids.length);
    for (const conferenceId of [kubecon.conferenceId, cilium.conferenceId]) {
      for (const search of ['gateway', 'ga', 'cilium', 'the', 'protasowski']) {
        const expected = (await api['session.list']({ conferenceId, search })).map((s) => s.id).sort((a, b) => a - b);
        const found = [...new IdRuns((await api['session.search']({ conferenceId, search })).runs!)];
        expect(found, `${conferenceId} / ${search}`).toEqual(expected);
      }
    }
    expect([...new IdRuns((await api['session.search']({ conferenceId: kubecon.conferenceId, search: 'protasowski' })).runs!)]).toHaveLength(1);
  });
});

describe('plan events', () => {
  it('an edit spanning two conferences tells each of them, once', async () => {
    const host = services({ seeded: true });
    const { api } = host;
    const conferences = await api['conference.list']({});
    const picks = await Promise.all(conferences.map(async (c) => (await api['session.list']({ conferenceId: c.id }))[0]!.id));
    const told: (number | null)[] = [];
    host.subscribe((event, payload) => {
      if (event === 'plan.changed') told.push((payload as { conferenceId: number | null }).conferenceId);
    });
    const { items } = await api['plan.add']({ sessionIds: picks });
    expect(told.sort()).toEqual(conferences.map((c) => c.id).sort());
    told.length = 0;
    await api['plan.remind']({ itemIds: items.map((i) => i.id), reminder: 10 });
    expect(told.sort()).toEqual(conferences.map((c) => c.id).sort());
  });
});

describe('re-import and merge', () => {
  it('a second import of the same file changes nothing', async () => {
    const { api } = services();
    const first = await api['import.commit']({ text: SCHED });
    expect(first.added).toBe(18);
    const second = await api['import.commit']({ text: SCHED });
    expect(second).toMatchObject({ conferenceId: first.conferenceId, added: 0, updated: 0, unchanged: 18, removed: 0, changes: [] });
  });

  it('an edited copy reports exactly the move and the removal, and keeps a planned-but-removed session visible', async () => {
    const { api } = services();
    const first = await api['import.commit']({ text: SCHED });
    const sessions = await api['session.list']({ conferenceId: first.conferenceId });
    const removedOne = sessions.find((s) => s.title.startsWith('Topology Aware Routing'))!;
    await api['plan.add']({ sessionIds: [removedOne.id] });

    // Move "Kubernetes Multi-Cluster Networking 101" from 3:25pm to 3:40pm and drop "Topology Aware Routing".
    const moved = SCHED.replaceAll('Thursday November 14, 2024 3:25pm - 4:00pm MST', 'Thursday November 14, 2024 3:40pm - 4:15pm MST');
    const lines = moved.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Topology Aware Routing'));
    const end = lines.findIndex((l, i) => i > start && l.trim() === 'Connectivity');
    const edited = [...lines.slice(0, start - 2), ...lines.slice(end + 1)].join('\n');

    const report = await api['import.commit']({ text: edited });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 16, removed: 1 });
    expect(report.changes.map((c) => [c.kind, c.title]).sort()).toEqual(
      [
        ['moved', 'Kubernetes Multi-Cluster Networking 101'],
        ['removed', removedOne.title]
      ].sort()
    );
    expect(report.changes.find((c) => c.kind === 'removed')!.planned).toBe(true);
    const plan = await api['plan.list']({ conferenceId: first.conferenceId });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ title: removedOne.title, status: 'removed' });
    const changes = await api['change.list']({ conferenceId: first.conferenceId });
    expect(changes[0]!.planned).toBe(true);
  });

  it('a failed import changes nothing', async () => {
    const { api } = services({ seeded: true });
    const before = await api['session.list']({});
    await expectError(api['import.commit']({ text: '' }), 'empty');
    await expectError(api['import.commit']({ text: 'hello there\nnothing here' }), 'parse-failed');
    expect(await api['session.list']({})).toEqual(before);
  });
});

describe('planning with undo', () => {
  it('plans, removes, undoes and redoes, and the history survives a restart', async () => {
    const first = services({ seeded: true });
    const sessions = await first.api['session.list']({});
    const [a, b] = sessions;
    await first.api['plan.add']({ sessionIds: [a!.id] });
    await first.api['plan.add']({ sessionIds: [b!.id], state: 'maybe' });
    const planned = new Map((await first.api['plan.list']({})).map((p) => [p.title, p.state]));
    expect(planned).toEqual(new Map([[a!.title, 'going'], [b!.title, 'maybe']]));
    const undone = await first.api['history.undo']({});
    expect(undone.label).toMatch(/^Plan /);
    expect((await first.api['plan.list']({})).map((p) => p.title)).toEqual([a!.title]);

    // Restart on the same file: redo still knows the undone edit.
    first.close();
    const { openBackend } = await import('../../src/main/backend.ts');
    const second = openBackend({ dbPath: first.dbPath, seedDir: SEED_DIR, seedOnFirstRun: true });
    try {
      const redone = await second.api['history.redo']({});
      expect(redone.label).toMatch(/^Plan /);
      expect((await second.api['plan.list']({})).map((p) => p.title).sort()).toEqual([a!.title, b!.title].sort());
      expect((await second.api['conference.list']({})).length).toBe(2); // not seeded twice
    } finally {
      second.close();
    }
  });

  it('personal blocks can be created, moved and resized, but a session cannot be moved', async () => {
    const { api } = services({ seeded: true });
    const [conf] = await api['conference.list']({});
    const start = Date.UTC(2024, 10, 13, 19, 0);
    const { items } = await api['block.create']({ conferenceId: conf!.id, title: 'Lunch', start, end: start + 3_600_000, place: 'Hotel' });
    const block = items[0]!;
    expect(block).toMatchObject({ kind: 'block', title: 'Lunch', room: 'Hotel' });
    const moved = await api['block.update']({ itemId: block.id, start: start + 300_000, end: start + 3_900_000 });
    expect(moved.items[0]).toMatchObject({ start: start + 300_000, end: start + 3_900_000 });
    await expectError(api['block.update']({ itemId: block.id, start: start, end: start - 1 }), 'bad-request');
    const [s] = await api['session.list']({ conferenceId: conf!.id });
    const planned = (await api['plan.add']({ sessionIds: [s!.id] })).items[0]!;
    const err = await expectError(api['block.update']({ itemId: planned.id, start }), 'bad-request');
    expect(err.message).toMatch(/cannot be moved/);
    await api['history.undo']({});
    await api['history.undo']({});
    expect((await api['plan.list']({}))[0]).toMatchObject({ start, end: start + 3_600_000 });
  });
});

describe('backups', () => {
  it('restores a backup in place, after saving the current state, and refuses names outside the backups folder', async () => {
    let t = Date.UTC(2026, 0, 1);
    const host = services({ seeded: true, now: () => (t += 60_000) });
    const { api } = host;
    const [s1, s2] = await api['session.list']({});
    await api['plan.add']({ sessionIds: [s1!.id] });
    const { takeBackup } = await import('../../src/main/store/backups.ts');
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(host.dbPath);
    const backupPath = takeBackup(raw, host.dbPath, 'manual', t);
    raw.close();
    await api['plan.add']({ sessionIds: [s2!.id] });
    expect(await api['plan.list']({})).toHaveLength(2);

    const backups = await api['backup.list']({});
    const name = backups.find((b) => backupPath.endsWith(b.name))!.name;
    const result = await api['backup.restore']({ name });
    expect(result.savedCurrentAs).toMatch(/before-restore/);
    expect((await api['plan.list']({})).map((p) => p.sessionId)).toEqual([s1!.id]);
    expect(await api['session.list']({ search: 'protasowski' })).toHaveLength(1);
    await expectError(api['backup.restore']({ name: '../clashless.db' }), 'not-found');
  });
});

describe('CSV column mapping', () => {
  const csv = 'Talk,Kickoff,Wrap,Room\nOpening,2024-05-01 10:00,11:00,Hall A\nClosing,2024-05-01 17:00,17:30,Hall A\n';

  it('shows the columns instead of failing when the start column is unknown, and imports once mapped', async () => {
    const { api } = services();
    const before = await api['import.preview']({ text: csv, fileName: 'talks.csv', timeZone: 'Europe/Berlin' });
    expect(before.sessions).toEqual([]);
    expect(before.warnings[0]!.message).toMatch(/no column for the start time/);
    expect(before.columns).toEqual([
      { header: 'Talk', field: 'title' },
      { header: 'Kickoff', field: null },
      { header: 'Wrap', field: null },
      { header: 'Room', field: 'room' }
    ]);
    const columns = before.columns!.map((c) => (c.header === 'Kickoff' ? { ...c, field: 'start' as const } : c.header === 'Wrap' ? { ...c, field: 'end' as const } : c));
    const mapped = await api['import.preview']({ text: csv, fileName: 'talks.csv', timeZone: 'Europe/Berlin', columns });
    expect(mapped.sessions.map((s) => [s.title, toIsoUtc(s.start), s.room])).toEqual([
      ['Opening', '2024-05-01T08:00:00Z', 'Hall A'],
      ['Closing', '2024-05-01T15:00:00Z', 'Hall A']
    ]);
    await expectError(api['import.commit']({ text: csv, fileName: 'talks.csv', timeZone: 'Europe/Berlin' }), 'parse-failed');
    const report = await api['import.commit']({ text: csv, fileName: 'talks.csv', timeZone: 'Europe/Berlin', columns });
    expect(report.added).toBe(2);
  });
});
