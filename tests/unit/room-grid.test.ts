// The By-room timetable's geometry: one column per room (a place, however the source split venue
// and room), whole hours around the day's sessions, and sessions at their time in their room.
import { describe, expect, it } from 'vitest';
import { hourRange, layoutRoomGrid, NO_ROOM, roomColumnOf, type RoomSession } from '../../src/renderer/src/lib/views/room-grid.ts';
import { DAY, HOUR, MINUTE, wallToEpoch } from '../../src/shared/time.ts';

// KubeCon NA 2024, Friday, in Denver, at 1 px per minute so pixels read as minutes.
const ZONE = 'America/Denver';
const DAY_START = wallToEpoch({ year: 2024, month: 11, day: 15, hour: 0, minute: 0 }, ZONE);
const DAY_END = DAY_START + DAY;
const opts = { dayStart: DAY_START, dayEnd: DAY_END, pxPerMinute: 1, minHeightPx: 20 };

function at(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return DAY_START + (h ?? 0) * HOUR + (m ?? 0) * MINUTE;
}

let nextId = 1;
function session(from: string, to: string, venue: string | null, room: string | null, extra: Partial<RoomSession> = {}): RoomSession {
  return { id: nextId++, start: at(from), end: at(to), allDay: false, venue, room, ...extra };
}

describe('rooms', () => {
  it('a room is its place: "Salt Palace" + "Level 1 | 155 EF" and "Salt Palace | Level 1 | 155 EF" share a column', () => {
    const a = session('11:00', '11:35', 'Salt Palace', 'Level 1 | 155 EF');
    const b = session('12:00', '12:35', 'Salt Palace | Level 1 | 155 EF', null);
    const grid = layoutRoomGrid([a, b], opts);
    expect(grid.rooms).toEqual([{ key: 'salt palace | level 1 | 155 ef', label: '155 EF', detail: 'Salt Palace · Level 1', place: 'Salt Palace | Level 1 | 155 EF' }]);
    expect(grid.placements.map((p) => p.room)).toEqual([0, 0]);
  });

  it('columns are in the order of their places, numbers read as numbers, and “No room” comes last', () => {
    const grid = layoutRoomGrid(
      [
        session('09:00', '10:00', null, null),
        session('09:00', '10:00', 'Hall', 'Room 10'),
        session('09:00', '10:00', 'Hall', 'Room 9'),
        session('09:00', '10:00', 'Annex', 'Room 1')
      ],
      opts
    );
    expect(grid.rooms.map((r) => r.label)).toEqual(['Room 1', 'Room 9', 'Room 10', NO_ROOM]);
    expect(grid.rooms.map((r) => r.detail)).toEqual(['Annex', 'Hall', 'Hall', null]);
  });

  it('a whole-venue place is named by the venue', () => {
    expect(roomColumnOf({ venue: 'Hotel lobby', room: null })).toMatchObject({ label: 'Hotel lobby', detail: null });
    expect(roomColumnOf({ venue: null, room: 'Level 2 | 255 EF' })).toMatchObject({ label: '255 EF', detail: 'Level 2' });
  });
});

describe('time', () => {
  it('the axis covers whole hours from the first start to the last end, not the empty night', () => {
    const grid = layoutRoomGrid([session('11:00', '11:35', 'V', 'A'), session('16:55', '17:30', 'V', 'B')], opts);
    expect(grid.from).toBe(at('11:00'));
    expect(grid.to).toBe(at('18:00'));
    expect(grid.height).toBe(7 * 60);
    expect(grid.hours.map((h) => h.top)).toEqual([0, 60, 120, 180, 240, 300, 360, 420]);
    expect(grid.hours[0]?.at).toBe(at('11:00'));
  });

  it('sessions sit at their time in their room: two at 2:55 PM in two rooms, side by side in the grid', () => {
    const goto = session('14:55', '15:30', 'Salt Palace', 'Level 2 | 255 EF');
    const gamers = session('14:55', '15:30', 'Salt Palace', 'Level 1 | 155 EF');
    const grid = layoutRoomGrid([goto, gamers], opts);
    expect(grid.rooms.map((r) => r.label)).toEqual(['155 EF', '255 EF']);
    const byId = new Map(grid.placements.map((p) => [p.id, p]));
    expect(byId.get(gamers.id)).toMatchObject({ room: 0, top: 55, height: 35, column: 0, columns: 1 });
    expect(byId.get(goto.id)).toMatchObject({ room: 1, top: 55, height: 35, column: 0, columns: 1 });
  });

  it('two sessions double-booked in one room share its width', () => {
    const a = session('10:00', '11:00', 'V', 'A');
    const b = session('10:30', '11:30', 'V', 'A');
    const grid = layoutRoomGrid([a, b], opts);
    expect(grid.rooms).toHaveLength(1);
    expect(grid.placements.map((p) => [p.column, p.columns])).toEqual([
      [0, 2],
      [1, 2]
    ]);
  });

  it('a short session keeps the minimum height', () => {
    const grid = layoutRoomGrid([session('10:00', '10:05', 'V', 'A')], opts);
    expect(grid.placements[0]?.height).toBe(20);
  });
});

describe('which sessions', () => {
  it('only those that start on the day; all-day ones are listed apart and do not stretch the axis', () => {
    const before = { ...session('10:00', '11:00', 'V', 'A'), start: at('10:00') - DAY, end: at('11:00') - DAY };
    const after = { ...session('10:00', '11:00', 'V', 'A'), start: at('10:00') + DAY, end: at('11:00') + DAY };
    const allDay = session('00:00', '00:00', 'V', 'Expo', { allDay: true, end: at('00:00') + DAY });
    const talk = session('13:00', '13:30', 'V', 'A');
    const grid = layoutRoomGrid([before, after, allDay, talk], opts);
    expect(grid.placements.map((p) => p.id)).toEqual([talk.id]);
    expect(grid.allDay).toEqual([allDay.id]);
    expect(grid.rooms.map((r) => r.label)).toEqual(['A']);
    expect([grid.from, grid.to]).toEqual([at('13:00'), at('14:00')]);
  });

  it('an empty day has no rooms and no height', () => {
    const grid = layoutRoomGrid([], opts);
    expect(grid).toMatchObject({ rooms: [], placements: [], allDay: [], height: 0 });
  });

  it('a talk running past the day’s end is cut at the end (the axis never runs into the next day)', () => {
    const late = session('23:30', '23:30', 'V', 'A', { end: at('23:30') + HOUR });
    const grid = layoutRoomGrid([late], opts);
    expect(grid.to).toBe(DAY_END);
    expect(grid.placements[0]).toMatchObject({ top: 30, height: 30 });
  });
});

describe('hourRange', () => {
  it('is at least an hour, and counts hours from the day’s start', () => {
    expect(hourRange([{ start: at('09:10'), end: at('09:20') }], DAY_START, DAY_END)).toEqual({ from: at('09:00'), to: at('10:00') });
    expect(hourRange([{ start: at('09:00'), end: at('10:00') }], DAY_START, DAY_END)).toEqual({ from: at('09:00'), to: at('10:00') });
  });
});
