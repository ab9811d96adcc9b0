// Sets of session ids as runs of consecutive ids: how search results cross the wire.
//
// A two-letter search in a 100,000-session conference matches most of it; as a JSON array of ids
// that was ~700 KB to serialise, send and parse on every keystroke. Sessions of one import get
// consecutive ids, so matches come in long runs: [start, length, start, length, …] is a fraction of
// the size for common words and at most twice the ids for scattered ones. Membership is a binary
// search over the runs, so the renderer never rebuilds a Set either.

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

/** Read-only membership over a run list, without expanding it. */
export class IdRuns {
  readonly #runs: IdRunList;
  readonly size: number;

  constructor(runs: IdRunList) {
    this.#runs = runs;
    let size = 0;
    for (let i = 1; i < runs.length; i += 2) size += runs[i]!;
    this.size = size;
  }

  has(id: number): boolean {
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
