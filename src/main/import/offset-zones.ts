// The one rule for naming a fixed UTC offset as an IANA zone, used by every reader that meets a bare
// offset: a text's "UTC+5:30", an .ics TZID "GMT+0100" or a VTIMEZONE no name matches, a feed's
// "+01:00" on every event time. Whole hours are IANA's Etc/GMT zones (whose sign is inverted by
// POSIX convention: UTC+1 is Etc/GMT-1); part-hour offsets are the zone that keeps that offset all
// year. Never luxon's "UTC+5:30" names: Intl in the renderer does not accept them.

/**
 * Zones whose standard time is a part-hour offset, keyed by minutes east of UTC. Where some zone
 * keeps that offset all year, it is that one (Darwin, not Adelaide, for +09:30: Adelaide moves to
 * +10:30 in its summer), so a fixed offset does not turn into a shifting one. St John's, Lord Howe
 * and Chatham are the only zones with their offsets at all.
 */
const PART_HOUR_ZONES: ReadonlyMap<number, string> = new Map([
  [-570, 'Pacific/Marquesas'],
  [-210, 'America/St_Johns'],
  [210, 'Asia/Tehran'],
  [270, 'Asia/Kabul'],
  [330, 'Asia/Kolkata'],
  [345, 'Asia/Kathmandu'],
  [390, 'Asia/Yangon'],
  [525, 'Australia/Eucla'],
  [570, 'Australia/Darwin'],
  [630, 'Australia/Lord_Howe'],
  [765, 'Pacific/Chatham']
]);

/** The IANA zone for a fixed offset in minutes east of UTC, or null when no zone has exactly it. */
export function zoneForOffset(offsetMinutes: number): string | null {
  if (offsetMinutes === 0) return 'UTC';
  if (offsetMinutes % 60 === 0) {
    const hours = offsetMinutes / 60;
    if (hours < -12 || hours > 14) return null;
    return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  }
  return PART_HOUR_ZONES.get(offsetMinutes) ?? null;
}

/**
 * zoneForOffset, or when no zone has exactly that offset, the whole-hour zone nearest to it. For
 * feeds whose instants come from the offsets themselves: there the zone only labels the week view.
 */
export function nearestZoneForOffset(offsetMinutes: number): string {
  const exact = zoneForOffset(offsetMinutes);
  if (exact) return exact;
  return zoneForOffset(Math.max(-12, Math.min(14, Math.round(offsetMinutes / 60))) * 60)!;
}
