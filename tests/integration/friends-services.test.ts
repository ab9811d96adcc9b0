// Friends' overlays through the services over a real SQLite file: a friend's export added by
// name, listed, shown per conference, replaced by the same name in any case, removed whole; my own
// plan never changes; a conference removal and its undo take the overlay along. And migration 80
// opening a version-60 database with rows in it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/shared/contract.ts';
import { MIGRATIONS } from '../../src/main/store/migrations/index.ts';
import { openStore } from '../../src/main/store/open.ts';
import { undo } from '../../src/main/store/plan.ts';
import { deleteConference, restoreConference, snapshotConference } from '../../src/main/store/conference-store.ts';
import { KUBECON, tempDir, tempServices } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Two seeded databases: Alex plans three KubeCon talks (one as maybe) and exports them with her name. */
async function alexAndMe() {
  const alex = tempServices({ seeded: true });
  const me = tempServices({ seeded: true });
  cleanups.push(alex.cleanup, me.cleanup);
  const kubecon = (await alex.api['conference.list']({})).find((c) => c.title === KUBECON)!;
  const sessions = await alex.api['session.list']({ conferenceId: kubecon.id });
  const { items } = await alex.api['plan.add']({ sessionIds: sessions.slice(0, 3).map((s) => s.id) });
  await alex.api['plan.update']({ itemId: items[2]!.id, state: 'maybe' });
  const file = await alex.api['export.agenda']({ format: 'ics', conferenceId: kubecon.id, states: ['going', 'maybe'], owner: 'Alex' });
  const myKubecon = (await me.api['conference.list']({})).find((c) => c.title === KUBECON)!;
  return { alex, me, text: file.content, titles: sessions.slice(0, 3).map((s) => s.title), conferenceId: myKubecon.id };
}

