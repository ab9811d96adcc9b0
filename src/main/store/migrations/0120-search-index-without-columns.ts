// Migration 120: the search index no longer records which column a word is in (FTS5 detail = none;
// migration 100 kept columns but not positions). No search reads it: a query is words and a last
// prefix, each word one token, matched in any column (store/session-search.ts, ftsQuery), and
// results are listed in schedule order, never ranked. Measured on the bench's 100,000 sessions:
// filling the index 0.70 s → 0.55 s, the import's commit about 8 % faster, the same sessions
// found (tests/integration/search-index-columns.test.ts).
// - The index is dropped and made again with the same columns, key, prefix index and tokenizer, and
//   filled in key order (migration 100 says why). Its config table goes with it, so migration
//   110's 16 MiB buffer is set again first, and the fill goes through it.
// - The triggers of migration 100 stay: they name the index, which is back before they next run.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';
import { SEARCH_INDEX_BUFFER_BYTES } from './0110-search-index-buffer.ts';

const COLUMNS = 'title, description, speakers_text, track, room';

export const searchIndexWithoutColumns: Migration = {
  version: 120,
  name: 'search-index-without-columns',
  up(db) {
    db.exec(`
      DROP TABLE session_fts;
      CREATE VIRTUAL TABLE session_fts USING fts5(
        ${COLUMNS},
        content = 'session', content_rowid = 'search_key',
        prefix = '2', detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
    // FTS5 wants an INTEGER here (migration 110).
    db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('hashsize', ?)").run(BigInt(SEARCH_INDEX_BUFFER_BYTES));
    db.exec(`INSERT INTO session_fts (rowid, ${COLUMNS}) SELECT search_key, ${COLUMNS} FROM session ORDER BY search_key`);
  }
};
