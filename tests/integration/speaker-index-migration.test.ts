// Migration 120: session_speaker has no index by speaker, which nothing read; an import's commit
// is faster without it and nothing a person sees may change. On real schedules: a populated
// schema-110 database, migrated to today's schema (where migration 130 then moves the links onto
// the sessions), keeps every row, finds what it found, and reads every speaker of every session as
// before; the next import's speakers are read back like the rest.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { SEARCH_INDEX_BUFFER_BYTES } from '../../src/main/store/migrations/0110-search-index-buffer.ts';
import { openStore } from '../../src/main/store/open.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { commitText, ftsCheck, tempDir, searchSessionIds } from './helpers.ts';
import { CONGRESS_38, corpusAtVersion, expectCorpusKept, searchesAndRows, searchIndexHashsize } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const NOW = Date.UTC(2026, 0, 1);

const hasSpeakerIndex = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'session_speaker_speaker'").pluck().get() !== undefined;

describe('migration 120: links without an index by speaker', () => {
  it('migrates a populated schema-110 database: every row, search result and speaker list kept', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const { dbPath, sessions } = corpusAtVersion(tmp.dir, 110, NOW);
    const old = new Database(dbPath);
    expect(hasSpeakerIndex(old)).toBe(true);
    const before = searchesAndRows(old);
    old.close();

    const { db } = openStore(dbPath, { now: NOW });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(hasSpeakerIndex(db)).toBe(false);
      expect(searchIndexHashsize(db)).toBe(SEARCH_INDEX_BUFFER_BYTES);
      expect(ftsCheck(db)).toBe('ok');
      expectCorpusKept(db, before, sessions);
      // The next import is indexed and found like the rest; every speaker it names is read back.
      const added = commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(added.added).toBeGreaterThan(900);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchSessionIds(db, { search: 'Desiring Technology' })).toHaveLength(1);
      const named = parseImport(CONGRESS_38, { fileName: '38c3.xml' }).sessions.reduce((n, s) => n + s.speakers.length, 0);
      expect(named).toBeGreaterThan(900);
      const read = listSessions(db, { conferenceId: added.conferenceId }).reduce((n, s) => n + s.speakers.length, 0);
      expect(read).toBe(named);
    } finally {
      db.close();
    }
  });
});
