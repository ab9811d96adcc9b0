// Friends' overlays (migration 80): who else goes to which session. The only SQL on `friend` and
// `friend_session`. A friend's rows never touch the person's own plan (plan_item).
import type { Database as Db } from 'better-sqlite3';
import type { FriendState } from '../../shared/friends.ts';
import { record } from './history.ts';

export interface FriendRow {
  id: number;
  name: string;
  owner: string | null;
  fileName: string | null;
  createdAt: number;
  /** Sessions they go to, and in how many conferences. */
  sessions: number;
  conferences: number;
}

const FRIEND_COLUMNS = `f.id, f.name, f.owner, f.file_name AS fileName, f.created_at AS createdAt,
  count(fs.session_id) AS sessions, count(DISTINCT s.conference_id) AS conferences`;

/** Every friend, by name, with what their overlay holds. */
export function listFriends(db: Db): FriendRow[] {
  return db
    .prepare(
      `SELECT ${FRIEND_COLUMNS} FROM friend f
       LEFT JOIN friend_session fs ON fs.friend_id = f.id LEFT JOIN session s ON s.id = fs.session_id
       GROUP BY f.id ORDER BY f.name COLLATE NOCASE, f.id`
    )
    .all() as FriendRow[];
}

/** The friend with this name in any case, or undefined. */
export function findFriend(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM friend WHERE name = ? COLLATE NOCASE').get(name) as { id: number; name: string } | undefined;
}

export interface NewFriend {
  name: string;
  owner: string | null;
  fileName: string | null;
  sessions: readonly { sessionId: number; state: FriendState }[];
}

/**
 * Store a friend's overlay (run it inside changeFriendWithHistory). A friend with the same name (any
 * case) is replaced whole, keeping their id (and so their colour): their old rows go, so an overlay
 * never mixes two files. Returns the id and whether a friend was replaced.
 */
export function putFriend(db: Db, now: number, friend: NewFriend): { id: number; replaced: boolean } {
  const old = findFriend(db, friend.name);
  let id: number;
  if (old) {
    id = old.id;
    db.prepare('UPDATE friend SET name = ?, owner = ?, file_name = ?, created_at = ? WHERE id = ?').run(friend.name, friend.owner, friend.fileName, now, id);
    db.prepare('DELETE FROM friend_session WHERE friend_id = ?').run(id);
  } else {
    id = Number(
      db.prepare('INSERT INTO friend (name, owner, file_name, created_at) VALUES (?, ?, ?, ?)').run(friend.name, friend.owner, friend.fileName, now).lastInsertRowid
    );
  }
  const link = db.prepare('INSERT OR IGNORE INTO friend_session (friend_id, session_id, state) VALUES (?, ?, ?)');
  for (const s of friend.sessions) link.run(id, s.sessionId, s.state);
  return { id, replaced: old !== undefined };
}

/** Remove a friend and their whole overlay (run it inside changeFriendWithHistory). */
export function deleteFriend(db: Db, friendId: number): void {
  db.prepare('DELETE FROM friend WHERE id = ?').run(friendId);
}

/** Who goes to which session of a conference: [sessionId, friendId, state] in session order. */
export function friendSessions(db: Db, conferenceId: number): { sessionId: number; friendId: number; state: FriendState }[] {
  return db
    .prepare(
      `SELECT fs.session_id AS sessionId, fs.friend_id AS friendId, fs.state FROM friend_session fs
       JOIN session s ON s.id = fs.session_id WHERE s.conference_id = ? ORDER BY fs.session_id, fs.friend_id`
    )
    .all(conferenceId) as { sessionId: number; friendId: number; state: FriendState }[];
}

/** A friend's overlay exactly as stored, for the undo history (store/plan.ts). */
export interface FriendSnapshot {
  id: number;
  name: string;
  owner: string | null;
  fileName: string | null;
  createdAt: number;
  sessions: [sessionId: number, state: FriendState][];
}

/** A history entry's side: the friend with this id as it was (null: there was none). */
export interface FriendEntry {
  kind: 'friend';
  friendId: number;
  friend: FriendSnapshot | null;
}

export function isFriendEntry(value: unknown): value is FriendEntry {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'friend';
}

export function snapshotFriend(db: Db, friendId: number): FriendSnapshot | null {
  const row = db
    .prepare('SELECT id, name, owner, file_name AS fileName, created_at AS createdAt FROM friend WHERE id = ?')
    .get(friendId) as Omit<FriendSnapshot, 'sessions'> | undefined;
  if (!row) return null;
  const sessions = db.prepare('SELECT session_id, state FROM friend_session WHERE friend_id = ? ORDER BY session_id').raw().all(friendId) as FriendSnapshot['sessions'];
  return { ...row, sessions };
}

/**
 * Undo or redo: make the friend what the entry says. Sessions removed since (their conference was
 * removed) are left out; the rest come back with the friend. Returns the history step it was.
 */
export function applyFriendEntry(db: Db, label: string, entry: FriendEntry): { label: string; ids: number[]; conference: null } {
  const step = { label, ids: [], conference: null };
  db.prepare('DELETE FROM friend WHERE id = ?').run(entry.friendId);
  const f = entry.friend;
  if (!f) return step;
  db.prepare('INSERT INTO friend (id, name, owner, file_name, created_at) VALUES (?, ?, ?, ?, ?)').run(f.id, f.name, f.owner, f.fileName, f.createdAt);
  const link = db.prepare('INSERT INTO friend_session (friend_id, session_id, state) SELECT ?, id, ? FROM session WHERE id = ?');
  for (const [sessionId, state] of f.sessions) link.run(f.id, state, sessionId);
  return step;
}

/**
 * Change one friend's overlay as one undoable step, in one transaction: `find` says which friend it
 * touches (null: a new one), `change` adds, replaces or removes it and returns its id and a result.
 */
export function changeFriendWithHistory<T>(db: Db, now: number, label: string, find: () => number | null, change: () => { id: number; result: T }): T {
  return db
    .transaction(() => {
      const friendId = find();
      const before: FriendEntry = { kind: 'friend', friendId: 0, friend: friendId === null ? null : snapshotFriend(db, friendId) };
      const { id, result } = change();
      record(db, now, label, { ...before, friendId: id }, { kind: 'friend', friendId: id, friend: snapshotFriend(db, id) });
      return result;
    })
    .immediate();
}

/** A restored conference's sessions got new ids: the entry's rows follow them. */
export function renumberFriendEntry(entry: FriendEntry, sessions: ReadonlyMap<number, number>): FriendEntry {
  if (!entry.friend) return entry;
  return { ...entry, friend: { ...entry.friend, sessions: entry.friend.sessions.map(([id, state]) => [sessions.get(id) ?? id, state]) } };
}
