// A split session in the week grid keeps its whole slot, but only the part the person attends
// counts as running alongside another item (the hatched bands).
import { describe, expect, it } from 'vitest';
import { layoutDay, type TimedItem } from '../../src/renderer/src/lib/calendar/layout.ts';
import { HOUR, MINUTE, wallToEpoch } from '../../src/shared/time.ts';

const ZONE = 'America/Denver';
const DAY_START = wallToEpoch({ year: 2024, month: 11, day: 15, hour: 0, minute: 0 }, ZONE);
const opts = { dayStart: DAY_START, dayEnd: DAY_START + 24 * HOUR, pxPerMinute: 1, minHeightPx: 20 };
const at = (h: number, m: number): number => DAY_START + h * HOUR + m * MINUTE;

describe('bands of split sessions', () => {
  const goto: TimedItem = { id: 1, start: at(14, 55), end: at(15, 30) };
  const gamers: TimedItem = { id: 2, start: at(14, 55), end: at(15, 30) };

  it('two whole sessions at the same time share all 35 minutes', () => {
    const [a, b] = layoutDay([goto, gamers], opts);
    expect(a?.overlaps).toEqual([{ top: 0, height: 35 }]);
    expect(b?.overlaps).toEqual([{ top: 0, height: 35 }]);
  });

  it('leaving at 3:10 and arriving at 3:00 share only 3:00 – 3:10, yet both keep their full slot', () => {
    const [a, b] = layoutDay([{ ...goto, leaveAt: at(15, 10) }, { ...gamers, arriveAt: at(15, 0) }], opts);
    expect(a).toMatchObject({ top: 14 * 60 + 55, height: 35, columns: 2, overlaps: [{ top: 5, height: 10 }] });
    expect(b).toMatchObject({ top: 14 * 60 + 55, height: 35, columns: 2, overlaps: [{ top: 5, height: 10 }] });
  });

  it('split so they no longer meet: no band at all', () => {
    const [a, b] = layoutDay([{ ...goto, leaveAt: at(15, 5) }, { ...gamers, arriveAt: at(15, 10) }], opts);
    expect(a?.overlaps).toEqual([]);
    expect(b?.overlaps).toEqual([]);
  });

  it('a window outside the slot is clamped to it', () => {
    const [a] = layoutDay([{ ...goto, arriveAt: at(14, 0), leaveAt: at(16, 0) }, gamers], opts);
    expect(a?.overlaps).toEqual([{ top: 0, height: 35 }]);
  });
});
