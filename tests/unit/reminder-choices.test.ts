import { describe, expect, it } from 'vitest';
import { REMINDERS } from '../../src/shared/domain.ts';
import type { Reminder } from '../../src/shared/domain.ts';
import { REMINDER_OPTIONS, reminderOf, reminderStatus, reminderValue } from '../../src/renderer/src/lib/details/reminder.ts';

describe('the Reminder select’s choices', () => {
  it('offers the export default and every allowed reminder, each once, and reads back what it shows', () => {
    const all: (Reminder | null)[] = [null, ...REMINDERS];
    expect(REMINDER_OPTIONS.map((o) => o.value)).toEqual(all.map(reminderValue));
    for (const r of all) expect(reminderOf(reminderValue(r))).toBe(r);
  });

  it('reads a value it does not know as the export default, never as a reminder', () => {
    for (const odd of ['', '0', '7', '15 ', 'NONE']) expect(reminderOf(odd)).toBeNull();
  });

  it('says in the status line what the export will do', () => {
    expect(reminderStatus('Keynote', 15)).toBe('“Keynote” will remind you 15 min before.');
    expect(reminderStatus('Keynote', 'none')).toBe('No reminder for “Keynote”, whatever the export sets.');
    expect(reminderStatus('Keynote', null)).toBe('“Keynote” uses the export’s reminder.');
  });
});
