// The .ics agenda, written with the `ics` package and then corrected where the package falls short.
//
// Policy: every instant is written in UTC (the package cannot write VTIMEZONE; UTC is portable and
// independent of this computer's zone). What the package gets wrong is repaired here, not worked
// around by callers: it folds lines at 75 characters instead of 75 octets (so non-ASCII lines run
// long), it does not escape commas inside CATEGORIES, it passes a lone CR through as a raw line
// break. Alarms (VALARM) are written here, not by the package: it wrote an alarm's DESCRIPTION
// verbatim and a zero-minute alarm as the malformed "TRIGGER:PT", and its check of each alarm
// against a nested schema was a sixth of an export's time. Ours are built only from a title
// escaped here and a whole number of minutes checked here (or by the contract's reminder schema).
import * as icsPackage from 'ics';
import type { DateArray, EventAttributes, EventStatus, ReturnObject } from 'ics';
import { ClashlessError } from '../../shared/contract.ts';
import { addDaysIso, toIsoUtc } from '../../shared/time.ts';
import { OWNER_PROPERTY } from '../../shared/friends.ts';
import {
  allDayDates,
  selectEvents,
  speakerLine,
  splitTimeSentence,
  stateLabel,
  statusLabel,
  type AgendaEvent,
  type AgendaInput
} from './agenda.ts';

/**
 * What writing events needs besides the events: the part of the agenda a writer thread gets
 * (export/ics-parallel.ts), without the plan entries it was selected from.
 */
export type IcsContext = Pick<AgendaInput, 'calendarName' | 'timeZone' | 'sequences' | 'now' | 'alarmMinutes' | 'owner'>;

export const PRODUCT_ID = '-//Clashless//Agenda//EN';
const MAX_LINE_OCTETS = 75;

// The package's schema also takes `timestamp` (DTSTAMP), but its .d.ts leaves it out.
type EventWithStamp = EventAttributes & { timestamp: number };

// The package exports isValidURL (the very regex its schema checks URL with) without declaring it.
const packageAcceptsUrl = (icsPackage as unknown as { isValidURL?: (url: string) => boolean }).isValidURL;

/** Text as iCalendar allows it: one kind of line break, no other control characters. */
function icalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}

/**
 * A one-line TEXT value escaped by hand, for the places the package writes verbatim: each
 * CATEGORIES value (it joins the list with bare commas) and X-WR-CALNAME.
 */
function escapeOneLine(text: string): string {
  return escapeText(icalText(text).replace(/\n/g, ' '));
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma, and line breaks as \n. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/**
 * Descriptions are long, and the package folds each line by re-splitting the rest of it into
 * graphemes for every 75-character piece (quadratic: half the export time at 1,000 events). We
 * fold by octets ourselves anyway, so the package gets a short slot name and the escaped text goes
 * in when we refold.
 */
const DESCRIPTION_SLOT = /^DESCRIPTION:CLASHLESSDESCRIPTION(\d+)SLOT$/;
const descriptionSlot = (index: number): string => `CLASHLESSDESCRIPTION${index}SLOT`;

/** A URL every client can open, or null (it then stays only in the description). */
function exportableUrl(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const href = url.href; // host lower-cased, spaces percent-encoded: what the package's check wants
  return packageAcceptsUrl && !packageAcceptsUrl(href) ? null : href;
}

function icsStatus(ev: AgendaEvent): EventStatus {
  if (ev.status !== 'scheduled') return 'CANCELLED';
  return ev.state === 'going' ? 'CONFIRMED' : 'TENTATIVE';
}

/** DESCRIPTION: status and split-time first (they change what the person does), then the talk. */
export function icsDescription(ev: AgendaEvent, zone: string): string {
  const head: string[] = [];
  const status = statusLabel(ev.status);
  if (status) head.push(`${status}.`);
  const split = splitTimeSentence(ev, zone);
  if (split) head.push(split);
  const state = stateLabel(ev.state);
  if (state) head.push(`Plan: ${state.toLowerCase()}`);
  const blocks: string[] = [];
  if (head.length > 0) blocks.push(head.join('\n'));
  if (ev.speakers.length > 0) blocks.push(ev.speakers.map(speakerLine).join('\n'));
  if (ev.abstract) blocks.push(ev.abstract);
  if (ev.url) blocks.push(ev.url);
  if (ev.note) blocks.push(`Note: ${ev.note}`);
  return icalText(blocks.join('\n\n'));
}

function dateArray(isoDate: string): DateArray {
  const [y, m, d] = isoDate.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

function checkInstant(ms: number, ev: AgendaEvent, field: string): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ClashlessError('bad-request', `Cannot export "${ev.title}": its ${field} time is not a valid date.`, `event ${ev.uid}`);
  }
  return Math.round(ms);
}

