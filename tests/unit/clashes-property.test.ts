// The sweep line must agree with the O(n²) definition on every plan, including the corner cases
// that break sweeps: touching and identical intervals, zero-length items, attendance windows,
// backups and maybes, missing places, lopsided travel tables and DST-change days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveStart,
  findAlternatives,
  findClashes,
  isClashing,
  naiveClashes,
  type Alternative,
  type ClashItem
} from '../../src/shared/clashes.ts';
import { splitTime } from '../../src/shared/split.ts';
import { clampTravelMinutes, type TravelLookup } from '../../src/shared/travel.ts';
import { numRuns, planArbitrary, travelArbitrary } from '../fixtures/plan-arbitraries.ts';

const MIN = 60_000;

function alternativesByDefinition(items: readonly ClashItem[], travel: TravelLookup): Alternative[] {
  const out: Alternative[] = [];
  for (const going of items.filter(isClashing)) {
    for (const other of items) {
      if (other.state === 'going' || other.status !== 'scheduled') continue;
      for (const clash of naiveClashes([going, { ...other, state: 'going' }], travel)) {
        out.push({ going: going.id, alternative: other.id, kind: clash.kind, minutes: clash.minutes });
      }
    }
  }
  return out;
}

const canonical = (list: readonly Alternative[]): string[] => list.map((a) => JSON.stringify(a)).sort();

describe('clash engine properties', () => {
  it('findClashes equals the naive O(n²) check on random plans', () => {
    fc.assert(
      fc.property(planArbitrary(30), travelArbitrary, (items, travel) => {
        expect(findClashes(items, travel)).toEqual(naiveClashes(items, travel));
      }),
      { numRuns }
    );
  });

  it('findAlternatives finds exactly the backups and maybes that would clash if they were going', () => {
    fc.assert(
      fc.property(planArbitrary(20), travelArbitrary, (items, travel) => {
        expect(canonical(findAlternatives(items, travel))).toEqual(canonical(alternativesByDefinition(items, travel)));
      }),
      { numRuns }
    );
  });

  it('a split, once applied, leaves the two items without a clash', () => {
    fc.assert(
      fc.property(planArbitrary(12), travelArbitrary, (items, travel) => {
        const byId = new Map(items.map((item) => [item.id, item]));
        for (const clash of findClashes(items, travel)) {
          const a = byId.get(clash.a);
          const b = byId.get(clash.b);
          if (a === undefined || b === undefined) throw new Error('clash names an unknown item');
          const walk = a.place !== null && b.place !== null ? clampTravelMinutes(travel(a.place, b.place)) : 0;
          const split = splitTime(a, b, walk);
          if (split === null) continue;
          const after = [
            { ...a, leaveAt: split.aLeaveAt },
            { ...b, arriveAt: split.bArriveAt }
          ];
          expect(naiveClashes(after, travel)).toEqual([]);
          expect(split.aLeaveAt - effectiveStart(a)).toBeGreaterThanOrEqual(5 * MIN);
        }
      }),
      { numRuns }
    );
  });
});
