// Week-view geometry. Pure functions over epoch milliseconds and pixels: no DOM, no Svelte, and
// never mutating the items they are given (the same arrays feed the catalog and the clash engine).
//
// Policy: a column's vertical axis is elapsed time since the day's first instant in the display zone
// (so a 23-hour DST day simply ends an hour early). Items are laid out like a good calendar: items
// that run at the same time share the width in columns, an item widens into free columns to its
// right, and the minutes two items really share are reported as bands so the view can hatch them.
// A split session (arrive late / leave early) keeps its full place in the layout, but only the part
// the person attends counts for the bands: the skipped part clashes with nothing.
import { MINUTE } from '../../../../shared/time.ts';

export interface TimedItem {
  id: number;
  /** UTC epoch ms. */
  start: number;
  /** UTC epoch ms, exclusive; may equal start. */
  end: number;
  /** The attendance window (split time), when the person attends only part of it. */
  arriveAt?: number | null;
  leaveAt?: number | null;
}

export interface DayLayoutOptions {
  /** First instant drawn in the column (midnight in the display zone). */
  dayStart: number;
  /** First instant after the column (next midnight). */
  dayEnd: number;
  pxPerMinute: number;
  /** Shortest drawn height, so a zero-length or five-minute item stays visible and clickable. */
  minHeightPx?: number;
}

/** A vertical stretch inside a placed item, relative to the item's own top. */
export interface Band {
  top: number;
  height: number;
}

export interface Placement {
  id: number;
  /** Pixels from the column's top. */
  top: number;
  height: number;
  /** Which of the cluster's columns the item starts in (0-based). */
  column: number;
  /** How many columns it covers (widens into free columns to its right). */
  span: number;
  /** Columns in its cluster of transitively overlapping items. */
  columns: number;
  /** The item began before / runs past this day (drawn with an open edge). */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Where it really runs alongside another item of the same day (touching is not running alongside). */
  overlaps: Band[];
}

export const DEFAULT_MIN_HEIGHT_PX = 18;

/**
 * Items that did not fit side by side: more ran at once than the column has room for. They are
 * drawn as one "+N" chip in the last column, over the stretch where they run.
 */
export interface Overflow {
  /** The hidden items, in start order. */
  ids: number[];
  top: number;
  height: number;
  /** The chip's column and the cluster's column count, as in Placement. */
  column: number;
  columns: number;
}

export interface DayLayout {
  placements: Placement[];
  overflows: Overflow[];
}

interface Working {
  item: TimedItem;
  /** Visible (clipped) interval in ms. */
  from: number;
  to: number;
  /** The attended part of the visible interval (equal to from/to unless split). */
  busyFrom: number;
  busyTo: number;
  top: number;
  bottom: number;
  column: number;
}

/** Lay out one day's items. Items outside [dayStart, dayEnd) are left out; order of the result follows the input order. */
export function layoutDay(items: readonly TimedItem[], opts: DayLayoutOptions): Placement[] {
  return layoutDense(items, opts, Number.POSITIVE_INFINITY).placements;
}

/**
 * Lay out one day's items showing at most `maxColumns` side by side. Where more run at once, the
 * first maxColumns - 1 columns are drawn and the rest collapse into "+N" chips in the last column
 * (a 300-item wish list otherwise draws slivers too thin to read).
 */
export function layoutDayWithOverflow(items: readonly TimedItem[], opts: DayLayoutOptions & { maxColumns: number }): DayLayout {
  return layoutDense(items, opts, Math.max(2, Math.floor(opts.maxColumns)));
}

