// Migration 0040 on a real schema-30 database holding two real conferences, one of them imported
// in two parts around the other (so its session ids are not one range): after opening with the
// current code the index exists, nothing else changed, the keystroke query uses the index, and
// searches within each conference give what the session list's own search gives.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/open.ts';
import { createCore } from '../../src/main/store/migrations/0010-create-core.ts';
import { talkKeys } from '../../src/main/store/migrations/0020-talk-keys.ts';
import { sessionFtsTriggers } from '../../src/main/store/migrations/0030-session-fts-triggers.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
import { commitText, copyIntoOldSchema, SEED_DIR, tempDir, searchSessionIds } from './helpers.ts';
import { speakersBySession } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const KUBECON = readFileSync(join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');
const CILIUM = readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8');

const tableDump = (db: Database.Database, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

describe('migration 0040: sessions indexed by conference', () => {
  it('adds the index to a populated schema-30 database, changes no row, and keystroke searches use it', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'clashless.db');
    // The rows are written by today's merge into a current database, then copied, column by column
    // of schema 30, into a schema-30 database.
    const current = openStore(join(tmp.dir, 'current.db'), { now: Date.UTC(2024, 9, 1) }).db;
    const firstTalk = KUBECON.indexOf('11:15am MST');
    commitText(current, KUBECON.slice(0, firstTalk) + KUBECON.slice(KUBECON.indexOf('12:10pm MST')), 'kubecon.txt', Date.UTC(2024, 9, 1));
    commitText(current, CILIUM, 'cilium.md', Date.UTC(2024, 9, 2));
    commitText(current, KUBECON, 'kubecon.txt', Date.UTC(2024, 9, 3));
    current.close();
    copyIntoOldSchema(join(tmp.dir, 'current.db'), dbPath, [createCore, talkKeys, sessionFtsTriggers], 30);
    const old = new Database(dbPath);
    const before = Object.fromEntries(['conference', 'session'].map((t) => [t, tableDump(old, t)]));
    const speakers = speakersBySession(old);
    old.close();

    const { db } = openStore(dbPath, { now: Date.UTC(2024, 9, 4) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'session_conference_id'").pluck().get()).toMatch(/ON session\s*\(conference_id\)/);
      // Every row as it was; later migrations only add columns (title_custom 0 for imported titles;
      // search_key is computed from the row, tests/integration/search-order.test.ts; the speakers
      // move onto the session row, migration 130, and read the same).
      for (const [table, rows] of Object.entries(before)) {
        const now = tableDump(db, table).map((r) => {
          const { title_custom: custom, reminder_minutes: _r, recording_url: recording, search_key: _k, speakers: _s, ...rest } = r as Record<string, unknown>;
          if (custom !== undefined) expect(custom).toBe(0);
          if (recording !== undefined) expect(recording).toBeNull();
          return rest;
        });
        expect(now, table).toEqual(rows);
      }
      expect(Object.keys(speakers).length).toBeGreaterThan(10);
      expect(speakersBySession(db)).toEqual(speakers);
      const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT min(id) FROM session WHERE conference_id = ?').all(1) as { detail: string }[]).map((r) => r.detail).join(' ');
      expect(plan).toContain('session_conference_id');

      const conferences = db.prepare('SELECT id FROM conference ORDER BY id').pluck().all() as number[];
      expect(conferences).toHaveLength(2);
      for (const conferenceId of conferences) {
        for (const search of ['gateway', 'ci', 'the', 'protasowski', 'zzzz']) {
          const expected = listSessions(db, { conferenceId, search }).map((s) => s.id).sort((a, b) => a - b);
          expect(searchSessionIds(db, { conferenceId, search }), `${conferenceId} ${search}`).toEqual(expected);
        }
      }
    } finally {
      db.close();
    }
  });
});
