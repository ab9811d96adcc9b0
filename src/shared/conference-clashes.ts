// Clashes of a plan that spans several conferences (My week, `clash.list` without a conference,
// `clashless week`). Pure: the caller hands over each conference's own walks.
//
// Policy (docs/architecture.md, "The clash rules"):
// - Items of one conference are judged by that conference's places and walking times, so a typed
//   "Hall 1" never borrows another conference's room of that name.
// - Between two conferences nothing says how far apart their places are: a co-located event in
//   another venue is another venue, at an unknown walk. Unknown walks claim no transfer clash and
//   are never guessed, so items of two conferences clash only by overlapping.
import { clashItemFromPlan, findClashes, type ClashItem } from './clashes.ts';
import type { Clash, PlanItem } from './domain.ts';
import { KnownPlaces } from './places.ts';
import { engineOrder } from './split.ts';
import { createTravelLookup, type TravelLookup } from './travel.ts';

/** Every walk between two conferences: unknown (0 minutes, claims no transfer clash). */
export const ACROSS_CONFERENCES: TravelLookup = createTravelLookup([], new KnownPlaces([]));

export interface JudgedClash {
  clash: Clash;
  /** The walks the clash was judged by: its conference's own, or ACROSS_CONFERENCES. */
  travel: TravelLookup;
}

/**
 * The clashes of a plan over any number of conferences, in engine order (by a, then b). `travelOf`
 * gives a conference's own walks; it is asked once per conference in the plan.
 */
export function clashesAcrossConferences(plan: readonly PlanItem[], travelOf: (conferenceId: number) => TravelLookup): JudgedClash[] {
  const byConference = new Map<number, ClashItem[]>();
  const conferenceOf = new Map<number, number>();
  for (const p of plan) {
    const list = byConference.get(p.conferenceId) ?? [];
    list.push(clashItemFromPlan(p));
    byConference.set(p.conferenceId, list);
    conferenceOf.set(p.id, p.conferenceId);
  }
  const found: JudgedClash[] = [];
  for (const [cid, items] of byConference) {
    const travel = travelOf(cid);
    for (const clash of findClashes(items, travel)) found.push({ clash, travel });
  }
  if (byConference.size < 2) return found;
  const all = [...byConference.values()].flat();
  for (const clash of findClashes(all, ACROSS_CONFERENCES)) {
    if (conferenceOf.get(clash.a) !== conferenceOf.get(clash.b)) found.push({ clash, travel: ACROSS_CONFERENCES });
  }
  const byId = new Map(all.map((i) => [i.id, i]));
  const order = (x: number, y: number): number => engineOrder(byId.get(x)!, byId.get(y)!);
  return found.sort((x, y) => order(x.clash.a, y.clash.a) || order(x.clash.b, y.clash.b));
}
