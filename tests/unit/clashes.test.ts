import { describe, expect, it } from 'vitest';
import {
  clashItemFromPlan,
  effectiveEnd,
  effectiveStart,
  findAlternatives,
  findClashes,
  naiveClashes,
  type ClashItem
} from '../../src/shared/clashes.ts';
import { splitTime } from '../../src/shared/split.ts';
import type { PlanItem } from '../../src/shared/domain.ts';
import { placeOf, type Place } from '../../src/shared/places.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';
import { generatePlan } from '../fixtures/generate-plan.ts';

const MIN = 60_000;
const T0 = Date.UTC(2024, 10, 13, 16, 0); // Wed 13 Nov 2024 09:00 in Salt Lake City
const at = (minutes: number): number => T0 + minutes * MIN;
const travel = createTravelLookup();

const room155 = placeOf('Salt Palace', 'Level 1 | 155 EF');
const room151 = placeOf('Salt Palace', 'Level 1 | 151 G');
const room255 = placeOf('Salt Palace', 'Level 2 | 255 EF');
const hilton = placeOf('Hilton Salt Lake', 'Ballroom');

function item(id: number, from: number, to: number, extra: Partial<ClashItem> = {}): ClashItem {
  return {
    id,
    start: at(from),
    end: at(to),
    arriveAt: null,
    leaveAt: null,
    state: 'going',
    priority: 3,
    status: 'scheduled',
    place: room155,
    ...extra
  };
}

describe('overlap', () => {
  it('reports the minutes two sessions run together', () => {
    expect(findClashes([item(1, 0, 60), item(2, 30, 90)], travel)).toEqual([{ a: 1, b: 2, kind: 'overlap', minutes: 30 }]);
  });

  it('touching end-to-start is not a clash', () => {
    expect(findClashes([item(1, 0, 60), item(2, 60, 90)], travel)).toEqual([]);
  });

  it('identical intervals overlap for their whole length', () => {
    expect(findClashes([item(7, 0, 35), item(3, 0, 35)], travel)).toEqual([{ a: 3, b: 7, kind: 'overlap', minutes: 35 }]);
  });

  it('one session inside another overlaps for the inner length', () => {
    expect(findClashes([item(1, 0, 120), item(2, 30, 45)], travel)).toEqual([{ a: 1, b: 2, kind: 'overlap', minutes: 15 }]);
  });

  it('a zero-length item strictly inside another overlaps with 0 minutes', () => {
    expect(findClashes([item(1, 0, 60), item(2, 30, 30)], travel)).toEqual([{ a: 1, b: 2, kind: 'overlap', minutes: 0 }]);
  });

  it('a zero-length item at either edge only touches', () => {
    expect(findClashes([item(1, 0, 60), item(2, 0, 0), item(3, 60, 60)], travel)).toEqual([]);
  });

  it('names the earlier-starting item a whatever the input order, and sorts by a then b', () => {
    const clashes = findClashes([item(9, 100, 160), item(5, 0, 60), item(4, 30, 120), item(8, 110, 130)], travel);
    expect(clashes.map((c) => [c.a, c.b])).toEqual([
      [5, 4],
      [4, 9],
      [4, 8],
      [9, 8]
    ]);
  });
});

describe('who clashes', () => {
  it('backups and maybes never clash', () => {
    const items = [item(1, 0, 60), item(2, 30, 90, { state: 'backup' }), item(3, 10, 20, { state: 'maybe' })];
    expect(findClashes(items, travel)).toEqual([]);
  });

  it('reports backups and maybes that run against a going item as alternatives', () => {
    const items = [
      item(1, 0, 60),
      item(2, 30, 90, { state: 'backup' }),
      item(3, 10, 20, { state: 'maybe' }),
      item(4, 65, 80, { state: 'backup', place: hilton }),
      item(5, 200, 230, { state: 'backup' }),
      item(6, 10, 50, { state: 'backup', status: 'cancelled' })
    ];
    expect(findAlternatives(items, travel)).toEqual([
      { going: 1, alternative: 3, kind: 'overlap', minutes: 10 },
      { going: 1, alternative: 2, kind: 'overlap', minutes: 30 },
      { going: 1, alternative: 4, kind: 'transfer', minutes: 15 }
    ]);
  });

  it('cancelled and removed sessions never clash', () => {
    const items = [item(1, 0, 60), item(2, 30, 90, { status: 'cancelled' }), item(3, 10, 20, { status: 'removed' })];
    expect(findClashes(items, travel)).toEqual([]);
  });

  it('leaving early removes an overlap', () => {
    expect(findClashes([item(1, 0, 60, { leaveAt: at(30) }), item(2, 30, 90)], travel)).toEqual([]);
    expect(findClashes([item(1, 0, 60, { leaveAt: at(40) }), item(2, 30, 90)], travel)).toEqual([
      { a: 1, b: 2, kind: 'overlap', minutes: 10 }
    ]);
  });

  it('arriving late removes an overlap', () => {
    expect(findClashes([item(1, 0, 60), item(2, 30, 90, { arriveAt: at(60) })], travel)).toEqual([]);
  });

  it('an attendance window never stretches a session beyond its own times', () => {
    const early = item(1, 30, 60, { arriveAt: at(0), leaveAt: at(120) });
    expect(effectiveStart(early)).toBe(at(30));
    expect(effectiveEnd(early)).toBe(at(60));
    expect(findClashes([item(2, 0, 30), early, item(3, 60, 90)], travel)).toEqual([]);
  });

  it('a window that closes before it opens leaves a zero-length stay at the arrival', () => {
    const odd = item(1, 0, 60, { arriveAt: at(40), leaveAt: at(20) });
    expect(effectiveStart(odd)).toBe(at(40));
    expect(effectiveEnd(odd)).toBe(at(40));
  });
});

