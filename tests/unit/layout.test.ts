import { describe, expect, it } from 'vitest';
import {
  instantAtY,
  intersectsDay,
  layoutDay,
  layoutDayWithOverflow,
  msToPx,
  snapInstant,
  snapMinutes,
  type Placement,
  type TimedItem
} from '../../src/renderer/src/lib/calendar/layout.ts';
import { conferenceDates, dayBounds, datesBetween, groupIntoWeeks, weekIndexOf } from '../../src/renderer/src/lib/calendar/days.ts';
import { HOUR, MINUTE, wallToEpoch } from '../../src/shared/time.ts';

// One Denver day (KubeCon NA 2024, Wednesday) at 1 px per minute, so pixel numbers read as minutes.
const ZONE = 'America/Denver';
const DAY_START = wallToEpoch({ year: 2024, month: 11, day: 13, hour: 0, minute: 0 }, ZONE);
const DAY_END = DAY_START + 24 * HOUR;
const opts = { dayStart: DAY_START, dayEnd: DAY_END, pxPerMinute: 1, minHeightPx: 20 };

/** An item from wall-clock "HH:MM" strings on that day. */
function item(id: number, from: string, to: string): TimedItem {
  return { id, start: at(from), end: at(to) };
}
function at(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return DAY_START + (h ?? 0) * HOUR + (m ?? 0) * MINUTE;
}
function byId(placements: Placement[], id: number): Placement {
  const p = placements.find((x) => x.id === id);
  if (!p) throw new Error(`no placement for ${id}`);
  return p;
}

describe('layoutDay', () => {
  it('a lone item takes the full width at its own time', () => {
    const [p] = layoutDay([item(1, '11:15', '11:50')], opts);
    expect(p).toMatchObject({ id: 1, top: 675, height: 35, column: 0, span: 1, columns: 1, overlaps: [] });
  });

  it('touching end-to-start is not an overlap', () => {
    const placements = layoutDay([item(1, '11:15', '11:50'), item(2, '11:50', '12:30')], opts);
    expect(byId(placements, 1)).toMatchObject({ column: 0, columns: 1, overlaps: [] });
    expect(byId(placements, 2)).toMatchObject({ column: 0, columns: 1, overlaps: [] });
  });

  it('two sessions at the same time sit side by side with the whole length hatched', () => {
    const placements = layoutDay([item(1, '14:55', '15:30'), item(2, '14:55', '15:30')], opts);
    const a = byId(placements, 1);
    const b = byId(placements, 2);
    expect([a.column, b.column].sort()).toEqual([0, 1]);
    expect(a.columns).toBe(2);
    expect(b.columns).toBe(2);
    expect(a.overlaps).toEqual([{ top: 0, height: 35 }]);
    expect(b.overlaps).toEqual([{ top: 0, height: 35 }]);
  });

  it('3-way overlap gets three columns', () => {
    const placements = layoutDay([item(1, '10:00', '11:00'), item(2, '10:15', '11:15'), item(3, '10:30', '10:45')], opts);
    expect(placements.map((p) => p.column)).toEqual([0, 1, 2]);
    expect(placements.every((p) => p.columns === 3 && p.span === 1)).toBe(true);
  });

  it('a partial overlap hatches only the shared minutes', () => {
    const placements = layoutDay([item(1, '10:00', '11:00'), item(2, '10:40', '11:30')], opts);
    expect(byId(placements, 1).overlaps).toEqual([{ top: 40, height: 20 }]);
    expect(byId(placements, 2).overlaps).toEqual([{ top: 0, height: 20 }]);
  });

  it('a column freed by an earlier item is reused', () => {
    // 1 and 2 overlap; 3 starts after 1 ends but while 2 runs, so it takes 1's column.
    const placements = layoutDay([item(1, '09:00', '10:00'), item(2, '09:30', '11:00'), item(3, '10:00', '10:30')], opts);
    expect(byId(placements, 3).column).toBe(byId(placements, 1).column);
    expect(byId(placements, 3).columns).toBe(2);
  });

  it('an item widens into free columns to its right', () => {
    // 1 spans the morning beside 2 then 3 (stacked in column 1); 4 starts after 2 ends and overlaps only 1.
    const placements = layoutDay(
      [item(1, '09:00', '12:00'), item(2, '09:00', '10:00'), item(3, '09:30', '10:00'), item(4, '11:00', '11:30')],
      opts
    );
    expect(byId(placements, 1).columns).toBe(3);
    expect(byId(placements, 4)).toMatchObject({ column: 1, span: 2 });
    expect(byId(placements, 2)).toMatchObject({ span: 1 });
  });

  it('separate clusters do not share column counts', () => {
    const placements = layoutDay([item(1, '09:00', '10:00'), item(2, '09:00', '10:00'), item(3, '13:00', '14:00')], opts);
    expect(byId(placements, 3)).toMatchObject({ column: 0, columns: 1, span: 1 });
  });

  it('zero-length item gets a minimum height', () => {
    const [p] = layoutDay([item(1, '12:00', '12:00')], opts);
    expect(p).toMatchObject({ top: 720, height: 20, overlaps: [] });
  });

  it('a short item drawn taller than its time pushes its visual neighbour aside but hatches nothing', () => {
    const placements = layoutDay([item(1, '12:00', '12:05'), item(2, '12:05', '12:30')], opts);
    expect(byId(placements, 1).columns).toBe(2);
    expect(byId(placements, 1).overlaps).toEqual([]);
    expect(byId(placements, 2).overlaps).toEqual([]);
  });

  it('an item crossing midnight is clipped to the day and marked as continuing', () => {
    const late = { id: 1, start: at('23:00'), end: DAY_END + 2 * HOUR };
    const [today] = layoutDay([late], opts);
    expect(today).toMatchObject({ top: 23 * 60, height: 60, clippedStart: false, clippedEnd: true });
    const [tomorrow] = layoutDay([late], { ...opts, dayStart: DAY_END, dayEnd: DAY_END + 24 * HOUR });
    expect(tomorrow).toMatchObject({ top: 0, height: 120, clippedStart: true, clippedEnd: false });
  });

  it('a zero-length item just before midnight stays inside the column', () => {
    const [p] = layoutDay([{ id: 1, start: DAY_END - MINUTE, end: DAY_END - MINUTE }], opts);
    expect(p!.top + p!.height).toBeLessThanOrEqual(24 * 60);
  });

  it('items of other days are left out', () => {
    const placements = layoutDay([item(1, '10:00', '11:00'), { id: 2, start: DAY_END, end: DAY_END + HOUR }], opts);
    expect(placements.map((p) => p.id)).toEqual([1]);
  });

  it('keeps the input order and never mutates its input', () => {
    const input = [item(3, '15:00', '16:00'), item(1, '09:00', '10:00'), item(2, '09:30', '10:30')];
    const copy = structuredClone(input);
    const frozen = Object.freeze(input.map((i) => Object.freeze(i)));
    const placements = layoutDay(frozen, opts);
    expect(placements.map((p) => p.id)).toEqual([3, 1, 2]);
    expect(input).toEqual(copy);
  });

  it('scales with the zoom', () => {
    const [p] = layoutDay([item(1, '11:15', '11:50')], { ...opts, pxPerMinute: 2 });
    expect(p).toMatchObject({ top: 1350, height: 70 });
  });
});

