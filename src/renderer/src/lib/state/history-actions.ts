// Undo and redo of the person's changes, as the status line offers them: each step goes through
// the change queue (in order with the edits before it), says what it undid or redid with the
// opposite step one click away, and shows a deleted conference again when an undo brings it back.
import type { ClientApi } from '../../../../shared/contract.ts';
import { lowerFirst } from './app-helpers.ts';
import type { ChangeQueue } from './change-queue.ts';
import type { StatusAction, StatusState } from './status.svelte.ts';

export class HistoryActions {
  readonly #api: ClientApi;
  readonly #changes: ChangeQueue;
  readonly #status: StatusState;
  readonly #showConference: (conferenceId: number) => Promise<void>;
  /** The status line's "Undo" after a change. */
  readonly undoAction: StatusAction = { label: 'Undo', run: (): void => void this.undo() };

  /** `showConference` reloads the conference list and shows the one an undo put back. */
  constructor(api: ClientApi, changes: ChangeQueue, status: StatusState, showConference: (conferenceId: number) => Promise<void>) {
    this.#api = api;
    this.#changes = changes;
    this.#status = status;
    this.#showConference = showConference;
  }

  async undo(): Promise<void> {
    await this.#step('history.undo', 'Undid', 'Nothing to undo.');
  }

  async redo(): Promise<void> {
    await this.#step('history.redo', 'Redid', 'Nothing to redo.');
  }

  async #step(channel: 'history.undo' | 'history.redo', verb: string, nothing: string): Promise<void> {
    const result = await this.#changes.run(() => this.#api[channel]({}));
    if (!result) return;
    if (result.restoredConferenceId !== undefined) await this.#showConference(result.restoredConferenceId);
    if (result.label === null) this.#status.info(nothing);
    else
      this.#status.history(`${verb}: ${lowerFirst(result.label)}.`, {
        label: verb === 'Undid' ? 'Redo' : 'Undo',
        run: () => void (verb === 'Undid' ? this.redo() : this.undo())
      });
  }
}
