// Migration 100: the search index is keyed in schedule order, so "the first page of matches"
// is read from the index lazily and stops after one page, instead of finding every match and
// sorting it. At 100,000 sessions a two-letter prefix matched ~90,000 rows; listing its first 50
// in schedule order took 55 ms, and now takes well under a millisecond.
//
// - `session.search_key` is a generated column: the start minute times 2^36, plus the id. The
//   minute is clamped to 1970-01-01 … about 2223, so the key always fits 63 bits; the id keeps it
//   unique (ids stay below 2^36) and can be read back as `search_key % 2^36`. Key order is start
//   order to the minute; store/search-key.ts holds the same rule for the queries, and a test
//   proves the two agree.
// - `session_fts` reads its rows through that key (content_rowid) and gains a two-letter prefix
//   index, so a two-letter search is one list to walk rather than thousands of words to merge.
//   It keeps which column a word is in but not its position (detail = column): searches are words
//   and prefixes, never phrases (store/sessions.ts, ftsQuery, quotes one word at a time, and
//   shared/search-words.ts cuts words where the tokenizer does). Measured on the bench
//   dataset, 100,000 sessions: indexing 2.0 s with positions, 1.6 s without, 1.1 s before the prefix
//   index; index 58 MB → 35 MB; the same search times.
// - The triggers are those of migration 90 with the key instead of the id, and a session whose
//   start changes is re-keyed (UPDATE OF start_ms).
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

const INDEXED_BELOW = "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'search.deferred'), 9223372036854775807)";
const COLUMNS = 'title, description, speakers_text, track, room';

export const scheduleOrderedSearch: Migration = {
  version: 100,
  name: 'schedule-ordered-search',
  up(db) {
    db.exec(`
      DROP TRIGGER session_fts_after_insert;
      DROP TRIGGER session_fts_after_delete;
      DROP TRIGGER session_fts_after_update;
      DROP TABLE session_fts;

      ALTER TABLE session ADD COLUMN search_key INTEGER
        GENERATED ALWAYS AS ((min(max(start_ms, 0), 8000000000000) / 60000) * 68719476736 + id) VIRTUAL;
      CREATE UNIQUE INDEX session_search_key ON session (search_key);

      CREATE VIRTUAL TABLE session_fts USING fts5(
        ${COLUMNS},
        content = 'session', content_rowid = 'search_key',
        prefix = '2', detail = column,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Filled in key order, not by 'rebuild' (which reads the sessions in id order): FTS5 writes
      -- what it buffers to disk whenever a key goes back.
      INSERT INTO session_fts (rowid, ${COLUMNS})
        SELECT search_key, ${COLUMNS} FROM session ORDER BY search_key;

      CREATE TRIGGER session_fts_after_insert AFTER INSERT ON session
      WHEN new.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (rowid, ${COLUMNS})
        VALUES (new.search_key, new.title, new.description, new.speakers_text, new.track, new.room);
      END;

      CREATE TRIGGER session_fts_after_delete AFTER DELETE ON session
      WHEN old.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (session_fts, rowid, ${COLUMNS})
        VALUES ('delete', old.search_key, old.title, old.description, old.speakers_text, old.track, old.room);
      END;

      CREATE TRIGGER session_fts_after_update AFTER UPDATE OF id, start_ms, ${COLUMNS} ON session
      WHEN old.id < ${INDEXED_BELOW}
      BEGIN
        INSERT INTO session_fts (session_fts, rowid, ${COLUMNS})
        VALUES ('delete', old.search_key, old.title, old.description, old.speakers_text, old.track, old.room);
        INSERT INTO session_fts (rowid, ${COLUMNS})
        VALUES (new.search_key, new.title, new.description, new.speakers_text, new.track, new.room);
      END;
    `);
  }
};
