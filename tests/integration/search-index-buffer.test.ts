// Migration 110 and the page size of new databases (store/connection.ts): both make an import
// commit faster and must change nothing a person sees. On real congress schedules: a populated
// schema-100 database keeps its 4 KiB pages and every row, gains the 16 MiB index buffer, and finds
// what it found before; a new database has 16 KiB pages, and an index filled through the 16 MiB
// buffer finds exactly what one filled through SQLite's 1 MiB default finds.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/main/store/connection.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { SEARCH_INDEX_BUFFER_BYTES } from '../../src/main/store/migrations/0110-search-index-buffer.ts';
import { takeBackup } from '../../src/main/store/backups.ts';
import { openStore } from '../../src/main/store/open.ts';
import { commitText, ftsCheck, searchResults, tempDir, tempStore, searchSessionIds } from './helpers.ts';
import { CONGRESS_36, CONGRESS_38, corpusAtVersion, expectCorpusKept, FOSDEM_2021, searchesAndRows, searchIndexHashsize, TYPED_SEARCHES } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const NOW = Date.UTC(2026, 0, 1);

const searchAll = (db: Database.Database) => searchResults(db, TYPED_SEARCHES);

describe('migration 110 and 16 KiB pages', () => {
  it('migrates a populated schema-100 database: 4 KiB pages and every row kept, the buffer set, the same search results', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const { dbPath, sessions } = corpusAtVersion(tmp.dir, 100, NOW);
    const old = new Database(dbPath);
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    expect(searchIndexHashsize(old)).toBeUndefined();
    const before = searchesAndRows(old);
    old.close();

    const { db } = openStore(dbPath, { now: NOW });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('page_size', { simple: true })).toBe(4096);
      expect(searchIndexHashsize(db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
      expect(ftsCheck(db)).toBe('ok');
      expectCorpusKept(db, before, sessions);
      // Its backups keep its pages too (VACUUM INTO writes a copy with the connection's page size).
      const backup = takeBackup(db, dbPath, 'daily', NOW);
      const copy = new Database(backup, { readonly: true });
      expect(copy.pragma('page_size', { simple: true })).toBe(4096);
      copy.close();
      // The next import goes through the new buffer and is found like the rest.
      const added = commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(added.added).toBeGreaterThan(900);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchSessionIds(db, { search: 'Desiring Technology' })).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('gives a new database 16 KiB pages, and its index finds what an index filled through the 1 MiB default finds', () => {
    const fast = tempStore(NOW);
    const plain = tempStore(NOW);
    cleanups.push(fast.cleanup, plain.cleanup);
    expect(fast.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(searchIndexHashsize(fast.db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
    // SQLite's default, set back: every import below flushes the index many times over.
    plain.db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('hashsize', ?)").run(1024n * 1024n);
    for (const { db } of [fast, plain]) {
      commitText(db, CONGRESS_36, '36c3.xml', NOW);
      commitText(db, FOSDEM_2021, 'fosdem.xml', NOW);
      commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(ftsCheck(db)).toBe('ok');
    }
    const found = searchAll(fast.db);
    expect(found).toEqual(searchAll(plain.db));
    expect(found['ke']!.length).toBeGreaterThan(100);
    expect(found['open source']!.length).toBeGreaterThan(10);
  });
});
