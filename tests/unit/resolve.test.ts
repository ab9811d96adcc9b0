import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveEnd, effectiveStart, findClashes, isClashing, naiveClashes, type ClashItem } from '../../src/shared/clashes.ts';
import { placeOf } from '../../src/shared/places.ts';
import { resolveByPriority, unresolvedBlockClashes, unresolvedSentence, type ResolveResult } from '../../src/shared/resolve.ts';
import { createTravelLookup, type TravelLookup } from '../../src/shared/travel.ts';
import { generatePlan } from '../fixtures/generate-plan.ts';
import { numRuns, planArbitrary, travelArbitrary } from '../fixtures/plan-arbitraries.ts';

const MIN = 60_000;
const T0 = Date.UTC(2024, 10, 13, 16, 0);
const at = (minutes: number): number => T0 + minutes * MIN;
const travel = createTravelLookup();
const hall = placeOf('Salt Palace', 'Level 1 | 155 EF');
const hotel = placeOf('Hilton', 'Ballroom');

function item(id: number, from: number, to: number, priority: number, extra: Partial<ClashItem> = {}): ClashItem {
  return { id, start: at(from), end: at(to), arriveAt: null, leaveAt: null, state: 'going', priority, status: 'scheduled', place: hall, ...extra };
}

/** Try every subset of the going items; best = priority, then more kept, then the earliest item kept. */
function bruteForce(items: readonly ClashItem[], lookup: TravelLookup): ResolveResult {
  const going = items
    .map((it, index) => ({ it, index }))
    .filter(({ it }) => isClashing(it))
    .sort(
      (p, q) =>
        effectiveStart(p.it) - effectiveStart(q.it) || effectiveEnd(p.it) - effectiveEnd(q.it) || p.it.id - q.it.id || p.index - q.index
    )
    .map(({ it }) => it);
  // Clashes are pairwise, so a set is clash-free exactly when it holds no clashing pair.
  const position = new Map(going.map((it, k) => [it.id, k]));
  const conflicts = going.map(() => 0);
  for (const clash of naiveClashes(going, lookup)) {
    const a = position.get(clash.a) ?? 0;
    const b = position.get(clash.b) ?? 0;
    conflicts[a] = (conflicts[a] ?? 0) | (1 << b);
    conflicts[b] = (conflicts[b] ?? 0) | (1 << a);
  }
  let best = { mask: 0, weight: 0, kept: 0 };
  for (let mask = 0; mask < 1 << going.length; mask++) {
    let weight = 0;
    let kept = 0;
    let valid = true;
    for (let k = 0; k < going.length && valid; k++) {
      if ((mask & (1 << k)) === 0) continue;
      valid = ((conflicts[k] ?? 0) & mask) === 0;
      weight += going[k]?.priority ?? 0;
      kept++;
    }
    if (!valid) continue;
    const better =
      weight > best.weight ||
      (weight === best.weight && kept > best.kept) ||
      (weight === best.weight && kept === best.kept && (lowestBit(mask ^ best.mask) & mask) !== 0);
    if (better) best = { mask, weight, kept };
  }
  return {
    keep: going.filter((_, k) => (best.mask & (1 << k)) !== 0).map((it) => it.id),
    toBackup: going.filter((_, k) => (best.mask & (1 << k)) === 0).map((it) => it.id),
    totalPriority: best.weight
  };
}

const lowestBit = (x: number): number => x & -x;

function applied(items: readonly ClashItem[], result: ResolveResult): ClashItem[] {
  const demoted = new Set(result.toBackup);
  return items.map((it) => (demoted.has(it.id) ? { ...it, state: 'backup' } : it));
}

