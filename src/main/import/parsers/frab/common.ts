// What the frab XML and c3voc JSON importers share: the raw event both formats describe, and
// turning a list of them into a ParsedSchedule (zone, instants, durations, keys, speakers).
//
// Instants: an event's `date` with an offset is the truth. Otherwise the day's date plus `start`
// in the conference zone, moved to the next calendar date when `start` is before `day_change`
// (a conference day runs past midnight); wall time → instant always goes through wallToEpoch,
// never "midnight + hours", because conferences cross DST changes.
//
// Keys (see keys.ts): the guid, else acronym + ":" + id, else the content key; never the start,
// so a moved talk keeps its key. A key that owns several slots (a multi-day workshop) numbers
// them in time order: "guid", "guid#2".
import type { Warnings } from '../../warnings.ts';
import type { ImportFormat, ParseOptions, ParsedSchedule, ParsedSession, Speaker } from '../../../../shared/domain.ts';
import { MINUTE, wallConverter, type WallConverter } from '../../../../shared/time.ts';
import { contentKey, normaliseForKey, slotKeys } from '../../keys.ts';
import { cleanLine, cleanText, joinDescription } from './text.ts';
import { decideZone } from './zone.ts';
import { pickRecording } from '../../recording.ts';
import type { OffsetSample } from './zone.ts';

export interface RawPerson {
  name: string;
  bio: string | null;
}

export interface RawLink {
  href: string;
  title: string | null;
}

/** One event as a feed states it; every field is the source's text, unchecked. */
export interface RawEvent {
  id: string | null;
  guid: string | null;
  /** ISO date-time (usually with offset), or a bare ISO date. */
  date: string | null;
  /** Local "HH:MM". */
  start: string | null;
  /** ISO date-time end (schedule JSON "schema2" and some pretalx exports). */
  end: string | null;
  duration: string | null;
  room: string | null;
  title: string | null;
  subtitle: string | null;
  track: string | null;
  type: string | null;
  language: string | null;
  abstract: string | null;
  description: string | null;
  url: string | null;
  persons: RawPerson[];
  links: RawLink[];
  /** Attachments (frab `<attachment>`, JSON `attachments`): only ever read for a recording. */
  attachments: RawLink[];
  /** Values of fields that hold the talk's recording (JSON `recording_url`, `video`, …). */
  recordingFields: string[];
  /** The enclosing day's date ("2021-02-06") and room name. */
  dayDate: string | null;
  dayRoom: string | null;
  line: number | null;
  /** How a warning names this event: "event 11795 (line 16)", "days[0].rooms.Ada[3]". */
  where: string;
}

export interface RawConference {
  title: string | null;
  acronym: string | null;
  timeZoneName: string | null;
  dayChange: string | null;
  venue: string | null;
  /** Text that may name the place (city, URLs) for choosing among zones. */
  placeText: string;
}

export function emptyEvent(where: string, line: number | null): RawEvent {
  return {
    id: null,
    guid: null,
    date: null,
    start: null,
    end: null,
    duration: null,
    room: null,
    title: null,
    subtitle: null,
    track: null,
    type: null,
    language: null,
    abstract: null,
    description: null,
    url: null,
    persons: [],
    links: [],
    attachments: [],
    recordingFields: [],
    dayDate: null,
    dayRoom: null,
    line,
    where
  };
}

/** "10:30", "9:05", "10:30:00" → minutes after midnight (hours may pass 24); null if not a clock time. */
export function parseClock(text: string | null): number | null {
  const m = text === null ? null : /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]);
  return minutes < 60 ? Number(m[1]) * 60 + minutes : null;
}

/**
 * Duration in minutes: "H:MM", "HH:MM", "HH:MM:SS", pretalx's "D:HH:MM" for a day or more,
 * ISO "PT1H30M", or a bare number of minutes. Three parts are D:HH:MM only when the first is a
 * single unpadded digit (pretalx never pads days); "01:00:00" is an hour.
 */
export function parseDurationMinutes(text: string | null): number | null {
  if (text === null) return null;
  const t = text.trim();
  let m = /^(\d{1,3}):(\d{2})$/.exec(t);
  if (m) return Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null;
  m = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[1]?.length === 1 && a >= 1 && b < 24 && c < 60) return a * 1440 + b * 60 + c;
    return b < 60 && c < 60 ? a * 60 + b + Math.round(c / 60) : null;
  }
  m = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,4})M)?(?:\d{1,5}S)?)?$/i.exec(t);
  if (m && t.length > 1 && t.toUpperCase() !== 'PT') return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  if (/^\d{1,4}$/.test(t)) return Number(t);
  return null;
}

