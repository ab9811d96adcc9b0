// Windowing for a list whose rows are as tall as their content (a one-line title is shorter than
// a three-line one; a search hit found in the abstract adds a line). Only the rows in view are in
// the DOM; the rows that were rendered report their measured heights, the others count with an
// estimate. Pure, so the geometry is tested without a browser.

export interface ListWindow {
  /** First row index to render. */
  from: number;
  /** One past the last row index to render. */
  to: number;
  /** Pixels above the first rendered row. */
  offset: number;
}

/**
 * Top of every row and, last, the total height: `n + 1` numbers. Measured heights by row key,
 * the estimate for rows never rendered. Linear, ~1 ms for 100,000 rows.
 */
export function rowOffsets(keys: readonly number[], measured: ReadonlyMap<number, number>, estimate: number): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  let y = 0;
  for (let i = 0; i < keys.length; i++) {
    offsets[i] = y;
    y += measured.get(keys[i]!) ?? estimate;
  }
  offsets[keys.length] = y;
  return offsets;
}

/** The row at a given height: the last row whose top is at or above it. */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Which rows to put in the DOM for a scroll position, with `overscan` rows either side. */
export function windowAt(offsets: Float64Array, scrollTop: number, viewportHeight: number, overscan = 6): ListWindow {
  const count = offsets.length - 1;
  if (count <= 0) return { from: 0, to: 0, offset: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop) + Math.max(0, viewportHeight));
  const from = Math.max(0, first - overscan);
  const to = Math.min(count, last + 1 + overscan);
  return { from, to, offset: offsets[from]! };
}

/** The scrollTop that brings a row fully into view (unchanged when it already is). */
export function scrollToRow(offsets: Float64Array, index: number, scrollTop: number, viewportHeight: number): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.min(top, bottom - viewportHeight);
  return scrollTop;
}

/**
 * Where to scroll after row heights changed so the row at the top of the view stays where the
 * person sees it (rows above it that were measured would otherwise push the list around).
 */
export function anchoredScrollTop(before: Float64Array, after: Float64Array, scrollTop: number): number {
  if (before.length <= 1 || after.length !== before.length) return scrollTop;
  const top = rowAt(before, scrollTop);
  return after[top]! + (scrollTop - before[top]!);
}
