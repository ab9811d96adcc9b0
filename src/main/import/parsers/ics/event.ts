// One VEVENT (as ical.js's jCal) → the facts the importer needs, still as wall-clock times.
// Everything a person could fix in their file is reported as a message; the caller attaches the
// line number.
import ICAL from 'ical.js';
import { descriptionText, unescapeSchedText } from './text.ts';
import { MAX_EVENT_YEAR, MIN_EVENT_YEAR, describeWall, parseIcsTime, type IcsTime } from './time.ts';
import type { JcalComponent, JcalProperty } from './zones.ts';

export interface IcsDuration {
  /** Whole calendar days (weeks included): added on the wall clock, so DST does not shift them. */
  days: number;
  /** Exact seconds on top of the days. */
  seconds: number;
}

export interface RawEvent {
  line: number;
  uid: string | null;
  recurrenceId: IcsTime | null;
  sequence: number;
  /** DTSTAMP (or LAST-MODIFIED) as ical.js gives it; read only when two copies compete. */
  stampValue: unknown;
  start: IcsTime;
  end: IcsTime | null;
  duration: IcsDuration | null;
  /** The jCal RRULE value (ical.js's object form), or null. */
  rrule: Record<string, unknown> | null;
  rdates: IcsTime[];
  exdates: IcsTime[];
  title: string | null;
  description: string | null;
  location: string | null;
  categories: string | null;
  url: string | null;
  status: string | null;
}

export type ReadResult = { event: RawEvent; notes: string[] } | { error: string };

function textValue(prop: JcalProperty | undefined): string | null {
  if (!prop) return null;
  let text: string;
  if (prop.length === 4 && typeof prop[3] === 'string') {
    text = prop[3];
    // trim() would copy; most values have nothing to trim.
    if (text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32)) text = text.trim();
  }
  else text = prop.slice(3).filter((v): v is string => typeof v === 'string').join(', ').trim();
  return text.length > 0 ? text : null;
}

function tzidOf(prop: JcalProperty): string | null {
  const tzid = prop[1]['tzid'];
  if (typeof tzid === 'string') return tzid;
  // Several TZID parameters come through as an array; the first is what the writer meant.
  if (Array.isArray(tzid) && typeof tzid[0] === 'string') return tzid[0];
  return null;
}

function timeOf(prop: JcalProperty, index = 3): IcsTime | null {
  const value = prop[index];
  return parseIcsTime(Array.isArray(value) ? value[0] : value, tzidOf(prop));
}

