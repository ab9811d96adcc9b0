// The plan_item writes of single plan edits (services/plan-ops.ts, clash resolutions). Each runs
// inside `editPlan` (store/plan.ts), which records the undo entry in the same transaction. Only
// the columns an edit changes are written, so nothing another writer committed meanwhile is lost.
import type { Database as Db } from 'better-sqlite3';
import type { PlanState } from '../../shared/domain.ts';

/** Plan a session; returns the new item's id. */
export function insertPlannedSession(db: Db, now: number, s: { conferenceId: number; sessionId: number; state: PlanState }): number {
  const st = db.prepare('INSERT INTO plan_item (conference_id, session_id, state, priority, created_at) VALUES (?, ?, ?, 3, ?)');
  return Number(st.run(s.conferenceId, s.sessionId, s.state, now).lastInsertRowid);
}

/** Add a personal block (going, priority 3); returns its id. */
export function insertBlock(
  db: Db,
  now: number,
  b: { conferenceId: number; title: string; start: number; end: number; place: string | null }
): number {
  const st = db.prepare(
    `INSERT INTO plan_item (conference_id, title, start_ms, end_ms, place, state, priority, created_at)
     VALUES (?, ?, ?, ?, ?, 'going', 3, ?)`
  );
  return Number(st.run(b.conferenceId, b.title, b.start, b.end, b.place, now).lastInsertRowid);
}

export function setItemStates(db: Db, changes: readonly { itemId: number; state: PlanState }[]): void {
  const st = db.prepare('UPDATE plan_item SET state = ? WHERE id = ?');
  for (const c of changes) st.run(c.state, c.itemId);
}

/** A plan item's attendance window ("arrive at"/"leave at"; null: the session's own edge). */
export interface ItemWindow {
  itemId: number;
  arriveAt: number | null;
  leaveAt: number | null;
}

export function setItemWindows(db: Db, changes: readonly ItemWindow[]): void {
  const st = db.prepare('UPDATE plan_item SET arrive_at = ?, leave_at = ? WHERE id = ?');
  for (const c of changes) st.run(c.arriveAt, c.leaveAt, c.itemId);
}

export function deletePlanItems(db: Db, ids: readonly number[]): void {
  if (ids.length === 0) return;
  db.prepare('DELETE FROM plan_item WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}

/** The plan_item columns a request may change directly. */
export type EditableColumn = 'state' | 'priority' | 'note' | 'arrive_at' | 'leave_at' | 'title' | 'start_ms' | 'end_ms' | 'place';

/**
 * Write only the columns a request changes: a field the request leaves out is never written back,
 * so it can never overwrite what another writer committed meanwhile.
 */
export function updateColumns(db: Db, itemId: number, changes: Partial<Record<EditableColumn, string | number | null>>): void {
  // Column names come from the fixed EditableColumn list above, never from the request.
  const set = (Object.entries(changes) as [EditableColumn, string | number | null | undefined][]).filter(([, v]) => v !== undefined);
  if (set.length === 0) return;
  db.prepare(`UPDATE plan_item SET ${set.map(([c]) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
    ...Object.fromEntries(set),
    id: itemId
  });
}

/** The attendance windows set on the plan items of a session (items without one are left out). */
export function windowsOfSession(db: Db, sessionId: number): ItemWindow[] {
  return db
    .prepare(
      'SELECT id AS itemId, arrive_at AS arriveAt, leave_at AS leaveAt FROM plan_item WHERE session_id = ? AND (arrive_at IS NOT NULL OR leave_at IS NOT NULL)'
    )
    .all(sessionId) as ItemWindow[];
}
