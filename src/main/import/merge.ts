// Committing a parsed schedule: one transaction that picks the conference (chooseTarget), upserts
// sessions by their stable key, records what changed, and never deletes a session (a vanished one is marked removed, so a planned session
// stays visible). A failure anywhere rolls the whole import back. The search index (session_fts)
// follows the session rows through triggers (migration 30); nothing here writes it.
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

/**
 * Titles a parser falls back to when the schedule names itself nowhere (normalised): the generic
 * defaults, and what a paste or standard input is called in place of a file name. Matching such a
 * title would merge every unrelated paste into one conference, so these schedules are matched by
 * their content instead (see chooseTarget).
 */
const UNTITLED = new Set([
  'untitled',
  'imported schedule',
  'imported calendar',
  'sched schedule',
  'standard input',
  'stdin',
  'clipboard',
  'pasted text',
  'pasted schedule'
]);

export function isUntitled(title: string): boolean {
  const normalised = normaliseForKey(title);
  return normalised === '' || UNTITLED.has(normalised);
}

/** Where an import goes. The preview shows it; the commit recomputes it inside its transaction. */
export interface MergeTarget {
  /** The conference the import updates, or null when it creates one. */
  conferenceId: number | null;
  /** The title the conference has after the import. */
  title: string;
  /** That conference's title now (null for a new one). */
  currentTitle: string | null;
  identity: string;
  /** How an existing conference was found: the same title, or (untitled schedules) the same sessions. */
  matchedBy: 'title' | 'content' | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3–4 Feb 2024", "30 Jan – 2 Feb 2024", "30 Dec 2024 – 2 Jan 2025" in the schedule's zone. */
function dateRange(first: number, last: number, zone: string): string {
  const a = epochToWall(first, zone);
  const b = epochToWall(last, zone);
  const whole = (w: typeof a) => `${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
  if (a.year !== b.year) return `${whole(a)} – ${whole(b)}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} – ${whole(b)}`;
  return a.day === b.day ? whole(a) : `${a.day}–${whole(b)}`;
}

/** A name from the content for an untitled schedule: its first heading (track) or "Schedule", and its dates. */
function contentTitle(schedule: ParsedSchedule): string {
  const heading = schedule.sessions.find((s) => s.track)?.track?.slice(0, 80) ?? 'Schedule';
  if (schedule.sessions.length === 0) return heading;
  let first = Infinity;
  let last = -Infinity;
  for (const s of schedule.sessions) {
    first = Math.min(first, s.start);
    last = Math.max(last, s.start);
  }
  return `${heading}, ${dateRange(first, last, schedule.conference.timeZone)}`;
}

/**
 * The existing conference an untitled schedule is a re-import of, if any. Rule: it is the same source
 * when the keys they share are at least half of the schedule's sessions AND at least half of the
 * conference's current (not removed) sessions. Both halves, so a paste of one day does not swallow a
 * whole conference (marking the other days removed) and a big paste does not swallow a small one;
 * a re-paste with some talks added, dropped, moved or renamed still matches. Keys of pasted text are
 * content keys (title + speakers), so a moved talk still counts as shared. Best share wins, then
 * the oldest conference.
 */
function sameSource(db: Db, keys: readonly string[]): { id: number; title: string; identity: string } | undefined {
  if (keys.length === 0) return undefined;
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.identity,
              (SELECT count(*) FROM session s WHERE s.conference_id = c.id AND s.status != 'removed') AS live,
              (SELECT count(*) FROM json_each(?) k
                WHERE EXISTS (SELECT 1 FROM session s WHERE s.conference_id = c.id AND s.key = k.value AND s.status != 'removed')) AS shared
         FROM conference c ORDER BY c.id`
    )
    .all(JSON.stringify(keys)) as { id: number; title: string; identity: string; live: number; shared: number }[];
  let best: (typeof rows)[number] | undefined;
  let bestShare = 0;
  for (const r of rows) {
    if (r.shared === 0 || r.shared * 2 < keys.length || r.shared * 2 < r.live) continue;
    const share = r.shared / Math.max(keys.length, r.live);
    if (share > bestShare) {
      best = r;
      bestShare = share;
    }
  }
  return best;
}

/**
 * Which conference an import updates. A schedule with a title of its own goes to the conference
 * with the same normalised title (a re-import of a feed or file). An untitled one (pasted text,
 * standard input) goes to the conference with the same content (sameSource), else becomes a NEW
 * conference named from its content; its identity "pasted:…" can never equal a normalised title
 * (those have no colon), so a titled import never lands in it by accident.
 */
