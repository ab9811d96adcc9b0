// Each plan item's own reminder (plan_item.reminder_minutes, migration 0050): set for one or more
// items as one undoable step, like every other plan edit (editPlan writes the history entry in the
// same IMMEDIATE transaction). Only the reminder column is written, so nothing another writer
// committed meanwhile is overwritten.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/errors.ts';
import { REMINDERS } from '../../shared/domain.ts';
import type { PlanItem, Reminder } from '../../shared/domain.ts';
import { editPlan, getPlanItems, quoteTitle, reminderColumn, requirePlanItems } from './plan.ts';

/** "10 min before", "no reminder", "the export's default reminder". */
export function reminderText(reminder: Reminder | null): string {
  if (reminder === null) return 'the export’s default reminder';
  return reminder === 'none' ? 'no reminder' : `a reminder ${reminder} min before`;
}

/** A value the store accepts, or a bad-request error that names the allowed ones. */
export function checkReminder(value: unknown): Reminder | null {
  if (value === null || REMINDERS.includes(value as Reminder)) return value as Reminder | null;
  throw new ClashlessError(
    'bad-request',
    `A reminder is "none", 5, 10, 15 or 30 minutes before, or null for the export’s default, not ${JSON.stringify(value)}.`,
    'field reminder'
  );
}

/** Give the items a reminder (null: follow the export's default). Unknown ids change nothing. */
export function setReminders(db: Db, now: number, itemIds: readonly number[], value: unknown): PlanItem[] {
  const reminder = checkReminder(value);
  const ids = editPlan(db, now, () => {
    const items = requirePlanItems(db, itemIds);
    const write = db.prepare('UPDATE plan_item SET reminder_minutes = ? WHERE id = ?');
    for (const item of items) write.run(reminderColumn(reminder), item.id);
    const what = items.length === 1 ? quoteTitle(items[0]!.title) : `${items.length} items`;
    return { ids: items.map((i) => i.id), label: `Set ${reminderText(reminder)} for ${what}` };
  });
  return getPlanItems(db, ids);
}