describe('pixels and snapping', () => {
  it('minutes and pixels convert both ways', () => {
    expect(msToPx(90 * MINUTE, 0.8)).toBeCloseTo(72);
    expect(instantAtY(72, DAY_START, 0.8)).toBe(DAY_START + 90 * MINUTE);
  });

  it('snaps minutes to the nearest step', () => {
    expect(snapMinutes(62, 5)).toBe(60);
    expect(snapMinutes(63, 5)).toBe(65);
    expect(snapMinutes(63, 0)).toBe(63);
  });

  it('snaps an instant on the wall clock of a half-hour zone', () => {
    // 09:10 in Kolkata (+05:30) snaps to 09:00 with a 30-minute step, not to a UTC half hour.
    const kolkata = wallToEpoch({ year: 2024, month: 11, day: 13, hour: 9, minute: 10 }, 'Asia/Kolkata');
    const nine = wallToEpoch({ year: 2024, month: 11, day: 13, hour: 9, minute: 0 }, 'Asia/Kolkata');
    expect(snapInstant(kolkata, 30, 330)).toBe(nine);
    expect(snapInstant(at('11:17'), 5, -420)).toBe(at('11:15'));
  });

  it('a zero-length item belongs to the day it sits in', () => {
    expect(intersectsDay({ id: 1, start: DAY_START, end: DAY_START }, DAY_START, DAY_END)).toBe(true);
    expect(intersectsDay({ id: 1, start: DAY_END, end: DAY_END }, DAY_START, DAY_END)).toBe(false);
  });
});