describe('transfer', () => {
  const venueA = placeOf('Salt Palace', 'Level 1 | 155 EF');
  const venueB = placeOf('Hilton Salt Lake', 'Ballroom');

  it('back-to-back sessions in different venues with a 5-minute gap are 15 minutes short by default', () => {
    const items = [item(1, 0, 35, { place: venueA }), item(2, 40, 75, { place: venueB })];
    expect(findClashes(items, travel)).toEqual([{ a: 1, b: 2, kind: 'transfer', minutes: 15 }]);
  });

  it('an override that sets that walk to 5 minutes removes the clash', () => {
    const items = [item(1, 0, 35, { place: venueA }), item(2, 40, 75, { place: venueB })];
    const quick = createTravelLookup([{ from: 'Hilton Salt Lake | Ballroom', to: 'Salt Palace | Level 1 | 155 EF', minutes: 5 }]);
    expect(findClashes(items, quick)).toEqual([]);
  });

  it('uses 5 minutes within a level and 8 between levels of one venue', () => {
    expect(findClashes([item(1, 0, 30), item(2, 32, 60, { place: room151 })], travel)).toEqual([
      { a: 1, b: 2, kind: 'transfer', minutes: 3 }
    ]);
    expect(findClashes([item(1, 0, 30), item(2, 35, 60, { place: room151 })], travel)).toEqual([]);
    expect(findClashes([item(1, 0, 30), item(2, 35, 60, { place: room255 })], travel)).toEqual([
      { a: 1, b: 2, kind: 'transfer', minutes: 3 }
    ]);
  });

  it('staying in the same room needs no gap', () => {
    expect(findClashes([item(1, 0, 30), item(2, 30, 60)], travel)).toEqual([]);
  });

  it('items without a known place never produce transfer clashes', () => {
    const items = [item(1, 0, 30, { place: null }), item(2, 30, 60, { place: hilton }), item(3, 60, 90, { place: null })];
    expect(findClashes(items, travel)).toEqual([]);
  });

  it('walks from the place of the item that ends first', () => {
    const oneWay = (a: Place, b: Place): number => (a.key === room155?.key && b.key === hilton?.key ? 30 : 0);
    const there = [item(1, 0, 30, { place: room155 }), item(2, 40, 60, { place: hilton })];
    const back = [item(1, 0, 30, { place: hilton }), item(2, 40, 60, { place: room155 })];
    expect(findClashes(there, oneWay)).toEqual([{ a: 1, b: 2, kind: 'transfer', minutes: 20 }]);
    expect(findClashes(back, oneWay)).toEqual([]);
  });
});

describe('clashItemFromPlan', () => {
  it('carries times, window, state, priority, status and the parsed place', () => {
    const plan: PlanItem = {
      id: 12,
      conferenceId: 1,
      kind: 'session',
      sessionId: 40,
      sessionKey: 'k',
      title: 'All Your Routes Are Ready, More or Less',
      start: at(0),
      end: at(35),
      venue: 'Salt Palace',
      room: 'Level 1 | 155 EF',
      state: 'backup',
      priority: 5,
      arriveAt: at(5),
      leaveAt: null,
      note: null,
      reminder: null,
      status: 'cancelled'
    };
    const c = clashItemFromPlan(plan);
    expect(c).toMatchObject({ id: 12, start: at(0), end: at(35), arriveAt: at(5), leaveAt: null, state: 'backup', priority: 5, status: 'cancelled' });
    expect(c.place?.label).toBe('Salt Palace | Level 1 | 155 EF');
  });
});

