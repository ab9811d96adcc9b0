// The clashes of the plan on screen, worked out in the page with the same pure engine and rules as
// the services (shared/conference-clashes.ts): each conference by its own walks and places, items
// of two conferences (My week) only by overlapping. Also the walks a drag checks candidates with.
import type { TravelEntry } from '../../../../shared/contract.ts';
import { ACROSS_CONFERENCES, clashesAcrossConferences } from '../../../../shared/conference-clashes.ts';
import type { Clash, PlanItem, SessionSummary } from '../../../../shared/domain.ts';
import type { TravelLookup } from '../../../../shared/travel.ts';
import { conferenceTravelLookup, partnersOf } from './app-helpers.ts';
import { createCandidateChecker, type CandidateChecker } from './candidate-clashes.ts';

export interface ShownPlan {
  /** The conferences shown, the chosen one among them. */
  conferenceIds(): readonly number[];
  conferenceId(): number | null;
  sessions(): readonly SessionSummary[];
  plan(): readonly PlanItem[];
  travel(): ReadonlyMap<number, TravelEntry[]>;
}

export class PlanClashes {
  readonly #shown: ShownPlan;
  #lookups = $derived.by(() => {
    const ids = this.#shown.conferenceIds();
    const sessions = this.#shown.sessions();
    const travel = this.#shown.travel();
    const own = (id: number) => (ids.length === 1 ? sessions : sessions.filter((s) => s.conferenceId === id));
    return new Map<number, TravelLookup>(ids.map((id) => [id, conferenceTravelLookup(travel.get(id) ?? [], own(id))]));
  });
  /** The chosen conference's walks. */
  readonly travelLookup = $derived.by<TravelLookup>(() => this.#lookups.get(this.#shown.conferenceId() ?? -1) ?? ACROSS_CONFERENCES);
  readonly clashes = $derived.by<Clash[]>(() => clashesAcrossConferences(this.#shown.plan(), (cid) => this.#lookups.get(cid) ?? ACROSS_CONFERENCES).map((c) => c.clash));
  #partners = $derived(partnersOf(this.clashes));
  // Across conferences a drag checks overlaps only: no walk between two conferences is known.
  readonly checker = $derived.by<CandidateChecker>(() =>
    createCandidateChecker(this.#shown.plan(), this.#shown.conferenceIds().length > 1 ? ACROSS_CONFERENCES : this.travelLookup)
  );

  constructor(shown: ShownPlan) {
    this.#shown = shown;
  }

  /** The ids of the items an item clashes with. */
  partnerIds(itemId: number): readonly number[] {
    return this.#partners.get(itemId) ?? [];
  }
}
