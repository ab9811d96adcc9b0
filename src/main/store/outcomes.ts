// After the talk (plan_item.outcome and plan_item.rating, migration 0070): mark planned sessions
// attended or missed and rate them, for one or more items as one undoable step (editPlan writes the
// history entry in the same IMMEDIATE transaction). Only the columns asked for are written, so a
// note or a state another writer committed meanwhile is never overwritten. Personal blocks are not
// talks: marking one is refused and changes nothing.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/errors.ts';
import { OUTCOMES, RATING_MAX } from '../../shared/domain.ts';
import type { Outcome, PlanItem } from '../../shared/domain.ts';
import { editPlan, getPlanItems, quoteTitle, requirePlanItems } from './plan.ts';

/** What to change; a field left out stays as it is, null clears it. */
export interface OutcomeEdit {
  outcome?: Outcome | null | undefined;
  rating?: number | null | undefined;
}

function checkEdit(edit: OutcomeEdit): void {
  if (edit.outcome === undefined && edit.rating === undefined) {
    throw new ClashlessError('bad-request', 'Say what to mark: an outcome (attended, missed or null) or a rating (1–5 or null).', 'field outcome');
  }
  if (edit.outcome != null && !OUTCOMES.includes(edit.outcome)) {
    throw new ClashlessError('bad-request', `An outcome is "attended", "missed" or null, not ${JSON.stringify(edit.outcome)}.`, 'field outcome');
  }
  const r = edit.rating;
  if (r != null && !(Number.isInteger(r) && r >= 1 && r <= RATING_MAX)) {
    throw new ClashlessError('bad-request', `A rating is a whole number from 1 to ${RATING_MAX}, or null, not ${JSON.stringify(r)}.`, 'field rating');
  }
}

/** "Mark “Title” attended", "Rate 3 items 4/5", "Clear the outcome of …": the undo label. */
function label(edit: OutcomeEdit, what: string): string {
  const parts: string[] = [];
  if (edit.outcome !== undefined) parts.push(edit.outcome === null ? `Clear the outcome of ${what}` : `Mark ${what} ${edit.outcome}`);
  if (edit.rating !== undefined) parts.push(edit.rating === null ? `clear the rating of ${what}` : `rate ${what} ${edit.rating}/${RATING_MAX}`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Mark the items; unknown ids and personal blocks change nothing and say so. */
export function markItems(db: Db, now: number, itemIds: readonly number[], edit: OutcomeEdit): PlanItem[] {
  checkEdit(edit);
  const ids = editPlan(db, now, () => {
    const items = requirePlanItems(db, itemIds);
    const block = items.find((i) => i.kind === 'block');
    if (block) {
      throw new ClashlessError('bad-request', `${quoteTitle(block.title)} is a personal block; only planned sessions can be marked attended or missed, or rated.`, 'field itemIds');
    }
    const setOutcome = db.prepare('UPDATE plan_item SET outcome = ? WHERE id = ?');
    const setRating = db.prepare('UPDATE plan_item SET rating = ? WHERE id = ?');
    for (const item of items) {
      if (edit.outcome !== undefined) setOutcome.run(edit.outcome, item.id);
      if (edit.rating !== undefined) setRating.run(edit.rating, item.id);
    }
    const what = items.length === 1 ? quoteTitle(items[0]!.title) : `${items.length} items`;
    return { ids: items.map((i) => i.id), label: label(edit, what) };
  });
  return getPlanItems(db, ids);
}
