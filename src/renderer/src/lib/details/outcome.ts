// After the talk, in the details panel: the outcome buttons, the rating choices and the words the
// status line uses for a change. Pure, so the panel, the status line and the tests agree.
import { RATING_MAX } from '../../../../shared/domain.ts';
import type { Outcome } from '../../../../shared/domain.ts';

export interface OutcomeEdit {
  outcome?: Outcome | null;
  rating?: number | null;
}

export const OUTCOME_BUTTONS: readonly { value: Outcome; label: string }[] = [
  { value: 'attended', label: 'Attended' },
  { value: 'missed', label: 'Missed' }
];

/** "No rating", then 1 … 5, each with a label a screen reader says ("4 of 5 stars"). */
export const RATING_CHOICES: readonly { value: number | null; text: string; label: string }[] = [
  { value: null, text: '–', label: 'No rating' },
  ...Array.from({ length: RATING_MAX }, (_, i) => ({ value: i + 1, text: `${i + 1}★`, label: `${i + 1} of ${RATING_MAX} stars` }))
];

/** Pressing the outcome that is already on clears it; the other one replaces it. */
export function toggledOutcome(current: Outcome | null | undefined, pressed: Outcome): Outcome | null {
  return current === pressed ? null : pressed;
}

/** The status line after a change: “Keynote” marked missed; it is on your Watch later list. */
export function outcomeStatus(title: string, edit: OutcomeEdit): string {
  if (edit.outcome === 'missed') return `“${title}” marked missed: it is on your Watch later list.`;
  if (edit.outcome === 'attended') return `“${title}” marked attended.`;
  if (edit.outcome === null) return `“${title}” is no longer marked attended or missed.`;
  return edit.rating == null ? `“${title}” is no longer rated.` : `“${title}” rated ${edit.rating} of ${RATING_MAX}.`;
}