/**
 * The checks writeIcsPart makes while it builds the events, run over all of them in order: when
 * an export is written in runs (export/ics-parallel.ts), a bad time in a late run must still win
 * over the package refusing an event in an earlier one, as it does when one call builds them all.
 */
export function checkInstants(events: readonly AgendaEvent[]): void {
  for (const ev of events) {
    checkInstant(ev.attendStart, ev, 'start');
    checkInstant(ev.attendEnd, ev, 'end');
  }
}

/** One VALARM, as content lines: minutes before the start, or at the start for 0 minutes. */
function alarmLines(minutes: number, start: number, description: string): string[] {
  // An absolute trigger at the start says "0 minutes before" in a form every client reads.
  const trigger = minutes === 0 ? `TRIGGER;VALUE=DATE-TIME:${toIsoUtc(start).replace(/[-:]/g, '')}` : `TRIGGER:-PT${minutes}M`;
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${description || 'Reminder'}`, trigger, 'END:VALARM'];
}

/**
 * The event's VALARMs, as content lines. The item's own reminder wins: minutes before it,
 * described by its title, or 'none' for no alarm even when the export sets a default; an item
 * without its own gets the export's default ("Reminder"). Reminding someone to go to a cancelled
 * session, or at midnight for an all-day item, helps nobody: those get none.
 */
function alarmsFor(ev: AgendaEvent, input: IcsContext, start: number): string[] {
  if (ev.status !== 'scheduled' || ev.allDay || ev.reminder === 'none') return [];
  if (ev.reminder !== null) return alarmLines(ev.reminder, start, escapeOneLine(ev.title));
  return input.alarmMinutes === null ? [] : alarmLines(input.alarmMinutes, start, 'Reminder');
}

/** What refold puts into the package's text: escaped descriptions by slot, and each event's alarm lines in event order. */
interface Inserts {
  descriptions: string[];
  alarms: string[][];
}

function toEventAttributes(ev: AgendaEvent, input: IcsContext, inserts: Inserts): EventWithStamp {
  const base = {
    uid: ev.uid,
    title: icalText(ev.title).replace(/\n/g, ' '),
    timestamp: Math.max(0, Math.round(input.now)),
    sequence: input.sequences.get(ev.uid) ?? 0,
    status: icsStatus(ev)
  };
  const optional: Partial<EventAttributes> = {};
  const description = icsDescription(ev, input.timeZone);
  if (description) {
    optional.description = descriptionSlot(inserts.descriptions.length);
    inserts.descriptions.push(description);
  }
  const location = icalText(ev.location).replace(/\n/g, ' ');
  if (location) optional.location = location;
  const url = exportableUrl(ev.url);
  if (url) optional.url = url;
  if (ev.track) optional.categories = [escapeOneLine(ev.track)];
  const start = checkInstant(ev.attendStart, ev, 'start');
  const end = checkInstant(ev.attendEnd, ev, 'end');
  inserts.alarms.push(alarmsFor(ev, input, start));
  if (ev.allDay) {
    const { first, days } = allDayDates(ev, input.timeZone);
    return { ...base, ...optional, start: dateArray(first), end: dateArray(addDaysIso(first, days)) };
  }
  // Instants go in as epoch milliseconds, which the package reads the same whatever the input
  // type says; the end takes the start's output type. So one field says "write UTC" for both:
  // each field the package is given costs its validator time on every event (5 % of an export).
  return { ...base, ...optional, start, startOutputType: 'utc', end };
}

/** UTF-8 length of one code point, without allocating (Buffer.byteLength per character was 7% of export). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Split a content line into pieces of at most 75 octets, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  if (line.length <= MAX_LINE_OCTETS / 4) return line; // cannot exceed 75 octets
  const pieces: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = utf8Length(cp);
    if (octets + size > limit) {
      pieces.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line is one of its 75
    }
    octets += size;
    i += units;
  }
  pieces.push(line.slice(start));
  return pieces.join('\r\n ');
}

/**
 * Undo the package's character-based folding, put the escaped descriptions into their slots and
 * each event's alarms before its END:VEVENT (the package writes the events in the order it was
 * given them), and fold again by octets, with CRLF endings.
 */
export function refold(ics: string, inserts: Inserts = { descriptions: [], alarms: [] }): string {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const out: string[] = [];
  let event = 0;
  for (const line of unfolded.split(/\r?\n/)) {
    if (line.length === 0) continue;
    if (line === 'END:VEVENT') for (const alarm of inserts.alarms[event++] ?? []) out.push(foldLine(alarm));
    const slot = line.startsWith('DESCRIPTION:') ? DESCRIPTION_SLOT.exec(line) : null;
    out.push(foldLine(slot ? `DESCRIPTION:${escapeText(inserts.descriptions[Number(slot[1])] ?? '')}` : line));
  }
  return out.join('\r\n') + '\r\n';
}

function describeValidationError(error: Error, events: readonly EventWithStamp[]): ClashlessError {
  const details = error as Error & { errors?: unknown; value?: { uid?: unknown } };
  const reasons = Array.isArray(details.errors) ? details.errors.filter((e) => typeof e === 'string') : [];
  const uid = typeof details.value?.uid === 'string' ? details.value.uid : null;
  const event = uid ? events.find((e) => e.uid === uid) : undefined;
  const what = reasons.length > 0 ? reasons.join('; ') : error.message || 'unknown error';
  if (event) {
    return new ClashlessError(
      'bad-request',
      `Cannot export "${event.title}" to .ics: ${what}. Edit that item or leave it out of the export.`,
      `event ${event.uid}`
    );
  }
  return new ClashlessError('internal', `Could not write the .ics file: ${what}.`);
}

/** Refuse a default reminder the writer cannot express, before anything is written. */
function checkAlarmMinutes(alarmMinutes: number | null): void {
  if (alarmMinutes !== null && (!Number.isInteger(alarmMinutes) || alarmMinutes < 0)) {
    throw new ClashlessError(
      'bad-request',
      `The reminder must be a whole number of minutes (0 or more), not ${alarmMinutes}.`,
      'field alarmMinutes'
    );
  }
}

/**
 * A whole calendar (header, these events, footer) for some of an agenda's events, in their order.
 * Only the first part carries the owner line; joinIcsParts puts parts together into the file one
 * call for all the events would write, because every line is written and folded on its own.
 */
export function writeIcsPart(events: readonly AgendaEvent[], context: IcsContext, first: boolean): string {
  checkAlarmMinutes(context.alarmMinutes);
  const inserts: Inserts = { descriptions: [], alarms: [] };
  const attributes = events.map((ev) => toEventAttributes(ev, context, inserts));
  const calName = escapeOneLine(context.calendarName);
  const header = calName ? { productId: PRODUCT_ID, calName } : { productId: PRODUCT_ID };
  let result: ReturnObject;
  try {
    result = icsPackage.createEvents(attributes, header);
  } catch (err) {
    throw new ClashlessError('internal', `Could not write the .ics file: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (result.error) throw describeValidationError(result.error, attributes);
  if (result.value === null) throw new ClashlessError('internal', 'Could not write the .ics file: the writer returned nothing.');
  return refold(first ? withOwner(result.value, context.owner) : result.value, inserts);
}

