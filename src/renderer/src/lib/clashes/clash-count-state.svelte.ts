// Just the number of clashes, for the toolbar badge: one cheap call, refreshed on plan changes.
import type { ClientApi } from '../../../../shared/contract.ts';
import { ConferenceData } from '../api/conference-data.svelte.ts';
import { clashScope, sameScope } from './clash-scope.ts';

export class ClashCountState extends ConferenceData<number | null> {
  #count = $state<number | null>(null);

  constructor(api: ClientApi) {
    super(api, 'Could not count the clashes.');
  }

  /** Null until the first answer (and after a failed one: the badge hides rather than lie). */
  get count(): number | null {
    return this.error === null ? this.#count : null;
  }

  #within: readonly number[] | null = null;

  /** In My week (conference null): count only among the conferences shown. */
  setWithin(within: readonly number[] | null): void {
    if (sameScope(within, this.#within)) return;
    this.#within = within;
    void this.refresh();
  }

  /** Null counts the clashes across every conference (or those of setWithin). */
  protected async load(conferenceId: number | null): Promise<number | null> {
    const clashes = await this.api['clash.list'](clashScope(conferenceId, this.#within));
    return clashes.length;
  }

  protected empty(): number | null {
    return null;
  }

  protected keep(count: number | null): void {
    this.#count = count;
  }
}
