// Walking minutes between two places: defaults derived from the place path, overridden per pair
// by the person (stored symmetric, under the two place labels). A place that is not one of the
// conference's own (see KnownPlaces) has no default: its walk is unknown, and an unknown walk
// claims no transfer clash until the person sets a time for it.
import { placeKeyOfLabel, sameLevel, sameVenue, type KnownPlaces, type Place } from './places.ts';

/** Default walks, in minutes. */
export const DEFAULT_TRAVEL = Object.freeze({
  sameRoom: 0,
  sameLevel: 5,
  otherLevel: 8,
  otherVenue: 20
});

/** A stored override: from/to are place labels ("Salt Palace | Level 1 | 155 EF"); symmetric. */
export interface TravelOverride {
  from: string;
  to: string;
  minutes: number;
}

/**
 * Minutes to walk from a to b. `maxMinutes`, when present, promises that no pair is longer: the
 * clash engine uses it to bound its look-ahead without asking every pair of places first.
 */
export interface TravelLookup {
  (a: Place, b: Place): number;
  readonly maxMinutes?: number;
  /** False when nothing says how far apart the two are (a typed place without a time); the lookup then answers 0. */
  readonly known?: (a: Place, b: Place) => boolean;
}

/** Longest walk the engines accept (the store allows 0…1440 too); longer or odd values are clamped. */
export const MAX_TRAVEL_MINUTES = 24 * 60;

/** Walking minutes typed by a person (the travel editor, `clashless travel set`): whole minutes from 0 to a day, or a sentence saying what is wrong. */
export function parseMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter whole minutes, like 10.' };
  const minutes = Number(trimmed);
  if (minutes > MAX_TRAVEL_MINUTES) return { ok: false, message: `At most ${MAX_TRAVEL_MINUTES} minutes (a day).` };
  return { ok: true, minutes };
}

/** A travel answer made safe for arithmetic: NaN and negatives count as 0, the rest is capped at a day. */
export function clampTravelMinutes(minutes: number): number {
  return minutes > 0 ? Math.min(minutes, MAX_TRAVEL_MINUTES) : 0;
}

export function defaultTravelMinutes(a: Place, b: Place): number {
  if (a.key === b.key) return DEFAULT_TRAVEL.sameRoom;
  if (!sameVenue(a, b)) return DEFAULT_TRAVEL.otherVenue;
  return sameLevel(a, b) ? DEFAULT_TRAVEL.sameLevel : DEFAULT_TRAVEL.otherLevel;
}

/**
 * The default walk between two places, or null when it is unknown: with `known` given, a place that
 * is not the conference's own walks an unknown distance. Without `known`, every place is trusted.
 */
export function estimateTravelMinutes(a: Place, b: Place, known: KnownPlaces | null = null): number | null {
  if (a.key === b.key) return DEFAULT_TRAVEL.sameRoom;
  if (known === null) return defaultTravelMinutes(a, b);
  const ka = known.resolve(a);
  const kb = known.resolve(b);
  return ka === null || kb === null ? null : defaultTravelMinutes(ka, kb);
}

/**
 * A lookup that answers overrides first and defaults otherwise. Overrides with a negative or
 * non-finite number of minutes are ignored (the store never holds them; this keeps the engine safe).
 * With `known`, a walk to or from a place that is not the conference's own (and has no override)
 * counts as 0: the engines then claim no transfer clash on a guess.
 */
export function createTravelLookup(overrides: readonly TravelOverride[] = [], known: KnownPlaces | null = null): TravelLookup {
  const byPair = new Map<string, Map<string, number>>();
  let maxMinutes: number = Math.max(
    DEFAULT_TRAVEL.sameRoom,
    DEFAULT_TRAVEL.sameLevel,
    DEFAULT_TRAVEL.otherLevel,
    DEFAULT_TRAVEL.otherVenue
  );
  const put = (from: string, to: string, minutes: number): void => {
    let row = byPair.get(from);
    if (row === undefined) {
      row = new Map();
      byPair.set(from, row);
    }
    row.set(to, minutes);
  };
  for (const o of overrides) {
    if (!Number.isFinite(o.minutes) || o.minutes < 0) continue;
    const minutes = Math.min(o.minutes, MAX_TRAVEL_MINUTES);
    const from = placeKeyOfLabel(o.from);
    const to = placeKeyOfLabel(o.to);
    put(from, to, minutes);
    put(to, from, minutes);
    maxMinutes = Math.max(maxMinutes, minutes);
  }
  const custom = (a: Place, b: Place): number | undefined => byPair.get(a.key)?.get(b.key);
  const lookup = (a: Place, b: Place): number => custom(a, b) ?? estimateTravelMinutes(a, b, known) ?? 0;
  const isKnown = (a: Place, b: Place): boolean => custom(a, b) !== undefined || estimateTravelMinutes(a, b, known) !== null;
  return Object.assign(lookup, { maxMinutes, known: isKnown });
}

/**
 * The distinct places of one engine run, numbered 0…count-1, with walks in milliseconds asked of
 * the lookup once per ordered pair and cached. Engines work on slot numbers so their inner loops
 * touch only typed arrays.
 */
export class PlaceTable {
  readonly places: Place[] = [];
  readonly #slots = new Map<string, number>();
  #walkMs: Float64Array | null = null;
  #walkMap: Map<number, number> | null = null;
  #lookup: TravelLookup;

  constructor(lookup: TravelLookup) {
    this.#lookup = lookup;
  }

  /** Slot of a place (added when new), or -1 for no place. */
  slotOf(place: Place | null): number {
    if (place === null) return -1;
    let slot = this.#slots.get(place.key);
    if (slot === undefined) {
      slot = this.places.length;
      this.places.push(place);
      this.#slots.set(place.key, slot);
    }
    return slot;
  }

  /** Call after the last slotOf: sizes the cache. */
  seal(): void {
    const n = this.places.length;
    // A dense matrix for the usual few dozen rooms; a map when a plan names thousands of places.
    if (n <= 512) this.#walkMs = new Float64Array(n * n).fill(-1);
    else this.#walkMap = new Map();
  }

  /** Walk from slot `from` to slot `to` in ms; 0 when either item has no place. */
  walkMs(from: number, to: number): number {
    if (from < 0 || to < 0) return 0;
    const cell = from * this.places.length + to;
    const dense = this.#walkMs;
    if (dense !== null) {
      const known = dense[cell] ?? -1;
      if (known >= 0) return known;
      const ms = this.#ask(from, to);
      dense[cell] = ms;
      return ms;
    }
    const map = this.#walkMap ?? (this.#walkMap = new Map());
    const known = map.get(cell);
    if (known !== undefined) return known;
    const ms = this.#ask(from, to);
    map.set(cell, ms);
    return ms;
  }

  /**
   * The longest walk any pair can need, in ms: the lookup's own promise when it makes one, else
   * found by asking every pair of the places present (fine for the dozens a conference has).
   */
  maxWalkMs(): number {
    const promised = this.#lookup.maxMinutes;
    if (promised !== undefined && Number.isFinite(promised)) return clampTravelMinutes(promised) * 60_000;
    let max = 0;
    const n = this.places.length;
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) max = Math.max(max, this.walkMs(p, q));
    return max;
  }

  #ask(from: number, to: number): number {
    const a = this.places[from];
    const b = this.places[to];
    if (a === undefined || b === undefined) return 0;
    return clampTravelMinutes(this.#lookup(a, b)) * 60_000;
  }
}
