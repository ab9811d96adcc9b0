// Committing a parsed schedule: one transaction that upserts sessions by their stable key, records
// what changed, and never deletes a session (a vanished one is marked removed, so a planned session
// stays visible). A failure anywhere rolls the whole import back.
import type { Database as Db, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { ChangeKind, ParsedSchedule, ParsedSession } from '../../shared/domain.ts';
import { epochToWall } from '../../shared/time.ts';
import { normaliseForKey } from './keys.ts';

export interface MergeResult {
  conferenceId: number;
  sourceId: number;
  created: boolean;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Ids of the change rows this import recorded. */
  changeIds: number[];
}

export interface MergeInput {
  schedule: ParsedSchedule;
  rawText: string;
  fileName: string | null;
  now: number;
  /** Called every few hundred sessions so a host can show progress. */
  onProgress?: (done: number, total: number) => void;
}

interface ExistingRow {
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

export function conferenceIdentity(title: string): string {
  return normaliseForKey(title) || 'untitled';
}

/** Everything a person sees of a session; equal fingerprints mean nothing to update. */
export function sessionFingerprint(s: ParsedSession): string {
  const h = createHash('sha1');
  h.update(
    JSON.stringify([
      s.title,
      s.description,
      s.start,
      s.end,
      s.allDay,
      s.venue,
      s.room,
      s.track,
      s.type,
      s.url,
      s.status,
      s.speakers.map((p) => [p.name, p.affiliation, p.role, p.bio]),
      s.attributes
    ])
  );
  return h.digest('base64url');
}

function speakersText(s: ParsedSession): string {
  return s.speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · ');
}

function placeText(venue: string | null, room: string | null): string {
  return [venue, room].filter(Boolean).join(' | ') || 'no room';
}

function wallText(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[w.weekday - 1]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

interface Statements {
  insertSession: Statement;
  updateSession: Statement;
  markStatus: Statement;
  deleteSpeakers: Statement;
  findSpeaker: Statement;
  insertSpeaker: Statement;
  updateSpeaker: Statement;
  linkSpeaker: Statement;
  ftsInsert: Statement;
  ftsDelete: Statement;
  insertChange: Statement;
}

function prepare(db: Db): Statements {
  return {
    insertSession: db.prepare(
      `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, venue, room, track, type,
                            url, status, attributes, speakers_text, fingerprint, source_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    updateSession: db.prepare(
      `UPDATE session SET title = ?, description = ?, start_ms = ?, end_ms = ?, all_day = ?, venue = ?, room = ?, track = ?,
              type = ?, url = ?, status = ?, attributes = ?, speakers_text = ?, fingerprint = ?, source_id = ?
        WHERE id = ?`
    ),
    markStatus: db.prepare('UPDATE session SET status = ?, source_id = ? WHERE id = ?'),
    deleteSpeakers: db.prepare('DELETE FROM session_speaker WHERE session_id = ?'),
    findSpeaker: db.prepare('SELECT id, role, bio FROM speaker WHERE name = ? AND affiliation = ?'),
    insertSpeaker: db.prepare('INSERT INTO speaker (name, affiliation, role, bio) VALUES (?, ?, ?, ?)'),
    updateSpeaker: db.prepare('UPDATE speaker SET role = coalesce(?, role), bio = coalesce(?, bio) WHERE id = ?'),
    linkSpeaker: db.prepare('INSERT INTO session_speaker (session_id, position, speaker_id) VALUES (?, ?, ?)'),
    ftsInsert: db.prepare(
      'INSERT INTO session_fts (rowid, title, description, speakers_text, track, room) VALUES (?, ?, ?, ?, ?, ?)'
    ),
    ftsDelete: db.prepare(
      `INSERT INTO session_fts (session_fts, rowid, title, description, speakers_text, track, room)
       SELECT 'delete', id, title, description, speakers_text, track, room FROM session WHERE id = ?`
    ),
    insertChange: db.prepare(
      'INSERT INTO change (conference_id, session_id, source_id, kind, detail, imported_at) VALUES (?, ?, ?, ?, ?, ?)'
    )
  };
}

function linkSpeakers(st: Statements, sessionId: number, s: ParsedSession, cache: Map<string, number>): void {
  s.speakers.forEach((p, position) => {
    const affiliation = p.affiliation ?? '';
    const cacheKey = `${p.name}\u001f${affiliation}`;
    let speakerId = cache.get(cacheKey);
    if (speakerId === undefined) {
      const found = st.findSpeaker.get(p.name, affiliation) as { id: number } | undefined;
      if (found) {
        speakerId = found.id;
        if (p.role || p.bio) st.updateSpeaker.run(p.role, p.bio, speakerId);
      } else {
        speakerId = Number(st.insertSpeaker.run(p.name, affiliation, p.role, p.bio).lastInsertRowid);
      }
      cache.set(cacheKey, speakerId);
    }
    st.linkSpeaker.run(sessionId, position, speakerId);
  });
}

/** What kinds of change a re-import made to one session, with human details. */
function describeChanges(old: ExistingRow, s: ParsedSession, zone: string): { kind: ChangeKind; detail: string }[] {
  const out: { kind: ChangeKind; detail: string }[] = [];
  if (old.status !== 'scheduled' && s.status === 'scheduled') {
    out.push({ kind: 'restored', detail: `back on the schedule (was ${old.status})` });
  }
  if (s.status === 'cancelled' && old.status !== 'cancelled') out.push({ kind: 'cancelled', detail: 'cancelled' });
  if (old.start_ms !== s.start || old.end_ms !== s.end) {
    out.push({
      kind: 'moved',
      detail: `${wallText(old.start_ms, zone)}–${wallText(old.end_ms, zone).slice(-5)} → ${wallText(s.start, zone)}–${wallText(s.end, zone).slice(-5)}`
    });
  }
  if ((old.venue ?? null) !== s.venue || (old.room ?? null) !== s.room) {
    out.push({ kind: 'room-changed', detail: `${placeText(old.venue, old.room)} → ${placeText(s.venue, s.room)}` });
  }
  if (old.title !== s.title) out.push({ kind: 'retitled', detail: `“${old.title}” → “${s.title}”` });
  return out;
}

/**
 * Upsert a parsed schedule into the store. Must be called inside a transaction (see mergeSchedule).
 */
function mergeInTransaction(db: Db, input: MergeInput): MergeResult {
  const { schedule, now } = input;
  const identity = conferenceIdentity(schedule.conference.title);
  const zone = schedule.conference.timeZone;
  const existingConf = db.prepare('SELECT id FROM conference WHERE identity = ?').get(identity) as { id: number } | undefined;
  let conferenceId: number;
  if (existingConf) {
    conferenceId = existingConf.id;
    db.prepare('UPDATE conference SET title = ?, time_zone = ? WHERE id = ?').run(schedule.conference.title, zone, conferenceId);
  } else {
    conferenceId = Number(
      db
        .prepare('INSERT INTO conference (title, identity, time_zone, created_at) VALUES (?, ?, ?, ?)')
        .run(schedule.conference.title, identity, zone, now).lastInsertRowid
    );
  }
  const contentHash = createHash('sha256').update(input.rawText).digest('hex');
  const sourceId = Number(
    db
      .prepare(
        `INSERT INTO source (conference_id, format, file_name, content_hash, raw_text, zone_rule, zone_detail, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(conferenceId, schedule.format, input.fileName, contentHash, input.rawText, schedule.zone.rule, schedule.zone.detail, now)
      .lastInsertRowid
  );

  const st = prepare(db);
  const existing = new Map<string, ExistingRow>();
  if (existingConf) {
    for (const row of db
      .prepare('SELECT id, key, title, start_ms, end_ms, venue, room, status, fingerprint FROM session WHERE conference_id = ?')
      .all(conferenceId) as ExistingRow[]) {
      existing.set(row.key, row);
    }
  }
  const recordChanges = existingConf !== undefined;
  const result: MergeResult = {
    conferenceId,
    sourceId,
    created: !existingConf,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    changeIds: []
  };
  const change = (sessionId: number, kind: ChangeKind, detail: string) => {
    result.changeIds.push(Number(st.insertChange.run(conferenceId, sessionId, sourceId, kind, detail, now).lastInsertRowid));
  };
  const speakerCache = new Map<string, number>();
  const seen = new Set<string>();
  const total = schedule.sessions.length;

  schedule.sessions.forEach((s, i) => {
    if (seen.has(s.key)) return; // parsers make keys unique; a duplicate here would violate UNIQUE
    seen.add(s.key);
    const fingerprint = sessionFingerprint(s);
    const attributes = JSON.stringify(s.attributes);
    const spText = speakersText(s);
    const old = existing.get(s.key);
    if (!old) {
      const id = Number(
        st.insertSession.run(
          conferenceId, s.key, s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track,
          s.type, s.url, s.status, attributes, spText, fingerprint, sourceId
        ).lastInsertRowid
      );
      linkSpeakers(st, id, s, speakerCache);
      st.ftsInsert.run(id, s.title, s.description, spText, s.track, s.room);
      result.added++;
      if (recordChanges) change(id, 'added', `new on the schedule: ${wallText(s.start, zone)}`);
    } else if (old.fingerprint === fingerprint && old.status === s.status) {
      result.unchanged++;
    } else {
      const kinds = describeChanges(old, s, zone);
      st.ftsDelete.run(old.id);
      st.updateSession.run(
        s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track, s.type, s.url, s.status,
        attributes, spText, fingerprint, sourceId, old.id
      );
      st.deleteSpeakers.run(old.id);
      linkSpeakers(st, old.id, s, speakerCache);
      st.ftsInsert.run(old.id, s.title, s.description, spText, s.track, s.room);
      result.updated++;
      for (const k of kinds) change(old.id, k.kind, k.detail);
    }
    if (input.onProgress && (i + 1) % 500 === 0) input.onProgress(i + 1, total);
  });

  for (const old of existing.values()) {
    if (seen.has(old.key) || old.status === 'removed') continue;
    st.markStatus.run('removed', sourceId, old.id);
    result.removed++;
    change(old.id, 'removed', 'no longer in the schedule');
  }
  input.onProgress?.(total, total);
  return result;
}

/** Commit a parsed schedule atomically: everything or nothing. */
export function mergeSchedule(db: Db, input: MergeInput): MergeResult {
  return db.transaction(() => mergeInTransaction(db, input)).immediate();
}
