// The plan: planned sessions and personal blocks, and the undo/redo history of every edit.
//
// Policy: every plan edit goes through `editPlan`, which snapshots the touched plan_item rows before
// and after and stores both in `history` in the same transaction. Undo writes the "before" rows back
// (deleting rows that did not exist), redo the "after" rows; so history survives a restart and an
// undo can never half-apply.
//
// The other kind of entry is the removal of a whole conference (removeConferenceWithHistory): its
// "before" holds a snapshot of everything removed (store/conference-store.ts), undo puts it back,
// redo removes it again. A rename's entry holds the title before and after (store/conference-title.ts),
// a friend's overlay the friend before and after (store/friends.ts).
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/errors.ts';
import { REMINDER_MINUTES } from '../../shared/domain.ts';
import type { Outcome, PlanItem, PlanState, Reminder, SessionStatus } from '../../shared/domain.ts';
import { deleteConference, renumbered, restoreConference, snapshotConference, summarize } from './conference-store.ts';
import type { ConferenceSnapshot, RemovalSummary, Restored } from './conference-store.ts';
import { readTitle, writeTitle } from './conference-title.ts';
import type { TitleState } from './conference-title.ts';
import { applyFriendEntry, isFriendEntry, renumberFriendEntry } from './friends.ts';
import { record } from './history.ts';
import { deletePlanItems } from './plan-edits.ts';
import type { FriendEntry } from './friends.ts';

/** A plan_item row exactly as stored (the unit of history snapshots). */
export interface PlanRow {
  id: number;
  conference_id: number;
  session_id: number | null;
  title: string | null;
  start_ms: number | null;
  end_ms: number | null;
  place: string | null;
  state: PlanState;
  priority: number;
  arrive_at: number | null;
  leave_at: number | null;
  note: string | null;
  created_at: number;
  /** NULL: follows the export's default; 0: no reminder; else minutes before (migration 0050). */
  reminder_minutes: number | null;
  /** After the talk (migration 0070): 'attended', 'missed' or NULL; a rating 1–5 or NULL. */
  outcome: Outcome | null;
  rating: number | null;
}

const ROW_COLUMNS =
  'id, conference_id, session_id, title, start_ms, end_ms, place, state, priority, arrive_at, leave_at, note, created_at, reminder_minutes, outcome, rating';

/** A title as history labels quote it, cut at 40 characters. */
export function quoteTitle(title: string): string {
  return title.length > 40 ? `“${title.slice(0, 39)}…”` : `“${title}”`;
}

/** The stored reminder_minutes as a Reminder (0 is "none"); null, and anything unknown, follows the export. */
export function reminderOfColumn(value: number | null): Reminder | null {
  if (value === 0) return 'none';
  return REMINDER_MINUTES.find((m) => m === value) ?? null;
}

/** A Reminder as the value stored in reminder_minutes. */
export function reminderColumn(reminder: Reminder | null): number | null {
  return reminder === 'none' ? 0 : reminder;
}

interface ViewRow extends PlanRow {
  s_key: string | null;
  s_title: string | null;
  s_start: number | null;
  s_end: number | null;
  s_venue: string | null;
  s_room: string | null;
  s_status: SessionStatus | null;
}

function toPlanItem(r: ViewRow): PlanItem {
  const isSession = r.session_id !== null;
  return {
    id: r.id,
    conferenceId: r.conference_id,
    kind: isSession ? 'session' : 'block',
    sessionId: r.session_id,
    sessionKey: r.s_key,
    title: (isSession ? r.s_title : r.title) ?? '',
    start: (isSession ? r.s_start : r.start_ms) ?? 0,
    end: (isSession ? r.s_end : r.end_ms) ?? 0,
    venue: isSession ? r.s_venue : null,
    room: isSession ? r.s_room : r.place,
    state: r.state,
    priority: r.priority,
    arriveAt: r.arrive_at,
    leaveAt: r.leave_at,
    note: r.note,
    reminder: reminderOfColumn(r.reminder_minutes),
    outcome: r.outcome,
    rating: r.rating,
    status: isSession ? (r.s_status ?? 'scheduled') : 'scheduled'
  };
}

