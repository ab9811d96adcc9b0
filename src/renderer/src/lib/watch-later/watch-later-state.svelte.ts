// The Watch later list of one conference: missed sessions and backups not attended, with the
// recording each session's schedule links. Loads the plan, then the sessions on the list.
import type { ClientApi } from '../../../../shared/contract.ts';
import type { Session } from '../../../../shared/domain.ts';
import { followConferenceChanges } from '../api/follow-changes.ts';
import { toUserError, type UserError } from '../import/user-error.ts';
import { watchLaterItems, watchLaterRows, type WatchLaterRow } from './watch-later-rows.ts';

export class WatchLaterState {
  readonly #api: ClientApi;
  #conferenceId = $state<number | null>(null);
  #rows = $state.raw<WatchLaterRow[]>([]);
  #loaded = $state(false);
  #error = $state.raw<UserError | null>(null);
  #sequence = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  get rows(): WatchLaterRow[] {
    return this.#rows;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get error(): UserError | null {
    return this.#error;
  }

  setConference(conferenceId: number | null): void {
    this.#conferenceId = conferenceId;
    void this.refresh();
  }

  connect(): () => void {
    return followConferenceChanges(this.#api, () => this.#conferenceId, () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    const conferenceId = this.#conferenceId;
    try {
      const plan = conferenceId === null ? [] : await this.#api['plan.list']({ conferenceId });
      const items = watchLaterItems(plan);
      const sessions = await Promise.all(items.map((i) => this.#api['session.get']({ sessionId: i.sessionId! })));
      if (sequence !== this.#sequence) return;
      this.#rows = watchLaterRows(items, new Map(sessions.map((s: Session) => [s.id, s])));
      this.#error = null;
    } catch (err) {
      if (sequence === this.#sequence) this.#error = toUserError(err, 'Could not load the Watch later list.');
    } finally {
      if (sequence === this.#sequence) this.#loaded = true;
    }
  }
}
