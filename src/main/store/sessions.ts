// Reading conferences and sessions, with bound parameters only. What an import writes to these
// tables is in schedule-write.ts.
import type { Database as Db } from 'better-sqlite3';
import type { Conference, Session, SessionStatus, SessionSummary, Speaker } from '../../shared/domain.ts';
import { isoDateInZone } from '../../shared/time.ts';
import { splitWords } from '../../shared/search-words.ts';
import { ascendingIds } from '../../shared/id-runs.ts';
import { KEY_ID_SPAN, lastKeyOfMinute, searchKey } from './search-key.ts';

interface SessionRow {
  id: number;
  conference_id: number;
  key: string;
  title: string;
  description: string | null;
  start_ms: number;
  end_ms: number;
  all_day: number;
  venue: string | null;
  room: string | null;
  track: string | null;
  type: string | null;
  url: string | null;
  status: SessionStatus;
  attributes: string;
  recording_url: string | null;
}

const SESSION_COLUMNS = `s.id, s.conference_id, s.key, s.title, s.description, s.start_ms, s.end_ms, s.all_day,
  s.venue, s.room, s.track, s.type, s.url, s.status, s.attributes, s.recording_url`;

function parseAttributes(json: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function toSession(row: SessionRow, speakers: Speaker[]): Session {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    key: row.key,
    title: row.title,
    description: row.description,
    start: row.start_ms,
    end: row.end_ms,
    allDay: row.all_day === 1,
    venue: row.venue,
    room: row.room,
    track: row.track,
    type: row.type,
    url: row.url,
    status: row.status,
    speakers,
    attributes: parseAttributes(row.attributes),
    recordingUrl: row.recording_url
  };
}

interface SpeakerRow {
  session_id: number;
  name: string;
  affiliation: string;
  role: string | null;
  bio: string | null;
}

function speakersFor(db: Db, ids: readonly number[]): Map<number, Speaker[]> {
  const out = new Map<number, Speaker[]>();
  if (ids.length === 0) return out;
  // json_each keeps it one statement with one bound parameter, whatever the number of ids.
  const rows = db
    .prepare(
      `SELECT ss.session_id, sp.name, sp.affiliation, sp.role, sp.bio
         FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
        WHERE ss.session_id IN (SELECT value FROM json_each(?))
        ORDER BY ss.session_id, ss.position`
    )
    .all(JSON.stringify(ids)) as SpeakerRow[];
  for (const r of rows) {
    let list = out.get(r.session_id);
    if (!list) out.set(r.session_id, (list = []));
    list.push({ name: r.name, affiliation: r.affiliation === '' ? null : r.affiliation, role: r.role, bio: r.bio });
  }
  return out;
}

function withSpeakers(db: Db, rows: SessionRow[]): Session[] {
  const speakers = speakersFor(
    db,
    rows.map((r) => r.id)
  );
  return rows.map((r) => toSession(r, speakers.get(r.id) ?? []));
}

