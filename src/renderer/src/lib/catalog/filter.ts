// Catalog filtering and windowing. Pure, so they are tested without a browser and stay cheap
// enough to rerun on every keystroke over 10,000 sessions.
import type { SessionSummary } from '../../../../shared/domain.ts';
import { conferenceDateOf } from '../../../../shared/conference-days.ts';

export interface CatalogFilters {
  /** ISO date in the display zone, or '' for every day. */
  day: string;
  track: string;
  room: string;
  type: string;
  /** '' every session, 'any' those a friend attends, a friend's id those they attend (friends/friend-view.ts). */
  friend: string;
}

export const NO_FILTERS: CatalogFilters = { day: '', track: '', room: '', type: '', friend: '' };

export interface FilterOptions {
  days: string[];
  tracks: string[];
  rooms: string[];
  types: string[];
}

/** The distinct days, tracks, rooms and types to offer, sorted. */
export function filterOptions(sessions: readonly SessionSummary[], zone: string, boundaryMinutes = 0): FilterOptions {
  const days = new Set<string>();
  const tracks = new Set<string>();
  const rooms = new Set<string>();
  const types = new Set<string>();
  for (const s of sessions) {
    days.add(conferenceDateOf(s.start, zone, boundaryMinutes));
    if (s.track) tracks.add(s.track);
    const room = roomLabel(s);
    if (room) rooms.add(room);
    if (s.type) types.add(s.type);
  }
  const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });
  return { days: [...days].sort(), tracks: [...tracks].sort(byText), rooms: [...rooms].sort(byText), types: [...types].sort(byText) };
}

/** "155 EF" — the room as people look for it; the venue when the session names no room. */
export function roomLabel(s: { room: string | null; venue: string | null }): string | null {
  const room = s.room?.split('|').pop()?.trim();
  return room || s.venue?.trim() || null;
}

/**
 * Sessions that pass the search (ids from the search index, or null for no search), the filters,
 * and `keep` (the clash toggle). Keeps the input order.
 */
export function filterSessions(
  sessions: readonly SessionSummary[],
  zone: string,
  searchIds: { has(id: number): boolean } | null,
  filters: CatalogFilters,
  keep: ((s: SessionSummary) => boolean) | null = null,
  boundaryMinutes = 0
): SessionSummary[] {
  const out: SessionSummary[] = [];
  for (const s of sessions) {
    if (searchIds && !searchIds.has(s.id)) continue;
    if (filters.track && s.track !== filters.track) continue;
    if (filters.type && s.type !== filters.type) continue;
    if (filters.room && roomLabel(s) !== filters.room) continue;
    if (filters.day && conferenceDateOf(s.start, zone, boundaryMinutes) !== filters.day) continue;
    if (keep && !keep(s)) continue;
    out.push(s);
  }
  return out;
}