describe('resolveByPriority', () => {
  it('keeps the higher priority of two overlapping talks', () => {
    expect(resolveByPriority([item(1, 0, 35, 2), item(2, 0, 35, 5)], travel)).toEqual({ keep: [2], toBackup: [1], totalPriority: 5 });
  });

  it('prefers two talks to one whose priority equals their sum', () => {
    const items = [item(1, 0, 120, 4), item(2, 0, 60, 2), item(3, 60, 120, 2)];
    expect(resolveByPriority(items, travel)).toEqual({ keep: [2, 3], toBackup: [1], totalPriority: 4 });
  });

  it('on a full tie keeps the earlier item', () => {
    expect(resolveByPriority([item(2, 30, 90, 3), item(1, 0, 60, 3)], travel)).toEqual({ keep: [1], toBackup: [2], totalPriority: 3 });
  });

  it('counts the walk: back-to-back talks in two venues cannot both stay', () => {
    const items = [item(1, 0, 35, 3, { place: hall }), item(2, 40, 75, 4, { place: hotel })];
    expect(resolveByPriority(items, travel)).toEqual({ keep: [2], toBackup: [1], totalPriority: 4 });
  });

  it('does not let a placeless item in between hide a walk that is too short', () => {
    // 1 (hall) → 2 (no place, 5 min) → 3 (hotel): each neighbour pair is fine, 1 and 3 are 15 minutes short.
    const items = [item(1, 0, 30, 3, { place: hall }), item(2, 30, 35, 1, { place: null }), item(3, 35, 60, 3, { place: hotel })];
    const result = resolveByPriority(items, travel);
    expect(result.totalPriority).toBe(4);
    expect(findClashes(applied(items, result), travel)).toEqual([]);
  });

  it('leaves backups, maybes and cancelled sessions untouched', () => {
    const items = [item(1, 0, 60, 1), item(2, 0, 60, 5, { state: 'backup' }), item(3, 0, 60, 5, { status: 'cancelled' })];
    expect(resolveByPriority(items, travel)).toEqual({ keep: [1], toBackup: [], totalPriority: 1 });
  });

  it('leaves a generated plan of 200 items without any clash', () => {
    const items = generatePlan(200, 5, { days: 3, goingShare: 0.8 });
    expect(findClashes(items, travel).length).toBeGreaterThan(20);
    const result = resolveByPriority(items, travel);
    expect(findClashes(applied(items, result), travel)).toEqual([]);
    const going = items.filter(isClashing).map((it) => it.id);
    expect([...result.keep, ...result.toBackup].sort((a, b) => a - b)).toEqual(going.sort((a, b) => a - b));
    const priorityOf = new Map(items.map((it) => [it.id, it.priority]));
    expect(result.totalPriority).toBe(result.keep.reduce((sum, id) => sum + (priorityOf.get(id) ?? 0), 0));
  });

  it('equals the brute-force optimum on small random plans', () => {
    fc.assert(
      fc.property(planArbitrary(12), travelArbitrary, (items, lookup) => {
        expect(resolveByPriority(items, lookup)).toEqual(bruteForce(items, lookup));
      }),
      { numRuns }
    );
  });
});

describe('clashes resolve-all leaves to the person', () => {
  const block = (id: number, from: number, to: number, extra: Partial<ClashItem> = {}) => item(id, from, to, 3, { fixed: true, ...extra });

  it('counts pairs of the person’s own blocks that still clash, and nothing else', () => {
    // Blocks 1 and 2 overlap; block 3 at the hotel starts 5 minutes after 2 ends at the hall (a
    // 20-minute walk); talk 4 clashes with block 1 but goes to backup, so it is no leftover.
    const items = [block(1, 0, 60), block(2, 30, 90), block(3, 95, 120, { place: hotel }), item(4, 0, 30, 5)];
    expect(resolveByPriority(items, travel).toBackup).toEqual([4]);
    expect(unresolvedBlockClashes(items, travel)).toBe(2);
  });

  it('a backup block, a lone block or sessions alone leave nothing', () => {
    expect(unresolvedBlockClashes([block(1, 0, 60), block(2, 30, 90, { state: 'backup' })], travel)).toBe(0);
    expect(unresolvedBlockClashes([block(1, 0, 60), item(2, 30, 90, 1)], travel)).toBe(0);
    expect(unresolvedBlockClashes([item(1, 0, 60, 1), item(2, 30, 90, 1)], travel)).toBe(0);
  });
});

describe('the resolve-all preview on blocks that still clash', () => {
  it('says how many are left to the person, and nothing when none are', () => {
    expect(unresolvedSentence(0)).toBeNull();
    expect(unresolvedSentence(1)).toBe('2 of your own blocks still clash; Resolve leaves them to you.');
    expect(unresolvedSentence(3)).toBe('3 clashes between your own blocks remain; Resolve leaves them to you.');
  });
});
