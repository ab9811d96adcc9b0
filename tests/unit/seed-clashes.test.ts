// The KubeCon + CloudNativeCon North America 2024 "Connectivity" track from the Sched seed
// (seed/…/000), built by hand: Salt Lake City, 13–15 November 2024, Mountain time.
import { describe, expect, it } from 'vitest';
import { findClashes, naiveClashes, type ClashItem } from '../../src/shared/clashes.ts';
import { placeOf } from '../../src/shared/places.ts';
import { wallToEpoch } from '../../src/shared/time.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';

const ZONE = 'America/Denver';
const ROOM_155 = 'Level 1 | 155 EF';
const ROOM_255 = 'Level 2 | 255 EF';

/** [day of November, "h:mm" start, "h:mm" end, room], times on a 24-hour clock. */
const TALKS: [number, string, string, string][] = [
  [13, '11:15', '11:50', ROOM_155],
  [13, '12:10', '12:45', ROOM_155],
  [13, '14:30', '15:05', ROOM_155],
  [13, '15:25', '16:00', ROOM_155],
  [13, '16:30', '17:05', ROOM_155],
  [14, '11:00', '11:35', ROOM_155],
  [14, '11:55', '12:30', ROOM_155],
  [14, '14:30', '15:05', ROOM_155],
  [14, '15:25', '16:00', ROOM_155],
  [14, '16:30', '17:05', ROOM_155],
  [14, '17:25', '18:00', ROOM_155],
  [15, '11:00', '11:35', ROOM_155],
  [15, '11:55', '12:30', ROOM_155],
  [15, '14:00', '14:35', ROOM_155],
  [15, '14:55', '15:30', ROOM_255],
  [15, '14:55', '15:30', ROOM_155],
  [15, '16:00', '16:35', ROOM_155],
  [15, '16:55', '17:30', ROOM_155]
];

function at(day: number, clock: string): number {
  const [hour, minute] = clock.split(':').map(Number);
  return wallToEpoch({ year: 2024, month: 11, day, hour: hour ?? 0, minute: minute ?? 0 }, ZONE);
}

const items: ClashItem[] = TALKS.map(([day, from, to, room], index) => ({
  id: index + 1,
  start: at(day, from),
  end: at(day, to),
  arriveAt: null,
  leaveAt: null,
  state: 'going',
  priority: 3,
  status: 'scheduled',
  place: placeOf('Salt Palace', room)
}));

describe('KubeCon NA 2024 Connectivity track, all 18 talks going', () => {
  it('builds the first talk at 18:15 UTC (11:15 MST)', () => {
    expect(new Date(items[0]?.start ?? 0).toISOString()).toBe('2024-11-13T18:15:00.000Z');
    expect(items).toHaveLength(18);
  });

  it('has exactly one clash: the two Friday 2:55pm talks overlap for 35 minutes', () => {
    expect(findClashes(items, createTravelLookup())).toEqual([{ a: 15, b: 16, kind: 'overlap', minutes: 35 }]);
  });

  it('has no transfer clash, since every gap in the venue is at least 20 minutes', () => {
    const clashes = findClashes(items, createTravelLookup());
    expect(clashes.filter((c) => c.kind === 'transfer')).toEqual([]);
    expect(naiveClashes(items, createTravelLookup())).toEqual(clashes);
  });

  it('would report a transfer if the walk between levels took longer than the 20-minute break', () => {
    const slow = createTravelLookup([{ from: 'Salt Palace | Level 1 | 155 EF', to: 'Salt Palace | Level 2 | 255 EF', minutes: 25 }]);
    expect(findClashes(items, slow)).toEqual([
      { a: 14, b: 15, kind: 'transfer', minutes: 5 },
      { a: 15, b: 16, kind: 'overlap', minutes: 35 }
    ]);
  });
});
