// Migration 100: the search index is keyed in schedule order, and a search's first page is read from
// it lazily. Proven on real files and real SQLite against the plain query it replaces (every match,
// then ORDER BY): a populated schema-90 database migrates with its index intact and every key as
// search-key.ts computes it; pages of every size end exactly where the plain query's do, inside a
// minute shared by many talks as well; a talk moved by a re-import, or by hand, is found where it
// now is; and a conference is kept apart whether its ids form one range or not.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { searchKey } from '../../src/main/store/search-key.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
import { ftsQuery } from '../../src/main/store/session-search.ts';
import { PEER_DIR } from '../fixtures/paths.ts';
import { commitText, openMigratedFrom, ftsCheck, oldConferenceSessions, SEED_DIR, frabEvents, tempStore, searchSessionIds } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const FOSDEM = readFileSync(join(PEER_DIR, 'frab-xml', 'fosdem_2021.xml'), 'utf8');
const CILIUM = readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8');

/** The plain query: every match, ordered by the session rows. What a page must agree with. */
function plainPage(db: Database.Database, search: string | null, limit: number, conferenceId?: number): number[] {
  const match = search === null ? null : ftsQuery(search);
  if (search !== null && match === null) throw new Error(`“${search}” is not a search`);
  const where = [
    ...(match === null ? [] : ['s.search_key IN (SELECT rowid FROM session_fts WHERE session_fts MATCH @match)']),
    ...(conferenceId === undefined ? [] : ['s.conference_id = @conferenceId'])
  ];
  return db
    .prepare(`SELECT s.id FROM session s ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.start_ms, s.end_ms, s.title, s.id LIMIT @limit`)
    .pluck()
    .all({ limit, ...(match === null ? {} : { match }), ...(conferenceId === undefined ? {} : { conferenceId }) }) as number[];
}

function unsearchedPage(db: Database.Database, limit: number): number[] {
  return listSessions(db, { limit }).map((s) => s.id);
}

function page(db: Database.Database, search: string, limit: number, conferenceId?: number): number[] {
  return listSessions(db, { search, limit, conferenceId }).map((s) => s.id);
}

function keysAgree(db: Database.Database): void {
  const rows = db.prepare('SELECT id, start_ms, search_key FROM session').safeIntegers(true).all() as { id: bigint; start_ms: bigint; search_key: bigint }[];
  expect(rows.length).toBeGreaterThan(0);
  const wrong = rows.filter((r) => searchKey(Number(r.start_ms), Number(r.id)) !== r.search_key);
  expect(wrong).toEqual([]);
}

/** A fresh database, closed (then removed) after the file's tests. */
function openTemp(): Database.Database {
  const { db, cleanup } = tempStore();
  cleanups.push(cleanup);
  return db;
}

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 1, 6, 9, 0);