function layoutDense(items: readonly TimedItem[], opts: DayLayoutOptions, maxColumns: number): DayLayout {
  const minHeight = opts.minHeightPx ?? DEFAULT_MIN_HEIGHT_PX;
  const dayHeight = msToPx(opts.dayEnd - opts.dayStart, opts.pxPerMinute);
  const working: Working[] = [];
  for (const item of items) {
    if (!intersectsDay(item, opts.dayStart, opts.dayEnd)) continue;
    const from = Math.max(item.start, opts.dayStart);
    const to = Math.max(from, Math.min(item.end, opts.dayEnd));
    // A short item near midnight keeps its minimum height by moving up rather than spilling out.
    const top = Math.min(msToPx(from - opts.dayStart, opts.pxPerMinute), Math.max(0, dayHeight - minHeight));
    const bottom = Math.max(msToPx(to - opts.dayStart, opts.pxPerMinute), top + minHeight);
    const busyFrom = Math.min(to, Math.max(from, item.arriveAt ?? from));
    const busyTo = Math.max(busyFrom, Math.min(to, item.leaveAt ?? to));
    working.push({ item, from, to, busyFrom, busyTo, top, bottom, column: 0 });
  }

  const order = [...working].sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.item.id - b.item.id);
  const result = new Map<Working, Placement>();
  const overflows: Overflow[] = [];
  let cluster: Working[] = [];
  let clusterBottom = Number.NEGATIVE_INFINITY;
  for (const w of order) {
    // Strictly less: an item that starts exactly where the cluster ends begins a new cluster.
    if (cluster.length > 0 && w.top >= clusterBottom) {
      placeCluster(cluster, opts, maxColumns, result, overflows);
      cluster = [];
      clusterBottom = Number.NEGATIVE_INFINITY;
    }
    cluster.push(w);
    clusterBottom = Math.max(clusterBottom, w.bottom);
  }
  if (cluster.length > 0) placeCluster(cluster, opts, maxColumns, result, overflows);

  const placements: Placement[] = [];
  for (const w of working) {
    const p = result.get(w);
    if (p) placements.push(p);
  }
  return { placements, overflows };
}

/** Hidden items grouped where they run at once (transitively), each group one chip. */
function overflowChips(hidden: Working[], column: number, columns: number): Overflow[] {
  const chips: Overflow[] = [];
  let current: Overflow | null = null;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const w of hidden) {
    if (current === null || w.top >= bottom) {
      current = { ids: [], top: w.top, height: 0, column, columns };
      chips.push(current);
      bottom = Number.NEGATIVE_INFINITY;
    }
    current.ids.push(w.item.id);
    bottom = Math.max(bottom, w.bottom);
    current.height = bottom - current.top;
  }
  return chips;
}

function placeCluster(cluster: Working[], opts: DayLayoutOptions, maxColumns: number, out: Map<Working, Placement>, overflows: Overflow[]): void {
  // Greedy column assignment in start order: the first column whose last item has ended.
  const columnBottoms: number[] = [];
  for (const w of cluster) {
    let column = columnBottoms.findIndex((bottom) => bottom <= w.top);
    if (column === -1) {
      column = columnBottoms.length;
      columnBottoms.push(w.bottom);
    } else {
      columnBottoms[column] = w.bottom;
    }
    w.column = column;
  }
  const columns = columnBottoms.length;
  if (columns <= maxColumns) {
    placeShown(cluster, cluster, columns, opts, out, []);
    return;
  }
  // Too many at once somewhere. The first maxColumns - 1 columns are always drawn; the last
  // column draws an item only where no more than maxColumns run during it, and otherwise holds a
  // chip for what is hidden. First-fit assignment means an item in column c had c others running
  // when it began, so everything from column maxColumns on is hidden, and an item kept in the
  // last column never meets a hidden one. A chip blocks its column as an item would.
  const chipColumn = maxColumns - 1;
  const hidden = new Set(cluster.filter((w) => w.column >= chipColumn && mostAtOnce(w, cluster) > maxColumns));
  const chips = overflowChips([...hidden], chipColumn, maxColumns);
  overflows.push(...chips);
  placeShown(cluster.filter((w) => !hidden.has(w)), cluster, maxColumns, opts, out, chips);
}

