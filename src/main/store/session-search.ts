// Finding sessions in the catalog's order: one conference by its (conference, start) index, every
// conference or the matches of a search by the search key (migration 100, search-key.ts), which
// follows schedule order so the walk stops after one page. The rows are read by sessions.ts,
// which turns them into sessions and summaries; this file owns the search index's queries.
import type { Database as Db } from 'better-sqlite3';
import { splitWords } from '../../shared/search-words.ts';
import { idRunsOf, type IdRunList } from '../../shared/id-runs.ts';
import { KEY_ID_SPAN, lastKeyOfMinute, searchKey } from './search-key.ts';

/**
 * Turn what a person types into an FTS5 query: every word must match, the last one as a prefix
 * (search-as-you-type). Quotes make each word a literal, so FTS syntax in the input is inert.
 * A lone one-letter prefix matches most of a big schedule and narrows nothing, so it is not a
 * search yet: null means "show everything" until the second letter.
 */
export function ftsQuery(search: string): string | null {
  const words = splitWords(search.normalize('NFKC')).slice(0, 12);
  if (words.length === 1 && [...words[0]!].length < 2) return null;
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export interface ListOptions {
  conferenceId?: number | undefined;
  search?: string | undefined;
  limit?: number | undefined;
}

/** How many sessions a list gives when the caller does not say. */
export const LIST_LIMIT = 20_000;

/** ORDER BY of the catalog: schedule order (the id last, so equal sessions always come in the same order). */
const SCHEDULE_ORDER = 'ORDER BY s.start_ms, s.end_ms, s.title, s.id';

/** One conference's sessions (the given columns of `session s`), in the catalog's order, by its (conference, start) index. */
export const ONE_CONFERENCE = (columns: string): string => `SELECT ${columns} FROM session s WHERE s.conference_id = ? ${SCHEDULE_ORDER} LIMIT ?`;

/** The rows (of the given columns of `session s`) behind the catalog's list, in its order. */
export function sessionRows<R>(db: Db, opts: ListOptions, columns: string): R[] {
  const limit = opts.limit ?? LIST_LIMIT;
  const match = opts.search ? ftsQuery(opts.search) : null;
  if (match !== null) return db.transaction(() => firstInKeyOrder<R>(db, matchSource(db, match, opts.conferenceId), limit, columns))();
  // Every conference: the first page by the search key's index, not a sort of every session (38 ms at 100k).
  if (opts.conferenceId === undefined) return db.transaction(() => firstInKeyOrder<R>(db, EVERY_SESSION, limit, columns))();
  // One conference: its (conference, start) index.
  return db.prepare(ONE_CONFERENCE(columns)).all(opts.conferenceId, limit) as R[];
}

/** Rows in search-key order: `k` the key, `id` the session; `key` names the key's column for ORDER BY and ranges. */
interface KeyedSource {
  sql: string;
  key: string;
  params: Record<string, unknown>;
}

const EVERY_SESSION: KeyedSource = { sql: 'SELECT a.search_key AS k, a.id AS id FROM session a WHERE a.search_key IS NOT NULL', key: 'a.search_key', params: {} };

/**
 * The first `limit` rows of a source in schedule order, read in key order (start minute, then id;
 * search-key.ts) so the walk stops after one page however many rows there are. Within one minute
 * the key does not follow schedule order, so the page is widened to the end of its last key's minute
 * and ordered by the session rows: exact, and only that minute's sessions more (minute 0 holds every
 * start before 1970 and the last one every start after about 2223, search-key.ts).
 */
function firstInKeyOrder<R>(db: Db, source: KeyedSource | null, limit: number, columns: string): R[] {
  if (source === null) return [];
  const keys = db
    .prepare(`${source.sql} ORDER BY ${source.key} LIMIT @limit`)
    .pluck()
    .safeIntegers(true)
    .all({ ...source.params, limit }) as bigint[];
  const first = keys[0];
  const lastFound = keys[keys.length - 1];
  if (first === undefined || lastFound === undefined) return [];
  const last = keys.length < limit ? lastFound : lastKeyOfMinute(lastFound);
  return db
    .prepare(
      `SELECT ${columns} FROM (${source.sql} AND ${source.key} BETWEEN @first AND @last) h
       CROSS JOIN session s ON s.search_key = h.k ${SCHEDULE_ORDER} LIMIT @limit`
    )
    .all({ ...source.params, first, last, limit }) as R[];
}

/**
 * The matches of one search as rows (k: the index key, id: the session id), optionally of one
 * conference; null when that conference has no sessions. Only the search index is read when it can
 * be: joining every match to its session row to test the conference cost 70–110 ms for a two-letter
 * prefix at 100k sessions. A conference's keys lie between those of its first and last start, a
 * range FTS5 walks by itself, so other conferences' matches outside its dates are never read.
 * Within that range, a conference that no other conference's ids fall inside (every single import)
 * is told apart by the id part of the key; any other joins its session rows.
 * Call inside a read transaction, so the proof and the search see the same snapshot.
 */
function matchSource(db: Db, match: string, conferenceId: number | undefined): KeyedSource | null {
  const id = `(f.rowid % ${KEY_ID_SPAN})`;
  const fromIndex = `SELECT f.rowid AS k, ${id} AS id FROM session_fts f WHERE session_fts MATCH @match`;
  if (conferenceId === undefined) return { sql: fromIndex, key: 'f.rowid', params: { match } };
  // Single statements, not one: min and max each use an index as a lookup only when asked alone
  // ((conference_id, id) of migration 40, (conference_id, start_ms)); together SQLite scans.
  const one = (sql: string): number | null => db.prepare(sql).pluck().get(conferenceId) as number | null;
  const lo = one('SELECT min(id) FROM session WHERE conference_id = ?');
  const hi = one('SELECT max(id) FROM session WHERE conference_id = ?');
  if (lo === null || hi === null) return null;
  const ownsItsIdRange = noOtherConferenceBetween(db, conferenceId, lo, hi);
  // Every session there is lies from lo to hi (the usual case: one conference): nothing to filter.
  if (ownsItsIdRange) {
    const first = db.prepare('SELECT min(id) FROM session').pluck().get() as number;
    const last = db.prepare('SELECT max(id) FROM session').pluck().get() as number;
    if (lo <= first && hi >= last) return { sql: fromIndex, key: 'f.rowid', params: { match } };
  }
  const firstStart = one('SELECT min(start_ms) FROM session WHERE conference_id = ?') as number;
  const lastStart = one('SELECT max(start_ms) FROM session WHERE conference_id = ?') as number;
  const dates = { fromKey: searchKey(firstStart, 0), toKey: lastKeyOfMinute(searchKey(lastStart, 0)) };
  if (ownsItsIdRange) {
    return {
      sql: `${fromIndex} AND f.rowid BETWEEN @fromKey AND @toKey AND ${id} BETWEEN @lo AND @hi`,
      key: 'f.rowid',
      params: { match, lo, hi, ...dates }
    };
  }
  return {
    sql: `SELECT f.rowid AS k, c.id AS id FROM session_fts f CROSS JOIN session c ON c.search_key = f.rowid
           WHERE session_fts MATCH @match AND f.rowid BETWEEN @fromKey AND @toKey AND c.conference_id = @conferenceId`,
    key: 'f.rowid',
    params: { match, conferenceId, ...dates }
  };
}

/**
 * Whether no session of another conference has an id from lo to hi: then "id from lo to hi" picks
 * exactly this conference's sessions. One index seek per other conference: microseconds even for
 * hundreds of conferences, where counting the conference's sessions cost 3 ms at 100,000.
 */
function noOtherConferenceBetween(db: Db, conferenceId: number, lo: number, hi: number): boolean {
  const others = db.prepare('SELECT id FROM conference WHERE id <> ?').pluck().all(conferenceId) as number[];
  const seek = db.prepare('SELECT 1 FROM session WHERE conference_id = ? AND id BETWEEN ? AND ? LIMIT 1');
  return others.every((other) => seek.get(other, lo, hi) === undefined);
}

/**
 * The sessions matching a search, as runs of ids: what search-as-you-type needs (the catalog keeps
 * its own schedule order and only asks "is this one a match?", shared/id-runs.ts). Null when the
 * text is not a search yet.
 */
export function searchSessionRuns(db: Db, opts: { conferenceId?: number | undefined; search: string }): IdRunList | null {
  const match = ftsQuery(opts.search);
  if (match === null) return null;
  return db.transaction(() => {
    const source = matchSource(db, match, opts.conferenceId);
    if (source === null) return [];
    // The ids come back as one JSON array built inside SQLite (handing 90,000 rows to JavaScript
    // one by one cost more than finding them), in index order; idRunsOf needs no order.
    const json = db.prepare(`SELECT json_group_array(id) FROM (${source.sql})`).pluck().get(source.params) as string;
    return idRunsOf(JSON.parse(json) as number[]);
  })();
}
