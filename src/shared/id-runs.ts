// Sets of session ids as runs of consecutive ids: how search results cross the wire.
//
// A two-letter search in a 100,000-session conference matches most of it; as a JSON array of ids
// that was ~700 KB to serialise, send and parse on every keystroke. Sessions of one import get
// consecutive ids, so matches come in long runs: [start, length, start, length, …] is a fraction of
// the size for common words and at most twice the ids for scattered ones. Membership is a byte per
// id over the runs' span (100 KB for 100,000 ids, filled run by run), so the catalog's test of each
// of its sessions is one array read; a span too wide for that falls back to a binary search.

/** Flat [start, length, …] pairs, starts ascending, runs neither empty nor touching. */
export type IdRunList = number[];

/** Runs of an ascending list of distinct ids; anything else is a programming error, refused. */
export function encodeIdRuns(sortedIds: readonly number[]): IdRunList {
  const runs: IdRunList = [];
  let start = NaN;
  let length = 0;
  let previous = -Infinity;
  for (const id of sortedIds) {
    if (!(id > previous)) throw new RangeError(`encodeIdRuns needs ascending distinct ids (${id} after ${previous})`);
    previous = id;
    if (length > 0 && id === start + length) {
      length++;
      continue;
    }
    if (length > 0) runs.push(start, length);
    start = id;
    length = 1;
  }
  if (length > 0) runs.push(start, length);
  return runs;
}

/** Id spans up to this are handled with a byte per id (16 MB at most; 100 KB for 100,000 ids), wider ones otherwise. */
const MARKABLE_SPAN = 1 << 24;

/** Read-only membership over a run list: a byte per id over its span, or a binary search over the runs past MARKABLE_SPAN. */
export class IdRuns {
  readonly #runs: IdRunList;
  readonly size: number;
  /** 1 for each id in the runs, from the first run's start on; null when the span is too wide. */
  readonly #marked: Uint8Array | null = null;
  readonly #first: number;

  constructor(runs: IdRunList) {
    this.#runs = runs;
    let size = 0;
    for (let i = 1; i < runs.length; i += 2) size += runs[i]!;
    this.size = size;
    this.#first = runs[0] ?? 0;
    const end = runs.length >= 2 ? runs[runs.length - 2]! + runs[runs.length - 1]! : this.#first;
    if (end - this.#first <= MARKABLE_SPAN) {
      const marked = new Uint8Array(end - this.#first);
      for (let i = 0; i < runs.length; i += 2) marked.fill(1, runs[i]! - this.#first, runs[i]! - this.#first + runs[i + 1]!);
      this.#marked = marked;
    }
  }

  has(id: number): boolean {
    if (this.#marked) return this.#marked[id - this.#first] === 1;
    const runs = this.#runs;
    let lo = 0;
    let hi = runs.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = runs[mid * 2]!;
      if (id < start) hi = mid - 1;
      else if (id >= start + runs[mid * 2 + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Every id, ascending (for tests and the command line; the catalog only asks `has`). */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.#runs.length; i += 2) {
      const start = this.#runs[i]!;
      for (let k = 0; k < this.#runs[i + 1]!; k++) yield start + k;
    }
  }
}

/**
 * The runs of ids given in any order, repeats allowed: what the search index finds, in its start
 * order. Each id is marked in a byte array over their span and the runs are read off it, linear in
 * the ids and the span. SQLite's ORDER BY or a sort cost 10–12 ms for a two-letter search at
 * 100,000 sessions; listing the ids in order and then encoding them, 1.2–2.4 ms more than this
 * (search_keystroke_p95_ms). A span too wide to mark is sorted instead.
 */
export function idRunsOf(ids: readonly number[]): IdRunList {
  const n = ids.length;
  if (n === 0) return [];
  let lo = ids[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const id = ids[i]!;
    if (id < lo) lo = id;
    else if (id > hi) hi = id;
  }
  if (hi - lo >= MARKABLE_SPAN) return encodeIdRuns([...new Set(ids)].sort((a, b) => a - b));
  const marked = new Uint8Array(hi - lo + 1);
  for (let i = 0; i < n; i++) marked[ids[i]! - lo] = 1;
  const runs: IdRunList = [];
  // indexOf walks the bytes natively: a run's end and the next run's start are one call each.
  for (let start = marked.indexOf(1); start !== -1; ) {
    const stop = marked.indexOf(0, start);
    const end = stop === -1 ? marked.length : stop;
    runs.push(lo + start, end - start);
    start = stop === -1 ? -1 : marked.indexOf(1, stop);
  }
  return runs;
}
