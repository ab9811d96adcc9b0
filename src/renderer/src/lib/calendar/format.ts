// How times and dates read on screen. Uses the default locale, so the 12/24-hour clock follows the
// person's preference; formatters are cached because constructing Intl objects is the slow part.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    cache.set(key, f);
  }
  return f;
}

/** ICU puts narrow/thin no-break spaces before "AM"; plain spaces keep names searchable and testable. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, ' ');
}

// A week shows the same few start times hundreds of times (and again on every render).
const timeCache = new Map<string, string>();
const TIME_CACHE_LIMIT = 20_000;

/** "11:15 AM" or "11:15" per the locale. */
export function formatTime(ms: number, zone: string): string {
  const key = `${zone}|${ms}`;
  let text = timeCache.get(key);
  if (text === undefined) {
    text = plainSpaces(formatter(`t|${zone}`, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(ms));
    if (timeCache.size >= TIME_CACHE_LIMIT) timeCache.clear();
    timeCache.set(key, text);
  }
  return text;
}

/** "11:15 AM – 11:50 AM". */
export function formatTimeRange(start: number, end: number, zone: string): string {
  return `${formatTime(start, zone)} – ${formatTime(end, zone)}`;
}

/** Hour label for the time axis: "11 AM" or "11:00". */
export function formatHour(ms: number, zone: string): string {
  return plainSpaces(formatter(`h|${zone}`, { hour: 'numeric', timeZone: zone }).format(ms));
}

/** ISO dates are formatted at noon UTC so no zone can move them to another day. */
function isoNoon(isoDate: string): number {
  return Date.parse(`${isoDate}T12:00:00Z`);
}

/** "Wednesday, November 13, 2024". */
export function formatDateLong(isoDate: string): string {
  return formatter('dl', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    isoNoon(isoDate)
  );
}

/** "Wed" and "13" for column headers. */
export function formatWeekdayShort(isoDate: string): string {
  return formatter('wd', { weekday: 'short', timeZone: 'UTC' }).format(isoNoon(isoDate));
}

export function formatDayOfMonth(isoDate: string): string {
  return formatter('dm', { day: 'numeric', timeZone: 'UTC' }).format(isoNoon(isoDate));
}

/** "Wed, Nov 13" for compact lists. */
export function formatDateShort(isoDate: string): string {
  return formatter('ds', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(isoNoon(isoDate));
}

/** "Nov 13 – 15, 2024"-style range for week navigation. */
export function formatDateRange(first: string, last: string): string {
  const f = formatter('dr', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return first === last ? f.format(isoNoon(first)) : plainSpaces(f.formatRange(isoNoon(first), isoNoon(last)));
}

/** "Mountain Time" for America/Denver; falls back to the zone name. */
export function zoneLongName(zone: string, at: number): string {
  try {
    const parts = formatter(`zn|${zone}`, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** The computer's zone, e.g. "Europe/Berlin". */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A human duration: "35 min", "1 h 30 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
