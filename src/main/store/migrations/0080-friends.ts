// Migration 80: friends' plans, shown as overlays next to mine and never mixed into it.
//
// `friend` is one imported agenda of another person ("Alex"); its name is unique in any case, so
// adding "alex" again replaces that overlay (the friend keeps their id). `friend_session` says which stored sessions they go
// to, and whether their file marked it TENTATIVE ('maybe') or not ('going'). Removing a friend,
// or a session, takes its rows along (ON DELETE CASCADE); the plan_item table is never touched.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const friends: Migration = {
  version: 80,
  name: 'friends',
  up(db) {
    db.exec(`
      CREATE TABLE friend (
        -- AUTOINCREMENT: a removed friend's id is never given to another (ids pick colours, and a
        -- stale id from another window must not remove someone else)
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        -- the X-CLASHLESS-OWNER the file named, if any
        owner       TEXT,
        file_name   TEXT,
        created_at  INTEGER NOT NULL
      );

      CREATE TABLE friend_session (
        friend_id   INTEGER NOT NULL REFERENCES friend(id) ON DELETE CASCADE,
        session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        state       TEXT NOT NULL DEFAULT 'going' CHECK (state IN ('going', 'maybe')),
        PRIMARY KEY (friend_id, session_id)
      ) WITHOUT ROWID;
      CREATE INDEX friend_session_session ON friend_session(session_id);
    `);
  }
};
