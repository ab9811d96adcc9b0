// c3voc schedule.json (frab and pretalx exports, and the CCC hub's flat "schema2") → ParsedSchedule.
//
// The JSON is read defensively: feeds break the schema in small ways (string ids, rooms in the
// wrong place, persons as plain strings), so every event that can be read is kept, and anything
// that cannot is skipped with a warning naming its path. Only text that is not JSON at all fails.
import type { ParseOptions, ParsedSchedule } from '../../../../shared/domain.ts';
import { ClashlessError } from '../../../../shared/contract.ts';
import { buildSchedule, emptyEvent } from './common.ts';
import { Warnings } from '../../warnings.ts';
import type { RawConference, RawEvent, RawLink, RawPerson } from './common.ts';

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

/** A scalar as text: strings as they are, finite numbers printed; anything else null. */
function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A field that is text or an object with a name ({name, slug} rooms and tracks in schema2). */
function named(value: unknown): string | null {
  const o = asObj(value);
  return o ? (str(o.name) ?? str(o.slug)) : str(value);
}

function quoteKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 60))}]`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

function skipString(text: string, from: number): number {
  // Returns the index after the closing quote, or -(index of the fault) - 1.
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i - 1;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') i++;
      else return -i - 1;
    }
  }
  return -text.length - 1;
}

const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Where JSON text first breaks the grammar. Only runs after JSON.parse failed, because V8's
 * messages do not always carry a position. Iterative, so deep nesting cannot overflow the stack.
 */
function jsonErrorOffset(text: string): number {
  const open: string[] = [];
  let state: 'value' | 'firstValue' | 'after' | 'key' | 'firstKey' | 'colon' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
    if (i >= text.length) return text.length;
    const ch = text[i];
    if (state === 'value' || state === 'firstValue') {
      if (ch === ']' && state === 'firstValue') {
        open.pop();
        i++;
        state = 'after';
      } else if (ch === '{' || ch === '[') {
        open.push(ch === '{' ? '}' : ']');
        i++;
        state = ch === '{' ? 'firstKey' : 'firstValue';
      } else if (ch === '"') {
        const end = skipString(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'after';
      } else {
        JSON_LITERAL.lastIndex = i;
        if (!JSON_LITERAL.test(text)) return i;
        i = JSON_LITERAL.lastIndex;
        state = 'after';
      }
    } else if (state === 'after') {
      const close = open[open.length - 1];
      if (close === undefined) return i;
      if (ch === ',') state = close === '}' ? 'key' : 'value';
      else if (ch === close) open.pop();
      else return i;
      i++;
    } else if (state === 'key' || state === 'firstKey') {
      if (ch === '}' && state === 'firstKey') {
        open.pop();
        i++;
        state = 'after';
        continue;
      }
      if (ch !== '"') return i;
      const end = skipString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else {
      if (ch !== ':') return i;
      i++;
      state = 'value';
    }
  }
}

function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const { line, column } = lineAndColumn(body, jsonErrorOffset(body));
    const what = raw
      .replace(/,?\s*".*" is not valid JSON$/s, '')
      .replace(/\s*(?:in|after) JSON at position \d+.*$/s, '')
      .slice(0, 120);
    throw new ClashlessError('parse-failed', `The JSON is malformed at line ${line}, column ${column}: ${what || 'unexpected text'}`, `line ${line}`);
  }
}

function persons(value: unknown): RawPerson[] {
  if (!Array.isArray(value)) return [];
  const out: RawPerson[] = [];
  for (const p of value) {
    const o = asObj(p);
    const name = o ? (str(o.public_name) ?? str(o.name) ?? str(o.full_name)) : str(p);
    if (name !== null) out.push({ name, bio: o ? str(o.biography) : null });
  }
  return out;
}

function links(value: unknown): RawLink[] {
  if (!Array.isArray(value)) return [];
  const out: RawLink[] = [];
  for (const l of value) {
    const o = asObj(l);
    const href = o ? (str(o.url) ?? str(o.href)) : str(l);
    if (href !== null) out.push({ href, title: o ? str(o.title) : null });
  }
  return out;
}

/** Event fields read as they stand, under the same name in the JSON. */
const PLAIN_TEXT_FIELDS = ['guid', 'end', 'duration', 'title', 'subtitle', 'type', 'language', 'abstract', 'description', 'url'] as const;

/** Fields the frab-style and schema2 events share. */
function commonFields(ev: RawEvent, o: Obj, trackNames: Map<string, string>): void {
  ev.id = str(o.id) ?? str(o.code);
  for (const key of PLAIN_TEXT_FIELDS) ev[key] = str(o[key]);
  ev.room = named(o.room);
  const track = asObj(o.track);
  ev.track = track ? (str(track.name) ?? trackNames.get(str(track.slug) ?? '') ?? str(track.slug)) : str(o.track);
  ev.links = links(o.links);
  ev.attachments = links(o.attachments);
  // Fields that hold this talk's recording; `recording` may instead be a setting ("RECORD_BY_DEFAULT"),
  // which the picker ignores because it is not a web address.
  ev.recordingFields = [o.recording_url, o.video_url, o.recording, o.video].flatMap((v) => {
    const text = str(v);
    return text === null ? [] : [text];
  });
}

interface Collected {
  events: RawEvent[];
  textIds: string[];
}

function frabDays(days: unknown[], trackNames: Map<string, string>, warnings: Warnings, found: Collected): void {
  days.forEach((day, d) => {
    const dayObj = asObj(day);
    const rooms = asObj(dayObj?.rooms);
    if (dayObj === null || rooms === null) {
      warnings.add(null, `Skipped days[${d}]: it is not a day with rooms.`);
      return;
    }
    const dayDate = str(dayObj.date);
    for (const [roomName, list] of Object.entries(rooms)) {
      const path = `days[${d}].rooms${quoteKey(roomName)}`;
      if (!Array.isArray(list)) {
        warnings.add(null, `Skipped ${path}: it is not a list of events.`);
        continue;
      }
      list.forEach((item, i) => {
        const o = asObj(item);
        if (o === null) {
          warnings.add(null, `Skipped ${path}[${i}]: it is not an event.`);
          return;
        }
        const id = str(o.id);
        const ev = emptyEvent(id !== null ? `event ${id.slice(0, 60)}` : `${path}[${i}]`, null);
        commonFields(ev, o, trackNames);
        ev.date = str(o.date);
        ev.start = str(o.start);
        ev.persons = persons(o.persons);
        ev.dayDate = dayDate;
        ev.dayRoom = roomName;
        if (typeof o.id === 'string') found.textIds.push(`${path}[${i}]`);
        found.events.push(ev);
      });
    }
  });
}

function flatEvents(list: unknown[], trackNames: Map<string, string>, warnings: Warnings, found: Collected): void {
  list.forEach((item, i) => {
    const o = asObj(item);
    if (o === null) {
      warnings.add(null, `Skipped events[${i}]: it is not an event.`);
      return;
    }
    const id = str(o.guid) ?? str(o.code) ?? str(o.id);
    const ev = emptyEvent(id !== null ? `event ${id.slice(0, 60)}` : `events[${i}]`, null);
    commonFields(ev, o, trackNames);
    // schema2 gives ISO instants in start/end; an older "start": "HH:MM" still works via date.
    const start = str(o.start);
    if (start !== null && start.includes('T')) ev.date = start;
    else {
      ev.date = str(o.date);
      ev.start = start;
    }
    ev.persons = persons(o.participants ?? o.persons);
    found.events.push(ev);
  });
}

export function parseScheduleJson(text: string, opts: ParseOptions): ParsedSchedule {
  const warnings = new Warnings();
  const root = asObj(parseJson(text));
  const schedule = asObj(root?.schedule) ?? (asObj(root?.conference) ? root : null);
  if (schedule === null) {
    throw new ClashlessError('parse-failed', 'This JSON is not a schedule: it has no "schedule" object with a conference.', 'field schedule');
  }
  const conference = asObj(schedule.conference) ?? {};
  if (schedule.rooms !== undefined) {
    warnings.add(null, 'schedule.rooms is not part of the schedule format (rooms belong in schedule.conference.rooms); it was ignored.');
  }
  const trackNames = new Map<string, string>();
  if (Array.isArray(conference.tracks)) {
    for (const t of conference.tracks) {
      const o = asObj(t);
      const slug = str(o?.slug);
      const name = str(o?.name);
      if (slug !== null && name !== null) trackNames.set(slug, name);
    }
  }

  const found: Collected = { events: [], textIds: [] };
  if (Array.isArray(schedule.events)) {
    flatEvents(schedule.events, trackNames, warnings, found);
  } else {
    const days = conference.days ?? schedule.days;
    if (Array.isArray(days)) frabDays(days, trackNames, warnings, found);
    else warnings.add(null, 'The schedule has neither conference.days nor events; there is nothing to import.');
  }
  if (found.textIds.length > 0) {
    warnings.add(null, `${found.textIds.length} event${found.textIds.length === 1 ? '' : 's'} with a text id where the format wants a number (first: ${found.textIds[0]}) kept as they are.`);
  }
  if (found.events.length === 0) warnings.add(null, 'The schedule contains no events.');

  const conf: RawConference = {
    title: str(conference.title),
    acronym: str(conference.acronym),
    timeZoneName: str(conference.time_zone_name),
    dayChange: str(conference.day_change),
    venue: str(conference.venue),
    placeText: `${str(conference.city) ?? ''} ${str(schedule.base_url) ?? ''} ${str(conference.url) ?? ''}`
  };
  return buildSchedule('schedule-json', conf, found.events, opts, warnings);
}
