// The choices of a plan item's own reminder (the details panel's Reminder select) and the words the
// status line uses for them. Pure, so the select, the status line and the tests agree.
import { REMINDER_MINUTES } from '../../../../shared/domain.ts';
import type { Reminder } from '../../../../shared/domain.ts';

/** A select's option value for a reminder ('default' is null: follow the export's reminder). */
export type ReminderValue = 'default' | 'none' | `${(typeof REMINDER_MINUTES)[number]}`;

export const REMINDER_OPTIONS: readonly { value: ReminderValue; label: string }[] = [
  { value: 'default', label: 'Export default' },
  { value: 'none', label: 'None' },
  ...REMINDER_MINUTES.map((m) => ({ value: `${m}` as ReminderValue, label: `${m} min before` }))
];

export function reminderValue(reminder: Reminder | null): ReminderValue {
  return reminder === null ? 'default' : reminder === 'none' ? 'none' : `${reminder}`;
}

/** The reminder an option value stands for; anything unknown is the export's default. */
export function reminderOf(value: string): Reminder | null {
  if (value === 'none') return 'none';
  return REMINDER_MINUTES.find((m) => `${m}` === value) ?? null;
}

/** The status line after a change: “Keynote” will remind you 15 min before. */
export function reminderStatus(title: string, reminder: Reminder | null): string {
  if (reminder === null) return `“${title}” uses the export’s reminder.`;
  if (reminder === 'none') return `No reminder for “${title}”, whatever the export sets.`;
  return `“${title}” will remind you ${reminder} min before.`;
}
