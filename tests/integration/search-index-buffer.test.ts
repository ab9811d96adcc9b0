// Migration 110 and the page size of new databases (store/connection.ts): both make an import
// commit faster and must change nothing a person sees. On real congress schedules: a populated
// schema-100 database keeps its 4 KiB pages and every row, gains the 16 MiB index buffer, and finds
// what it found before; a new database has 16 KiB pages, and an index filled through the 16 MiB
// buffer finds exactly what one filled through SQLite's 1 MiB default finds.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/main/store/connection.ts';
import { MIGRATIONS, LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { SEARCH_INDEX_BUFFER_BYTES } from '../../src/main/store/migrations/0110-search-index-buffer.ts';
import { takeBackup } from '../../src/main/store/backups.ts';
import { openStore } from '../../src/main/store/open.ts';
import { searchSessionIds } from '../../src/main/store/session-search.ts';
import { PEER_DIR } from '../fixtures/paths.ts';
import { commitText, copyIntoOldSchema, ftsCheck, SEED_DIR, tempDir, tempStore } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
const FOSDEM = read(PEER_DIR, 'frab-xml', 'fosdem_2021.xml');
const CONGRESS_36 = read(PEER_DIR, 'frab-xml', '36c3_merged.xml');
const CONGRESS_38 = read(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml');
const CILIUM = read(SEED_DIR, 'cilium-talks-kubecon-na-2023.md');
const NOW = Date.UTC(2026, 0, 1);

/** Searches a person types: whole words, two- and three-letter prefixes, two words, accents. */
const SEARCHES = ['kernel', 'ke', 'ker', 'security', 'sec', 'linux', 'rust', 'ru', 'open source', 'chaos', 'über', 'uber', 'datenschutz', 'network', 'ne', 'cilium', 'ebpf', 'hack', 'ha', 'a'];

function hashsize(db: Database.Database): number | undefined {
  return db.prepare("SELECT v FROM session_fts_config WHERE k = 'hashsize'").pluck().get() as number | undefined;
}

function searchAll(db: Database.Database): Record<string, number[] | null> {
  return Object.fromEntries(SEARCHES.map((q) => [q, searchSessionIds(db, { search: q })]));
}

/** Every row, in the order of its first two columns (session_speaker has no rowid). */
const dump = (db: Database.Database, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

describe('migration 110 and 16 KiB pages', () => {
  it('migrates a populated schema-100 database: 4 KiB pages and every row kept, the buffer set, the same search results', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const current = openStore(join(tmp.dir, 'current.db'), { now: NOW }).db;
    commitText(current, FOSDEM, 'fosdem.xml', NOW);
    commitText(current, CILIUM, 'cilium.md', NOW);
    current.close();
    const dbPath = join(tmp.dir, 'clashless.db');
    copyIntoOldSchema(join(tmp.dir, 'current.db'), dbPath, MIGRATIONS.filter((m) => m.version <= 100), 100);
    const old = new Database(dbPath);
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    expect(hashsize(old)).toBeUndefined();
    const before = { found: searchAll(old), tables: Object.fromEntries(['conference', 'session', 'speaker', 'session_speaker'].map((t) => [t, dump(old, t)])) };
    expect(Object.values(before.found).filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(10);
    old.close();

    const { db } = openStore(dbPath, { now: NOW });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('page_size', { simple: true })).toBe(4096);
      expect(hashsize(db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchAll(db)).toEqual(before.found);
      for (const [table, rows] of Object.entries(before.tables)) expect(dump(db, table), table).toEqual(rows);
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
    expect(hashsize(fast.db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
    // SQLite's default, set back: every import below flushes the index many times over.
    plain.db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('hashsize', ?)").run(1024n * 1024n);
    for (const { db } of [fast, plain]) {
      commitText(db, CONGRESS_36, '36c3.xml', NOW);
      commitText(db, FOSDEM, 'fosdem.xml', NOW);
      commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(ftsCheck(db)).toBe('ok');
    }
    const found = searchAll(fast.db);
    expect(found).toEqual(searchAll(plain.db));
    expect(found['ke']!.length).toBeGreaterThan(100);
    expect(found['open source']!.length).toBeGreaterThan(10);
  });
});
