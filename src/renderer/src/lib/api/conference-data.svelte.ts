// The one loader behind the side panels that show the services' data of the conference on screen
// (What changed; panels that show the plan derive it from the AppState instead): it follows the shown conference, refreshes when that conference's plan or data
// changes (followConferenceChanges), drops answers that a newer refresh overtook, and keeps
// "loaded" and a user-facing error. A panel says only what to load and how to keep it.
import type { ClientApi } from '../../../../shared/contract.ts';
import { toUserError, type UserError } from './user-error.ts';
import { followConferenceChanges } from './follow-changes.ts';
import type { Writable } from '../state/writable.ts';

export abstract class ConferenceData<T> {
  readonly #set: Writable<ConferenceData<T>> = this;
  protected readonly api: ClientApi;
  readonly #failure: string;
  readonly conferenceId = $state<number | null>(null);
  readonly loaded: boolean = $state(false);
  readonly error = $state.raw<UserError | null>(null);
  #sequence = 0;

  /** `failure` is what the panel says when loading fails ("Could not load …"). */
  constructor(api: ClientApi, failure: string) {
    this.api = api;
    this.#failure = failure;
  }

  setConference(conferenceId: number | null): void {
    if (conferenceId !== this.conferenceId) {
      // Another conference: never show the last one's rows (or its error) while this one loads.
      this.keep(this.empty());
      this.#set.error = null;
      this.#set.loaded = false;
    }
    this.#set.conferenceId = conferenceId;
    void this.refresh();
  }

  connect(): () => void {
    return followConferenceChanges(this.api, () => this.conferenceId, () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    try {
      const value = await this.load(this.conferenceId);
      if (sequence !== this.#sequence) return;
      this.keep(value);
      this.#set.error = null;
    } catch (err) {
      if (sequence === this.#sequence) this.#set.error = toUserError(err, this.#failure);
    } finally {
      if (sequence === this.#sequence) this.#set.loaded = true;
    }
  }

  /** Fetch what the panel shows for `conferenceId` (null: no conference chosen; the panel says what that shows). */
  protected abstract load(conferenceId: number | null): Promise<T>;
  /** What the panel holds before anything is loaded. */
  protected abstract empty(): T;
  /** Keep a fresh answer (only the newest refresh's answer arrives here). */
  protected abstract keep(value: T): void;
}
