// Reading conferences and sessions, with bound parameters only: the full session, the summaries the
// week and the catalog hold, and the small views other services need. Which sessions a list or a
// search finds, in what order, is session-search.ts; what an import writes is schedule-write.ts.
import type { Database as Db } from 'better-sqlite3';
import type { Conference, Session, SessionStatus, SessionSummary, Speaker } from '../../shared/domain.ts';
import { isoDateInZone } from '../../shared/time.ts';
import { textPool } from '../../shared/text-pool.ts';
import { LIST_LIMIT, ONE_CONFERENCE, sessionRows, type ListOptions } from './session-search.ts';
import { speakerNames, speakersOfRows } from './session-speakers.ts';

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
  speakers: string;
}

const SESSION_COLUMNS = `s.id, s.conference_id, s.key, s.title, s.description, s.start_ms, s.end_ms, s.all_day,
  s.venue, s.room, s.track, s.type, s.url, s.status, s.attributes, s.recording_url, s.speakers`;

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

/** Full sessions: the speakers are in each row (one read with it), their roles and bios looked up. */
function withSpeakers(db: Db, rows: SessionRow[]): Session[] {
  const speakers = speakersOfRows(db, rows);
  return rows.map((r, i) => toSession(r, speakers[i] ?? []));
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
 * The one query behind the catalog: sessions in schedule order, optionally of one conference and
 * matching a search. Schedule order, not relevance, as a catalog shows them: ranking every match
 * with bm25 cost 200 ms at 100k sessions while matching itself takes a few.
 */
export function listSessions(db: Db, opts: ListOptions): Session[] {
  return withSpeakers(db, sessionRows<SessionRow>(db, opts, SESSION_COLUMNS));
}


/** The columns of a SessionSummary, read as arrays in this order. */
const SUMMARY_COLUMNS = 's.id, s.conference_id, s.title, s.start_ms, s.end_ms, s.all_day, s.venue, s.room, s.track, s.type, s.status, s.speakers';
type SummaryRow = [number, number, string, number, number, number, string | null, string | null, string | null, string | null, SessionStatus, string];

/**
 * A conference's sessions as the week and the catalog hold them, in the catalog's order (see
 * listSessions). Built row by row as SQLite reads them (no array of rows beside the list), and
 * each repeated text (a place, a track, a type, a speaker's name) is one string however many
 * sessions name it (shared/text-pool.ts; the renderer shares them again after the transport). The
 * bench's memory probe holding 100,000 sessions has 49 MB of JS heap with these, and had 148 MB
 * with full sessions. One statement reads sessions and names alike (migration 130), so an import
 * committing meanwhile is seen whole or not at all.
 */
export function listSessionSummaries(db: Db, opts: { conferenceId: number; limit?: number | undefined }): SessionSummary[] {
  const shared = textPool();
  const list: SessionSummary[] = [];
  for (const [id, conferenceId, title, start, end, allDay, venue, room, track, type, status, speakers] of db
    .prepare(ONE_CONFERENCE(SUMMARY_COLUMNS))
    .raw()
    .iterate(opts.conferenceId, opts.limit ?? LIST_LIMIT) as IterableIterator<SummaryRow>) {
    list.push({
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
      speakerNames: speakerNames(speakers, shared)
    });
  }
  return list;
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
