// Migration 50: each plan item may carry its own reminder, written into the .ics export as a VALARM.
//
// plan_item.reminder_minutes is NULL for every existing row and for new ones: the item follows the
// export's default reminder. 5, 10, 15 or 30 are minutes before the item; 0 means "no reminder" for
// this item, even when the export sets one for everything. No other value can be stored (CHECK).
// Nothing else changes: rows, history and export_state carry over as they are.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const planReminders: Migration = {
  version: 50,
  name: 'plan-reminders',
  up(db) {
    db.exec('ALTER TABLE plan_item ADD COLUMN reminder_minutes INTEGER CHECK (reminder_minutes IN (0, 5, 10, 15, 30))');
  }
};
