// Just the number of clashes, for the toolbar badge: one cheap call, refreshed on plan changes.
import type { ClientApi } from '../../../../shared/contract.ts';
import { followConferenceChanges } from '../api/follow-changes.ts';

export class ClashCountState {
  readonly #api: ClientApi;
  #conferenceId: number | null = null;
  #count = $state<number | null>(null);
  #sequence = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  /** Null until the first answer (and after a failed one: the badge hides rather than lie). */
  get count(): number | null {
    return this.#count;
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
    const scope = this.#conferenceId === null ? {} : { conferenceId: this.#conferenceId };
    try {
      const clashes = await this.#api['clash.list'](scope);
      if (sequence === this.#sequence) this.#count = clashes.length;
    } catch {
      if (sequence === this.#sequence) this.#count = null;
    }
  }
}
