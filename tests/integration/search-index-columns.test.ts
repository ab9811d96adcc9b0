// Migrations 120 and 130: the search index keeps no columns (FTS5 detail = none) and session_speaker
// has no index by speaker. Both make an import's commit faster and must change nothing a person
// sees. On real congress schedules: a populated schema-110 database keeps every row and finds what
// it found before; and on a new database, the index without columns finds exactly what an index
// with them (migration 100's) finds, for every word of the schedules and its first two, three and
// four letters, alone and in pairs.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { splitWords } from '../../src/shared/search-words.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { SEARCH_INDEX_BUFFER_BYTES } from '../../src/main/store/migrations/0110-search-index-buffer.ts';
import { openStore } from '../../src/main/store/open.ts';
import { searchSessionIds } from '../../src/main/store/session-search.ts';
import { commitText, ftsCheck, populatedAtVersion, searchResults, tableRows, tempDir, tempStore } from './helpers.ts';
import { CILIUM_NA_2023, CONGRESS_36, CONGRESS_38, FOSDEM_2021, searchIndexHashsize, TYPED_SEARCHES } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const NOW = Date.UTC(2026, 0, 1);

const ftsSql = (db: Database.Database) => db.prepare("SELECT sql FROM sqlite_master WHERE name = 'session_fts'").pluck().get() as string;
const hasSpeakerIndex = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'session_speaker_speaker'").pluck().get() !== undefined;

describe('migrations 120 and 130: an index without columns, links without a speaker index', () => {
  it('migrates a populated schema-110 database: every row kept, the same search results, the buffer kept', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = populatedAtVersion(tmp.dir, 110, (db) => {
      commitText(db, FOSDEM_2021, 'fosdem.xml', NOW);
      commitText(db, CILIUM_NA_2023, 'cilium.md', NOW);
    });
    const old = new Database(dbPath);
    expect(ftsSql(old)).toContain('detail = column');
    expect(hasSpeakerIndex(old)).toBe(true);
    const before = { found: searchResults(old, TYPED_SEARCHES), tables: Object.fromEntries(['conference', 'session', 'speaker', 'session_speaker'].map((t) => [t, tableRows(old, t)])) };
    expect(Object.values(before.found).filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(10);
    old.close();

    const { db } = openStore(dbPath, { now: NOW });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(ftsSql(db)).toContain('detail = none');
      expect(hasSpeakerIndex(db)).toBe(false);
      expect(searchIndexHashsize(db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchResults(db, TYPED_SEARCHES)).toEqual(before.found);
      for (const [table, rows] of Object.entries(before.tables)) expect(tableRows(db, table), table).toEqual(rows);
      // The next import is indexed and found like the rest; its speakers are linked.
      const added = commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(added.added).toBeGreaterThan(900);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchSessionIds(db, { search: 'Desiring Technology' })).toHaveLength(1);
      expect(db.prepare('SELECT count(*) FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id').pluck().get()).toBe(
        db.prepare('SELECT count(*) FROM session_speaker').pluck().get()
      );
    } finally {
      db.close();
    }
  });

  it('finds exactly what an index with columns finds: every word of three congresses, its prefixes, and pairs', () => {
    const lean = tempStore(NOW);
    const columns = tempStore(NOW);
    cleanups.push(lean.cleanup, columns.cleanup);
    // Migration 100's index, with its columns, in place of the new one.
    const sql = ftsSql(columns.db);
    columns.db.exec(`DROP TABLE session_fts; ${sql.replace('detail = none', 'detail = column')}`);
    expect(ftsSql(columns.db)).toContain('detail = column');
    for (const { db } of [lean, columns]) {
      commitText(db, CONGRESS_36, '36c3.xml', NOW);
      commitText(db, FOSDEM_2021, 'fosdem.xml', NOW);
      commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(ftsCheck(db)).toBe('ok');
    }
    // Every distinct word of every title, room, track and speaker, and its first 2, 3 and 4 letters.
    const texts = lean.db.prepare("SELECT title || ' ' || coalesce(room, '') || ' ' || coalesce(track, '') || ' ' || speakers_text FROM session").pluck().all() as string[];
    const words = [...new Set(texts.flatMap((t) => splitWords(t.toLowerCase())))].sort();
    expect(words.length).toBeGreaterThan(3000);
    const searches = new Set<string>(TYPED_SEARCHES);
    for (const w of words) {
      searches.add(w);
      for (const n of [2, 3, 4]) if (w.length > n) searches.add(w.slice(0, n));
    }
    // Pairs: each word with the next one in sorted order's first three letters.
    for (let i = 0; i + 1 < words.length; i += 7) searches.add(`${words[i]} ${words[i + 1]!.slice(0, 3)}`);
    const all = [...searches];
    const found = searchResults(lean.db, all);
    expect(found).toEqual(searchResults(columns.db, all));
    expect(Object.values(found).filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(3000);
  });
});
