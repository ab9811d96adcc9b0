// Migration 90: an import indexes its new sessions in one statement at the end instead of one
// trigger run per row. Row by row, the search index cost 5.2 s of an 8.4 s commit of 100,000
// sessions; one INSERT … SELECT over the new rows costs 1.0 s.
//
// The triggers stay the one way the index follows the session table; they now skip rows at or
// above a "deferred from" id while the `setting` row 'search.deferred' exists. Only an import
// writes that row, inside its own IMMEDIATE transaction, and removes it in the same transaction
// after indexing every row from that id on (store/schedule-write.ts, deferSearchIndex). So no
// other connection ever sees it, and a crash rolls it back with the rows. Rows below that id (every
// session that existed before) are indexed, updated and removed from the index as before.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

const INDEXED_BELOW = "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'search.deferred'), 9223372036854775807)";

export const deferredSearchIndex: Migration = {
  version: 90,
  name: 'deferred-search-index',
  up(db) {
    db.exec(`
      DROP TRIGGER session_fts_after_insert;
      DROP TRIGGER session_fts_after_delete;
      DROP TRIGGER session_fts_after_update;

      CREATE TRIGGER session_fts_after_insert AFTER INSERT ON session
      WHEN new.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
        VALUES (new.id, new.title, new.description, new.speakers_text, new.track, new.room);
      END;

      CREATE TRIGGER session_fts_after_delete AFTER DELETE ON session
      WHEN old.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (session_fts, rowid, title, description, speakers_text, track, room)
        VALUES ('delete', old.id, old.title, old.description, old.speakers_text, old.track, old.room);
      END;

      CREATE TRIGGER session_fts_after_update AFTER UPDATE OF id, title, description, speakers_text, track, room ON session
      WHEN old.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (session_fts, rowid, title, description, speakers_text, track, room)
        VALUES ('delete', old.id, old.title, old.description, old.speakers_text, old.track, old.room);
        INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
        VALUES (new.id, new.title, new.description, new.speakers_text, new.track, new.room);
      END;
    `);
  }
};