export interface IsoParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** False for a bare date ("2021-02-06"). */
  hasTime: boolean;
  /** Minutes east of UTC, or null for a local ("floating") time. */
  offset: number | null;
}

const ISO_DATE_TIME =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/** ISO 8601 date or date-time, checked (no Feb 30); faster than luxon for thousands of events. */
export function parseIsoParts(text: string | null): IsoParts | null {
  const m = text === null ? null : ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const p = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    hasTime: m[4] !== undefined,
    offset: null as number | null
  };
  const check = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (check.getUTCMonth() !== p.month - 1 || check.getUTCDate() !== p.day) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const z = m[7];
  if (z) {
    if (z.toUpperCase() === 'Z') p.offset = 0;
    else {
      const digits = z.slice(1).replace(':', '');
      const hours = Number(digits.slice(0, 2));
      const mins = Number(digits.slice(2) || 0);
      // Real offsets run from -12:00 to +14:00 with minutes below 60; anything else is not a time.
      if (hours > 14 || mins > 59) return null;
      const minutes = hours * 60 + mins;
      p.offset = z.startsWith('-') ? -minutes : minutes;
    }
  }
  return p;
}

function utcOfParts(p: IsoParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (p.offset ?? 0) * MINUTE;
}

/** The offset the document shows for an event: its local `start` against its absolute `date`. */
function offsetSample(ev: RawEvent): OffsetSample | null {
  const parts = parseIsoParts(ev.date) ?? parseIsoParts(ev.start);
  if (!parts || parts.offset === null || !parts.hasTime) return null;
  const ms = utcOfParts(parts);
  const local = parseClock(ev.start);
  if (local === null) return { ms, offset: parts.offset };
  const utcMinutes = Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE);
  let offset = (local % 1440) - utcMinutes;
  if (offset <= -12 * 60) offset += 1440;
  if (offset > 14 * 60) offset -= 1440;
  return { ms, offset };
}

function speakersOf(persons: readonly RawPerson[]): Speaker[] {
  const seen = new Set<string>();
  const speakers: Speaker[] = [];
  for (const p of persons) {
    const name = cleanLine(p.name);
    if (name === null || seen.has(name)) continue;
    seen.add(name);
    speakers.push({ name, affiliation: null, role: null, bio: cleanText(p.bio) });
  }
  return speakers;
}

const CANCELLED_TITLE = /^\s*[[(]?\s*(?:cancell?ed|abgesagt|entf[aä]llt)\s*[\])]?\s*[:\-–!]/i;

interface Timed {
  ev: RawEvent;
  start: number;
  end: number;
  title: string;
}

/** An ISO date-time: exact with an offset, else a wall time in the conference zone. */
function instantOf(parts: IsoParts, toInstant: WallConverter): number {
  return parts.offset !== null ? utcOfParts(parts) : toInstant(parts.year, parts.month, parts.day, parts.hour * 60 + parts.minute);
}

/** Compute the event's instants; null (with a warning) when the feed does not say when it is. */
function timeEvent(ev: RawEvent, toInstant: WallConverter, dayChange: number, warnings: Warnings): Timed | null {
  const title = cleanLine(ev.title);
  if (title === null) {
    warnings.add(ev.line, `Skipped ${ev.where}: it has no title.`);
    return null;
  }
  const dateParts = parseIsoParts(ev.date);
  const clock = parseClock(ev.start);
  const startParts = clock === null ? parseIsoParts(ev.start) : null;
  let start = Number.NaN;
  if (dateParts?.hasTime) {
    start = instantOf(dateParts, toInstant);
  } else if (startParts) {
    start = instantOf(startParts, toInstant);
  } else if (clock !== null) {
    // A bare event date is the calendar date itself; the day's date follows day_change.
    const day = dateParts ?? parseIsoParts(ev.dayDate);
    if (day) start = toInstant(day.year, day.month, day.day, clock + (!dateParts && clock < dayChange ? 1440 : 0));
  }
  if (!Number.isFinite(start)) {
    warnings.add(ev.line, `Skipped ${ev.where} “${title}”: it has no readable date and start time.`);
    return null;
  }
  let end = Number.NaN;
  const endParts = parseIsoParts(ev.end);
  if (endParts?.hasTime) {
    end = instantOf(endParts, toInstant);
  }
  if (!Number.isFinite(end)) {
    const minutes = parseDurationMinutes(ev.duration);
    if (minutes !== null) end = start + minutes * MINUTE;
    else {
      if (ev.duration !== null && ev.duration.trim() !== '') {
        warnings.add(ev.line, `${ev.where} “${title}” has an unreadable duration “${ev.duration.trim().slice(0, 40)}”; it is shown as 0 minutes.`);
      }
      end = start;
    }
  }
  if (end < start) {
    warnings.add(ev.line, `${ev.where} “${title}” ends before it starts; it is shown as 0 minutes.`);
    end = start;
  }
  return { ev, start, end, title };
}

