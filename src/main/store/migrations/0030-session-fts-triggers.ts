// Migration 30: the search index follows the session table by itself. Until now every writer had to
// update session_fts by hand, and a write that did not (deleting a conference cascades to its
// sessions) left the index pointing at rows that were gone: FTS5's integrity-check reported it
// malformed and searches returned other conferences' sessions. With these triggers every insert,
// update and delete of a session — however it happens, cascades included — updates the index in the
// same statement, so nothing else writes session_fts.
import type { Migration } from './types.ts';

export const sessionFtsTriggers: Migration = {
  version: 30,
  name: 'session-fts-triggers',
  up(db) {
    db.exec(`
      CREATE TRIGGER session_fts_after_insert AFTER INSERT ON session BEGIN
        INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
        VALUES (new.id, new.title, new.description, new.speakers_text, new.track, new.room);
      END;

      CREATE TRIGGER session_fts_after_delete AFTER DELETE ON session BEGIN
        INSERT INTO session_fts (session_fts, rowid, title, description, speakers_text, track, room)
        VALUES ('delete', old.id, old.title, old.description, old.speakers_text, old.track, old.room);
      END;

      CREATE TRIGGER session_fts_after_update AFTER UPDATE OF id, title, description, speakers_text, track, room ON session BEGIN
        INSERT INTO session_fts (session_fts, rowid, title, description, speakers_text, track, room)
        VALUES ('delete', old.id, old.title, old.description, old.speakers_text, old.track, old.room);
        INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
        VALUES (new.id, new.title, new.description, new.speakers_text, new.track, new.room);
      END;

      -- A database where a conference was already removed has an index out of step: rebuild it
      -- from the sessions once.
      INSERT INTO session_fts (session_fts) VALUES ('rebuild');
    `);
  }
};
