// "Resolve all by priority": keep the clash-free set of going items with the highest total
// priority and move the rest to backup.
//
// Personal blocks (ClashItem.fixed) are fixed points: the person's own commitments, never demoted
// on their behalf. They are always kept; a session that clashes with one goes to backup, and the
// search below chooses among the remaining sessions only. That stays exact: every pair is tested
// on its own, so a set of sessions that clashes with no block and not among itself is clash-free
// with the blocks too. Blocks that clash with each other stay as they are for the person to settle.
//
// Why not classic weighted interval scheduling: with travel buffers, whether a new item fits
// depends on more than the last kept item. A kept item without a place (walk 0 to anything) or a
// person's override that breaks the triangle inequality can sit between two kept items that are
// still too close for the walk between *them*. So the search remembers, per place, the latest end
// among the kept items that can still constrain a later one.
//
// Exactness. Items are taken in engine order (effective start, end, id). For an earlier kept item i
// and a later item j, the engine reports a clash exactly when start(j) < end(i) + walk(place(i),
// place(j)) (overlap when start(j) < end(i), transfer otherwise; a missing place walks 0). Such a
// test needs only i's end and place, and among kept items at one place only the latest end
// matters. A kept item stops mattering once end + its longest walk to anywhere <= the current
// start, since later items start no earlier. The state "place → latest end that still matters"
// therefore decides every future choice, so keeping only the best partial plan per state is exact.
// Best = more total priority, then more items kept, then the set that keeps the earliest item in
// which the two differ; all three compare the same after any common continuation, so the order is
// preserved by the merge. The number of states stays small in practice (the places someone could
// still be walking from); it is not polynomial for adversarial inputs.
import { findClashes, isClashing, prepareItems, type ClashItem } from './clashes.ts';
import type { TravelLookup } from './travel.ts';

export interface ResolveResult {
  /** Going items that stay going, in time order. */
  keep: number[];
  /** Going items that should become backups, in time order. */
  toBackup: number[];
  totalPriority: number;
}

interface Partial {
  /** Pairs [slot, end, slot, end, …] sorted by slot; slot -1 holds items without a place. */
  live: number[];
  weight: number;
  kept: number;
  /** Bit x set when the x-th item in engine order is kept. */
  chosen: Uint32Array;
}

/** Negative when p is the better partial plan. */
function comparePartialPlans(p: Partial, q: Partial): number {
  if (p.weight !== q.weight) return q.weight - p.weight;
  if (p.kept !== q.kept) return q.kept - p.kept;
  for (let w = 0; w < p.chosen.length; w++) {
    const diff = (p.chosen[w] as number) ^ (q.chosen[w] as number);
    if (diff !== 0) {
      const lowest = diff & -diff;
      return ((p.chosen[w] as number) & lowest) !== 0 ? -1 : 1;
    }
  }
  return 0;
}

function stateKey(live: readonly number[]): string {
  return live.join(',');
}

function offer(states: Map<string, Partial>, candidate: Partial): void {
  const key = stateKey(candidate.live);
  const held = states.get(key);
  if (held === undefined || comparePartialPlans(candidate, held) < 0) states.set(key, candidate);
}

export function resolveByPriority(items: readonly ClashItem[], travel: TravelLookup): ResolveResult {
  if (!items.some((item) => item.fixed === true && isClashing(item))) return resolveSessions(items, travel);
  const blocks = new Set<number>();
  for (const item of items) if (item.fixed === true && isClashing(item)) blocks.add(item.id);
  const displaced = new Set<number>();
  for (const c of findClashes(items, travel)) {
    if (blocks.has(c.a) && !blocks.has(c.b)) displaced.add(c.b);
    else if (blocks.has(c.b) && !blocks.has(c.a)) displaced.add(c.a);
  }
  const sessions = resolveSessions(
    items.filter((item) => !blocks.has(item.id) && !displaced.has(item.id)),
    travel
  );
  // Report in time order, as the search does: keep everything but the displaced and the search's backups.
  const backup = new Set([...displaced, ...sessions.toBackup]);
  const keep: number[] = [];
  const toBackup: number[] = [];
  let totalPriority = sessions.totalPriority;
  const prep = prepareItems(items, travel, (item) => (isClashing(item) ? 1 : 0));
  for (let x = 0; x < prep.count; x++) {
    const item = items[prep.order[x] as number] as ClashItem;
    if (backup.has(item.id)) toBackup.push(item.id);
    else {
      keep.push(item.id);
      if (blocks.has(item.id)) totalPriority += Number.isFinite(item.priority) ? item.priority : 0;
    }
  }
  return { keep, toBackup, totalPriority };
}

