// Defect 10 (issue #17), the pure parts: an 8-day conference is one span of days (not "week 1 of
// 2"), longer ones page by seven days with honest labels; the zoom preference survives the new,
// wider zoom steps.
import { describe, expect, it } from 'vitest';
import { conferencePages, datesBetween, pageLabel } from '../../src/renderer/src/lib/calendar/days.ts';
import { loadPrefs, PREFS_KEY, ZOOM_STEPS } from '../../src/renderer/src/lib/state/view-prefs.ts';

function storage(value: string | null): Storage {
  const map = new Map<string, string>(value === null ? [] : [[PREFS_KEY, value]]);
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: () => null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v)
  };
}

describe('conference pages', () => {
  it('an 8-day conference is one page of eight days', () => {
    const dates = datesBetween('2025-03-03', '2025-03-10');
    expect(conferencePages(dates)).toEqual([dates]);
    expect(pageLabel(conferencePages(dates), 0)).toBe('');
  });

  it('ten days are still one page; eleven page by seven from the first day', () => {
    expect(conferencePages(datesBetween('2025-03-01', '2025-03-10'))).toHaveLength(1);
    const eleven = conferencePages(datesBetween('2025-03-01', '2025-03-11'));
    expect(eleven.map((p) => p.length)).toEqual([7, 4]);
    expect(eleven[0]?.[0]).toBe('2025-03-01');
    expect(pageLabel(eleven, 0)).toBe('days 1–7 of 11');
    expect(pageLabel(eleven, 1)).toBe('days 8–11 of 11');
    expect(pageLabel(conferencePages(datesBetween('2025-03-01', '2025-03-15')), 2)).toBe('day 15 of 15');
  });

  it('no days, no pages', () => {
    expect(conferencePages([])).toEqual([]);
  });
});

describe('zoom preference', () => {
  it('the widest step fits 17 hours (10:00–03:00) in 500 px', () => {
    expect(17 * ZOOM_STEPS[0]).toBeLessThanOrEqual(500);
  });

  it('reads the stored pixels per hour, and an old stored index as the height it meant', () => {
    expect(loadPrefs(storage(JSON.stringify({ pxPerHour: 20 }))).pxPerHour).toBe(20);
    // Before the wider steps, index 4 was 72 px and index 0 was 30 px.
    expect(loadPrefs(storage(JSON.stringify({ zoomIndex: 4 }))).pxPerHour).toBe(72);
    expect(loadPrefs(storage(JSON.stringify({ zoomIndex: 0 }))).pxPerHour).toBe(30);
  });

  it('anything else reads as the default 72 px', () => {
    expect(loadPrefs(storage(null)).pxPerHour).toBe(72);
    expect(loadPrefs(storage(JSON.stringify({ pxPerHour: 71 }))).pxPerHour).toBe(72);
    expect(loadPrefs(storage('{not json')).pxPerHour).toBe(72);
  });
});
