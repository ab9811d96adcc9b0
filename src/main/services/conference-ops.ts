// Removing or renaming a conference: one undoable step (see store/plan.ts and store/conference-store.ts), so
// Ctrl+Z in the app or `clashless undo` puts all of it back.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/contract.ts';
import type { ConferenceRemoval, ConferenceRenaming, HistoryResult } from '../../shared/contract.ts';
import { removeConferenceWithHistory, renameConferenceWithHistory } from '../store/plan.ts';
import type { HistoryStep } from '../store/plan.ts';

export function removeConference(db: Db, now: number, conferenceId: number): ConferenceRemoval {
  const done = removeConferenceWithHistory(db, now, conferenceId);
  if (!done) return { removed: false, title: null, sessions: 0, planned: 0, blocks: 0 };
  return { removed: true, title: done.title, sessions: done.sessions, planned: done.planned, blocks: done.blocks };
}

/** Give a conference a person's title (already trimmed and bounded by the contract); one undoable step. */
export function renameConference(db: Db, now: number, conferenceId: number, title: string): ConferenceRenaming {
  const oldTitle = renameConferenceWithHistory(db, now, conferenceId, title);
  if (oldTitle === null) throw new ClashlessError('not-found', `No conference with id ${conferenceId}. Nothing was renamed.`, 'field conferenceId');
  return { conferenceId, oldTitle, title };
}

/** The answer to history.undo/redo: the label, and the conference an undo put back (the app shows it). */
export function historyResult(step: HistoryStep | null): HistoryResult {
  if (!step) return { label: null };
  return step.conference?.restored ? { label: step.label, restoredConferenceId: step.conference.id } : { label: step.label };
}
