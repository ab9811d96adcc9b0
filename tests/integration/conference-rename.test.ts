// Renaming a conference through the services on a real SQLite file: one undoable step (undo and redo
// write the title back), a re-import of the same schedule merges into the renamed conference and keeps
// the person's title, and bad input (empty, too long, unknown id) is refused and changes nothing.
// Migration 60 on a populated schema-50 database keeps every row and marks no title as chosen.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFERENCE_TITLE_MAX, parseRequest } from '../../src/shared/contract.ts';
import type { Backend } from '../../src/main/backend.ts';
import { openStore } from '../../src/main/store/open.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { SEED_DIR, KUBECON, databaseAtVersion, tempServices } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function seeded(): Backend & { dbPath: string } {
  let t = Date.UTC(2026, 2, 1);
  const host = tempServices({ seeded: true, now: () => (t += 1_000) });
  cleanups.push(host.cleanup);
  return host;
}

/** Every conference row as stored, on a second connection (what another process would see). */
function conferenceRows(dbPath: string): unknown[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT * FROM conference ORDER BY id').all();
  } finally {
    db.close();
  }
}

async function kubecon(host: Backend): Promise<number> {
  const c = (await host.api['conference.list']({})).find((x) => x.title === KUBECON);
  if (!c) throw new Error('seed conference missing');
  return c.id;
}

/** A request as every door parses it (IPC and the browser host), then the service. */
async function rename(host: Backend, payload: unknown) {
  return host.api['conference.rename'](parseRequest('conference.rename', payload));
}

const titles = async (host: Backend) => (await host.api['conference.list']({})).map((c) => c.title).sort();