export function chooseTarget(db: Db, schedule: ParsedSchedule): MergeTarget {
  const title = schedule.conference.title;
  const exists = db.prepare('SELECT id, title FROM conference WHERE identity = ?');
  if (!isUntitled(title)) {
    const identity = conferenceIdentity(title);
    const row = exists.get(identity) as { id: number; title: string } | undefined;
    return { conferenceId: row?.id ?? null, title, currentTitle: row?.title ?? null, identity, matchedBy: row ? 'title' : null };
  }
  const keys = [...new Set(schedule.sessions.map((s) => s.key))];
  const same = sameSource(db, keys);
  if (same) return { conferenceId: same.id, title: same.title, currentTitle: same.title, identity: same.identity, matchedBy: 'content' };
  const named = contentTitle(schedule);
  const titleTaken = db.prepare('SELECT 1 FROM conference WHERE title = ? OR identity = ?').pluck();
  let candidate = named;
  for (let n = 2; titleTaken.get(candidate, `pasted:${normaliseForKey(candidate)}`) !== undefined; n++) candidate = `${named} (${n})`;
  return { conferenceId: null, title: candidate, currentTitle: null, identity: `pasted:${normaliseForKey(candidate)}`, matchedBy: null };
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
      s.attributes,
      // A recording link is part of the session (migration 0070). Sessions without one hash as they
      // did before, so an upgrade alone updates nothing; a re-import that adds a link updates the row.
      ...(s.recordingUrl ? [{ recording: s.recordingUrl }] : [])
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
  insertChange: Statement;
  plannedWindows: Statement;
  setWindow: Statement;
}

function prepare(db: Db): Statements {
  return {
    insertSession: db.prepare(
      `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, venue, room, track, type,
                            url, status, attributes, speakers_text, fingerprint, source_id, recording_url)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    updateSession: db.prepare(
      `UPDATE session SET title = ?, description = ?, start_ms = ?, end_ms = ?, all_day = ?, venue = ?, room = ?, track = ?,
              type = ?, url = ?, status = ?, attributes = ?, speakers_text = ?, fingerprint = ?, source_id = ?,
              recording_url = ?
        WHERE id = ?`
    ),
    markStatus: db.prepare('UPDATE session SET status = ?, source_id = ? WHERE id = ?'),
    deleteSpeakers: db.prepare('DELETE FROM session_speaker WHERE session_id = ?'),
    findSpeaker: db.prepare('SELECT id, role, bio FROM speaker WHERE name = ? AND affiliation = ?'),
    insertSpeaker: db.prepare('INSERT INTO speaker (name, affiliation, role, bio) VALUES (?, ?, ?, ?)'),
    updateSpeaker: db.prepare('UPDATE speaker SET role = coalesce(?, role), bio = coalesce(?, bio) WHERE id = ?'),
    linkSpeaker: db.prepare('INSERT INTO session_speaker (session_id, position, speaker_id) VALUES (?, ?, ?)'),
    insertChange: db.prepare(
      'INSERT INTO change (conference_id, session_id, source_id, kind, detail, imported_at) VALUES (?, ?, ?, ?, ?, ?)'
    ),
    plannedWindows: db.prepare(
      'SELECT id, arrive_at, leave_at FROM plan_item WHERE session_id = ? AND (arrive_at IS NOT NULL OR leave_at IS NOT NULL)'
    ),
    setWindow: db.prepare('UPDATE plan_item SET arrive_at = ?, leave_at = ? WHERE id = ?')
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

/**
 * A planned session that moved takes its attendance window along: "arrive 10 minutes late, leave
 * 15 early" stays that, shifted with the start and kept inside the new slot. A bound that reaches
 * the slot's edge becomes null (the edge itself); a window the shorter slot leaves empty is cleared.
 */
function followWindow(st: Statements, sessionId: number, oldStart: number, start: number, end: number): void {
  const delta = start - oldStart;
  for (const w of st.plannedWindows.all(sessionId) as { id: number; arrive_at: number | null; leave_at: number | null }[]) {
    let arrive = w.arrive_at === null || w.arrive_at + delta <= start ? null : w.arrive_at + delta;
    let leave = w.leave_at === null || w.leave_at + delta >= end ? null : w.leave_at + delta;
    if ((arrive ?? start) >= (leave ?? end)) {
      arrive = null;
      leave = null;
    }
    st.setWindow.run(arrive, leave, w.id);
  }
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
  const target = chooseTarget(db, schedule);
  const zone = schedule.conference.timeZone;
  const existingConf = target.conferenceId === null ? undefined : { id: target.conferenceId };
  let conferenceId: number;
  if (existingConf) {
    conferenceId = existingConf.id;
    // A title the person chose (conference.rename, migration 60) stays; the file's title is used otherwise.
    db.prepare('UPDATE conference SET title = CASE title_custom WHEN 1 THEN title ELSE ? END, time_zone = ? WHERE id = ?').run(
      target.title,
      zone,
      conferenceId
    );
  } else {
    conferenceId = Number(
      db
        .prepare('INSERT INTO conference (title, identity, time_zone, created_at) VALUES (?, ?, ?, ?)')
        .run(target.title, target.identity, zone, now).lastInsertRowid
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
          s.type, s.url, s.status, attributes, spText, fingerprint, sourceId, s.recordingUrl ?? null
        ).lastInsertRowid
      );
      linkSpeakers(st, id, s, speakerCache);
      result.added++;
      if (recordChanges) change(id, 'added', `new on the schedule: ${wallText(s.start, zone)}`);
    } else if (old.fingerprint === fingerprint && old.status === s.status) {
      result.unchanged++;
    } else {
      const kinds = describeChanges(old, s, zone);
      st.updateSession.run(
        s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track, s.type, s.url, s.status,
        attributes, spText, fingerprint, sourceId, s.recordingUrl ?? null, old.id
      );
      if (old.start_ms !== s.start || old.end_ms !== s.end) followWindow(st, old.id, old.start_ms, s.start, s.end);
      st.deleteSpeakers.run(old.id);
      linkSpeakers(st, old.id, s, speakerCache);
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
