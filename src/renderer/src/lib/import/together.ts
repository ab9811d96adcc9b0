// "This schedule runs in the same days as …": the conferences a previewed schedule overlaps, so the
// import dialog can offer to show them together in My week. Pure.
import type { ImportPreview } from '../../../../shared/contract.ts';
import type { Conference } from '../../../../shared/domain.ts';
import { overlappingConferences, rangeOfDates, type DateRange } from '../../../../shared/my-week.ts';
import { isoDateInZone } from '../../../../shared/time.ts';

/** The previewed schedule's first and last day in its own zone. */
export function previewDates(preview: Pick<ImportPreview, 'sessions' | 'zone'>): DateRange {
  return rangeOfDates(preview.sessions.map((s) => isoDateInZone(s.start, preview.zone.zone)));
}

/** Existing conferences (not the one the import updates) whose dates overlap the previewed schedule's. */
export function conferencesAlongside(preview: Pick<ImportPreview, 'sessions' | 'zone' | 'mergesInto'>, conferences: readonly Conference[]): Conference[] {
  const others = conferences.filter((c) => c.id !== preview.mergesInto?.conferenceId);
  return overlappingConferences(previewDates(preview), others);
}

/** "“KubeCon NA 2024”", "“A” and “B”", "“A”, “B” and 2 more". */
export function conferenceNames(conferences: readonly Pick<Conference, 'title'>[]): string {
  const names = conferences.slice(0, 2).map((c) => `“${c.title}”`);
  const more = conferences.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.join(' and ');
}
