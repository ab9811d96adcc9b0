// My week: which conferences share a span of days, and how a plan over several conferences clashes
// (each conference by its own walks; across conferences only by overlapping, never a guessed walk).
import { describe, expect, it } from 'vitest';
import { clashesAcrossConferences } from '../../src/shared/conference-clashes.ts';
import type { PlanItem } from '../../src/shared/domain.ts';
import { isIsoDate, myWeekStart, overlappingConferences, rangeOfDates, rangesOverlap, weekAgenda, weekRange } from '../../src/shared/my-week.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';

const T0 = Date.UTC(2024, 10, 13, 16, 0);
const MIN = 60_000;

function item(id: number, conferenceId: number, startMin: number, endMin: number, venue: string | null, room: string | null): PlanItem {
  return {
    id, conferenceId, kind: 'session', sessionId: id, sessionKey: `k${id}`, title: `Item ${id}`,
    start: T0 + startMin * MIN, end: T0 + endMin * MIN, venue, room, state: 'going', priority: 3,
    arriveAt: null, leaveAt: null, note: null, reminder: null, status: 'scheduled'
  };
}

describe('overlappingConferences', () => {
  const kubecon = { id: 1, startDate: '2024-11-12', endDate: '2024-11-15' };
  const cilium = { id: 2, startDate: '2024-11-11', endDate: '2024-11-12' };
  const later = { id: 3, startDate: '2024-12-27', endDate: '2024-12-30' };
  const empty = { id: 4, startDate: null, endDate: null };
  const all = [kubecon, cilium, later, empty];

  it('finds the conferences that share at least one date, in the order given', () => {
    expect(overlappingConferences(weekRange('2024-11-11'), all).map((c) => c.id)).toEqual([1, 2]);
    expect(overlappingConferences({ startDate: '2024-11-15', endDate: '2024-11-20' }, all).map((c) => c.id)).toEqual([1]);
  });

  it('counts touching on one day as overlapping, and the day after as not', () => {
    expect(rangesOverlap({ startDate: '2024-11-10', endDate: '2024-11-12' }, kubecon)).toBe(true);
    expect(rangesOverlap({ startDate: '2024-11-16', endDate: '2024-11-18' }, kubecon)).toBe(false);
  });

  it('never matches a conference without dates, nor a range without dates', () => {
    expect(overlappingConferences({ startDate: null, endDate: null }, all)).toEqual([]);
    expect(overlappingConferences(weekRange('2000-01-01', 40_000), [empty])).toEqual([]);
  });

  it('starts My week at the first day of the earliest conference that overlaps the chosen one', () => {
    expect(myWeekStart(kubecon, all)).toBe('2024-11-11');
    expect(myWeekStart({ startDate: '2024-11-13', endDate: '2024-11-13' }, [kubecon, later])).toBe('2024-11-12');
    expect(myWeekStart(later, all)).toBe('2024-12-27');
    expect(myWeekStart(empty, all)).toBeNull();
  });

  it('spans days inclusively and finds the first and last of any dates', () => {
    expect(weekRange('2024-12-28', 7)).toEqual({ startDate: '2024-12-28', endDate: '2025-01-03' });
    expect(weekRange('2024-11-13', 1)).toEqual({ startDate: '2024-11-13', endDate: '2024-11-13' });
    expect(rangeOfDates(['2024-11-14', '2024-11-12', '2024-11-13'])).toEqual({ startDate: '2024-11-12', endDate: '2024-11-14' });
    expect(rangeOfDates([])).toEqual({ startDate: null, endDate: null });
  });
});

describe('clashesAcrossConferences', () => {
  // Conference 1 says its two halls are 30 minutes apart; conference 2 knows nothing of them.
  const travel = new Map([
    [1, createTravelLookup([{ from: 'Salt Palace | Hall A', to: 'Salt Palace | Hall B', minutes: 30 }])],
    [2, createTravelLookup([])]
  ]);
  const travelOf = (cid: number) => travel.get(cid)!;

  it('reports an overlap between items of two conferences', () => {
    const clashes = clashesAcrossConferences([item(1, 1, 0, 60, 'Salt Palace', 'Hall A'), item(2, 2, 30, 90, 'Hilton', 'Ballroom')], travelOf);
    expect(clashes.map((c) => c.clash)).toEqual([{ a: 1, b: 2, kind: 'overlap', minutes: 30 }]);
  });

  it('claims no transfer clash between conferences: another venue at an unknown walk', () => {
    // Back to back in two venues of two conferences: within one conference "another venue" would
    // be 20 minutes, but nothing says how far apart two conferences' venues are.
    expect(clashesAcrossConferences([item(1, 1, 0, 60, 'Salt Palace', 'Hall A'), item(2, 2, 60, 90, 'Hilton', 'Ballroom')], travelOf)).toEqual([]);
  });

  it('keeps judging each conference by its own walks', () => {
    const clashes = clashesAcrossConferences(
      [item(1, 1, 0, 60, 'Salt Palace', 'Hall A'), item(2, 1, 70, 90, 'Salt Palace', 'Hall B'), item(3, 2, 200, 260, 'Hilton', 'Ballroom')],
      travelOf
    );
    expect(clashes.map((c) => c.clash)).toEqual([{ a: 1, b: 2, kind: 'transfer', minutes: 20 }]);
  });

  it('never borrows another conference’s walk for places that share a name', () => {
    // The same two hall names in conference 2: its own (default) walk applies, not conference 1's 30 minutes.
    const clashes = clashesAcrossConferences([item(1, 2, 0, 60, 'Salt Palace', 'Hall A'), item(2, 2, 70, 90, 'Salt Palace', 'Hall B')], travelOf);
    expect(clashes).toEqual([]);
  });

  it('returns clashes in engine order across conferences', () => {
    const clashes = clashesAcrossConferences(
      [item(5, 2, 100, 160, null, null), item(4, 1, 120, 180, null, null), item(1, 1, 0, 60, null, null), item(2, 2, 30, 90, null, null)],
      travelOf
    );
    expect(clashes.map((c) => [c.clash.a, c.clash.b])).toEqual([[1, 2], [5, 4]]);
  });
});

describe('weekAgenda', () => {
  const conference = (id: number, timeZone: string) => ({ id, title: `C${id}`, timeZone, startDate: '2024-11-11', endDate: '2024-11-15', sessionCount: 1 });
  const denver = conference(1, 'America/Denver');
  const berlin = conference(2, 'Europe/Berlin');

  it('puts each item on its date in its own conference’s zone, in start order, and leaves out other days and conferences', () => {
    // T0 is 16:00 UTC on 13 Nov: 09:00 in Denver; +8 h is 01:00 on 14 Nov in Berlin.
    const plan = [item(2, 2, 8 * 60, 9 * 60, null, null), item(1, 1, 0, 60, null, null), item(3, 3, 0, 60, null, null), item(4, 1, 3 * 24 * 60, 3 * 24 * 60 + 60, null, null)];
    const days = weekAgenda(plan, [denver, berlin], { startDate: '2024-11-11', endDate: '2024-11-15' });
    expect(days.map((d) => [d.date, d.items.map((i) => i.item.id)])).toEqual([
      ['2024-11-13', [1]],
      ['2024-11-14', [2]]
    ]);
  });

  it('reads only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-11-1')).toBe(false);
    expect(isIsoDate('13/11/2024')).toBe(false);
  });
});
