// Conference days start at the schedule's quiet hour, so a talk at 00:15 on a congress's Friday
// night stays on Friday — in the grid, the printed agenda and the Markdown export alike.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conferenceDateOf, conferenceDayWindow, dayBoundaryMinutes } from '../../src/shared/conference-days.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseSchedText } from '../../src/main/import/parsers/text/sched.ts';
import { wallToEpoch } from '../../src/shared/time.ts';
import { PEER_DIR, SCHED_SEED } from '../fixtures/paths.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string, zone = BERLIN) => {
  const [d, t] = iso.split('T') as [string, string];
  const [year, month, day] = d.split('-').map(Number) as [number, number, number];
  const [hour, minute] = t.split(':').map(Number) as [number, number];
  return wallToEpoch({ year, month, day, hour, minute }, zone);
};
const span = (from: string, to: string, zone = BERLIN) => ({ start: at(from, zone), end: at(to, zone) });

describe('where a conference day starts', () => {
  it('is midnight for a schedule with nothing between midnight and 05:00', () => {
    const spans = [span('2024-11-13T09:00', '2024-11-13T17:30'), span('2024-11-14T19:00', '2024-11-14T23:59')];
    expect(dayBoundaryMinutes(spans, BERLIN)).toBe(0);
  });

  it('is the first quiet hour after a night programme', () => {
    const spans = [span('2024-12-27T22:00', '2024-12-28T01:00'), span('2024-12-28T01:30', '2024-12-28T02:40'), span('2024-12-28T10:30', '2024-12-28T11:30')];
    expect(dayBoundaryMinutes(spans, BERLIN)).toBe(3 * 60);
  });

  it('is 01:00 when the only late item ends just after midnight', () => {
    expect(dayBoundaryMinutes([span('2024-06-01T22:00', '2024-06-02T00:30'), span('2024-06-02T09:00', '2024-06-02T10:00')], BERLIN)).toBe(60);
  });

  it('ignores all-day and multi-day items', () => {
    expect(dayBoundaryMinutes([span('2024-06-01T00:00', '2024-06-02T00:00'), span('2024-06-02T09:00', '2024-06-02T10:00')], BERLIN)).toBe(0);
  });

  it('keeps 38C3’s Friday night on Friday (a real frab schedule running to 03:00)', () => {
    const text = readFileSync(`${PEER_DIR}frab-xml/38c3_2025-12-06.xml`, 'utf8');
    const sessions = parseFrabXml(text, {}).sessions;
    const boundary = dayBoundaryMinutes(sessions, BERLIN);
    expect(boundary).toBeGreaterThanOrEqual(3 * 60);
    expect(boundary).toBeLessThanOrEqual(9 * 60);
    const late = sessions.filter((s) => {
      const h = new Date(s.start).getUTCHours() + 1; // CET in December
      return h >= 24 || h < 3;
    });
    expect(late.length).toBeGreaterThan(0);
    for (const s of late) {
      const calendar = new Date(s.start + 3_600_000).toISOString().slice(0, 10);
      const previous = new Date(s.start + 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      expect([calendar, previous]).toContain(conferenceDateOf(s.start, BERLIN, boundary));
      if (new Date(s.start + 3_600_000).getUTCHours() < 3) expect(conferenceDateOf(s.start, BERLIN, boundary)).toBe(previous);
    }
  });

  it('leaves the seed KubeCon week at midnight: nothing runs at night there', () => {
    const sessions = parseSchedText(readFileSync(SCHED_SEED, 'utf8'), {}).sessions;
    expect(dayBoundaryMinutes(sessions, 'America/Denver')).toBe(0);
  });
});

describe('a conference day', () => {
  it('runs from its boundary to the next day’s boundary, and owns the small hours', () => {
    const w = conferenceDayWindow('2024-12-27', BERLIN, 4 * 60);
    expect(new Date(w.start).toISOString()).toBe('2024-12-27T03:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2024-12-28T03:00:00.000Z');
    expect(conferenceDateOf(at('2024-12-28T00:15'), BERLIN, 4 * 60)).toBe('2024-12-27');
    expect(conferenceDateOf(at('2024-12-28T04:00'), BERLIN, 4 * 60)).toBe('2024-12-28');
    expect(conferenceDateOf(at('2024-12-28T00:15'), BERLIN, 0)).toBe('2024-12-28');
  });

  it('is 23 hours long on the night clocks go forward', () => {
    const w = conferenceDayWindow('2025-03-29', BERLIN, 4 * 60);
    expect((w.end - w.start) / 3_600_000).toBe(23);
  });
});
