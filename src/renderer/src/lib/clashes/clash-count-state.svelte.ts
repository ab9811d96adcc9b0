// Just the number of clashes, for the toolbar badge: one cheap call, refreshed on plan changes.
import type { ClientApi } from '../../../../shared/contract.ts';
import { ConferenceData } from '../api/conference-data.svelte.ts';

export class ClashCountState extends ConferenceData<number> {
  #count = $state<number | null>(null);

  constructor(api: ClientApi) {
    super(api, 'Could not count the clashes.');
  }

  /** Null until the first answer (and after a failed one: the badge hides rather than lie). */
  get count(): number | null {
    return this.error === null ? this.#count : null;
  }

  /** Null counts the clashes across every conference. */
  protected async load(conferenceId: number | null): Promise<number> {
    const clashes = await this.api['clash.list'](conferenceId === null ? {} : { conferenceId });
    return clashes.length;
  }

  protected keep(count: number): void {
    this.#count = count;
  }
}