function slugOf(text: string): string {
  return normaliseForKey(text).replace(/ /g, '-') || 'schedule';
}

/** Turn raw events into the importer's schedule: decide the zone, time every event, make keys. */
export function buildSchedule(
  format: ImportFormat,
  conf: RawConference,
  events: readonly RawEvent[],
  opts: ParseOptions,
  warnings: Warnings
): ParsedSchedule {
  const samples: OffsetSample[] = [];
  for (const ev of events) {
    const s = offsetSample(ev);
    if (s) samples.push(s);
  }
  const zoneWarnings: string[] = [];
  const zone = decideZone(
    { named: conf.timeZoneName, namedWhere: 'time_zone_name', placeText: `${conf.title ?? ''} ${conf.acronym ?? ''} ${conf.venue ?? ''} ${conf.placeText}`, samples },
    opts,
    (m) => zoneWarnings.push(m)
  );
  const toInstant = wallConverter(zone.zone);
  const dayChange = parseClock(conf.dayChange) ?? 0;

  const timed: Timed[] = [];
  for (const ev of events) {
    const t = timeEvent(ev, toInstant, dayChange, warnings);
    if (t) timed.push(t);
  }

  const keyPrefix = cleanLine(conf.acronym) ?? slugOf(conf.title ?? opts.fileName ?? 'schedule');

  const venue = cleanLine(conf.venue);
  const sessions: ParsedSession[] = timed.map(({ ev, start, end, title }) => {
    const speakers = speakersOf(ev.persons);
    const guid = ev.guid?.trim();
    const id = ev.id?.trim();
    let key: string;
    if (guid) key = guid;
    else if (id) key = `${keyPrefix}:${id}`;
    else key = contentKey(title, speakers.map((s) => s.name));
    const attributes: Record<string, string> = {};
    const subtitle = cleanLine(ev.subtitle);
    if (subtitle !== null) attributes.subtitle = subtitle;
    const language = cleanLine(ev.language);
    if (language !== null) attributes.language = language;
    const link = ev.links.find((l) => /^https?:\/\//i.test(l.href));
    return {
      key,
      title,
      description: joinDescription(cleanText(ev.abstract), cleanText(ev.description)),
      start,
      end,
      allDay: false,
      venue,
      room: cleanLine(ev.room) ?? cleanLine(ev.dayRoom),
      track: cleanLine(ev.track),
      type: cleanLine(ev.type),
      url: cleanLine(ev.url) ?? (link ? link.href.trim() : null),
      status: CANCELLED_TITLE.test(title) ? 'cancelled' : 'scheduled',
      speakers,
      attributes,
      recordingUrl: pickRecording(
        { links: [...ev.links, ...ev.attachments], recordingFields: ev.recordingFields },
        { acronym: cleanLine(conf.acronym), eventId: id ?? null }
      ),
      line: ev.line
    };
  });

  // Several slots of one key are normal (a workshop on two days); the same key twice at the same
  // start is a copy the feed repeated, worth a warning. Both are kept as "#2", "#3" sessions.
  const unique = slotKeys(sessions);
  const slots = new Set<string>();
  let repeated = 0;
  for (const s of sessions) {
    const slot = `${s.key}\u001f${s.start}`;
    if (slots.has(slot)) repeated++;
    else slots.add(slot);
  }
  if (repeated > 0) warnings.add(null, `${repeated} events appear more than once with the same id and start; the copies were kept with “#2”, “#3” keys.`);
  const all = warnings.finish();
  all.unshift(...zoneWarnings.map((message) => ({ line: null, message })));
  return {
    format,
    conference: { title: cleanLine(conf.title) ?? cleanLine(conf.acronym) ?? opts.fileName ?? 'Imported schedule', timeZone: zone.zone, acronym: cleanLine(conf.acronym) },
    zone,
    sessions: unique,
    warnings: all
  };
}