describe('migration 100: the search index in schedule order', () => {
  it('migrates a populated schema-90 database: index intact, every key as search-key.ts computes it', () => {
    const { db, cleanup } = openMigratedFrom(90, (db) => {
      const insert = oldConferenceSessions(db);
      // Ids against start order, a start before 1970 and one far in the future (both clamped), seconds inside a minute.
      insert('late', 'Gardening late', null, T0 + 90 * MINUTE, T0 + 120 * MINUTE);
      insert('early', 'Gardening early', null, T0, T0 + 30 * MINUTE);
      insert('past', 'Gardening in 1969', null, -86_400_000, -86_400_000 + 30 * MINUTE);
      insert('far', 'Gardening in 2300', null, Date.UTC(2300, 0, 1), Date.UTC(2300, 0, 1) + 30 * MINUTE);
      insert('second', 'Gardening at thirty seconds', null, T0 + 30_000, T0 + 20 * MINUTE);
    });
    cleanups.push(cleanup);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(ftsCheck(db)).toBe('ok');
      keysAgree(db);
      const titles = listSessions(db, { search: 'gardening', limit: 10 }).map((s) => s.title);
      expect(titles).toEqual(['Gardening in 1969', 'Gardening early', 'Gardening at thirty seconds', 'Gardening late', 'Gardening in 2300']);
      for (let limit = 1; limit <= 5; limit++) expect(page(db, 'ga', limit)).toEqual(plainPage(db, 'ga', limit));
      // Without a search (one letter is none yet) every session is listed the same way.
      expect(listSessions(db, { search: 'g', limit: 10 }).map((s) => s.title)).toEqual(titles);
    } finally {
      db.close();
    }
  });

  it('every page of a real congress ends where the plain query ends, inside shared minutes too', () => {
    const db = openTemp();
    const { conferenceId } = commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2));
    // FOSDEM starts dozens of talks in the same minute: pages of these sizes end inside such minutes.
    const shared = db.prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM session GROUP BY start_ms / 60000)').pluck().get() as number;
    expect(shared).toBeGreaterThan(20);
    for (const search of ['th', 'de', 'linux', 'rust', 'open source', 'in']) {
      const total = plainPage(db, search, 100_000).length;
      expect(total, search).toBeGreaterThan(0);
      for (const limit of [1, 7, 50, 333, total, total + 5]) {
        if (search === 'th') expect(unsearchedPage(db, limit), `no search / ${limit}`).toEqual(plainPage(db, null, limit));
        expect(page(db, search, limit), `${search} / ${limit}`).toEqual(plainPage(db, search, limit));
        expect(page(db, search, limit, conferenceId), `${search} / ${limit} in the conference`).toEqual(plainPage(db, search, limit, conferenceId));
      }
    }
  });

  it('a talk moved by a re-import, and one moved in place, is found where it is now', () => {
    const db = openTemp();
    commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2));
    const events = frabEvents(FOSDEM);
    const first = events[0]!;
    // The first talk of the file gets a unique word and moves to the last day's evening.
    const moved = first
      .replace(/<title>[^<]*<\/title>/, '<title>Zeppelin scheduling</title>')
      .replace(/<start>[^<]*<\/start>/, '<start>23:30</start>');
    commitText(db, FOSDEM.replace(first, moved), 'fosdem_2021.xml', Date.UTC(2026, 0, 3));
    expect(ftsCheck(db)).toBe('ok');
    keysAgree(db);
    const [found] = listSessions(db, { search: 'zeppelin', limit: 5 });
    expect(found?.title).toBe('Zeppelin scheduling');
    const zone = db.prepare('SELECT time_zone FROM conference WHERE id = ?').pluck().get(found!.conferenceId) as string;
    expect(DateTime.fromMillis(found!.start, { zone }).toFormat('HH:mm')).toBe('23:30');
    expect(page(db, 'zeppelin scheduling', 1)).toEqual([found!.id]);

    // A start changed in place re-keys the row: the index follows through the trigger.
    db.prepare('UPDATE session SET start_ms = ?, end_ms = ? WHERE id = ?').run(Date.UTC(2021, 1, 6, 6, 0), Date.UTC(2021, 1, 6, 6, 30), found!.id);
    expect(ftsCheck(db)).toBe('ok');
    keysAgree(db);
    expect(page(db, 'zeppelin', 5)).toEqual([found!.id]);
    expect(page(db, 'sc', 1)).toEqual(plainPage(db, 'sc', 1));
  });

  it('refuses an import past the ids the key can hold, and changes nothing', () => {
    const db = openTemp();
    commitText(db, CILIUM, 'cilium.md', Date.UTC(2026, 0, 1));
    // The last id the key can hold, taken by hand: the next import's first session would be 2^36.
    db.prepare(
      `INSERT INTO session (id, conference_id, key, title, start_ms, end_ms, all_day, status, attributes, speakers_text, fingerprint, source_id)
       SELECT ?, conference_id, 'last-id', 'The last id', start_ms, end_ms, 0, 'scheduled', '{}', '', 'f', source_id FROM session LIMIT 1`
    ).run(2 ** 36 - 1);
    const before = db.prepare('SELECT count(*) FROM session').pluck().get();
    expect(() => commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2))).toThrow(/run out of session ids/);
    expect(db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(before);
    expect(ftsCheck(db)).toBe('ok');
  });

  it('keeps a conference apart whether its ids form one range or are broken by another import', () => {
    const db = openTemp();
    const cilium = commitText(db, CILIUM, 'cilium.md', Date.UTC(2026, 0, 1)).conferenceId;
    const fosdem = commitText(db, FOSDEM, 'fosdem_2021.xml', Date.UTC(2026, 0, 2)).conferenceId;
    // Cilium re-imported with one talk more: its ids are no longer one range (FOSDEM's lie between).
    const more = `${CILIUM.trimEnd()}\n\n[Cilium tracing for everyone - Ada Example, Example Org](https://example.org/talk)\n\n**Thursday, November 9 • 4:00 pm - 4:30pm**\n\nTracing with eBPF.\n`;
    commitText(db, more, 'cilium.md', Date.UTC(2026, 0, 3));
    const ids = db.prepare('SELECT id FROM session WHERE conference_id = ? ORDER BY id').pluck().all(cilium) as number[];
    expect(ids[ids.length - 1]! - ids[0]! + 1).toBeGreaterThan(ids.length);
    for (const search of ['cilium', 'ci', 'ebpf', 'tracing']) {
      for (const conferenceId of [cilium, fosdem]) {
        expect(page(db, search, 10, conferenceId), `${search} in ${conferenceId}`).toEqual(plainPage(db, search, 10, conferenceId));
        const all = new Set(plainPage(db, search, 100_000, conferenceId));
        expect(searchSessionIds(db, { search, conferenceId })).toEqual([...all].sort((a, b) => a - b));
      }
    }
  });
});
