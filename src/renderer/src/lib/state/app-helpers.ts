// Small pure helpers of the AppState: wording, clash partner lists, the travel lookup.
import type { TravelEntry } from '../../../../shared/contract.ts';
import type { Clash, SessionSummary } from '../../../../shared/domain.ts';
import { KnownPlaces } from '../../../../shared/places.ts';
import { createTravelLookup, type TravelLookup } from '../../../../shared/travel.ts';

/** Titles in status sentences stay short: “All Your Routes Are Ready…”. */
export function shortTitle(title: string, max = 36): string {
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title;
}

/** For each plan item, the items it clashes with. */
export function partnersOf(clashes: readonly Clash[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const add = (from: number, to: number): void => {
    const list = map.get(from);
    if (list) {
      if (!list.includes(to)) list.push(to);
    } else map.set(from, [to]);
  };
  for (const c of clashes) {
    add(c.a, c.b);
    add(c.b, c.a);
  }
  return map;
}

export function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Walks as the services count them: the person's own times first, defaults only between the
 * conference's own places (a typed place walks an unknown distance, so it claims no clash).
 */
export function conferenceTravelLookup(travel: readonly TravelEntry[], sessions: readonly SessionSummary[]): TravelLookup {
  const overrides = travel.flatMap((e) => (e.custom && e.minutes !== null ? [{ from: e.from, to: e.to, minutes: e.minutes }] : []));
  return createTravelLookup(overrides, new KnownPlaces(sessions));
}