function rawValue(prop: JcalProperty): string {
  const value = prop[3];
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

function inRange(t: IcsTime): boolean {
  return t.year >= MIN_EVENT_YEAR && t.year <= MAX_EVENT_YEAR;
}

function readDuration(value: unknown): IcsDuration | null {
  if (typeof value !== 'string' || !/^[+-]?P/i.test(value.trim())) return null;
  try {
    const duration = ICAL.Duration.fromString(value.trim());
    const days = duration.weeks * 7 + duration.days;
    const seconds = duration.hours * 3600 + duration.minutes * 60 + duration.seconds;
    if (!Number.isFinite(days) || !Number.isFinite(seconds)) return null;
    const sign = duration.isNegative ? -1 : 1;
    return { days: sign * days, seconds: sign * seconds };
  } catch {
    return null;
  }
}

const LINK = /^(https?|ftp|mailto|webcal|tel):/i;
/** Shared empty list for events without RDATE or EXDATE (never mutated). */
const NO_TIMES: IcsTime[] = [];

/**
 * Read one VEVENT. Fatal problems (no usable DTSTART) give an error; the rest become notes.
 * `schedEscaped`: the calendar is Sched's, whose SUMMARY, DESCRIPTION, LOCATION and CATEGORIES
 * are HTML-escaped (isSchedCalendar); they are unescaped here, and only then.
 */
export function readEvent(component: JcalComponent, line: number, schedEscaped = false): ReadResult {
  const text = schedEscaped ? (prop: JcalProperty | undefined) => unescapeSchedText(textValue(prop)) : textValue;
  const props = component[1];
  const notes: string[] = [];
  let dtstart: JcalProperty | undefined;
  let dtstartCount = 0;
  // The first of each property is the one that counts. One pass with a switch, no map per
  // event: this runs for every event of 10,000-event feeds.
  let summary: JcalProperty | undefined;
  let dtend: JcalProperty | undefined;
  let durationProp: JcalProperty | undefined;
  let recurrenceProp: JcalProperty | undefined;
  let rruleProp: JcalProperty | undefined;
  let sequenceProp: JcalProperty | undefined;
  let stampProp: JcalProperty | undefined;
  let modifiedProp: JcalProperty | undefined;
  let uidProp: JcalProperty | undefined;
  let urlProp: JcalProperty | undefined;
  let descriptionProp: JcalProperty | undefined;
  let locationProp: JcalProperty | undefined;
  let categoriesProp: JcalProperty | undefined;
  let statusProp: JcalProperty | undefined;
  // Allocated only for the events that have them.
  let rdates: IcsTime[] = NO_TIMES;
  let exdates: IcsTime[] = NO_TIMES;
  let badDates: string[] | null = null;
  for (const prop of props) {
    switch (prop[0]) {
      case 'dtstart': dtstart ??= prop; dtstartCount++; break;
      case 'summary': summary ??= prop; break;
      case 'dtend': dtend ??= prop; break;
      case 'duration': durationProp ??= prop; break;
      case 'recurrence-id': recurrenceProp ??= prop; break;
      case 'rrule': rruleProp ??= prop; break;
      case 'sequence': sequenceProp ??= prop; break;
      case 'dtstamp': stampProp ??= prop; break;
      case 'last-modified': modifiedProp ??= prop; break;
      case 'uid': uidProp ??= prop; break;
      case 'url': urlProp ??= prop; break;
      case 'description': descriptionProp ??= prop; break;
      case 'location': locationProp ??= prop; break;
      case 'categories': categoriesProp ??= prop; break;
      case 'status': statusProp ??= prop; break;
      case 'exdate':
      case 'rdate': {
        const list: IcsTime[] = [];
        for (let i = 3; i < prop.length; i++) {
          const time = timeOf(prop, i);
          if (time && inRange(time)) list.push(time);
          else (badDates ??= []).push(`${prop[0].toUpperCase()} value "${String(prop[i])}"`);
        }
        if (prop[0] === 'exdate') exdates = exdates.length > 0 ? [...exdates, ...list] : list;
        else rdates = rdates.length > 0 ? [...rdates, ...list] : list;
        break;
      }
    }
  }

  const title = text(summary);
  const label = title ? `"${title.length > 60 ? title.slice(0, 57) + '…' : title}"` : 'an event without SUMMARY';
  if (!dtstart) return { error: `${label} has no DTSTART; skipped.` };
  if (dtstartCount > 1) return { error: `${label} has ${dtstartCount} DTSTART lines, so its start is ambiguous; skipped.` };
  const startProp = dtstart;
  const start = timeOf(startProp);
  if (!start) return { error: `${label} has a DTSTART that is not a date ("${rawValue(startProp)}"); skipped.` };
  if (!inRange(start)) return { error: `${label} starts in ${start.year}, outside ${MIN_EVENT_YEAR}–${MAX_EVENT_YEAR}; skipped.` };

  for (const bad of badDates ?? []) notes.push(`${label}: ${bad} is not a date; ignored.`);

  let end: IcsTime | null = null;
  if (dtend) {
    end = timeOf(dtend);
    if (!end || !inRange(end)) {
      notes.push(`${label}: DTEND "${rawValue(dtend)}" is not a usable date; its length was taken as ${start.date ? 'one day' : 'zero'}.`);
      end = null;
    }
  }
  let duration: IcsDuration | null = null;
  if (durationProp && !end) {
    duration = readDuration(durationProp[3]);
    if (!duration) notes.push(`${label}: DURATION "${rawValue(durationProp)}" is not a duration; ignored.`);
  }

  let recurrenceId: IcsTime | null = null;
  if (recurrenceProp) {
    recurrenceId = timeOf(recurrenceProp);
    if (!recurrenceId || !inRange(recurrenceId)) {
      notes.push(`${label}: RECURRENCE-ID "${rawValue(recurrenceProp)}" is not a date; read as a separate event.`);
      recurrenceId = null;
    }
  }

  const rruleValue = rruleProp?.[3];
  const rrule = rruleValue && typeof rruleValue === 'object' && !Array.isArray(rruleValue) ? (rruleValue as Record<string, unknown>) : null;
  if (rruleProp && !rrule) notes.push(`${label}: its RRULE could not be read; imported as a single event.`);

  const sequenceValue = sequenceProp?.[3];
  const sequence = typeof sequenceValue === 'number' && Number.isFinite(sequenceValue) ? sequenceValue : Number(sequenceValue ?? 0) || 0;

  const url = textValue(urlProp);
  const description = text(descriptionProp);
  return {
    event: {
      line,
      uid: textValue(uidProp),
      recurrenceId,
      sequence,
      stampValue: (stampProp ?? modifiedProp)?.[3],
      start,
      end,
      duration,
      rrule,
      rdates,
      exdates,
      title,
      description: description ? descriptionText(description) : null,
      location: text(locationProp),
      categories: text(categoriesProp),
      url: url && LINK.test(url) ? url : null,
      status: textValue(statusProp)?.toUpperCase() ?? null
    },
    notes
  };
}

/** "2015-07-06 12:00 (America/Los_Angeles)" for messages. */
export function describeTime(t: IcsTime): string {
  return `${describeWall(t)}${t.utc ? ' UTC' : t.tzid ? ` (${t.tzid})` : ''}`;
}