const VIEW_SQL = `SELECT p.id, p.conference_id, p.session_id, p.title, p.start_ms, p.end_ms, p.place, p.state, p.priority,
       p.arrive_at, p.leave_at, p.note, p.created_at, p.reminder_minutes, p.outcome, p.rating,
       s.key AS s_key, s.title AS s_title, s.start_ms AS s_start, s.end_ms AS s_end, s.venue AS s_venue,
       s.room AS s_room, s.status AS s_status
  FROM plan_item p LEFT JOIN session s ON s.id = p.session_id`;

export function listPlan(db: Db, conferenceId?: number): PlanItem[] {
  const rows = db
    .prepare(
      `${VIEW_SQL} WHERE (? IS NULL OR p.conference_id = ?)
       ORDER BY coalesce(s.start_ms, p.start_ms), coalesce(s.end_ms, p.end_ms), p.id`
    )
    .all(conferenceId ?? null, conferenceId ?? null) as ViewRow[];
  return rows.map(toPlanItem);
}

export function getPlanItems(db: Db, ids: readonly number[]): PlanItem[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${VIEW_SQL} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`).all(JSON.stringify(ids)) as ViewRow[];
  return rows.map(toPlanItem);
}

/** The items with these ids (each once), or a not-found error naming the missing ids. */
export function requirePlanItems(db: Db, ids: readonly number[]): PlanItem[] {
  const unique = [...new Set(ids)];
  const items = getPlanItems(db, unique);
  if (items.length === unique.length) return items;
  const found = new Set(items.map((i) => i.id));
  const missing = unique.filter((id) => !found.has(id));
  throw new ClashlessError('not-found', `No plan item with id ${missing.slice(0, 5).join(', ')}.`, 'field itemIds');
}

export function getRows(db: Db, ids: readonly number[]): PlanRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT ${ROW_COLUMNS} FROM plan_item WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as PlanRow[];
}

export function rowsBySession(db: Db, sessionIds: readonly number[]): PlanRow[] {
  return db
    .prepare(`SELECT ${ROW_COLUMNS} FROM plan_item WHERE session_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(sessionIds)) as PlanRow[];
}

/** Write a set of rows back exactly (insert or replace by id). */
function putRows(db: Db, rows: readonly PlanRow[]): void {
  const st = db.prepare(
    `INSERT OR REPLACE INTO plan_item (${ROW_COLUMNS}) VALUES
     (@id, @conference_id, @session_id, @title, @start_ms, @end_ms, @place, @state, @priority, @arrive_at, @leave_at, @note, @created_at,
      @reminder_minutes, @outcome, @rating)`
  );
  // A history entry written before migration 0050 has no reminder_minutes, one before 0070 no
  // outcome or rating: the item had none then.
  for (const r of rows) st.run({ ...r, reminder_minutes: r.reminder_minutes ?? null, outcome: r.outcome ?? null, rating: r.rating ?? null });
}

/**
 * Apply a plan edit with history. `edit` changes plan_item rows inside the transaction and returns the
 * ids it touched (created, changed or deleted) and a label for undo ("Add “All Your Routes…”").
 * The "before" rows come from a snapshot of the plan taken first: plans are small (hundreds of
 * rows), so this is cheap and edits need no cooperation to be undoable. The transaction is
 * IMMEDIATE and `edit` runs inside it, so whatever `edit` reads is what it writes over: another
 * process (the CLI, a second window's host) can not commit in between.
 */
export function editPlan(db: Db, now: number, edit: () => { ids: number[]; label: string }): number[] {
  return db
    .transaction(() => {
      const snapshot = new Map(
        (db.prepare(`SELECT ${ROW_COLUMNS} FROM plan_item`).all() as PlanRow[]).map((r) => [r.id, r])
      );
      const { ids, label } = edit();
      const before = ids.map((id) => snapshot.get(id) ?? null);
      const afterRows = new Map(getRows(db, ids).map((r) => [r.id, r]));
      const after = ids.map((id) => afterRows.get(id) ?? null);
      if (JSON.stringify(before) === JSON.stringify(after)) return ids;
      record(db, now, label, { ids, rows: before }, { ids, rows: after });
      return ids;
    })
    .immediate();
}

