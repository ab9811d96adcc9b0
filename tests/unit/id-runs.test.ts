import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIdRuns, IdRuns, idRunsOf } from '../../src/shared/id-runs.ts';

describe('search results as runs of ids', () => {
  it('writes consecutive ids as one run and scattered ids as runs of one', () => {
    expect(encodeIdRuns([])).toEqual([]);
    expect(encodeIdRuns([5])).toEqual([5, 1]);
    expect(encodeIdRuns([3, 4, 5, 6, 9, 11, 12])).toEqual([3, 4, 9, 1, 11, 2]);
  });

  it('answers membership exactly like a Set of the same ids, and lists them back in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 200 }), fc.array(fc.integer({ min: -5, max: 410 })), (ids, probes) => {
        const sorted = [...ids].sort((a, b) => a - b);
        const runs = new IdRuns(encodeIdRuns(sorted));
        const set = new Set(ids);
        expect(runs.size).toBe(set.size);
        expect([...runs]).toEqual(sorted);
        for (const p of [...probes, ...ids]) expect(runs.has(p)).toBe(set.has(p));
      })
    );
  });

  it('answers the same past the span it marks byte by byte (a binary search over the runs there)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 }), { minLength: 2, maxLength: 60 }), (ids) => {
        const sorted = [...ids].sort((a, b) => a - b);
        const runs = new IdRuns(encodeIdRuns(sorted));
        const set = new Set(ids);
        for (const p of [...ids, ...ids.map((id) => id + 1), ...ids.map((id) => id - 1), 0, 2 ** 31 + 1]) expect(runs.has(p)).toBe(set.has(p));
      })
    );
    const wide = new IdRuns([1, 2, 2 ** 25, 1]);
    expect([wide.has(1), wide.has(2), wide.has(3), wide.has(2 ** 25), wide.has(2 ** 25 + 1)]).toEqual([true, true, false, true, false]);
  });

  it('writes the runs of search ids in any order without sorting, as sorting them first would, repeated ids once', () => {
    const bySorting = (ids: number[]) => encodeIdRuns([...new Set(ids)].sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 300 }), (ids) => {
        expect(idRunsOf(ids)).toEqual(bySorting(ids));
      })
    );
    // Dense runs in start order, as a common word comes out of the index.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 9 }), (minutes, rooms, gap) => {
        const ids = Array.from({ length: minutes * rooms }, (_, i) => 1 + (i % rooms) * minutes + Math.floor(i / rooms)).filter((id) => gap === 0 || id % 10 !== gap);
        expect(idRunsOf(ids)).toEqual(bySorting(ids));
      })
    );
    expect(idRunsOf([])).toEqual([]);
    expect(idRunsOf([7, 7, 7])).toEqual([7, 1]);
    // Past the span it marks, the same runs by a sort.
    expect(idRunsOf([2 ** 30, 3, 2 ** 30, 1, 2])).toEqual([1, 3, 2 ** 30, 1]);
  });

  it('refuses ids out of order or repeated, instead of writing runs that would answer wrongly', () => {
    expect(() => encodeIdRuns([3, 2])).toThrow(RangeError);
    expect(() => encodeIdRuns([2, 2])).toThrow(RangeError);
  });

  it('is far smaller than the id list when a search matches most of a conference', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => i + 1).filter((id) => id % 10 !== 0);
    expect(encodeIdRuns(ids).length).toBeLessThan(ids.length / 4);
  });
});
