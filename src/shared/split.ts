// "Split time": share the contested time of two clashing items so the person attends part of
// each, with the walk between them. Pure; the services apply it and the clash panel offers it only
// when it is possible, saying why when it is not.
import { effectiveEnd, effectiveStart, type ClashItem } from './clashes.ts';
import { placeLabel } from './places.ts';
import { clampTravelMinutes, type TravelLookup } from './travel.ts';

const MINUTE = 60_000;
const FIVE_MINUTES = 5 * MINUTE;
/** Least time worth keeping of either item. */
export const MIN_KEPT_MINUTES = 5;
const floorTo5 = (ms: number): number => Math.floor(ms / FIVE_MINUTES) * FIVE_MINUTES;
const roundTo5 = (ms: number): number => Math.round(ms / FIVE_MINUTES) * FIVE_MINUTES;
const ceilTo5 = (ms: number): number => Math.ceil(ms / FIVE_MINUTES) * FIVE_MINUTES;

export type SplitPlan =
  | { possible: true; aLeaveAt: number; bArriveAt: number; walkMinutes: number }
  /**
   * `order`: a starts after b (the caller passed them the wrong way round).
   * `no-room`: from a's start to b's end there is not room for 5 minutes of each plus the walk.
   */
  | { possible: false; reason: 'order' | 'no-room'; walkMinutes: number }
  /**
   * `unknown-walk`: one of the two is a place the person typed and nothing says how far it is from
   * the other (`between`, as labels): a split would have to guess the walk, so there is none.
   */
  | { possible: false; reason: 'unknown-walk'; walkMinutes: 0; between: [string, string] }
  /** `other-conference`: an unknown walk between items of two conferences, which no travel table holds. */
  | { possible: false; reason: 'other-conference'; walkMinutes: 0 };

/**
 * Share the contested time of two clashing items: `a` (the earlier one, Clash.a) leaves early and
 * `b` arrives late so the walk fits between them. The walk is rounded up to 5 minutes.
 *
 * The ideal cut is the middle of the contested time (from b's start to the earlier end), rounded to
 * 5 minutes, with the walk split around it (the smaller half taken from a). Only the item that
 * needs it is shortened: when b starts late enough, a stays until b's start minus the walk. When b
 * lies inside a, a leaves for b and its tail is skipped. The cut then moves as little as needed to
 * leave each item at least 5 minutes: a split exists exactly when
 *   a's start + 5 min <= min(a's end, b's end - 5 min - walk) and b lasts at least 5 minutes,
 * and then one is always found (a short talk inside a long one is reached by leaving a early).
 */
export function planSplit(a: ClashItem, b: ClashItem, travelMinutes: number): SplitPlan {
  const aStart = effectiveStart(a);
  const aEnd = effectiveEnd(a);
  const bStart = effectiveStart(b);
  const bEnd = effectiveEnd(b);
  const walk = ceilTo5(clampTravelMinutes(travelMinutes) * MINUTE);
  const walkMinutes = walk / MINUTE;
  if (aStart > bStart) return { possible: false, reason: 'order', walkMinutes };
  const earliest = aStart + FIVE_MINUTES;
  const latest = Math.min(aEnd, bEnd - FIVE_MINUTES - walk);
  if (earliest > latest || bEnd - bStart < FIVE_MINUTES) return { possible: false, reason: 'no-room', walkMinutes };
  const cut = roundTo5((Math.min(aEnd, bEnd) + bStart) / 2);
  let leave = cut - floorTo5(walk / 2);
  if (leave + walk < bStart) leave = bStart - walk;
  leave = Math.min(latest, Math.max(earliest, leave));
  // Pushed back to b's last possible arrival, which may be off the 5-minute grid (a talk ending
  // at :58): onto the grid when that still leaves 5 minutes of a.
  if (leave === latest && leave !== aEnd && floorTo5(leave) >= earliest) leave = floorTo5(leave);
  return { possible: true, aLeaveAt: leave, bArriveAt: Math.max(bStart, leave + walk), walkMinutes };
}

/** The split as a pair of windows, or null when it cannot work (see planSplit). */
export function splitTime(a: ClashItem, b: ClashItem, travelMinutes: number): { aLeaveAt: number; bArriveAt: number } | null {
  const plan = planSplit(a, b, travelMinutes);
  return plan.possible ? { aLeaveAt: plan.aLeaveAt, bArriveAt: plan.bArriveAt } : null;
}

/** Engine order (effective start, effective end, id) as a comparator: negative when x comes first. */
export function engineOrder(x: ClashItem, y: ClashItem): number {
  return effectiveStart(x) - effectiveStart(y) || effectiveEnd(x) - effectiveEnd(y) || x.id - y.id;
}

/** Engine order: the first of two items is the one that leaves early. */
export function inEngineOrder<T extends ClashItem>(x: T, y: T): [T, T] {
  return engineOrder(x, y) <= 0 ? [x, y] : [y, x];
}

/** The split of two items in engine order, with the walk between their places from `travel`. */
export function splitFor(a: ClashItem, b: ClashItem, travel: TravelLookup): SplitPlan {
  if (a.place === null || b.place === null) return planSplit(a, b, 0);
  if (travel.known !== undefined && !travel.known(a.place, b.place)) {
    return { possible: false, reason: 'unknown-walk', walkMinutes: 0, between: [placeLabel(a.place), placeLabel(b.place)] };
  }
  return planSplit(a, b, travel(a.place, b.place));
}

/**
 * Why a split cannot be done, in the person's words: the one wording the clash panel shows on the
 * disabled button and the services give as the error. `names` (the two titles) replaces "These
 * two" where the reader cannot see which items are meant (the CLI, the API).
 */
export function splitRefusal(plan: Extract<SplitPlan, { possible: false }>, names?: readonly [string, string]): string {
  const who = names === undefined ? 'These two' : `“${names[0]}” and “${names[1]}”`;
  switch (plan.reason) {
    case 'order':
      return `${who} can’t be split; keep one of them instead.`;
    case 'no-room': {
      const walk = plan.walkMinutes > 0 ? ` and the ${plan.walkMinutes}-min walk` : '';
      return `${who} can’t be split: there is no room for 5 minutes of each${walk}; keep one of them instead.`;
    }
    case 'unknown-walk':
      return `Set the walk between ${plan.between[0]} and ${plan.between[1]} in Travel times to split the time.`;
    case 'other-conference':
      return `${who} belong to different conferences, so the walk between them is unknown; keep one of them instead.`;
  }
}
