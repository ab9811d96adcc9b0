import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/domain.ts';
import {
  filterOptions,
  filterSessions,
  NO_FILTERS,
  roomLabel,
  scrollToRow,
  visibleWindow
} from '../../src/renderer/src/lib/catalog/filter.ts';

const HOUR = 3_600_000;
// Wednesday 11:15 MST and Friday 17:25 MST (00:25 Saturday in Berlin).
const WED = Date.UTC(2024, 10, 13, 18, 15);
const FRI_EVENING = Date.UTC(2024, 10, 16, 0, 25);

function session(id: number, start: number, extra: Partial<Session> = {}): Session {
  return {
    id,
    conferenceId: 1,
    key: `k${id}`,
    title: `Talk ${id}`,
    description: null,
    start,
    end: start + HOUR / 2,
    allDay: false,
    venue: 'Salt Palace',
    room: 'Level 1 | 155 EF',
    track: 'Connectivity',
    type: null,
    url: null,
    status: 'scheduled',
    speakers: [],
    attributes: {},
    ...extra
  };
}

const sessions = [
  session(1, WED),
  session(2, WED, { room: 'Level 2 | 250 AD', track: 'Security', type: 'Keynote' }),
  session(3, FRI_EVENING, { venue: null, room: null })
];

describe('catalog filters', () => {
  it('the room is the last part of the room path, or the venue', () => {
    expect(roomLabel(sessions[0]!)).toBe('155 EF');
    expect(roomLabel({ venue: 'Hilton', room: null })).toBe('Hilton');
    expect(roomLabel({ venue: null, room: null })).toBeNull();
  });

  it('offers each day, track, room and type once, with days in the display zone', () => {
    expect(filterOptions(sessions, 'America/Denver')).toEqual({
      days: ['2024-11-13', '2024-11-15'],
      tracks: ['Connectivity', 'Security'],
      rooms: ['155 EF', '250 AD'],
      types: ['Keynote']
    });
    expect(filterOptions(sessions, 'Europe/Berlin').days).toEqual(['2024-11-13', '2024-11-16']);
  });

  it('combines search results with filters and keeps the order', () => {
    const zone = 'America/Denver';
    expect(filterSessions(sessions, zone, null, NO_FILTERS).map((s) => s.id)).toEqual([1, 2, 3]);
    expect(filterSessions(sessions, zone, new Set([2, 3]), NO_FILTERS).map((s) => s.id)).toEqual([2, 3]);
    expect(filterSessions(sessions, zone, null, { ...NO_FILTERS, day: '2024-11-13' }).map((s) => s.id)).toEqual([1, 2]);
    expect(filterSessions(sessions, zone, null, { ...NO_FILTERS, room: '250 AD' }).map((s) => s.id)).toEqual([2]);
    expect(filterSessions(sessions, zone, new Set([1, 3]), { ...NO_FILTERS, track: 'Security' })).toEqual([]);
    expect(filterSessions(sessions, zone, null, NO_FILTERS, (s) => s.id !== 1).map((s) => s.id)).toEqual([2, 3]);
  });
});

describe('catalog windowing', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleWindow(10_000, 86, 0, 600, 6)).toEqual({ from: 0, to: 14, offset: 0 });
    const w = visibleWindow(10_000, 86, 86 * 5000, 600, 6);
    expect(w).toEqual({ from: 4994, to: 5014, offset: 4994 * 86 });
  });

  it('never runs past the end', () => {
    const w = visibleWindow(18, 86, 86 * 17, 600, 6);
    expect(w.to).toBe(18);
    expect(w.from).toBe(11);
    expect(visibleWindow(0, 86, 0, 600)).toEqual({ from: 0, to: 0, offset: 0 });
  });

  it('scrolls a row into view only when it is out of view', () => {
    expect(scrollToRow(3, 86, 0, 600)).toBe(0);
    expect(scrollToRow(10, 86, 0, 600)).toBe(11 * 86 - 600);
    expect(scrollToRow(2, 86, 500, 600)).toBe(172);
  });
});