// With the line break before it, so a calendar name that ends in these letters is never taken for it.
const FIRST_EVENT = '\r\nBEGIN:VEVENT\r\n';
const FOOTER = 'END:VCALENDAR\r\n';

/** Parts written by writeIcsPart for consecutive runs of events, as one calendar: the first part's header, every part's events, one footer. */
export function joinIcsParts(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  const bodies = parts.map((part, i) => {
    const events = i === 0 ? 0 : part.indexOf(FIRST_EVENT);
    if (events < 0 || !part.endsWith(FOOTER)) throw new ClashlessError('internal', 'Could not write the .ics file: a part of it came back malformed.');
    return part.slice(i === 0 ? 0 : events + 2, part.length - FOOTER.length);
  });
  return bodies.join('') + FOOTER;
}

/** The agenda as an iCalendar file (UTF-8 text with CRLF line endings), written in this thread. */
export function buildIcs(input: AgendaInput): string {
  return writeIcsPart(selectEvents(input), input, true);
}

/**
 * "Share mine": the person's name as a calendar property right after PRODID, escaped as TEXT, so a
 * friend who imports the file sees it proposed (friends/read-agenda.ts). The package has no field
 * for it; refold() folds the line like every other.
 */
function withOwner(ics: string, owner: string | null | undefined): string {
  const name = owner ? escapeOneLine(owner) : '';
  if (!name) return ics;
  return ics.replace(/^(PRODID:[^\r\n]*\r?\n)/m, (line) => `${line}${OWNER_PROPERTY}:${name}\r\n`);
}