describe('conference.rename', () => {
  it('renames (trimmed), keeps the identity, emits data.changed, and undo/redo write the title back', async () => {
    const host = seeded();
    const id = await kubecon(host);
    const events: unknown[] = [];
    host.subscribe((event, payload) => {
      if (event === 'data.changed') events.push(payload);
    });
    const identity = (conferenceRows(host.dbPath) as { id: number; identity: string }[]).find((r) => r.id === id)?.identity;

    const done = await rename(host, { conferenceId: id, title: '  My KubeCon week  ' });
    expect(done).toEqual({ conferenceId: id, oldTitle: KUBECON, title: 'My KubeCon week' });
    expect((await host.api['conference.list']({})).find((c) => c.id === id)?.title).toBe('My KubeCon week');
    expect(conferenceRows(host.dbPath)).toContainEqual(expect.objectContaining({ id, title: 'My KubeCon week', identity, title_custom: 1 }));
    expect(events).toContainEqual({ conferenceId: id });

    const undone = await host.api['history.undo']({});
    expect(undone.label).toContain('Rename');
    expect(conferenceRows(host.dbPath)).toContainEqual(expect.objectContaining({ id, title: KUBECON, title_custom: 0 }));
    await host.api['history.redo']({});
    expect(conferenceRows(host.dbPath)).toContainEqual(expect.objectContaining({ id, title: 'My KubeCon week', title_custom: 1 }));
  });

  it('a renamed conference that is removed and put back keeps the new title; undoing on gives the old one', async () => {
    const host = seeded();
    const id = await kubecon(host);
    await rename(host, { conferenceId: id, title: 'Renamed first' });
    await host.api['conference.remove']({ conferenceId: id });
    await host.api['history.undo']({});
    expect((await host.api['conference.list']({})).find((c) => c.id === id)?.title).toBe('Renamed first');
    await host.api['history.undo']({});
    expect((await host.api['conference.list']({})).find((c) => c.id === id)?.title).toBe(KUBECON);
  });

  it('a re-import of the same schedule merges into the renamed conference and keeps the new title', async () => {
    const host = seeded();
    const id = await kubecon(host);
    const sessionsBefore = (await host.api['session.list']({ conferenceId: id })).length;
    await rename(host, { conferenceId: id, title: 'Salt Lake City, November' });
    const text = readFileSync(join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');
    const report = await host.api['import.commit']({ text, fileName: 'kubecon.txt' });
    expect(report.conferenceId).toBe(id);
    const list = await host.api['conference.list']({});
    expect(list.filter((c) => c.id === id).map((c) => c.title)).toEqual(['Salt Lake City, November']);
    expect(list.some((c) => c.title === KUBECON)).toBe(false);
    expect((await host.api['session.list']({ conferenceId: id })).length).toBe(sessionsBefore);

    // Undoing the rename gives the file's title back, and the next re-import follows the file again.
    await host.api['history.undo']({});
    await host.api['import.commit']({ text, fileName: 'kubecon.txt' });
    expect((await host.api['conference.list']({})).find((c) => c.id === id)?.title).toBe(KUBECON);
  });

  it('refuses an empty, blank or too long title and an unknown id, saying what and where, and changes nothing', async () => {
    const host = seeded();
    const id = await kubecon(host);
    const before = conferenceRows(host.dbPath);
    const cases: [unknown, RegExp, string][] = [
      [{ conferenceId: id, title: '' }, /empty/, 'field title'],
      [{ conferenceId: id, title: '   ' }, /empty/, 'field title'],
      [{ conferenceId: id, title: 'x'.repeat(CONFERENCE_TITLE_MAX + 1) }, new RegExp(`longer than ${CONFERENCE_TITLE_MAX}`), 'field title'],
      [{ conferenceId: id }, /./, 'field title'],
      [{ conferenceId: 999_999, title: 'Nope' }, /No conference with id 999999/, 'field conferenceId']
    ];
    for (const [payload, message, where] of cases) {
      const err = await rename(host, payload).then(
        () => null,
        (e: unknown) => e as { code: string; message: string; where?: string }
      );
      expect(err, JSON.stringify(payload).slice(0, 60)).not.toBeNull();
      expect(err?.message).toMatch(message);
      expect(err?.where).toBe(where);
      expect(['bad-request', 'not-found']).toContain(err?.code);
    }
    expect(conferenceRows(host.dbPath)).toEqual(before);
    // No history step was written: undo has nothing of a rename to undo.
    expect((await host.api['history.undo']({})).label ?? '').not.toContain('Rename');
    // Exactly 200 characters is allowed.
    await rename(host, { conferenceId: id, title: 'y'.repeat(CONFERENCE_TITLE_MAX) });
    expect(await titles(host)).toContain('y'.repeat(CONFERENCE_TITLE_MAX));
  });
});

describe('migration 60: a chosen conference title', () => {
  it('adds title_custom (0) to a populated schema-50 database and changes no row', () => {
    const { dbPath, old, cleanup } = databaseAtVersion(50, (old) => {
      old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (1, 'Old Conf', 'old conf', 'Europe/Berlin', 5)").run();
      old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (2, 'Other', 'other', 'UTC', 6)").run();
      old
        .prepare(
          `INSERT INTO plan_item (conference_id, title, start_ms, end_ms, state, priority, created_at, reminder_minutes)
           VALUES (1, 'Lunch', 1000, 2000, 'going', 3, 7, 15)`
        )
        .run();
    });
    cleanups.push(cleanup);
    const dump = (db: Database.Database) => ({
      conference: db.prepare('SELECT id, title, identity, time_zone, created_at FROM conference ORDER BY id').all(),
      plan_item: db.prepare('SELECT id, conference_id, title, start_ms, end_ms, state, priority, created_at, reminder_minutes FROM plan_item ORDER BY id').all()
    });
    const before = dump(old);
    old.close();

    const { db } = openStore(dbPath, { now: Date.UTC(2026, 0, 1) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      // Later migrations (80: friends) run after it; this test is about 60.
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(60);
      expect(dump(db)).toEqual(before);
      expect(db.prepare('SELECT title_custom FROM conference ORDER BY id').pluck().all()).toEqual([0, 0]);
      expect(() => db.prepare('UPDATE conference SET title_custom = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