/** The most items (w included) drawn at the same moment anywhere within w's own stretch. */
function mostAtOnce(w: Working, cluster: readonly Working[]): number {
  const others = cluster.filter((o) => o !== w && visuallyOverlap(o, w));
  // The count only rises where an item begins: check w's top and every later beginning inside it.
  let most = 1;
  for (const at of [w.top, ...others.map((o) => o.top).filter((t) => t > w.top)]) {
    let n = 1;
    for (const o of others) if (o.top <= at && o.bottom > at) n++;
    if (n > most) most = n;
  }
  return most;
}

function placeShown(
  shown: Working[],
  cluster: Working[],
  columns: number,
  opts: DayLayoutOptions,
  out: Map<Working, Placement>,
  chips: readonly Overflow[]
): void {
  const blocked = (column: number, w: Working): boolean =>
    shown.some((o) => o.column === column && visuallyOverlap(o, w)) ||
    chips.some((c) => c.column === column && c.top < w.bottom && w.top < c.top + c.height);
  for (const w of shown) {
    let span = 1;
    while (w.column + span < columns && !blocked(w.column + span, w)) span++;
    out.set(w, {
      id: w.item.id,
      top: w.top,
      height: w.bottom - w.top,
      column: w.column,
      span,
      columns,
      clippedStart: w.item.start < opts.dayStart,
      clippedEnd: w.item.end > opts.dayEnd,
      overlaps: overlapBands(w, cluster, opts.pxPerMinute)
    });
  }
}

function visuallyOverlap(a: Working, b: Working): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}

/** The attended stretches of `w` that run at the same time as another item's, merged, in px from w's top. */
function overlapBands(w: Working, cluster: Working[], pxPerMinute: number): Band[] {
  const spans: [number, number][] = [];
  for (const o of cluster) {
    if (o === w) continue;
    const from = Math.max(w.busyFrom, o.busyFrom);
    const to = Math.min(w.busyTo, o.busyTo);
    if (to > from) spans.push([from, to]);
  }
  if (spans.length === 0) return [];
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged.map(([from, to]) => ({
    top: msToPx(from - w.from, pxPerMinute),
    height: msToPx(to - from, pxPerMinute)
  }));
}

/** Whether an item shows in the day [dayStart, dayEnd); a zero-length item shows on the day it sits in. */
export function intersectsDay(item: TimedItem, dayStart: number, dayEnd: number): boolean {
  if (item.end <= item.start) return item.start >= dayStart && item.start < dayEnd;
  return item.start < dayEnd && item.end > dayStart;
}

export function minutesToPx(minutes: number, pxPerMinute: number): number {
  return minutes * pxPerMinute;
}

export function pxToMinutes(px: number, pxPerMinute: number): number {
  return px / pxPerMinute;
}

export function msToPx(ms: number, pxPerMinute: number): number {
  return (ms / MINUTE) * pxPerMinute;
}

/** The instant at a y offset (px from the column's top) of a column starting at dayStart. */
export function instantAtY(y: number, dayStart: number, pxPerMinute: number): number {
  return dayStart + Math.round(pxToMinutes(y, pxPerMinute) * MINUTE);
}

/** Round minutes to the nearest multiple of the snap step. */
export function snapMinutes(minutes: number, step: number): number {
  if (step <= 0) return minutes;
  return Math.round(minutes / step) * step;
}

/**
 * Round an instant to the nearest multiple of the step on the wall clock of a zone whose offset
 * from UTC at that instant is `offsetMinutes` (so 30-minute snapping lands on :00/:30 in India too).
 */
export function snapInstant(ms: number, stepMinutes: number, offsetMinutes = 0): number {
  if (stepMinutes <= 0) return ms;
  const step = stepMinutes * MINUTE;
  const shift = offsetMinutes * MINUTE;
  return Math.round((ms + shift) / step) * step - shift;
}
