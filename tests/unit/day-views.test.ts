// The List view's grouping of the plan by conference day, and where the Week and Day grids scroll.
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../src/shared/domain.ts';
import { HOUR, wallToEpoch } from '../../src/shared/time.ts';
import { agendaDays, flatIds } from '../../src/renderer/src/lib/views/agenda.ts';
import { dayBounds, firstBusyHour } from '../../src/renderer/src/lib/calendar/days.ts';

const ZONE = 'America/Denver';
function at(day: number, hour: number, minute = 0): number {
  return wallToEpoch({ year: 2024, month: 11, day, hour, minute }, ZONE);
}
function item(id: number, start: number, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    id,
    conferenceId: 1,
    kind: 'session',
    sessionId: id,
    sessionKey: `k${id}`,
    title: `Item ${id}`,
    start,
    end: start + HOUR / 2,
    venue: null,
    room: null,
    state: 'going',
    priority: 3,
    arriveAt: null,
    leaveAt: null,
    note: null,
    reminder: null,
    status: 'scheduled',
    ...extra
  };
}

describe('agendaDays', () => {
  it('groups by day in date order, items in time order (going before a backup at the same time)', () => {
    const days = agendaDays(
      [item(1, at(15, 14, 55), { state: 'backup' }), item(2, at(13, 11, 15)), item(3, at(15, 14, 55)), item(4, at(15, 11, 55))],
      ZONE,
      0
    );
    expect(days.map((d) => d.date)).toEqual(['2024-11-13', '2024-11-15']);
    expect(days[1]!.items.map((i) => i.id)).toEqual([4, 3, 1]);
    expect(flatIds(days)).toEqual([2, 4, 3, 1]);
  });

  it('files a 00:30 talk under the night before when the day starts later', () => {
    const days = agendaDays([item(1, at(14, 0, 30)), item(2, at(13, 22, 0))], ZONE, 4 * 60);
    expect(days).toHaveLength(1);
    expect(days[0]!.date).toBe('2024-11-13');
    expect(days[0]!.items.map((i) => i.id)).toEqual([2, 1]);
  });

  it('follows the display zone: 11:15 PM Denver on Wednesday is Thursday in Berlin', () => {
    expect(agendaDays([item(1, at(13, 23, 15))], 'Europe/Berlin', 0)[0]!.date).toBe('2024-11-14');
  });
});

describe('firstBusyHour', () => {
  const wed = dayBounds('2024-11-13', ZONE);
  const thu = dayBounds('2024-11-14', ZONE);

  it('is just before the first thing that starts on the days shown', () => {
    expect(firstBusyHour([wed, thu], [{ start: at(14, 9, 0), end: at(14, 10) }, { start: at(13, 11, 15), end: at(13, 12) }])).toBe(10);
  });

  it('ignores what is on other days, and is 8 o’clock for an empty day', () => {
    expect(firstBusyHour([thu], [{ start: at(13, 11, 15), end: at(13, 12) }])).toBe(8);
    expect(firstBusyHour([], [])).toBe(8);
  });
});
