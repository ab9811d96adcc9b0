// What an import writes: the conference, its source, its sessions and their speakers. The merge
// (import/merge.ts) decides what to add, update and mark removed; this module only runs the SQL,
// inside the merge's one transaction. The search index (session_fts) follows the session rows
// through triggers (migrations 30, 90 and 100), except for the rows an import adds, which
// deferSearchIndex indexes at once.
import type { Database as Db } from 'better-sqlite3';
import type { ParsedSchedule, ParsedSession } from '../../shared/domain.ts';
import { ClashlessError } from '../../shared/errors.ts';
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
  speakersText: string;
  sourceId: number;
}

/** The setting the search triggers read (migration 90): the first session id not indexed yet. */
const SEARCH_DEFERRED = 'search.deferred';

/**
 * Index the sessions an import adds in one statement when it is done, instead of one trigger run
 * per row (migration 90 says how the triggers step aside). Call inside the import's transaction;
 * `flush()` before it commits. Every session inserted in between is indexed by `flush()`, with the
 * values it has by then; every session that existed before is indexed by the triggers as always.
 */
export function deferSearchIndex(db: Db): { flush(): void } {
  const from = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM session').pluck().get() as number;
  writeSetting(db, SEARCH_DEFERRED, String(from));
  return {
    flush() {
      // In key order: FTS5 buffers new rows while their keys ascend and writes what it holds to disk
      // whenever one goes back (in id order, 38C3's import took 150 ms instead of 75).
      db.prepare(
        `INSERT INTO session_fts (rowid, title, description, speakers_text, track, room)
         SELECT search_key, title, description, speakers_text, track, room FROM session WHERE id >= ? ORDER BY search_key`
      ).run(from);
      writeSetting(db, SEARCH_DEFERRED, null);
    }
  };
}

/**
 * The session and speaker writes of one import, each statement prepared once (an import may write
 * tens of thousands of rows). Speakers are found or created by (name, affiliation), remembered for
 * the rest of the import.
 */
export function sessionWriter(db: Db) {
  const insertSession = db.prepare(
    `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, venue, room, track, type,
                          url, status, attributes, speakers_text, fingerprint, source_id, recording_url)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const updateSession = db.prepare(
    `UPDATE session SET title = ?, description = ?, start_ms = ?, end_ms = ?, all_day = ?, venue = ?, room = ?, track = ?,
            type = ?, url = ?, status = ?, attributes = ?, speakers_text = ?, fingerprint = ?, source_id = ?,
            recording_url = ?
      WHERE id = ?`
  );
  const markStatus = db.prepare('UPDATE session SET status = ?, source_id = ? WHERE id = ?');
  const deleteSpeakers = db.prepare('DELETE FROM session_speaker WHERE session_id = ?');
  const findSpeaker = db.prepare('SELECT id, role, bio FROM speaker WHERE name = ? AND affiliation = ?');
  const insertSpeaker = db.prepare('INSERT INTO speaker (name, affiliation, role, bio) VALUES (?, ?, ?, ?)');
  const updateSpeaker = db.prepare('UPDATE speaker SET role = coalesce(?, role), bio = coalesce(?, bio) WHERE id = ?');
  const linkSpeaker = db.prepare('INSERT INTO session_speaker (session_id, position, speaker_id) VALUES (?, ?, ?)');
  const speakerIds = new Map<string, number>();

  const linkSpeakers = (sessionId: number, s: ParsedSession): void => {
    s.speakers.forEach((p, position) => {
      const affiliation = p.affiliation ?? '';
      const cacheKey = `${p.name}\u001f${affiliation}`;
      let speakerId = speakerIds.get(cacheKey);
      if (speakerId === undefined) {
        const found = findSpeaker.get(p.name, affiliation) as { id: number } | undefined;
        if (found) {
          speakerId = found.id;
          if (p.role || p.bio) updateSpeaker.run(p.role, p.bio, speakerId);
        } else {
          speakerId = Number(insertSpeaker.run(p.name, affiliation, p.role, p.bio).lastInsertRowid);
        }
        speakerIds.set(cacheKey, speakerId);
      }
      linkSpeaker.run(sessionId, position, speakerId);
    });
  };

  return {
    /** Add a session with its speakers; returns its id. */
    insert(conferenceId: number, s: ParsedSession, x: SessionExtras): number {
      const id = Number(
        insertSession.run(
          conferenceId, s.key, s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track,
          s.type, s.url, s.status, JSON.stringify(s.attributes), x.speakersText, x.fingerprint, x.sourceId, s.recordingUrl ?? null
        ).lastInsertRowid
      );
      // The search key (migration 100) holds the id below 2^36; past that it would name another session.
      if (id >= 2 ** 36) throw new ClashlessError('internal', 'This database has run out of session ids; export your plan and start a new database.');
      linkSpeakers(id, s);
      return id;
    },
    /** Replace a stored session's fields and speakers with the schedule's. */
    update(sessionId: number, s: ParsedSession, x: SessionExtras): void {
      updateSession.run(
        s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track, s.type, s.url, s.status,
        JSON.stringify(s.attributes), x.speakersText, x.fingerprint, x.sourceId, s.recordingUrl ?? null, sessionId
      );
      deleteSpeakers.run(sessionId);
      linkSpeakers(sessionId, s);
    },
    /** A session the schedule no longer has: kept, marked removed (a planned one stays visible). */
    markRemoved(sessionId: number, sourceId: number): void {
      markStatus.run('removed', sourceId, sessionId);
    }
  };
}
