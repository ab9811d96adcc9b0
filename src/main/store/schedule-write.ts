// What an import writes: the conference, its source, its sessions and their speakers (in the format
// of session-speakers.ts). The merge
// (import/merge.ts) decides what to add, update and mark removed; this module only runs the SQL,
// inside the merge's one transaction. The search index (session_fts) follows the session rows
// through triggers (migrations 30, 90 and 100), except for the rows an import adds, which
// deferSearchIndex indexes at once.
import type { Database as Db } from 'better-sqlite3';
import type { ParsedSchedule, ParsedSession } from '../../shared/domain.ts';
import { ClashlessError } from '../../shared/errors.ts';
import { asBound, speakerDetails, speakersColumn, speakersSearchText } from './session-speakers.ts';
import { writeSetting } from './settings-table.ts';

/** A stored session as the merge compares it with the schedule. */
export interface MergeRow {
  id: number;
  key: string;
  title: string;
  start_ms: number;
  end_ms: number;
  venue: string | null;
  room: string | null;
  status: string;
  fingerprint: string;
}

/** A conference with how many of its live sessions it has and how many of some keys it shares. */
export interface ConferenceShare {
  id: number;
  title: string;
  identity: string;
  live: number;
  shared: number;
}

export function conferenceByIdentity(db: Db, identity: string): { id: number; title: string } | undefined {
  return db.prepare('SELECT id, title FROM conference WHERE identity = ?').get(identity) as { id: number; title: string } | undefined;
}

/** Every conference, oldest first, with its live (not removed) sessions and how many of `keys` they hold. */
export function conferenceShares(db: Db, keys: readonly string[]): ConferenceShare[] {
  return db
    .prepare(
      `SELECT c.id, c.title, c.identity,
              (SELECT count(*) FROM session s WHERE s.conference_id = c.id AND s.status != 'removed') AS live,
              (SELECT count(*) FROM json_each(?) k
                WHERE EXISTS (SELECT 1 FROM session s WHERE s.conference_id = c.id AND s.key = k.value AND s.status != 'removed')) AS shared
         FROM conference c ORDER BY c.id`
    )
    .all(JSON.stringify(keys)) as ConferenceShare[];
}

/** Whether a conference already has this title or this identity. */
export function conferenceNameTaken(db: Db, title: string, identity: string): boolean {
  return db.prepare('SELECT 1 FROM conference WHERE title = ? OR identity = ?').pluck().get(title, identity) !== undefined;
}

/** A re-import: the file's title and zone, except that a title the person chose (migration 60) stays. */
export function updateImportedConference(db: Db, conferenceId: number, title: string, timeZone: string): void {
  db.prepare('UPDATE conference SET title = CASE title_custom WHEN 1 THEN title ELSE ? END, time_zone = ? WHERE id = ?').run(
    title,
    timeZone,
    conferenceId
  );
}

export function insertConference(db: Db, c: { title: string; identity: string; timeZone: string; now: number }): number {
  return Number(
    db.prepare('INSERT INTO conference (title, identity, time_zone, created_at) VALUES (?, ?, ?, ?)').run(c.title, c.identity, c.timeZone, c.now)
      .lastInsertRowid
  );
}

