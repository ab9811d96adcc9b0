// The clash engine: which planned items cannot both be attended. Pure and allocation-light,
// because the renderer runs it on every pointermove while a session is dragged.
//
// Policy (the tests pin each rule):
// - Only `going` items of `scheduled` sessions clash. Backups and maybes never do; they are
//   reported separately by findAlternatives. Cancelled or removed sessions never clash.
// - An item occupies its effective interval [arriveAt ?? start, leaveAt ?? end], clamped into
//   [start, end] (an attendance window can only shorten a session; a window that ends before it
//   starts leaves a zero-length stay at the arrival time, and so does an end before the start).
// - Two items overlap when their intervals share time. Touching (one ends when the other starts)
//   is not an overlap. A zero-length item overlaps an item only when it lies strictly inside it
//   (minutes 0); at either edge it merely touches.
// - Otherwise they clash by `transfer` when the gap between them is shorter than the walk from
//   the earlier item's place to the later one's; items without a place never need a walk.
// - Pairs are ordered: `a` is the item that comes first by (effective start, effective end, id).
//   Results come sorted by a, then b, in that same order. Overlap minutes are rounded to the
//   nearest minute; transfer minutes are rounded up, so a clash is never "0 minutes short".
import type { Clash, ClashKind, PlanItem, PlanState, SessionStatus } from './domain.ts';
import { placeOf, type Place } from './places.ts';
import { clampTravelMinutes, PlaceTable, type TravelLookup } from './travel.ts';

const MINUTE = 60_000;

export interface ClashItem {
  id: number;
  start: number;
  end: number;
  arriveAt: number | null;
  leaveAt: number | null;
  state: PlanState;
  priority: number;
  status: SessionStatus;
  place: Place | null;
  /** A personal block: the person's own commitment, which resolve-all never demotes. */
  fixed?: boolean;
}

/** A backup or maybe that runs against a going item: what the person could switch to. */
export interface Alternative {
  going: number;
  alternative: number;
  kind: ClashKind;
  minutes: number;
}

export function clashItemFromPlan(item: PlanItem): ClashItem {
  return {
    id: item.id,
    start: item.start,
    end: item.end,
    arriveAt: item.arriveAt,
    leaveAt: item.leaveAt,
    state: item.state,
    priority: item.priority,
    status: item.status,
    place: placeOf(item.venue, item.room),
    fixed: item.kind === 'block'
  };
}

/** First instant the person is there. */
export function effectiveStart(item: ClashItem): number {
  const s = item.arriveAt !== null && Number.isFinite(item.arriveAt) ? item.arriveAt : item.start;
  const e = Math.max(item.start, item.end);
  return s < item.start ? item.start : s > e ? e : s;
}

/** Last instant the person is there (never before effectiveStart). */
export function effectiveEnd(item: ClashItem): number {
  const s = effectiveStart(item);
  const leave = item.leaveAt !== null && Number.isFinite(item.leaveAt) ? item.leaveAt : item.end;
  const e = Math.min(leave, Math.max(item.start, item.end));
  return e < s ? s : e;
}

/** Whether an item takes part in clashes at all. */
export function isClashing(item: ClashItem): boolean {
  return item.state === 'going' && item.status === 'scheduled' && hasFiniteTimes(item);
}

function isAlternativeCandidate(item: ClashItem): boolean {
  return item.state !== 'going' && item.status === 'scheduled' && hasFiniteTimes(item);
}

function hasFiniteTimes(item: ClashItem): boolean {
  return Number.isFinite(item.start) && Number.isFinite(item.end);
}

/**
 * The items of one run in engine order, as typed arrays. `order[x]` is the input index of the
 * x-th item by (effective start, effective end, id, input index).
 */
export interface PreparedItems {
  readonly count: number;
  readonly order: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly slot: Int32Array;
  readonly table: PlaceTable;
  /** Input index → whether it passed the filter (1 = first class, 2 = second class). */
  readonly kind: Uint8Array;
}

