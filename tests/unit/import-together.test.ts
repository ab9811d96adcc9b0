// The import dialog's offer to show a new schedule with the conferences of its week: which existing
// conferences a previewed schedule overlaps, in the schedule's own zone, never the one it updates.
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/shared/domain.ts';
import { conferenceNames, conferencesAlongside, previewDates } from '../../src/renderer/src/lib/import/together.ts';

const conference = (id: number, title: string, startDate: string, endDate: string): Conference => ({ id, title, timeZone: 'America/Denver', startDate, endDate, sessionCount: 10 });
const kubecon = conference(1, 'KubeCon NA 2024', '2024-11-13', '2024-11-15');
const congress = conference(2, '38C3', '2024-12-27', '2024-12-30');

function preview(starts: string[], zone: string, mergesInto: number | null = null) {
  return {
    sessions: starts.map((iso) => ({ start: Date.parse(iso) })) as never,
    zone: { zone, rule: 'zone-name', detail: '', guessed: false } as never,
    mergesInto: mergesInto === null ? null : { conferenceId: mergesInto, title: '', matchedBy: 'title' as const }
  };
}

describe('conferencesAlongside', () => {
  it('finds the conference a co-located schedule shares days with', () => {
    const p = preview(['2024-11-11T15:00:00Z', '2024-11-14T20:00:00Z'], 'America/Chicago');
    expect(previewDates(p)).toEqual({ startDate: '2024-11-11', endDate: '2024-11-14' });
    expect(conferencesAlongside(p, [kubecon, congress])).toEqual([kubecon]);
  });

  it('reads the dates in the schedule’s own zone', () => {
    // 03:00 UTC on 13 Nov is still the evening of 12 Nov in Chicago: the day before KubeCon starts.
    const p = preview(['2024-11-12T15:00:00Z', '2024-11-13T03:00:00Z'], 'America/Chicago');
    expect(conferencesAlongside(p, [kubecon])).toEqual([]);
    expect(conferencesAlongside(preview(['2024-11-13T03:00:00Z'], 'UTC'), [kubecon])).toEqual([kubecon]);
  });

  it('never offers the conference the import updates, nor any for a schedule in other days', () => {
    expect(conferencesAlongside(preview(['2024-11-13T18:00:00Z'], 'America/Denver', 1), [kubecon, congress])).toEqual([]);
    expect(conferencesAlongside(preview(['2025-03-01T10:00:00Z'], 'UTC'), [kubecon, congress])).toEqual([]);
  });

  it('names one, two or many conferences shortly', () => {
    expect(conferenceNames([kubecon])).toBe('“KubeCon NA 2024”');
    expect(conferenceNames([kubecon, congress])).toBe('“KubeCon NA 2024” and “38C3”');
    expect(conferenceNames([kubecon, congress, kubecon])).toBe('“KubeCon NA 2024”, “38C3” and 1 more');
  });
});
