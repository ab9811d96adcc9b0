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
  let cluster: Working[] = [];
  let clusterBottom = Number.NEGATIVE_INFINITY;
  for (const w of order) {
    // Strictly less: an item that starts exactly where the cluster ends begins a new cluster.
    if (cluster.length > 0 && w.top >= clusterBottom) {
      placeCluster(cluster, opts, result);
      cluster = [];
      clusterBottom = Number.NEGATIVE_INFINITY;
    }
    cluster.push(w);
    clusterBottom = Math.max(clusterBottom, w.bottom);
  }
  if (cluster.length > 0) placeCluster(cluster, opts, result);

  const placements: Placement[] = [];
  for (const w of working) {
    const p = result.get(w);
    if (p) placements.push(p);
  }
  return placements;
}

function placeCluster(cluster: Working[], opts: DayLayoutOptions, out: Map<Working, Placement>): void {
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
  for (const w of cluster) {
    let span = 1;
    while (w.column + span < columns && !cluster.some((o) => o.column === w.column + span && visuallyOverlap(o, w))) span++;
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