describe('splitTime', () => {
  const apply = (a: ClashItem, b: ClashItem, split: { aLeaveAt: number; bArriveAt: number }): ClashItem[] => [
    { ...a, leaveAt: split.aLeaveAt },
    { ...b, arriveAt: split.bArriveAt }
  ];

  it('splits an overlap in the middle with the walk between', () => {
    const a = item(1, 0, 60);
    const b = item(2, 30, 90, { place: room151 });
    const split = splitTime(a, b, 5);
    expect(split).toEqual({ aLeaveAt: at(45), bArriveAt: at(50) });
    expect(findClashes(apply(a, b, split ?? { aLeaveAt: 0, bArriveAt: 0 }), travel)).toEqual([]);
  });

  it('splits a short transfer around the middle of the gap', () => {
    const a = item(1, 0, 35, { place: room155 });
    const b = item(2, 40, 75, { place: hilton });
    const split = splitTime(a, b, 20);
    expect(split).toEqual({ aLeaveAt: at(30), bArriveAt: at(50) });
    expect(findClashes(apply(a, b, split ?? { aLeaveAt: 0, bArriveAt: 0 }), travel)).toEqual([]);
  });

  it('shortens only the item that has to give time', () => {
    const a = item(1, 0, 30, { place: room155 });
    const b = item(2, 34, 90, { place: room151 });
    const split = splitTime(a, b, 5);
    expect(split).not.toBeNull();
    expect(split?.bArriveAt).toBeGreaterThanOrEqual(at(34));
    expect(findClashes(apply(a, b, split ?? { aLeaveAt: 0, bArriveAt: 0 }), travel)).toEqual([]);
  });

  it('splits two talks in the same slot down the middle, walk included', () => {
    const split = splitTime(item(1, 0, 60), item(2, 0, 60), 10)!;
    expect((split.aLeaveAt - item(1, 0, 60).start) / 60_000).toBe(25);
    expect((split.bArriveAt - item(1, 0, 60).start) / 60_000).toBe(35);
  });

  it('leaves the containing item at the middle of the one inside it', () => {
    const a = item(1, 0, 120);
    const split = splitTime(a, item(2, 30, 60), 0)!;
    expect((split.aLeaveAt - a.start) / 60_000).toBe(45);
    expect(split.bArriveAt).toBe(split.aLeaveAt);
  });

  it('is impossible when a starts after b', () => {
    expect(splitTime(item(1, 30, 60), item(2, 0, 60), 0)).toBeNull();
  });

  it('is impossible when there is no room for 5 minutes of each plus the walk', () => {
    // 8 minutes walk as 10: from a's start (0) to b's end there must be 5 + 10 + 5 minutes.
    expect(splitTime(item(1, 0, 10), item(2, 2, 19), 8)).toBeNull();
    expect(splitTime(item(1, 0, 100), item(2, 0, 19), 8)).toBeNull();
    // b itself shorter than 5 minutes.
    expect(splitTime(item(1, 0, 100), item(2, 90, 94), 0)).toBeNull();
  });

  it('moves the cut off the middle when that is what leaves 5 minutes of each', () => {
    expect(splitTime(item(1, 0, 10), item(2, 2, 100), 8)).toEqual({ aLeaveAt: at(5), bArriveAt: at(15) });
    expect(splitTime(item(1, 0, 100), item(2, 90, 104), 8)).toEqual({ aLeaveAt: at(85), bArriveAt: at(95) });
  });

  it('never leaves a clash behind on a generated plan', () => {
    const items = generatePlan(600, 11, { days: 2, goingShare: 1, windowShare: 0.2 });
    const byId = new Map(items.map((i) => [i.id, i]));
    let checked = 0;
    for (const clash of findClashes(items, travel)) {
      const a = byId.get(clash.a);
      const b = byId.get(clash.b);
      if (a === undefined || b === undefined) throw new Error('clash names an unknown item');
      const walk = a.place !== null && b.place !== null ? travel(a.place, b.place) : 0;
      const split = splitTime(a, b, walk);
      if (split === null) continue;
      checked++;
      expect(findClashes(apply(a, b, split), travel)).toEqual([]);
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('10,000 items', () => {
  it('gives the same clashes as the naive check (and prints both timings)', () => {
    const items = generatePlan(10_000, 42);
    const runs: number[] = [];
    let fast = findClashes(items, travel);
    for (let run = 0; run < 9; run++) {
      const t0 = performance.now();
      fast = findClashes(items, travel);
      runs.push(performance.now() - t0);
    }
    const t1 = performance.now();
    const slow = naiveClashes(items, travel);
    const naiveMs = performance.now() - t1;
    const median = runs.sort((a, b) => a - b)[4] ?? Number.NaN;
    console.log(`findClashes on 10,000 items: median ${median.toFixed(1)} ms of 9 runs; naive: ${naiveMs.toFixed(0)} ms; ${fast.length} clashes`);
    expect(fast.length).toBeGreaterThan(1000);
    expect(fast).toEqual(slow);
  });
});
