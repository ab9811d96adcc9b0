// How the feature panels (import preview, clashes, changes) write instants for people. Pure, and
// always given a zone: the renderer never formats in the computer's zone by accident.
import { zoneAbbreviation } from '../../../../shared/time.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "Mon, Nov 6". */
export function formatDay(ms: number, zone: string): string {
  return formatter(zone, { weekday: 'short', month: 'short', day: 'numeric' }).format(ms);
}

/** "9:15 AM". */
export function formatTime(ms: number, zone: string): string {
  return formatter(zone, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** "9:15 – 9:40 AM" style range; an all-day item reads "all day". */
export function formatTimeRange(start: number, end: number, zone: string, allDay = false): string {
  if (allDay) return 'all day';
  return `${formatTime(start, zone)} – ${formatTime(end, zone)}`;
}

/** "Mon, Nov 6 · 9:15 AM – 9:40 AM". */
export function formatWhen(start: number, end: number, zone: string, allDay = false): string {
  return `${formatDay(start, zone)} · ${formatTimeRange(start, end, zone, allDay)}`;
}

/** "CST" for a zone at an instant (falls back to "UTC-6" where the zone has no abbreviation). */
export function zoneShortName(zone: string, at: number): string {
  return zoneAbbreviation(at, zone);
}

/** "35 min", "1 h", "1 h 20 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** "Nov 6, 2:05 PM" for an import or change stamp. */
export function formatStamp(ms: number, zone: string): string {
  return formatter(zone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(ms);
}
