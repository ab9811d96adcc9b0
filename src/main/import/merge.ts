// Committing a parsed schedule: one transaction that picks the conference (chooseTarget), upserts
// sessions by their stable key, records what changed, and never deletes a session (a vanished one is
// marked removed, so a planned session stays visible). A failure anywhere rolls the whole import
// back. This module decides; the SQL is in store/schedule-write.ts (conference, source, sessions,
// speakers), store/changes.ts (the change rows) and store/plan-edits.ts (attendance windows).
import type { Database as Db } from 'better-sqlite3';
import { hash } from 'node:crypto';
import type { ChangeKind, ParsedSchedule, ParsedSession } from '../../shared/domain.ts';
import { epochToWall } from '../../shared/time.ts';
import { changeRecorder } from '../store/changes.ts';
import { setItemWindows, windowsOfSession } from '../store/plan-edits.ts';
import type { ItemWindow } from '../store/plan-edits.ts';
import {
  conferenceByIdentity,
  conferenceNameTaken,
  conferenceShares,
  deferSearchIndex,
  insertConference,
  insertSource,
  mergeRows,
  sessionWriter,
  updateImportedConference
} from '../store/schedule-write.ts';
import type { ConferenceShare, MergeRow } from '../store/schedule-write.ts';
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
 * the oldest conference. `rows` are the conferences, oldest first, each with how many of the
 * schedule's `keyCount` distinct keys it holds (store/schedule-write.ts `conferenceShares`).
 */
export function sameSource(keyCount: number, rows: readonly ConferenceShare[]): ConferenceShare | undefined {
  let best: ConferenceShare | undefined;
  let bestShare = 0;
  for (const r of rows) {
    if (r.shared === 0 || r.shared * 2 < keyCount || r.shared * 2 < r.live) continue;
    const share = r.shared / Math.max(keyCount, r.live);
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
  if (!isUntitled(title)) {
    const identity = conferenceIdentity(title);
    const row = conferenceByIdentity(db, identity);
    return { conferenceId: row?.id ?? null, title, currentTitle: row?.title ?? null, identity, matchedBy: row ? 'title' : null };
  }
  const keys = [...new Set(schedule.sessions.map((s) => s.key))];
  const same = keys.length === 0 ? undefined : sameSource(keys.length, conferenceShares(db, keys));
  if (same) return { conferenceId: same.id, title: same.title, currentTitle: same.title, identity: same.identity, matchedBy: 'content' };
  const named = contentTitle(schedule);
  let candidate = named;
  for (let n = 2; conferenceNameTaken(db, candidate, `pasted:${normaliseForKey(candidate)}`); n++) candidate = `${named} (${n})`;
  return { conferenceId: null, title: candidate, currentTitle: null, identity: `pasted:${normaliseForKey(candidate)}`, matchedBy: null };
}

/** Everything a person sees of a session; equal fingerprints mean nothing to update. */
export function sessionFingerprint(s: ParsedSession): string {
  // One-shot hashing (no Hash object per session): the same digest, about half the time.
  return hash(
    'sha1',
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
    ]),
    'base64url'
  );
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

/**
 * A planned session that moved takes its attendance window along: "arrive 10 minutes late, leave
 * 15 early" stays that, shifted with the start and kept inside the new slot. A bound that reaches
 * the slot's edge becomes null (the edge itself); a window the shorter slot leaves empty is cleared.
 */
export function shiftedWindow(w: ItemWindow, oldStart: number, start: number, end: number): ItemWindow {
  const delta = start - oldStart;
  const arrive = w.arriveAt === null || w.arriveAt + delta <= start ? null : w.arriveAt + delta;
  const leave = w.leaveAt === null || w.leaveAt + delta >= end ? null : w.leaveAt + delta;
  if ((arrive ?? start) >= (leave ?? end)) return { itemId: w.itemId, arriveAt: null, leaveAt: null };
  return { itemId: w.itemId, arriveAt: arrive, leaveAt: leave };
}

/** What kinds of change a re-import made to one session, with human details. */
function describeChanges(old: MergeRow, s: ParsedSession, zone: string): { kind: ChangeKind; detail: string }[] {
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
    updateImportedConference(db, conferenceId, target.title, zone);
  } else {
    conferenceId = insertConference(db, { title: target.title, identity: target.identity, timeZone: zone, now });
  }
  const contentHash = hash('sha256', input.rawText, 'hex');
  const sourceId = insertSource(db, conferenceId, schedule, { fileName: input.fileName, contentHash, rawText: input.rawText, now });

  const sessions = sessionWriter(db);
  const searchIndex = deferSearchIndex(db);
  const existing = new Map<string, MergeRow>();
  if (existingConf) {
    for (const row of mergeRows(db, conferenceId)) existing.set(row.key, row);
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
  const recordChange = changeRecorder(db, { conferenceId, sourceId, importedAt: now });
  const change = (sessionId: number, kind: ChangeKind, detail: string) => {
    sessions.flush(); // a change row refers to its session, which may be held by the writer still
    result.changeIds.push(recordChange(sessionId, kind, detail));
  };
  const seen = new Set<string>();
  const total = schedule.sessions.length;

  schedule.sessions.forEach((s, i) => {
    if (seen.has(s.key)) return; // parsers make keys unique; a duplicate here would violate UNIQUE
    seen.add(s.key);
    const extras = { fingerprint: sessionFingerprint(s), sourceId };
    const old = existing.get(s.key);
    if (!old) {
      const id = sessions.insert(conferenceId, s, extras);
      result.added++;
      if (recordChanges) change(id, 'added', `new on the schedule: ${wallText(s.start, zone)}`);
    } else if (old.fingerprint === extras.fingerprint && old.status === s.status) {
      result.unchanged++;
    } else {
      const kinds = describeChanges(old, s, zone);
      sessions.update(old.id, s, extras);
      if (old.start_ms !== s.start || old.end_ms !== s.end) {
        setItemWindows(db, windowsOfSession(db, old.id).map((w) => shiftedWindow(w, old.start_ms, s.start, s.end)));
      }
      result.updated++;
      for (const k of kinds) change(old.id, k.kind, k.detail);
    }
    if (input.onProgress && (i + 1) % 500 === 0) input.onProgress(i + 1, total);
  });

  for (const old of existing.values()) {
    if (seen.has(old.key) || old.status === 'removed') continue;
    sessions.markRemoved(old.id, sourceId);
    result.removed++;
    change(old.id, 'removed', 'no longer in the schedule');
  }
  sessions.finish();
  searchIndex.flush();
  input.onProgress?.(total, total);
  return result;
}

/** Commit a parsed schedule atomically: everything or nothing. */
export function mergeSchedule(db: Db, input: MergeInput): MergeResult {
  return db.transaction(() => mergeInTransaction(db, input)).immediate();
}
