// Which conferences the app shows: the conference list, the chosen conference, and My week (every
// conference whose dates touch one week, in one grid, the chosen one anchoring it). The database
// keeps the choice (view.get/view.set), so a restart, a new browser-host port and the CLI agree.
// The AppState owns what is loaded for the shown conferences; it is told when the scope changed.
import type { ClientApi, ViewScope } from '../../../../shared/contract.ts';
import type { Conference } from '../../../../shared/domain.ts';
import { myWeekStart, overlappingConferences, weekRange } from '../../../../shared/my-week.ts';
import { addDaysIso } from '../../../../shared/time.ts';
import { describeError } from '../api/user-error.ts';
import type { StatusState } from './status.svelte.ts';
import type { Writable } from './writable.ts';

/** Called after every scope decision; `moved` is true when other conferences (or days) are shown now. */
export type ScopeChanged = (moved: boolean) => Promise<void>;

export class ScopeState {
  readonly #set: Writable<ScopeState> = this;
  readonly #api: ClientApi;
  readonly #status: StatusState;
  readonly #changed: ScopeChanged;
  readonly conferences = $state.raw<Conference[]>([]);
  readonly conferenceId = $state<number | null>(null);
  /** My week is shown. */
  readonly myWeek: boolean = $state(false);
  /** First day of My week (ISO date). */
  #weekStart = $state<string | null>(null);
  readonly conference: Conference | null = $derived(this.conferences.find((c) => c.id === this.conferenceId) ?? null);
  /** The conferences of the week shown (empty outside My week). */
  readonly weekConferences: Conference[] = $derived(this.myWeek && this.#weekStart ? overlappingConferences(weekRange(this.#weekStart), this.conferences) : []);
  /** The conferences whose sessions and plan are loaded. */
  readonly shownIds: readonly number[] = $derived(this.myWeek ? this.weekConferences.map((c) => c.id) : this.conferenceId !== null ? [this.conferenceId] : []);
  /** The view the database holds, as "conferenceId myWeek", once read or written. */
  #remembered: string | null = null;
  /** Conferences that existed when an import began; a new one that appears is shown at once. */
  #beforeImport: Set<number> | null = null;

  constructor(api: ClientApi, status: StatusState, changed: ScopeChanged) {
    this.#api = api;
    this.#status = status;
    this.#changed = changed;
  }

  /** First day of My week, or null when it is not shown. */
  get weekStart(): string | null {
    return this.myWeek ? this.#weekStart : null;
  }

  async reload(): Promise<void> {
    try {
      // The first load asks for the remembered view together with the list, not after it: one
      // round trip less before the first paint.
      const asked = this.conferenceId === null ? this.#askRemembered() : null;
      this.#set.conferences = await this.#api['conference.list']({});
      const imported = this.#beforeImport ? this.conferences.find((c) => !this.#beforeImport?.has(c.id)) : undefined;
      const still = this.conferences.some((c) => c.id === this.conferenceId);
      if (imported) {
        this.#beforeImport = null;
        await this.select(imported.id);
      } else if (!still) {
        // The conference (and scope) looked at last time, else the first conference.
        const remembered = await (asked ?? this.#askRemembered());
        const first = this.conferences.find((c) => c.id === remembered?.conferenceId) ?? this.conferences[0];
        if (remembered?.myWeek && first) await this.showMyWeek(first.id);
        else await this.select(first?.id ?? null);
      } else await this.#changed(false);
    } catch (err) {
      this.#status.error(describeError(err));
    }
  }

  /** An import is starting (or ended, with false): a conference it creates becomes the one shown. */
  watchImport(on: boolean): void {
    this.#beforeImport = on ? new Set(this.conferences.map((c) => c.id)) : null;
  }

  /** Show one conference alone. */
  async select(id: number | null): Promise<void> {
    const moved = id !== this.conferenceId || this.myWeek;
    if (moved) {
      this.#set.conferenceId = id;
      this.#set.myWeek = false;
      if (id !== null) this.#remember(id, false);
    }
    await this.#changed(moved);
  }

  /**
   * Show My week around a conference (by default the chosen one): from the first day of the earliest
   * conference that overlaps it (see myWeekStart), every conference of those seven days.
   */
  async showMyWeek(conferenceId: number | null = this.conferenceId): Promise<void> {
    this.#beforeImport = null; // an import that asked for My week does not switch to its conference alone
    try {
      this.#set.conferences = await this.#api['conference.list']({});
    } catch (err) {
      this.#status.error(describeError(err));
    }
    const anchor = this.conferences.find((c) => c.id === conferenceId) ?? this.conferences[0];
    if (!anchor) return;
    this.#set.conferenceId = anchor.id;
    this.#set.myWeek = true;
    this.#weekStart = myWeekStart(anchor, this.conferences) ?? this.#weekStart;
    this.#remember(anchor.id, true);
    await this.#changed(true);
  }

  /** Move My week by whole days (−7: the week before), or to start on a date. */
  async moveWeek(to: number | string): Promise<void> {
    if (!this.myWeek || this.#weekStart === null) return;
    this.#weekStart = typeof to === 'number' ? addDaysIso(this.#weekStart, to) : to;
    await this.#changed(true);
  }

  /** What the database remembers of the last view (null when it cannot say); the answer is kept, so remembering it again writes nothing. */
  async #askRemembered(): Promise<ViewScope | null> {
    const view = await this.#api['view.get']({}).catch(() => null);
    if (view) this.#remembered = `${view.conferenceId} ${view.myWeek}`;
    return view;
  }

  #remember(conferenceId: number, myWeek: boolean): void {
    const key = `${conferenceId} ${myWeek}`;
    if (key === this.#remembered) return;
    this.#remembered = key;
    void this.#api['view.set']({ conferenceId, myWeek }).catch(() => undefined); // a convenience, never worth an error
  }
}