describe('days and weeks', () => {
  it('lists the dates of a range inclusively', () => {
    expect(datesBetween('2024-11-13', '2024-11-15')).toEqual(['2024-11-13', '2024-11-14', '2024-11-15']);
  });

  it('a session ending at midnight does not add the next day', () => {
    const spans = [{ start: at('10:00'), end: DAY_END }];
    expect(conferenceDates(spans, ZONE, { startDate: null, endDate: null })).toEqual(['2024-11-13']);
  });

  it('an evening session in Denver falls on the next day in Berlin', () => {
    const spans = [{ start: at('11:15'), end: at('11:50') }, { start: at('17:25'), end: at('18:00') }];
    expect(conferenceDates(spans, ZONE, { startDate: null, endDate: null })).toEqual(['2024-11-13']);
    expect(conferenceDates(spans, 'Europe/Berlin', { startDate: null, endDate: null })).toEqual(['2024-11-13', '2024-11-14']);
  });

  it('falls back to the conference dates without sessions', () => {
    expect(conferenceDates([], ZONE, { startDate: '2024-11-12', endDate: '2024-11-13' })).toEqual(['2024-11-12', '2024-11-13']);
  });

  it('a ten-day conference makes two weeks, the first starting on its first day', () => {
    const dates = datesBetween('2024-12-26', '2025-01-04');
    const weeks = groupIntoWeeks(dates);
    expect(weeks.map((w) => w.length)).toEqual([7, 3]);
    expect(weeks[1]?.[0]).toBe('2025-01-02');
    expect(weekIndexOf(weeks, Date.parse('2025-01-03T12:00:00Z'), 'UTC')).toBe(1);
  });

  it('a DST day is 23 hours long', () => {
    const day = dayBounds('2024-03-10', ZONE);
    expect(day.end - day.start).toBe(23 * HOUR);
  });
});

describe('layoutDayWithOverflow: dense plans stay readable', () => {
  it('shows items side by side up to the limit, then one "+N" chip for the rest', () => {
    const items = [
      item(1, '10:00', '11:00'),
      item(2, '10:00', '11:00'),
      item(3, '10:00', '11:00'),
      item(4, '10:15', '10:45'),
      item(5, '10:30', '11:30')
    ];
    const { placements, overflows } = layoutDayWithOverflow(items, { ...opts, maxColumns: 3 });
    expect(placements.map((p) => p.id).sort()).toEqual([1, 2]);
    expect(placements.every((p) => p.columns === 3 && p.column < 2)).toBe(true);
    expect(overflows).toHaveLength(1);
    expect(overflows[0]).toMatchObject({ ids: [3, 4, 5], column: 2, columns: 3, top: 600 });
    expect(overflows[0]!.height).toBe(90);
  });

  it('changes nothing where no more than the limit run at once', () => {
    const items = [item(1, '10:00', '11:00'), item(2, '10:00', '11:00'), item(3, '10:30', '11:30')];
    const dense = layoutDayWithOverflow(items, { ...opts, maxColumns: 3 });
    expect(dense.overflows).toEqual([]);
    expect(dense.placements).toEqual(layoutDay(items, opts));
  });

  it('keeps separate chips for separate crowded hours, and draws what fits between them', () => {
    const items = [
      item(1, '09:00', '12:00'),
      item(2, '09:00', '09:30'),
      item(3, '09:00', '09:30'),
      item(4, '11:00', '11:30'),
      item(5, '11:00', '11:30'),
      item(6, '10:00', '10:30')
    ];
    const { placements, overflows } = layoutDayWithOverflow(items, { ...opts, maxColumns: 2 });
    // 9:00 and 11:00 have three at once: a chip each. 10:00 has two: both are drawn.
    expect(overflows.map((o) => o.ids)).toEqual([[2, 3], [4, 5]]);
    expect(placements.map((p) => p.id).sort()).toEqual([1, 6]);
    expect(byId(placements, 6)).toMatchObject({ column: 1, span: 1, columns: 2 });
    expect(byId(placements, 1)).toMatchObject({ column: 0, span: 1, columns: 2 });
  });

  it('never collapses below two columns (one item and the chip)', () => {
    const items = [item(1, '10:00', '11:00'), item(2, '10:00', '11:00'), item(3, '10:00', '11:00')];
    const { placements, overflows } = layoutDayWithOverflow(items, { ...opts, maxColumns: 1 });
    expect(placements.map((p) => p.id)).toEqual([1]);
    expect(overflows[0]!.ids).toEqual([2, 3]);
  });
});
