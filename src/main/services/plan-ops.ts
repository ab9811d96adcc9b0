// Plan edits: adding and removing sessions, personal blocks, state/priority/notes. Each edit is one
// history entry (see store/plan.ts), so every one of them can be undone.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/contract.ts';
import type { Request } from '../../shared/contract.ts';
import type { PlanItem, PlanState } from '../../shared/domain.ts';
import { editPlan, getPlanItems, getRows, quoteTitle as quote, rowsBySession } from '../store/plan.ts';
import { deletePlanItems, insertBlock, insertPlannedSession, setItemStates, setItemWindows, updateColumns } from '../store/plan-edits.ts';
import { findSessionsByIds, getConference } from '../store/sessions.ts';

export function addSessions(db: Db, now: number, sessionIds: number[], state: PlanState = 'going'): PlanItem[] {
  const unique = [...new Set(sessionIds)];
  // Everything read to decide the edit is read inside its transaction (see editPlan), so another
  // process's commit can never land between the read and the write.
  const ids = editPlan(db, now, () => {
    const sessions = findSessionsByIds(db, unique);
    if (sessions.length !== unique.length) {
      const found = new Set(sessions.map((s) => s.id));
      const missing = unique.filter((id) => !found.has(id));
      throw new ClashlessError('not-found', `No session with id ${missing.slice(0, 5).join(', ')}.`, 'field sessionIds');
    }
    const existing = new Map(rowsBySession(db, unique).map((r) => [r.session_id, r]));
    const touched: number[] = [];
    for (const s of sessions) {
      const row = existing.get(s.id);
      if (row) {
        setItemStates(db, [{ itemId: row.id, state }]);
        touched.push(row.id);
      } else {
        touched.push(insertPlannedSession(db, now, { conferenceId: s.conference_id, sessionId: s.id, state }));
      }
    }
    const label = sessions.length === 1 ? `Plan ${quote(sessions[0]!.title)}` : `Plan ${sessions.length} sessions`;
    return { ids: touched, label };
  });
  return getPlanItems(db, ids);
}

export function removeItems(db: Db, now: number, itemIds: number[]): PlanItem[] {
  let items: PlanItem[] = [];
  editPlan(db, now, () => {
    items = getPlanItems(db, itemIds);
    if (items.length === 0) throw new ClashlessError('not-found', 'None of these items are in the plan.', 'field itemIds');
    deletePlanItems(db, items.map((i) => i.id));
    const label = items.length === 1 ? `Remove ${quote(items[0]!.title)}` : `Remove ${items.length} items`;
    return { ids: items.map((i) => i.id), label };
  });
  return items;
}

function requireItem(db: Db, itemId: number): PlanItem {
  const item = getPlanItems(db, [itemId])[0];
  if (!item) throw new ClashlessError('not-found', `No plan item with id ${itemId}.`, 'field itemId');
  return item;
}

export function updateItem(db: Db, now: number, req: Request<'plan.update'>): PlanItem[] {
  editPlan(db, now, () => {
    // Read, check and write in one transaction: the checks see what is really stored.
    const item = requireItem(db, req.itemId);
    const arrive = req.arriveAt === undefined ? item.arriveAt : req.arriveAt;
    const leave = req.leaveAt === undefined ? item.leaveAt : req.leaveAt;
    if (arrive !== null && (arrive < item.start || arrive >= item.end)) {
      throw new ClashlessError('bad-request', '“Arrive at” must be within the session’s time.', 'field arriveAt');
    }
    if (leave !== null && (leave <= item.start || leave > item.end || (arrive !== null && leave <= arrive))) {
      throw new ClashlessError('bad-request', '“Leave at” must be within the session’s time and after “arrive at”.', 'field leaveAt');
    }
    updateColumns(db, item.id, {
      state: req.state,
      priority: req.priority,
      note: req.note,
      arrive_at: req.arriveAt,
      leave_at: req.leaveAt
    });
    const what = req.state ? `Mark ${quote(item.title)} ${req.state}` : `Edit ${quote(item.title)}`;
    return { ids: [item.id], label: what };
  });
  return getPlanItems(db, [req.itemId]);
}

/** Set states for several items in one undoable step (clash resolutions). */
export function setStates(db: Db, now: number, changes: { itemId: number; state: PlanState }[], label: string): PlanItem[] {
  const ids = editPlan(db, now, () => {
    setItemStates(db, changes);
    return { ids: changes.map((c) => c.itemId), label };
  });
  return getPlanItems(db, ids);
}

/** Set attendance windows for several items in one undoable step (split time). */
export function setWindows(
  db: Db,
  now: number,
  changes: { itemId: number; arriveAt: number | null; leaveAt: number | null }[],
  label: string
): PlanItem[] {
  const ids = editPlan(db, now, () => {
    setItemWindows(db, changes);
    return { ids: changes.map((c) => c.itemId), label };
  });
  return getPlanItems(db, ids);
}

export function createBlock(db: Db, now: number, req: Request<'block.create'>): PlanItem[] {
  if (req.end < req.start) throw new ClashlessError('bad-request', 'A block must end after it starts.', 'field end');
  if (!getConference(db, req.conferenceId)) throw new ClashlessError('not-found', `No conference with id ${req.conferenceId}.`, 'field conferenceId');
  const ids = editPlan(db, now, () => {
    const id = insertBlock(db, now, {
      conferenceId: req.conferenceId,
      title: req.title.trim() || 'Busy',
      start: req.start,
      end: req.end,
      place: req.place ?? null
    });
    return { ids: [id], label: `Add block ${quote(req.title)}` };
  });
  return getPlanItems(db, ids);
}

export function updateBlock(db: Db, now: number, req: Request<'block.update'>): PlanItem[] {
  editPlan(db, now, () => {
    // Read, check and write in one transaction, writing only the fields the request changes.
    const row = getRows(db, [req.itemId])[0];
    if (!row) throw new ClashlessError('not-found', `No plan item with id ${req.itemId}.`, 'field itemId');
    if (row.session_id !== null) {
      throw new ClashlessError(
        'bad-request',
        'A session’s time is set by the conference and cannot be moved. Use “arrive at/leave at” to attend part of it.',
        'field itemId'
      );
    }
    const start = req.start ?? row.start_ms ?? 0;
    const end = req.end ?? row.end_ms ?? 0;
    if (end < start) throw new ClashlessError('bad-request', 'A block must end after it starts.', 'field end');
    updateColumns(db, row.id, { title: req.title, start_ms: req.start, end_ms: req.end, place: req.place });
    const moved = req.start !== undefined || req.end !== undefined;
    return { ids: [row.id], label: `${moved ? 'Move' : 'Edit'} block ${quote(req.title ?? row.title ?? '')}` };
  });
  return getPlanItems(db, [req.itemId]);
}