export function listConferences(db: Db): Conference[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.time_zone,
              (SELECT min(start_ms) FROM session WHERE conference_id = c.id AND status != 'removed') AS first_ms,
              (SELECT max(end_ms) FROM session WHERE conference_id = c.id AND status != 'removed') AS last_ms,
              (SELECT count(*) FROM session WHERE conference_id = c.id AND status != 'removed') AS n
         FROM conference c ORDER BY first_ms IS NULL, first_ms DESC, c.id`
    )
    .all() as { id: number; title: string; time_zone: string; first_ms: number | null; last_ms: number | null; n: number }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    timeZone: r.time_zone,
    startDate: r.first_ms === null ? null : isoDateInZone(r.first_ms, r.time_zone),
    // end is exclusive: a session ending at midnight belongs to the day before
    endDate: r.last_ms === null ? null : isoDateInZone(Math.max(r.first_ms ?? r.last_ms, r.last_ms - 1), r.time_zone),
    sessionCount: r.n
  }));
}

export function getConference(db: Db, id: number): { id: number; title: string; timeZone: string } | undefined {
  return db.prepare('SELECT id, title, time_zone AS timeZone FROM conference WHERE id = ?').get(id) as
    | { id: number; title: string; timeZone: string }
    | undefined;
}

/** Whether the database holds any conference at all (a first run seeds only an empty one). */
export function hasConferences(db: Db): boolean {
  return db.prepare('SELECT 1 FROM conference LIMIT 1').get() !== undefined;
}

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

interface ListOptions {
  conferenceId?: number | undefined;
  search?: string | undefined;
  limit?: number | undefined;
}

/** How many sessions a list gives when the caller does not say. */
const LIST_LIMIT = 20_000;

/** ORDER BY of the catalog: schedule order (the id last, so equal sessions always come in the same order). */
const SCHEDULE_ORDER = 'ORDER BY s.start_ms, s.end_ms, s.title, s.id';

/**
 * The one query behind the catalog: sessions in schedule order, optionally of one conference and
 * matching a search. Schedule order, not relevance, as a catalog shows them: ranking every match
 * with bm25 cost 200 ms at 100k sessions while matching itself takes a few.
 */
export function listSessions(db: Db, opts: ListOptions): Session[] {
  return withSpeakers(db, sessionRows<SessionRow>(db, opts, SESSION_COLUMNS));
}

/** One conference's sessions (the given columns of `session s`), in the catalog's order, by its (conference, start) index. */
const ONE_CONFERENCE = (columns: string): string => `SELECT ${columns} FROM session s WHERE s.conference_id = ? ${SCHEDULE_ORDER} LIMIT ?`;

/** The columns of a SessionSummary, read as arrays in this order. */
const SUMMARY_COLUMNS = 's.id, s.conference_id, s.title, s.start_ms, s.end_ms, s.all_day, s.venue, s.room, s.track, s.type, s.status';
type SummaryRow = [number, number, string, number, number, number, string | null, string | null, string | null, string | null, SessionStatus];

/**
 * A conference's sessions as the week and the catalog hold them, in the catalog's order (see
 * listSessions). Built row by row as SQLite reads them (no array of rows beside the list), and
 * each repeated text (a place, a track, a type, a speaker's name) is one string however many
 * sessions name it. The summaries of 100,000 sessions take about 30 MB of JS heap; the same
 * sessions in full took about 130 MB. Sessions and names are read in one transaction, so an import
 * committing meanwhile is seen whole or not at all.
 */
export function listSessionSummaries(db: Db, opts: { conferenceId: number; limit?: number | undefined }): SessionSummary[] {
  return db.transaction(() => readSummaries(db, opts.conferenceId, opts.limit ?? LIST_LIMIT))();
}

function readSummaries(db: Db, conference: number, limit: number): SessionSummary[] {
  const one = new Map<string, string>();
  const shared = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const kept = one.get(text);
    if (kept !== undefined) return kept as T;
    one.set(text, text);
    return text;
  };
  const list: SessionSummary[] = [];
  const byId = new Map<number, SessionSummary>();
  for (const [id, conferenceId, title, start, end, allDay, venue, room, track, type, status] of db
    .prepare(ONE_CONFERENCE(SUMMARY_COLUMNS))
    .raw()
    .iterate(conference, limit) as IterableIterator<SummaryRow>) {
    const summary: SessionSummary = {
      id,
      conferenceId,
      title,
      start,
      end,
      allDay: allDay === 1,
      venue: shared(venue),
      room: shared(room),
      track: shared(track),
      type: shared(type),
      status: shared(status),
      speakerNames: []
    };
    list.push(summary);
    byId.set(id, summary);
  }
  if (list.length === 0) return list;
  // The names, in order: of the whole conference by its own index when the list is all of it, else of the sessions listed.
  const namesOf = 'SELECT ss.session_id, sp.name FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id IN';
  const links = (
    list.length < limit
      ? db.prepare(`${namesOf} (SELECT id FROM session WHERE conference_id = ?) ORDER BY ss.session_id, ss.position`).raw().iterate(conference)
      : db.prepare(`${namesOf} (SELECT value FROM json_each(?)) ORDER BY ss.session_id, ss.position`).raw().iterate(JSON.stringify([...byId.keys()]))
  ) as IterableIterator<[number, string]>;
  // Links come grouped by session: each session's names are set once, as an array of their exact size.
  let speakers: string[] = [];
  let of: number | null = null;
  const settle = (): void => {
    const summary = of === null ? undefined : byId.get(of);
    if (summary) summary.speakerNames = speakers.slice();
    speakers = [];
  };
  for (const [id, name] of links) {
    if (id !== of) {
      settle();
      of = id;
    }
    speakers.push(shared(name));
  }
  settle();
  return list;
}

/** The rows (of the given columns of `session s`) behind the catalog's list, in its order. */
function sessionRows<R>(db: Db, opts: ListOptions, columns: string): R[] {
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
 * Ids of the sessions matching a search, ascending: what search-as-you-type needs (the catalog keeps
 * its own schedule order and only asks "is this one a match?"). Null when the text is not a search
 * yet.
 */
export function searchSessionIds(db: Db, opts: { conferenceId?: number | undefined; search: string }): number[] | null {
  const match = ftsQuery(opts.search);
  if (match === null) return null;
  return db.transaction(() => {
    const source = matchSource(db, match, opts.conferenceId);
    if (source === null) return [];
    // The ids come back as one JSON array built inside SQLite (handing 90,000 rows to JavaScript
    // one by one cost more than finding them), in index order; ascendingIds puts them in id order.
    const json = db.prepare(`SELECT json_group_array(id) FROM (${source.sql})`).pluck().get(source.params) as string;
    return ascendingIds(JSON.parse(json) as number[]);
  })();
}

export function getSessions(db: Db, ids: readonly number[]): Session[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${SESSION_COLUMNS} FROM session s WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SessionRow[];
  return withSpeakers(db, rows);
}

/** UIDs kept from before a key change (migration 0020), by session id, for the sessions that have one. */
export function exportUids(db: Db, sessionIds: readonly number[]): Map<number, string> {
  if (sessionIds.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, export_uid FROM session WHERE export_uid IS NOT NULL AND id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(sessionIds)) as { id: number; export_uid: string }[];
  return new Map(rows.map((r) => [r.id, r.export_uid]));
}

/** A session named by the CLI or planned: its id, conference and title. */
export interface SessionHead {
  id: number;
  conference_id: number;
  title: string;
}

/** Sessions whose key matches, across all conferences (the CLI's KEY arguments). */
export function findSessionsByKey(db: Db, key: string): SessionHead[] {
  return db.prepare('SELECT id, conference_id, title FROM session WHERE key = ?').all(key) as SessionHead[];
}

/** The sessions with these ids that exist. */
export function findSessionsByIds(db: Db, ids: readonly number[]): SessionHead[] {
  return db
    .prepare('SELECT id, conference_id, title FROM session WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as SessionHead[];
}

/** Start and end of every scheduled session of a conference (for where its days start). */
export function sessionSpans(db: Db, conferenceId: number): { start: number; end: number }[] {
  return db
    .prepare(`SELECT start_ms AS start, end_ms AS "end" FROM session WHERE conference_id = ? AND status = 'scheduled'`)
    .all(conferenceId) as { start: number; end: number }[];
}

/** The distinct venue/room pairs a conference's sessions name (all conferences when undefined). */
export function sessionPlaces(db: Db, conferenceId: number | undefined): { venue: string | null; room: string | null }[] {
  return db
    .prepare('SELECT DISTINCT venue, room FROM session WHERE (? IS NULL OR conference_id = ?)')
    .all(conferenceId ?? null, conferenceId ?? null) as { venue: string | null; room: string | null }[];
}

/** What a friend's agenda is matched against: every stored session's identity, key, UID, title and start. */
export function sessionIdentities(db: Db): { id: number; conferenceId: number; key: string; exportUid: string | null; title: string; start: number }[] {
  return db
    .prepare(`SELECT id, conference_id AS conferenceId, key, export_uid AS exportUid, title, start_ms AS start FROM session WHERE status != 'removed'`)
    .all() as { id: number; conferenceId: number; key: string; exportUid: string | null; title: string; start: number }[];
}
