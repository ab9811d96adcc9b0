import { anchoredScrollTop, rowAt, rowOffsets, scrollToRow, windowAt } from '../../src/renderer/src/lib/catalog/row-window.ts';
import { describe, expect, it } from 'vitest';
import type { Session, SessionSummary } from '../../src/shared/domain.ts';
import { summaryOf } from '../fixtures/session-summary.ts';
import { filterOptions, filterSessions, NO_FILTERS, roomLabel } from '../../src/renderer/src/lib/catalog/filter.ts';

const HOUR = 3_600_000;
// Wednesday 11:15 MST and Friday 17:25 MST (00:25 Saturday in Berlin).
const WED = Date.UTC(2024, 10, 13, 18, 15);
const FRI_EVENING = Date.UTC(2024, 10, 16, 0, 25);

function session(id: number, start: number, extra: Partial<Session> = {}): SessionSummary {
  return summaryOf({
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
  });
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

describe('catalog windowing, rows as tall as their content', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => i + 1);

  it('adds measured heights and estimates the rows never rendered', () => {
    const offsets = rowOffsets([7, 8, 9], new Map([[8, 120]]), 64);
    expect([...offsets]).toEqual([0, 64, 184, 248]);
  });

  it('renders only the rows in view plus overscan', () => {
    const offsets = rowOffsets(keys, new Map(), 86);
    // 600 px show rows 0–6 (row 6 ends at 602): six more below, none above.
    expect(windowAt(offsets, 0, 600, 6)).toEqual({ from: 0, to: 13, offset: 0 });
    expect(windowAt(offsets, 86 * 5000, 600, 6)).toEqual({ from: 4994, to: 5013, offset: 4994 * 86 });
  });

  it('finds the window by the real tops when heights differ', () => {
    const measured = new Map(keys.slice(0, 100).map((k) => [k, k % 2 ? 50 : 100]));
    const offsets = rowOffsets(keys, measured, 64);
    // Rows 0..99 alternate 50 and 100 px: row 40 starts at 20 × 150 = 3000.
    expect(rowAt(offsets, 3000)).toBe(40);
    expect(rowAt(offsets, 3049)).toBe(40);
    expect(rowAt(offsets, 3050)).toBe(41);
    expect(windowAt(offsets, 3000, 150, 0)).toEqual({ from: 40, to: 43, offset: 3000 });
  });

  it('never runs past the end', () => {
    const offsets = rowOffsets(keys.slice(0, 18), new Map(), 86);
    const w = windowAt(offsets, 86 * 17, 600, 6);
    expect(w.to).toBe(18);
    expect(w.from).toBe(11);
    expect(windowAt(rowOffsets([], new Map(), 86), 0, 600)).toEqual({ from: 0, to: 0, offset: 0 });
  });

  it('scrolls a row into view only when it is out of view', () => {
    const offsets = rowOffsets(keys, new Map(), 86);
    expect(scrollToRow(offsets, 3, 0, 600)).toBe(0);
    expect(scrollToRow(offsets, 10, 0, 600)).toBe(11 * 86 - 600);
    expect(scrollToRow(offsets, 2, 500, 600)).toBe(172);
  });

  it('keeps the top row in place when rows above it are measured taller', () => {
    const before = rowOffsets(keys, new Map(), 64);
    const after = rowOffsets(keys, new Map([[1, 100], [2, 100]]), 64);
    // The view starts 10 px into row 20; after rows 0 and 1 grew by 36 px each it must too.
    const top = before[20]! + 10;
    expect(anchoredScrollTop(before, after, top)).toBe(after[20]! + 10);
    expect(anchoredScrollTop(before, after, top) - top).toBe(72);
  });
});
