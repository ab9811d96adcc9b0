// What a dialog or panel that runs actions shows about them: whether one is running, the line that
// says how the last one went, and the last error. ExportState and FriendsState extend it.
import { toUserError, type UserError } from '../api/user-error.ts';

export class ActionMessages {
  protected running = $state(false);
  protected statusLine = $state<string | null>(null);
  protected failure = $state.raw<UserError | null>(null);

  get busy(): boolean {
    return this.running;
  }
  get status(): string | null {
    return this.statusLine;
  }
  get error(): UserError | null {
    return this.failure;
  }

  protected clearMessages(): void {
    this.statusLine = null;
    this.failure = null;
  }

  /** Run one action, busy while it runs: its answer, or `fallback` with the error line set (worded by `failed`). */
  protected async attempt<T, F>(work: () => Promise<T>, failed: string, fallback: F): Promise<T | F> {
    this.running = true;
    try {
      return await work();
    } catch (err) {
      this.failure = toUserError(err, failed);
      return fallback;
    } finally {
      this.running = false;
    }
  }
}
