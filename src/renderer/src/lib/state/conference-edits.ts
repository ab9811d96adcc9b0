// Deleting and renaming a whole conference, as the dialogs ask for them: each is one undoable step
// through the change queue (in order with the edits before it); the conference list is read again
// after it, and the status line says what changed with "Undo" one click away.
import type { ClientApi } from '../../../../shared/contract.ts';
import { shortTitle } from './app-helpers.ts';
import type { ChangeQueue } from './change-queue.ts';
import type { StatusAction, StatusState } from './status.svelte.ts';

export class ConferenceEdits {
  readonly #api: ClientApi;
  readonly #changes: ChangeQueue;
  readonly #status: StatusState;
  readonly #undo: StatusAction;
  readonly #reloadConferences: () => Promise<void>;

  constructor(api: ClientApi, changes: ChangeQueue, status: StatusState, undo: StatusAction, reloadConferences: () => Promise<void>) {
    this.#api = api;
    this.#changes = changes;
    this.#status = status;
    this.#undo = undo;
    this.#reloadConferences = reloadConferences;
  }

  /** Delete a whole conference; the app moves on to another one. False when nothing was deleted. */
  async remove(conferenceId: number): Promise<boolean> {
    const result = await this.#changes.run(() => this.#api['conference.remove']({ conferenceId }));
    if (!result?.removed) return false;
    await this.#reloadConferences();
    this.#status.info(`Deleted “${shortTitle(result.title ?? '')}”.`, this.#undo);
    return true;
  }

  async rename(conferenceId: number, title: string): Promise<boolean> {
    const result = await this.#changes.run(() => this.#api['conference.rename']({ conferenceId, title }));
    if (!result) return false;
    await this.#reloadConferences();
    this.#status.info(`Renamed “${shortTitle(result.oldTitle)}” to “${shortTitle(result.title)}”.`, this.#undo);
    return true;
  }
}