export function prepareItems(
  items: readonly ClashItem[],
  travel: TravelLookup,
  classify: (item: ClashItem) => 0 | 1 | 2
): PreparedItems {
  const n = items.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const slot = new Int32Array(n);
  const kind = new Uint8Array(n);
  const ids = new Float64Array(n);
  const table = new PlaceTable(travel);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i] as ClashItem;
    const k = classify(item);
    if (k === 0) continue;
    kind[i] = k;
    start[i] = effectiveStart(item);
    end[i] = effectiveEnd(item);
    slot[i] = table.slotOf(item.place);
    ids[i] = item.id;
    count++;
  }
  table.seal();
  const order = new Int32Array(count);
  for (let i = 0, x = 0; i < n; i++) if (kind[i] !== 0) order[x++] = i;
  order.sort(
    (i, j) =>
      (start[i] as number) - (start[j] as number) ||
      (end[i] as number) - (end[j] as number) ||
      (ids[i] as number) - (ids[j] as number) ||
      i - j
  );
  return { count, order, start, end, slot, table, kind };
}

/** Clashing pairs found by a sweep, as input indices; grows by doubling. */
class PairBuffer {
  length = 0;
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  /** Overlap minutes as given; transfer minutes stored negated (a transfer is never 0 short). */
  minutes = new Float64Array(1024);

  push(i: number, j: number, signedMinutes: number): void {
    if (this.length === this.first.length) {
      const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const next = make(old.length * 2);
        next.set(old);
        return next;
      };
      this.first = grow(this.first, (n) => new Int32Array(n));
      this.second = grow(this.second, (n) => new Int32Array(n));
      this.minutes = grow(this.minutes, (n) => new Float64Array(n));
    }
    this.first[this.length] = i;
    this.second[this.length] = j;
    this.minutes[this.length] = signedMinutes;
    this.length++;
  }
}

/**
 * Every clashing pair (earlier, later in engine order), found by a sweep over items sorted by
 * start: from each item, walk forward through the items that start before it ends (all of them
 * overlap it) and then through those that start within the longest walk after it ends (the
 * transfer candidates). O(n log n + k + w), w being the candidates in those short windows; the
 * pairs come out already in result order. With `mixedOnly`, only pairs of different kinds.
 */
function sweep(prep: PreparedItems, mixedOnly: boolean): PairBuffer {
  const { count, order, start, end, slot, table, kind } = prep;
  const window = table.maxWalkMs();
  const pairs = new PairBuffer();
  for (let x = 0; x < count; x++) {
    const i = order[x] as number;
    const ei = end[i] as number;
    const pi = slot[i] as number;
    const ki = kind[i] as number;
    const horizon = ei + window;
    for (let y = x + 1; y < count; y++) {
      const j = order[y] as number;
      const sj = start[j] as number;
      if (sj >= horizon) break;
      if (mixedOnly && kind[j] === ki) continue;
      if (sj < ei) {
        const ej = end[j] as number;
        pairs.push(i, j, Math.round(((ej < ei ? ej : ei) - sj) / MINUTE));
      } else {
        const pj = slot[j] as number;
        if (pi < 0 || pj < 0) continue;
        const walk = table.walkMs(pi, pj);
        const gap = sj - ei;
        if (gap < walk) pairs.push(i, j, -Math.ceil((walk - gap) / MINUTE));
      }
    }
  }
  return pairs;
}

/** Every clash among the going items, sorted by a then b (see the policy at the top). */
export function findClashes(items: readonly ClashItem[], travel: TravelLookup): Clash[] {
  const pairs = sweep(prepareItems(items, travel, (item) => (isClashing(item) ? 1 : 0)), false);
  const out: Clash[] = new Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const m = pairs.minutes[p] as number;
    out[p] = {
      a: (items[pairs.first[p] as number] as ClashItem).id,
      b: (items[pairs.second[p] as number] as ClashItem).id,
      kind: m < 0 ? 'transfer' : 'overlap',
      minutes: m < 0 ? -m : m
    };
  }
  return out;
}

