// Migration 90: an import indexes its new sessions in one statement at the end, and the triggers
// step aside for exactly those rows. Proven on real files and real SQLite: a populated schema-80
// database migrates with its index intact; imports, re-imports with moved and dropped talks, and a
// failed import all leave an index that FTS5's own integrity-check accepts against the session
// table, every session findable, and no trace of the deferral.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/open.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { PEER_DIR } from '../fixtures/paths.ts';
import { commitText, openMigratedFrom, ftsCheck, oldConferenceSessions, SEED_DIR, tempDir, frabEvents, searchSessionIds } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const FOSDEM = readFileSync(join(PEER_DIR, 'frab-xml', 'fosdem_2021.xml'), 'utf8');
const CILIUM = readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8');

/** Every session's id is what a search for a word of its own title finds. */
function everyTitleFindable(db: Database.Database): void {
  const rows = db.prepare('SELECT id, title FROM session ORDER BY id').all() as { id: number; title: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows.filter((_, i) => i % 7 === 0)) {
    const word = r.title.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 4);
    if (!word) continue;
    expect(searchSessionIds(db, { search: word }), `“${word}” from “${r.title}”`).toContain(r.id);
  }
}

// session_fts_docsize has one row per indexed session (a count of session_fts would count the session table).
const deferred = (db: Database.Database) => db.prepare("SELECT value FROM setting WHERE key = 'search.deferred'").pluck().get();
// The import sets the insert trigger aside and creates it again from its own text (deferSearchIndex).
const insertTrigger = (db: Database.Database) =>
  db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'session_fts_after_insert'").pluck().get() as string | undefined;

/** A session added outside an import (as schema 80 wrote them) is indexed by the insert trigger at once. */
function triggerIndexes(db: Database.Database): void {
  const conferenceId = db.prepare('SELECT min(id) FROM conference').pluck().get() as number;
  const sourceId = db.prepare('SELECT min(id) FROM source WHERE conference_id = ?').pluck().get(conferenceId) as number;
  const id = Number(
    db
      .prepare(
        `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, status, attributes, speakers_text, fingerprint, source_id)
         VALUES (?, 'by-hand', 'Xylophone acoustics', NULL, 5000, 6000, 0, 'scheduled', '{}', '', 'f', ?)`
      )
      .run(conferenceId, sourceId).lastInsertRowid
  );
  expect(searchSessionIds(db, { search: 'xylophone' })).toEqual([id]);
  db.prepare('DELETE FROM session WHERE id = ?').run(id);
  expect(ftsCheck(db)).toBe('ok');
}

describe('migration 90: the search index of an import is written in one statement', () => {
  it('migrates a populated schema-80 database with its index intact, then indexes imports set-based', () => {
    const { db, cleanup } = openMigratedFrom(80, (db) => {
      // Rows written the way schema 80 wrote them: the row triggers index each one.
      const insert = oldConferenceSessions(db);
      insert('a', 'Quantum gardening for operators', 'Soil and qubits.', 1_000, 2_000, 'Ada Lovelace');
      insert('b', 'Kernel tracing without tears', null, 3_000, 4_000, 'Linus Example');
    });
    cleanups.push(cleanup);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const trigger = insertTrigger(db);
      expect(trigger).toMatch(/^CREATE TRIGGER session_fts_after_insert AFTER INSERT ON session/);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchSessionIds(db, { search: 'qubits' })).toEqual([1]);
      expect(searchSessionIds(db, { search: 'tracing' })).toEqual([2]);

      const first = commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2));
      expect(first.added).toBeGreaterThan(700);
      expect(deferred(db)).toBeUndefined();
      expect(insertTrigger(db)).toBe(trigger);
      triggerIndexes(db);
      expect(ftsCheck(db)).toBe('ok');
      const fosdemCount = db.prepare('SELECT count(*) FROM session WHERE conference_id = ?').pluck().get(first.conferenceId) as number;
      expect(db.prepare('SELECT count(*) FROM session_fts_docsize').pluck().get()).toBe(2 + fosdemCount);
      everyTitleFindable(db);

      // A re-import where talks moved, one was retitled and one dropped: updates and removals of
      // rows indexed in the earlier import go through the triggers, new rows through the flush.
      const events = frabEvents(FOSDEM);
      const changed = FOSDEM.replace(events[0]!, events[0]!.replace(/<title>[^<]*<\/title>/, '<title>Zebra migration patterns</title>')).replace(events[1]!, '');
      const second = commitText(db, changed, 'fosdem_2021.xml', Date.UTC(2026, 0, 3));
      expect(second.conferenceId).toBe(first.conferenceId);
      expect(second.updated + second.removed).toBeGreaterThan(0);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchSessionIds(db, { search: 'zebra' })?.length).toBe(1);

      commitText(db, CILIUM, 'cilium.md', Date.UTC(2026, 0, 4));
      expect(ftsCheck(db)).toBe('ok');
      expect(insertTrigger(db)).toBe(trigger);
      everyTitleFindable(db);
    } finally {
      db.close();
    }
  });

  it('an import that fails halfway leaves no rows, no index entries and no deferral behind', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const { db } = openStore(join(tmp.dir, 'clashless.db'), { now: Date.UTC(2026, 0, 1) });
    try {
      const trigger = insertTrigger(db);
      commitText(db, CILIUM, 'cilium.md', Date.UTC(2026, 0, 1));
      const sessions = db.prepare('SELECT count(*) FROM session').pluck().get();
      const indexed = db.prepare('SELECT count(*) FROM session_fts_docsize').pluck().get();
      expect(() =>
        commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2), (done) => {
          if (done >= 500) throw new Error('disk pulled out');
        })
      ).toThrow('disk pulled out');
      expect(db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(sessions);
      expect(db.prepare('SELECT count(*) FROM session_fts_docsize').pluck().get()).toBe(indexed);
      expect(deferred(db)).toBeUndefined();
      expect(insertTrigger(db)).toBe(trigger);
      triggerIndexes(db);
      expect(ftsCheck(db)).toBe('ok');
      // The next import is indexed as usual.
      commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 3));
      expect(ftsCheck(db)).toBe('ok');
      everyTitleFindable(db);
    } finally {
      db.close();
    }
  });
});