describe('friends through the services', () => {
  it('previews, adds, lists and shows a friend’s export without touching my plan', async () => {
    const { me, text, titles, conferenceId } = await alexAndMe();
    const events: string[] = [];
    me.subscribe((name) => events.push(name));
    expect(await me.api['friends.preview']({ text, fileName: 'alex.ics' })).toEqual({ owner: 'Alex', matched: 3, unmatched: [], replaces: null });
    const added = await me.api['friends.add']({ text, fileName: 'alex.ics', name: 'Alex' });
    expect(added).toMatchObject({ replaced: false, matched: 3, unmatched: [], friend: { name: 'Alex', initials: 'A', owner: 'Alex', fileName: 'alex.ics', sessions: 3, conferences: 1 } });
    expect(events).toContain('data.changed');
    const attendance = await me.api['friends.sessions']({ conferenceId });
    const mine = await me.api['session.list']({ conferenceId });
    expect(attendance.map((a) => mine.find((s) => s.id === a.sessionId)?.title).sort()).toEqual([...titles].sort());
    expect(attendance.every((a) => a.friendIds.length === 1 && a.friendIds[0] === added.friend.id)).toBe(true);
    expect(await me.api['plan.list']({})).toEqual([]);
  });

  it('replaces a friend added again under the same name in another case, and removes all of it', async () => {
    const { me, text, conferenceId } = await alexAndMe();
    const first = await me.api['friends.add']({ text, name: 'Alex' });
    const oneTalk = text.replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/, '').replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/, '');
    // As every door hands it over: checked and trimmed by the contract.
    const again = await me.api['friends.add'](parseRequest('friends.add', { text: oneTalk, name: '  ALEX ' }));
    expect(again).toMatchObject({ replaced: true, matched: 1, friend: { id: first.friend.id, name: 'ALEX', sessions: 1 } });
    expect((await me.api['friends.list']({})).map((f) => [f.name, f.sessions])).toEqual([['ALEX', 1]]);
    expect(await me.api['friends.remove']({ friendId: again.friend.id })).toEqual({ removed: true, name: 'ALEX', sessions: 1 });
    expect(await me.api['friends.remove']({ friendId: again.friend.id })).toEqual({ removed: false, name: null, sessions: 0 });
    expect(await me.api['friends.sessions']({ conferenceId })).toEqual([]);
    // A new friend never takes a removed friend's id.
    expect((await me.api['friends.add']({ text, name: 'Bea' })).friend.id).toBeGreaterThan(again.friend.id);
  });

  it('makes adding, replacing and removing a friend one undoable step each', async () => {
    const { me, text, conferenceId } = await alexAndMe();
    const count = async () => (await me.api['friends.list']({})).map((f) => [f.name, f.sessions]);
    const { friend } = await me.api['friends.add']({ text, name: 'Alex' });
    const oneTalk = text.replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/, '').replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/, '');
    await me.api['friends.add']({ text: oneTalk, name: 'alex' });
    await me.api['friends.remove']({ friendId: friend.id });
    expect(await count()).toEqual([]);
    expect((await me.api['history.undo']({})).label).toBe('Remove friend “alex”');
    expect(await count()).toEqual([['alex', 1]]);
    expect((await me.api['history.undo']({})).label).toBe('Replace friend “alex”');
    expect(await count()).toEqual([['Alex', 3]]);
    expect((await me.api['friends.sessions']({ conferenceId })).every((a) => a.friendIds[0] === friend.id)).toBe(true);
    expect((await me.api['history.undo']({})).label).toBe('Add friend “Alex”');
    expect(await count()).toEqual([]);
    await me.api['history.redo']({});
    await me.api['history.redo']({});
    expect(await count()).toEqual([['alex', 1]]);
    // A friend's steps never touch my plan.
    expect(await me.api['plan.list']({})).toEqual([]);
  });

  it('refuses a file none of whose events is a session here, and stores nothing', async () => {
    const { me, text } = await alexAndMe();
    const elsewhere = text.replace(/UID:[^\r]*/g, (m, i: number) => `UID:elsewhere-${i}`).replace(/DTSTART:2024/g, 'DTSTART:2019');
    await expect(me.api['friends.add']({ text: elsewhere, name: 'Alex', fileName: 'old.ics' })).rejects.toThrow(
      /None of the 3 events in old\.ics is a session of a conference here/
    );
    expect(await me.api['friends.list']({})).toEqual([]);
  });

  it('takes the overlay along when the conference is removed, and brings it back on undo', async () => {
    const { me, text, conferenceId } = await alexAndMe();
    const { friend } = await me.api['friends.add']({ text, name: 'Alex' });
    await me.api['conference.remove']({ conferenceId });
    expect((await me.api['friends.list']({}))[0]?.sessions).toBe(0);
    await me.api['history.undo']({});
    expect((await me.api['friends.list']({}))[0]).toMatchObject({ id: friend.id, sessions: 3 });
    // Undo is newest first: a friend removed after the conference comes back first, then the conference with her rows.
    await me.api['conference.remove']({ conferenceId });
    await me.api['friends.remove']({ friendId: friend.id });
    await me.api['history.undo']({});
    expect((await me.api['friends.list']({}))[0]).toMatchObject({ id: friend.id, sessions: 0 });
    await me.api['history.undo']({});
    expect((await me.api['friends.list']({}))[0]).toMatchObject({ id: friend.id, sessions: 3 });
  });

  it('puts a conference back without the rows of a friend who is no longer there', async () => {
    const { me, text, conferenceId } = await alexAndMe();
    const { friend } = await me.api['friends.add']({ text, name: 'Alex' });
    const { db } = openStore(me.dbPath);
    try {
      const snapshot = snapshotConference(db, conferenceId)!;
      expect(snapshot.rows.friend_session).toHaveLength(3);
      deleteConference(db, conferenceId);
      db.prepare('DELETE FROM friend WHERE id = ?').run(friend.id);
      restoreConference(db, snapshot);
      expect(db.prepare('SELECT count(*) AS n FROM session WHERE conference_id = ?').get(conferenceId)).toEqual({ n: 18 });
      expect(db.prepare('SELECT count(*) AS n FROM friend_session').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('migration 80: friends', () => {
  it('opens a version-60 database with rows, keeps them, and undoes a removal recorded before friends existed', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'v60.db');
    const old = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 60)) m.up(old);
    old.pragma('user_version = 60');
    old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (1, 'Conf', 'conf', 'UTC', 1)").run();
    old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (2, 'Gone', 'gone', 'UTC', 1)").run();
    const talk = old.prepare(`INSERT INTO session (id, conference_id, key, title, start_ms, end_ms, fingerprint) VALUES (?, ?, ?, ?, 0, 60000, 'f')`);
    talk.run(7, 1, 'k7', 'Talk seven');
    talk.run(8, 2, 'k8', 'Talk eight');
    old.prepare("INSERT INTO plan_item (id, conference_id, session_id, state, priority, created_at) VALUES (1, 1, 7, 'going', 3, 10)").run();
    // The previous version removed conference 2 as one undoable step: its snapshot has no friend rows.
    const rows = (table: string, where: string) => old.prepare(`SELECT * FROM ${table} WHERE ${where}`).all();
    const snapshot = {
      conferenceId: 2,
      title: 'Gone',
      rows: {
        conference: rows('conference', 'id = 2'),
        source: [],
        session: rows('session', 'conference_id = 2'),
        session_speaker: [],
        plan_item: [],
        travel: [],
        change: []
      }
    };
    old.prepare('DELETE FROM conference WHERE id = 2').run();
    old
      .prepare("INSERT INTO history (label, before, after, created_at) VALUES ('Remove conference “Gone”', ?, ?, 20)")
      .run(JSON.stringify({ kind: 'conference', snapshot }), JSON.stringify({ kind: 'conference', removed: 2 }));
    old.close();

    const { db } = openStore(path, { now: 5_000 });
    cleanups.unshift(() => db.close());
    expect(db.prepare('SELECT id, title FROM session ORDER BY id').all()).toEqual([{ id: 7, title: 'Talk seven' }]);
    expect(db.prepare('SELECT id, session_id FROM plan_item').all()).toEqual([{ id: 1, session_id: 7 }]);
    expect(db.prepare('SELECT count(*) AS n FROM friend').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO friend (id, name, created_at) VALUES (1, 'Alex', 1)").run();
    db.prepare("INSERT INTO friend_session (friend_id, session_id, state) VALUES (1, 7, 'maybe')").run();
    expect(() => db.prepare("INSERT INTO friend (name, created_at) VALUES ('alex', 2)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO friend_session (friend_id, session_id, state) VALUES (1, 7, 'backup')").run()).toThrow(/constraint/);
    expect(undo(db)?.label).toBe('Remove conference “Gone”');
    expect(db.prepare('SELECT title FROM session WHERE id = 8').get()).toEqual({ title: 'Talk eight' });
    db.prepare('DELETE FROM session WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM friend_session').get()).toEqual({ n: 0 });
  });
});