/**
 * Clashes resolve-all leaves in place: pairs of the person's own blocks (going, fixed) that still
 * clash with each other. Resolving never demotes a block, so these remain for the person to settle.
 */
export function unresolvedBlockClashes(items: readonly ClashItem[], travel: TravelLookup): number {
  const blocks = items.filter((item) => item.fixed === true && isClashing(item));
  return blocks.length < 2 ? 0 : findClashes(blocks, travel).length;
}

/** What the resolve-all preview (panel and CLI) says about `unresolved`, or null when there is nothing to say. */
export function unresolvedSentence(pairs: number): string | null {
  if (pairs <= 0) return null;
  const what = pairs === 1 ? '2 of your own blocks still clash' : `${pairs} clashes between your own blocks remain`;
  return `${what}; Resolve leaves them to you.`;
}

/** The best clash-free choice among items that are all free to move (see the header). */
function resolveSessions(items: readonly ClashItem[], travel: TravelLookup): ResolveResult {
  const prep = prepareItems(items, travel, (item) => (isClashing(item) ? 1 : 0));
  const { count, order, start, end, slot, table } = prep;
  const placeCount = table.places.length;
  // Longest walk out of each place; -1 (no place) walks 0 and fits into index placeCount.
  const reach = new Float64Array(placeCount + 1);
  for (let p = 0; p < placeCount; p++) {
    let max = 0;
    for (let q = 0; q < placeCount; q++) max = Math.max(max, table.walkMs(p, q));
    reach[p] = max;
  }
  const reachOf = (s: number): number => reach[s < 0 ? placeCount : s] as number;

  const words = Math.ceil(count / 32);
  let states = new Map<string, Partial>();
  offer(states, { live: [], weight: 0, kept: 0, chosen: new Uint32Array(words) });

  for (let x = 0; x < count; x++) {
    const i = order[x] as number;
    const t = start[i] as number;
    const q = slot[i] as number;
    const priority = Number.isFinite(items[i]?.priority) ? (items[i] as ClashItem).priority : 0;

    // Forget kept items that can no longer constrain anything starting at t or later.
    const current = new Map<string, Partial>();
    for (const state of states.values()) {
      let stale = false;
      for (let k = 0; k < state.live.length; k += 2) {
        if ((state.live[k + 1] as number) + reachOf(state.live[k] as number) <= t) stale = true;
      }
      if (!stale) {
        offer(current, state);
        continue;
      }
      const live: number[] = [];
      for (let k = 0; k < state.live.length; k += 2) {
        const s = state.live[k] as number;
        const e = state.live[k + 1] as number;
        if (e + reachOf(s) > t) live.push(s, e);
      }
      offer(current, { ...state, live });
    }

    const next = new Map<string, Partial>();
    for (const state of current.values()) {
      offer(next, state); // skip item x
      let fits = true;
      for (let k = 0; k < state.live.length && fits; k += 2) {
        const s = state.live[k] as number;
        const e = state.live[k + 1] as number;
        if (t < e + table.walkMs(s, q)) fits = false;
      }
      if (!fits) continue;
      const live: number[] = [];
      let placed = false;
      for (let k = 0; k < state.live.length; k += 2) {
        const s = state.live[k] as number;
        if (!placed && s >= q) {
          live.push(q, end[i] as number);
          placed = true;
          if (s === q) continue; // the new item ends no earlier than the one it replaces
        }
        live.push(s, state.live[k + 1] as number);
      }
      if (!placed) live.push(q, end[i] as number);
      const chosen = state.chosen.slice();
      chosen[x >>> 5] = ((chosen[x >>> 5] as number) | (1 << (x & 31))) >>> 0;
      offer(next, { live, weight: state.weight + priority, kept: state.kept + 1, chosen });
    }
    states = next;
  }

  let best: Partial | null = null;
  for (const state of states.values()) if (best === null || comparePartialPlans(state, best) < 0) best = state;
  const keep: number[] = [];
  const toBackup: number[] = [];
  for (let x = 0; x < count; x++) {
    const id = (items[order[x] as number] as ClashItem).id;
    const kept = best !== null && ((best.chosen[x >>> 5] as number) & (1 << (x & 31))) !== 0;
    (kept ? keep : toBackup).push(id);
  }
  return { keep, toBackup, totalPriority: best?.weight ?? 0 };
}
