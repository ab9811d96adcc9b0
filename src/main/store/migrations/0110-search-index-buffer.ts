// Migration 110: the search index gathers up to 16 MiB of new entries in memory before writing them
// out as a segment (FTS5's 'hashsize'; 1 MiB by default). An import of 100,000 sessions wrote some
// forty small segments and then merged them again; with 16 MiB it writes a few, and commits about
// 15 % faster (26.8k → 27.9k–28.6k sessions/s in one run; with 16 KiB pages, store/connection.ts,
// 33k). The value lives in the index's own config table, so every connection and the import worker
// use it. The memory is taken only while one transaction writes that much, and given back at its
// commit. Searches find the same sessions (tests/integration/search-index-buffer.test.ts).
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const SEARCH_INDEX_BUFFER_BYTES = 16 * 1024 * 1024;

export const searchIndexBuffer: Migration = {
  version: 110,
  name: 'search-index-buffer',
  up(db) {
    // FTS5 wants an INTEGER here; a bound JavaScript number arrives as REAL and is refused.
    db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('hashsize', ?)").run(BigInt(SEARCH_INDEX_BUFFER_BYTES));
  }
};