/** Keep what was imported, with its zone decision; returns the source id. */
export function insertSource(
  db: Db,
  conferenceId: number,
  schedule: ParsedSchedule,
  s: { fileName: string | null; contentHash: string; rawText: string; now: number }
): number {
  const st = db.prepare(
    `INSERT INTO source (conference_id, format, file_name, content_hash, raw_text, zone_rule, zone_detail, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  );
  return Number(
    st.run(conferenceId, schedule.format, s.fileName, s.contentHash, s.rawText, schedule.zone.rule, schedule.zone.detail, s.now).lastInsertRowid
  );
}

export function mergeRows(db: Db, conferenceId: number): MergeRow[] {
  return db
    .prepare('SELECT id, key, title, start_ms, end_ms, venue, room, status, fingerprint FROM session WHERE conference_id = ?')
    .all(conferenceId) as MergeRow[];
}

/** What the merge computed for a session besides the parsed fields. */
export interface SessionExtras {
  fingerprint: string;
  sourceId: number;
}

/**
 * The id the next new session gets: the highest so far plus one, which is also SQLite's choice for
 * a row written without one. The search index's deferral starts there, and sessionWriter counts on
 * from it, so the two always agree on which sessions an import adds.
 */
function nextSessionId(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) + 1 FROM session').pluck().get() as number;
}

/** The setting the search triggers read (migration 90): the first session id not indexed yet. */
const SEARCH_DEFERRED = 'search.deferred';

/**
 * Index the sessions an import adds in one statement when it is done, instead of one trigger run
 * per row (migration 90 says how the triggers step aside). Call inside the import's transaction;
 * `flush()` before it commits. Every session inserted in between is indexed by `flush()`, with the
 * values it has by then; every session that existed before is indexed by the triggers as always.
 *
 * The insert trigger is also set aside for the import (dropped, and created again from its own
 * stored text by `flush()`): SQLite runs a trigger's program for every row even when its WHEN
 * clause is false, which was 0.6 s of a 4.8 s import of 100,000 sessions. Both steps are inside the
 * import's transaction, so a failed or interrupted import rolls the drop back with everything else.
 */
export function deferSearchIndex(db: Db): { flush(): void } {
  const from = nextSessionId(db);
  writeSetting(db, SEARCH_DEFERRED, String(from));
  const insertTrigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'session_fts_after_insert'").pluck().get() as
    | string
    | undefined;
  if (insertTrigger !== undefined) db.exec('DROP TRIGGER session_fts_after_insert');
  return {
    flush() {
      // In key order: FTS5 buffers new rows while their keys ascend and writes what it holds to disk
      // whenever one goes back (in id order, 38C3's import took 150 ms instead of 75).
      db.prepare(
        `INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
         SELECT search_key, title, description, speakers_text, track, room FROM session WHERE id >= ? ORDER BY search_key`
      ).run(from);
      if (insertTrigger !== undefined) db.exec(insertTrigger);
      writeSetting(db, SEARCH_DEFERRED, null);
    }
  };
}

/** The values of one session row that sessionWriter inserts. */
const SESSION_VALUES = 20;

/**
 * New sessions written per statement. One statement per session was 0.73 s of the bench's
 * 100,000-session commit, 64 per statement 0.53 s (8 gained little, 128 nothing more); 64 rows
 * are 1,280 bound values, far below SQLite's limit of 32,766.
 */
const SESSIONS_PER_STATEMENT = 64;

/**
 * The session and speaker writes of one import, each statement prepared once (an import may write
 * tens of thousands of rows). Who speaks is written with each session row (session-speakers.ts).
 * A speaker's role and bio go to the `speaker` table, found or created by (name, affiliation): the
 * first role and the first bio the import gives a speaker decide them, and what a schedule leaves
 * out (null or empty) never erases what an earlier import stored. They are written set-based by
 * `finish()`, in one statement.
 *
 * New sessions are written SESSIONS_PER_STATEMENT at a time, with the ids SQLite would give them
 * one by one (the highest id so far plus one, in order), so `insert()` returns the id at once.
 * `flush()` writes what is still held: call it before anything refers to a new session (a change
 * row) or reads sessions. `finish()` flushes, must run before anything in the import reads
 * speakers, and before it commits.
 */
export function sessionWriter(db: Db) {
  const columns = `id, conference_id, key, title, description, start_ms, end_ms, all_day, venue, room, track, type,
                   url, status, attributes, speakers_text, fingerprint, source_id, recording_url, speakers`;
  const row = `(${Array.from({ length: SESSION_VALUES }, () => '?').join(', ')})`;
  const insertSession = db.prepare(`INSERT INTO session (${columns}) VALUES ${row}`);
  const insertSessions = db.prepare(`INSERT INTO session (${columns}) VALUES ${Array.from({ length: SESSIONS_PER_STATEMENT }, () => row).join(', ')}`);
  let nextId = nextSessionId(db);
  /** The values of the sessions inserted but not written yet, one after the other. */
  const held: unknown[] = [];
  const flush = (): void => {
    for (let at = 0; at < held.length; at += SESSION_VALUES) insertSession.run(held.slice(at, at + SESSION_VALUES));
    held.length = 0;
  };
  const updateSession = db.prepare(
    `UPDATE session SET title = ?, description = ?, start_ms = ?, end_ms = ?, all_day = ?, venue = ?, room = ?, track = ?,
            type = ?, url = ?, status = ?, attributes = ?, speakers_text = ?, fingerprint = ?, source_id = ?,
            recording_url = ?, speakers = ?
      WHERE id = ?`
  );
  const markStatus = db.prepare('UPDATE session SET status = ?, source_id = ? WHERE id = ?');
  // A speaker stored before keeps what they had where the schedule says nothing (a null role or bio).
  const upsertSpeakers = db.prepare(
    `INSERT INTO speaker (name, affiliation, role, bio)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?) WHERE true
     ON CONFLICT (name, affiliation) DO UPDATE SET role = coalesce(excluded.role, role), bio = coalesce(excluded.bio, bio)`
  );
  /** Each speaker the import gives a role or bio: [name, affiliation, the first role given, the first bio given]. */
  const details = new Map<string, [string, string, string | null, string | null]>();

  const noteDetails = (s: ParsedSession): void => {
    for (const p of s.speakers) {
      if (!p.role && !p.bio) continue;
      const name = asBound(p.name);
      const affiliation = asBound(p.affiliation ?? '');
      const key = `${name}\u001f${affiliation}`;
      const { role, bio } = speakerDetails(p);
      const known = details.get(key);
      if (!known) details.set(key, [name, affiliation, role, bio]);
      else {
        known[2] ??= role;
        known[3] ??= bio;
      }
    }
  };

  return {
    /** Add a session with its speakers; returns its id. */
    insert(conferenceId: number, s: ParsedSession, x: SessionExtras): number {
      const id = nextId++;
      // The search key (migration 100) holds the id below 2^36; past that it would name another session.
      if (id >= 2 ** 36) throw new ClashlessError('internal', 'This database has run out of session ids; export your plan and start a new database.');
      held.push(
        id, conferenceId, s.key, s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track,
        s.type, s.url, s.status, JSON.stringify(s.attributes), speakersSearchText(s.speakers), x.fingerprint, x.sourceId, s.recordingUrl ?? null, speakersColumn(s.speakers)
      );
      if (held.length === SESSION_VALUES * SESSIONS_PER_STATEMENT) {
        insertSessions.run(held);
        held.length = 0;
      }
      noteDetails(s);
      return id;
    },
    /** Write the sessions inserted so far. */
    flush,
    /** Replace a stored session's fields and speakers with the schedule's. */
    update(sessionId: number, s: ParsedSession, x: SessionExtras): void {
      flush();
      updateSession.run(
        s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track, s.type, s.url, s.status,
        JSON.stringify(s.attributes), speakersSearchText(s.speakers), x.fingerprint, x.sourceId, s.recordingUrl ?? null, speakersColumn(s.speakers),
        sessionId
      );
      noteDetails(s);
    },
    /** A session the schedule no longer has: kept, marked removed (a planned one stays visible). */
    markRemoved(sessionId: number, sourceId: number): void {
      flush();
      markStatus.run('removed', sourceId, sessionId);
    },
    /** Write what is held, and the roles and bios of the speakers of every session inserted or updated so far. */
    finish(): void {
      flush();
      if (details.size > 0) upsertSpeakers.run(JSON.stringify([...details.values()]));
      details.clear();
    }
  };
}