/** A conference removal's entry: "before" holds what was removed, "after" which conference is gone. */
interface ConferenceBefore {
  kind: 'conference';
  snapshot: ConferenceSnapshot;
}
interface ConferenceAfter {
  kind: 'conference';
  removed: number;
}

function isConferenceEntry(value: unknown): value is ConferenceBefore | ConferenceAfter {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'conference';
}

/**
 * Remove a conference and everything of it as one undoable step. Returns what was removed, or null
 * when there is no such conference.
 */
export function removeConferenceWithHistory(db: Db, now: number, conferenceId: number): RemovalSummary | null {
  return db
    .transaction(() => {
      const snapshot = snapshotConference(db, conferenceId);
      if (!snapshot) return null;
      deleteConference(db, conferenceId);
      const before: ConferenceBefore = { kind: 'conference', snapshot };
      const after: ConferenceAfter = { kind: 'conference', removed: conferenceId };
      record(db, now, `Remove conference “${snapshot.title}”`, before, after);
      return summarize(snapshot);
    })
    .immediate();
}

/** A rename's entry: the title before and after, each with whether a person chose it. */
interface TitleEntry extends TitleState {
  kind: 'conference-title';
}

function isTitleEntry(value: unknown): value is TitleEntry {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'conference-title';
}

/** Rename a conference as one undoable step; the old title, or null when there is no such conference. */
export function renameConferenceWithHistory(db: Db, now: number, conferenceId: number, title: string): string | null {
  return db
    .transaction(() => {
      const old = readTitle(db, conferenceId);
      if (!old) return null;
      const next: TitleState = { conferenceId, title, custom: true };
      if (old.title === title && old.custom) return old.title;
      writeTitle(db, next);
      record(db, now, `Rename ${quoteTitle(old.title)} to ${quoteTitle(title)}`, { kind: 'conference-title', ...old }, { kind: 'conference-title', ...next });
      return old.title;
    })
    .immediate();
}

/** Undo or redo a rename: a conference removed since is not there to rename, and nothing changes. */
function applyTitle(db: Db, label: string, entry: TitleEntry): HistoryStep {
  const { kind: _kind, ...state } = entry;
  writeTitle(db, state);
  return { label, ids: [], conference: { id: state.conferenceId, restored: false } };
}

/**
 * A restore gave some rows new ids (an import took theirs): the older entries that refer to the
 * restored conference's plan items follow, so undoing them later plans the right session. Walks back
 * until an entry that removed an earlier conference with the same id: before that, the id meant it.
 */
function followRenumbering(db: Db, entryId: number, oldConferenceId: number, restored: Restored): void {
  const older = db.prepare('SELECT id, before, after FROM history WHERE id < ? ORDER BY id DESC').all(entryId) as {
    id: number;
    before: string;
    after: string;
  }[];
  const update = db.prepare('UPDATE history SET before = ?, after = ? WHERE id = ?');
  const { plan_item: items, session: sessions } = restored.moved;
  for (const h of older) {
    const parsed = JSON.parse(h.before) as Snapshot | ConferenceBefore | TitleEntry | FriendEntry;
    if (isFriendEntry(parsed)) {
      update.run(JSON.stringify(renumberFriendEntry(parsed, sessions)), JSON.stringify(renumberFriendEntry(JSON.parse(h.after) as FriendEntry, sessions)), h.id);
      continue;
    }
    if (isConferenceEntry(parsed)) {
      if (parsed.snapshot.conferenceId === oldConferenceId) break;
      continue;
    }
    if (isTitleEntry(parsed)) {
      if (parsed.conferenceId !== oldConferenceId) continue;
      const after = { ...(JSON.parse(h.after) as TitleEntry), conferenceId: restored.conferenceId };
      update.run(JSON.stringify({ ...parsed, conferenceId: restored.conferenceId }), JSON.stringify(after), h.id);
      continue;
    }
    const pair = [parsed, JSON.parse(h.after) as Snapshot] as const;
    let changed = false;
    parsed.ids.forEach((id, i) => {
      if (!pair.some((snap) => snap.rows[i]?.conference_id === oldConferenceId)) return;
      const newId = items.get(id) ?? id;
      for (const snap of pair) {
        snap.ids[i] = newId;
        const row = snap.rows[i];
        if (!row) continue;
        row.id = newId;
        row.conference_id = restored.conferenceId;
        if (row.session_id !== null) row.session_id = sessions.get(row.session_id) ?? row.session_id;
      }
      changed = true;
    });
    if (changed) update.run(JSON.stringify(pair[0]), JSON.stringify(pair[1]), h.id);
  }
}

