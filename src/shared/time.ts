// Zone and interval helpers over luxon. Pure; used by the importers, the clash engine, the
// exporters and the week view alike, so that wall-clock ↔ instant conversion happens in one place.
import { DateTime, IANAZone } from 'luxon';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const validZones = new Map<string, boolean>();

/** True for a zone name luxon (and so the platform's ICU data) knows, e.g. "America/Denver" or "UTC". */
export function isValidZone(name: string): boolean {
  let ok = validZones.get(name);
  if (ok === undefined) {
    ok = name.length > 0 && name.length <= 64 && IANAZone.isValidZone(name);
    validZones.set(name, ok);
  }
  return ok;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/**
 * The instant of a wall-clock time in a zone. A time that does not exist (skipped by a DST jump)
 * moves forward by the jump, as calendars do; an ambiguous one (repeated hour) takes the earlier.
 * Returns NaN for an impossible date (Feb 30) or an unknown zone.
 */
export function wallToEpoch(w: WallTime, zone: string): number {
  const dt = DateTime.fromObject(
    { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second ?? 0 },
    { zone }
  );
  if (!dt.isValid) return Number.NaN;
  // luxon resolves a repeated wall time (the fall-back hour) from the zone's offset *today*, so the
  // same input gave different instants in summer and winter. Take the earlier reading explicitly.
  const readings = dt.getPossibleOffsets();
  return readings.length > 1 ? Math.min(...readings.map((r) => r.toMillis())) : dt.toMillis();
}

/** wallToEpoch for one zone, with the day given as minutes since its midnight (may run past 24:00). */
export type WallConverter = (year: number, month: number, day: number, minutes: number) => number;

/** Distinct wall times remembered per converter; a schedule has a few hundred, a hostile file more. */
const WALL_MEMO_LIMIT = 50_000;

/**
 * The importers' wall clock → instant for one zone: wallToEpoch, remembered per distinct wall
 * time, because a schedule repeats the same slots thousands of times and the zone lookup is the
 * costly part. `minutes` past 1440 (a "24:30" start, a session that ends after midnight) roll into
 * the next day through calendar arithmetic.
 */
export function wallConverter(zone: string): WallConverter {
  const memo = new Map<string, number>();
  return (year, month, day, minutes) => {
    const d = new Date(Date.UTC(year, month - 1, day + Math.floor(minutes / 1440)));
    const rest = ((minutes % 1440) + 1440) % 1440;
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth()}-${d.getUTCDate()}-${rest}`;
    let ms = memo.get(key);
    if (ms === undefined) {
      ms = wallToEpoch({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor(rest / 60), minute: rest % 60 }, zone);
      if (memo.size >= WALL_MEMO_LIMIT) memo.clear();
      memo.set(key, ms);
    }
    return ms;
  };
}

/** The wall-clock fields of an instant in a zone. */
export function epochToWall(ms: number, zone: string): WallTime & { weekday: number; offsetMinutes: number } {
  const dt = DateTime.fromMillis(ms, { zone });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
    offsetMinutes: dt.offset
  };
}

/** ISO date ("2024-11-13") of an instant in a zone. */
export function isoDateInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}

/** Midnight that starts the given ISO date in a zone (DST-correct: not always 24 h apart). */
export function startOfDayEpoch(isoDate: string, zone: string): number {
  return DateTime.fromISO(isoDate, { zone }).startOf('day').toMillis();
}

/** Add whole calendar days to an ISO date. */
export function addDaysIso(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? isoDate;
}

/** ISO 8601 UTC with Z and no milliseconds: "2024-11-13T18:15:00Z". */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parse an ISO 8601 instant with an offset or Z; NaN when it has none or is invalid. */
export function parseIsoInstant(text: string): number {
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid || !/(Z|[+-]\d\d:?\d\d)$/i.test(text.trim())) return Number.NaN;
  return dt.toMillis();
}

/** Minutes two intervals share (0 when they only touch or are apart). */
export function overlapMinutes(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const ms = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  return ms > 0 ? Math.round(ms / MINUTE) : 0;
}

/** Offset of a zone at an instant, in minutes east of UTC (Denver in November: -420). */
export function offsetMinutesAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** A short label for a zone at an instant: "MST", "CET", or "UTC-7" when no abbreviation exists. */
export function zoneAbbreviation(ms: number, zone: string, locale = 'en-US'): string {
  return DateTime.fromMillis(ms, { zone }).setLocale(locale).toFormat('ZZZZ');
}