/**
 * Backups and maybes (of scheduled sessions) that would clash with a going item if they were
 * going: the choices to offer when the person drops one. Same rules and order as findClashes.
 */
export function findAlternatives(items: readonly ClashItem[], travel: TravelLookup): Alternative[] {
  const classify = (item: ClashItem): 0 | 1 | 2 => (isClashing(item) ? 1 : isAlternativeCandidate(item) ? 2 : 0);
  const prep = prepareItems(items, travel, classify);
  const pairs = sweep(prep, true);
  const out: Alternative[] = [];
  for (let p = 0; p < pairs.length; p++) {
    const i = pairs.first[p] as number;
    const j = pairs.second[p] as number;
    const [going, alternative] = prep.kind[i] === 1 ? [i, j] : [j, i];
    const m = pairs.minutes[p] as number;
    out.push({
      going: (items[going] as ClashItem).id,
      alternative: (items[alternative] as ClashItem).id,
      kind: m < 0 ? 'transfer' : 'overlap',
      minutes: m < 0 ? -m : m
    });
  }
  return out;
}

/**
 * The O(n²) reference: every pair checked straight from the definitions, then sorted. The
 * property test and the benchmark compare findClashes against it.
 */
export function naiveClashes(items: readonly ClashItem[], travel: TravelLookup): Clash[] {
  const going: ClashItem[] = [];
  // Position in the input breaks ties between items that share start, end and id.
  const position: number[] = [];
  items.forEach((item, index) => {
    if (isClashing(item)) {
      going.push(item);
      position.push(index);
    }
  });
  const n = going.length;
  const s = going.map(effectiveStart);
  const e = going.map(effectiveEnd);
  const found: { x: number; y: number; clash: Clash }[] = [];
  const before = (x: number, y: number): number =>
    compareOrder(
      s[x] as number,
      e[x] as number,
      going[x] as ClashItem,
      position[x] as number,
      s[y] as number,
      e[y] as number,
      going[y] as ClashItem,
      position[y] as number
    );
  const record = (first: number, second: number, kind: ClashKind, minutes: number): void => {
    const clash: Clash = { a: (going[first] as ClashItem).id, b: (going[second] as ClashItem).id, kind, minutes };
    found.push({ x: first, y: second, clash });
  };
  for (let x = 0; x < n; x++) {
    const sx = s[x] as number;
    const ex = e[x] as number;
    for (let y = x + 1; y < n; y++) {
      const sy = s[y] as number;
      const ey = e[y] as number;
      const first = before(x, y) < 0 ? x : y;
      const second = first === x ? y : x;
      const shared = Math.min(ex, ey) - Math.max(sx, sy);
      const pointInside = (sx === ex && sy < sx && sx < ey) || (sy === ey && sx < sy && sy < ex);
      if (shared > 0 || pointInside) {
        record(first, second, 'overlap', Math.round(Math.max(0, shared) / MINUTE));
        continue;
      }
      const from = (going[first] as ClashItem).place;
      const to = (going[second] as ClashItem).place;
      if (from === null || to === null) continue;
      const walk = clampTravelMinutes(travel(from, to)) * MINUTE;
      const gap = Math.max(sx, sy) - Math.min(ex, ey);
      if (gap < walk) record(first, second, 'transfer', Math.ceil((walk - gap) / MINUTE));
    }
  }
  found.sort((p, q) => before(p.x, q.x) || before(p.y, q.y));
  return found.map((f) => f.clash);
}

/** Engine order, by (effective start, effective end, id, input position). */
function compareOrder(
  s1: number,
  e1: number,
  a: ClashItem,
  i1: number,
  s2: number,
  e2: number,
  b: ClashItem,
  i2: number
): number {
  return s1 - s2 || e1 - e2 || a.id - b.id || i1 - i2;
}