interface Snapshot {
  ids: number[];
  rows: (PlanRow | null)[];
}

function applySnapshot(db: Db, snap: Snapshot): void {
  const toDelete = snap.ids.filter((_, i) => snap.rows[i] === null);
  deletePlanItems(db, toDelete);
  putRows(
    db,
    snap.rows.filter((r): r is PlanRow => r !== null)
  );
}

/** Restore a removed conference, or say in plain words why it cannot be (the undo then changes nothing). */
function putBack(db: Db, snapshot: ConferenceSnapshot): Restored {
  try {
    return restoreConference(db, snapshot);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ClashlessError('conflict', `“${snapshot.title}” could not be put back (${why}). Nothing was changed.`);
  }
}

/** What an undo or redo did; `conference` is set when it put back, removed or renamed a conference. */
export interface HistoryStep {
  label: string;
  ids: number[];
  conference: { id: number; restored: boolean } | null;
}

/** Undo the newest edit not yet undone; returns its label, or null when there is nothing to undo. */
export function undo(db: Db): HistoryStep | null {
  return db
    .transaction(() => {
      const h = db.prepare('SELECT id, label, before FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
        | { id: number; label: string; before: string }
        | undefined;
      if (!h) return null;
      const before = JSON.parse(h.before) as Snapshot | ConferenceBefore | TitleEntry | FriendEntry;
      let step: HistoryStep;
      if (isTitleEntry(before)) {
        step = applyTitle(db, h.label, before);
      } else if (isFriendEntry(before)) {
        step = applyFriendEntry(db, h.label, before);
      } else if (isConferenceEntry(before)) {
        const restored = putBack(db, before.snapshot);
        if (renumbered(restored)) {
          followRenumbering(db, h.id, before.snapshot.conferenceId, restored);
          const after: ConferenceAfter = { kind: 'conference', removed: restored.conferenceId };
          db.prepare('UPDATE history SET after = ? WHERE id = ?').run(JSON.stringify(after), h.id);
        }
        const ids = before.snapshot.rows.plan_item.map((r) => restored.moved.plan_item.get(Number(r.id)) ?? Number(r.id));
        step = { label: h.label, ids, conference: { id: restored.conferenceId, restored: true } };
      } else {
        applySnapshot(db, before);
        step = { label: h.label, ids: before.ids, conference: null };
      }
      db.prepare('UPDATE history SET undone = 1 WHERE id = ?').run(h.id);
      return step;
    })
    .immediate();
}

/** Redo the oldest undone edit. */
export function redo(db: Db): HistoryStep | null {
  return db
    .transaction(() => {
      const h = db.prepare('SELECT id, label, after FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
        | { id: number; label: string; after: string }
        | undefined;
      if (!h) return null;
      const after = JSON.parse(h.after) as Snapshot | ConferenceAfter | TitleEntry | FriendEntry;
      let step: HistoryStep;
      if (isTitleEntry(after)) {
        step = applyTitle(db, h.label, after);
      } else if (isFriendEntry(after)) {
        step = applyFriendEntry(db, h.label, after);
      } else if (isConferenceEntry(after)) {
        // Remove it again as it is now, and keep that for the next undo.
        const snapshot = snapshotConference(db, after.removed);
        if (snapshot) {
          deleteConference(db, after.removed);
          const before: ConferenceBefore = { kind: 'conference', snapshot };
          db.prepare('UPDATE history SET before = ? WHERE id = ?').run(JSON.stringify(before), h.id);
        }
        const ids = snapshot ? snapshot.rows.plan_item.map((r) => Number(r.id)) : [];
        step = { label: h.label, ids, conference: { id: after.removed, restored: false } };
      } else {
        applySnapshot(db, after);
        step = { label: h.label, ids: after.ids, conference: null };
      }
      db.prepare('UPDATE history SET undone = 0 WHERE id = ?').run(h.id);
      return step;
    })
    .immediate();
}
