// Friends' overlays (migration 80): who else goes to which session. The only SQL on `friend` and
// `friend_session`. A friend's rows never touch the person's own plan (plan_item).
import type { Database as Db } from 'better-sqlite3';
import type { FriendState } from '../../shared/friends.ts';

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
 * Store a friend's overlay in one transaction. A friend with the same name (any case) is replaced
 * whole, keeping their id (and so their colour): their old rows go, so an overlay never mixes two
 * files. Returns the id and whether a friend was replaced.
 */
export function putFriend(db: Db, now: number, friend: NewFriend): { id: number; replaced: boolean } {
  return db
    .transaction(() => {
      const old = findFriend(db, friend.name);
      let id: number;
      if (old) {
        id = old.id;
        db.prepare('UPDATE friend SET name = ?, owner = ?, file_name = ?, created_at = ? WHERE id = ?').run(friend.name, friend.owner, friend.fileName, now, id);
        db.prepare('DELETE FROM friend_session WHERE friend_id = ?').run(id);
      } else {
        id = Number(
          db.prepare('INSERT INTO friend (name, owner, file_name, created_at) VALUES (?, ?, ?, ?)').run(friend.name, friend.owner, friend.fileName, now)
            .lastInsertRowid
        );
      }
      const link = db.prepare('INSERT OR IGNORE INTO friend_session (friend_id, session_id, state) VALUES (?, ?, ?)');
      for (const s of friend.sessions) link.run(id, s.sessionId, s.state);
      return { id, replaced: old !== undefined };
    })
    .immediate();
}

/** Remove a friend and their whole overlay; the removed row, or undefined when there was none. */
export function deleteFriend(db: Db, friendId: number): FriendRow | undefined {
  return db
    .transaction(() => {
      const row = listFriends(db).find((f) => f.id === friendId);
      if (row) db.prepare('DELETE FROM friend WHERE id = ?').run(friendId);
      return row;
    })
    .immediate();
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
