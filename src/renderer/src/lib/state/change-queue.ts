// Plan changes are sent one at a time, in order. While any are sent or waiting, the plan is not
// reloaded (a reload mid-run would undo optimistic edits on screen); after each one it is.
import { describeError } from '../api/user-error.ts';
import type { StatusState } from './status.svelte.ts';
import type { Writable } from './writable.ts';

export class ChangeQueue {
  readonly #set: Writable<ChangeQueue> = this;
  readonly #status: StatusState;
  readonly #reload: () => Promise<void>;
  #queue: Promise<unknown> = Promise.resolve();
  /** Changes sent or waiting. */
  readonly pending: number = 0;

  /** `reload` runs after every change (it returns early while others are pending). */
  constructor(status: StatusState, reload: () => Promise<void>) {
    this.#status = status;
    this.#reload = reload;
  }

  /**
   * Run one change after the previous ones. Errors go to the status line and give null (the reload
   * then puts back what the services really hold).
   */
  run<T>(change: () => Promise<T>): Promise<T | null> {
    this.#set.pending++;
    const next = this.#queue.then(async () => {
      try {
        const result = await change();
        // Any change, an undo or redo included, outdates the last undo/redo line (an undo or
        // redo posts its own new one afterwards).
        this.#status.dropHistory();
        return result;
      } catch (err) {
        this.#status.error(describeError(err));
        return null;
      } finally {
        this.#set.pending--;
        await this.#reload();
      }
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
