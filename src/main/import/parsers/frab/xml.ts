// frab / Pentabarf schedule.xml (FOSDEM, CCC, DebConf's wafer, pretalx …) → ParsedSchedule.
//
// Streaming: saxes reports tags and text and we keep only the fields we use, so a 2 MB feed
// never becomes a DOM. Safety: saxes does not expand entities a DOCTYPE declares, and we refuse
// such a DOCTYPE outright (billion laughs, external entities); unknown entities (HTML's &nbsp;
// in a sloppy feed) are kept as text with one warning, since the text cleaner decodes them.
import { SaxesParser } from 'saxes';
import type { ParseOptions, ParsedSchedule } from '../../../../shared/domain.ts';
import { ClashlessError } from '../../../../shared/contract.ts';
import { buildSchedule, emptyEvent } from './common.ts';
import { Warnings } from '../../warnings.ts';
import type { RawConference, RawEvent } from './common.ts';

type EventTextField =
  | 'date'
  | 'start'
  | 'end'
  | 'duration'
  | 'room'
  | 'title'
  | 'subtitle'
  | 'track'
  | 'type'
  | 'language'
  | 'abstract'
  | 'description'
  | 'url';

const EVENT_FIELDS = new Set<string>([
  'date',
  'start',
  'end',
  'duration',
  'room',
  'title',
  'subtitle',
  'track',
  'type',
  'language',
  'abstract',
  'description',
  'url'
]);

type ConferenceField = 'title' | 'acronym' | 'time_zone_name' | 'day_change' | 'venue' | 'city' | 'base_url' | 'url';
const CONFERENCE_FIELDS = new Set<string>(['title', 'acronym', 'time_zone_name', 'day_change', 'venue', 'city', 'base_url', 'url']);

/** What the text being collected belongs to. */
type Capture =
  | { kind: 'event'; field: EventTextField }
  | { kind: 'person' }
  | { kind: 'link' | 'attachment'; href: string }
  | { kind: 'conference'; field: ConferenceField };

function malformed(line: number, column: number, what: string): ClashlessError {
  return new ClashlessError('parse-failed', `The XML is malformed at line ${line}, column ${column}: ${what}`, `line ${line}`);
}

export function parseFrabXml(text: string, opts: ParseOptions): ParsedSchedule {
  const warnings = new Warnings();
  const confFields: Partial<Record<ConferenceField, string>> = {};
  const events: RawEvent[] = [];
  const parser = new SaxesParser({ position: true });

  const stack: string[] = [];
  let dayDate: string | null = null;
  let dayRoom: string | null = null;
  let ev: RawEvent | null = null;
  let eventDepth = -1;
  let capture: Capture | null = null;
  let captureDepth = -1;
  let buffer = '';
  let warnedEntity = false;

  parser.on('error', (err) => {
    const what = err.message.replace(/^\d+:\d+: /, '');
    if (what.startsWith('undefined entity')) {
      if (!warnedEntity) warnings.add(parser.line, `The XML uses an entity it does not define (line ${parser.line}); it was kept as text.`);
      warnedEntity = true;
      return;
    }
    throw malformed(parser.line, parser.column + 1, what);
  });

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new ClashlessError(
        'parse-failed',
        `The XML declares its own entities in a DOCTYPE (line ${parser.line}); schedules never need them and they are refused for safety. Remove the DOCTYPE and import again.`,
        `line ${parser.line}`
      );
    }
  });

  // The text handler is attached only while a wanted field is open: saxes then skips building
  // the strings of all the whitespace and fields we ignore, which is most of a feed.
  const onText = (chunk: string): void => {
    buffer += chunk;
  };
  const startCapture = (what: Capture, depth: number): void => {
    capture = what;
    captureDepth = depth;
    buffer = '';
    parser.on('text', onText);
    parser.on('cdata', onText);
  };

  parser.on('opentag', (tag) => {
    const name = tag.name;
    const parent = stack[stack.length - 1];
    const depth = stack.length;
    stack.push(name);
    if (depth === 0) {
      if (name !== 'schedule') {
        throw new ClashlessError('parse-failed', `This XML is not a frab schedule: it starts with <${name.slice(0, 40)}>, not <schedule>.`, `line ${parser.line}`);
      }
      return;
    }
    if (capture !== null) return;
    const attr = tag.attributes as Record<string, string>;
    if (ev !== null) {
      if (depth === eventDepth + 1 && EVENT_FIELDS.has(name)) startCapture({ kind: 'event', field: name as EventTextField }, depth);
      else if (depth === eventDepth + 2 && name === 'person' && parent === 'persons') startCapture({ kind: 'person' }, depth);
      else if (depth === eventDepth + 2 && name === 'link' && parent === 'links') startCapture({ kind: 'link', href: attr.href ?? '' }, depth);
      else if (depth === eventDepth + 2 && name === 'attachment' && parent === 'attachments') startCapture({ kind: 'attachment', href: attr.href ?? '' }, depth);
      return;
    }
    if (name === 'event') {
      const id = attr.id?.trim() || null;
      ev = emptyEvent(id ? `event ${id.slice(0, 60)}` : `the event at line ${parser.line}`, parser.line);
      ev.id = id;
      ev.guid = attr.guid?.trim() || null;
      ev.dayDate = dayDate;
      ev.dayRoom = dayRoom;
      eventDepth = depth;
    } else if (name === 'day' && depth === 1) {
      dayDate = attr.date ?? attr.start?.slice(0, 10) ?? null;
      dayRoom = null;
    } else if (name === 'room' && parent === 'day') {
      dayRoom = attr.name ?? null;
    } else if (parent === 'conference' && depth === 2 && CONFERENCE_FIELDS.has(name)) {
      startCapture({ kind: 'conference', field: name as ConferenceField }, depth);
    }
  });


  parser.on('closetag', () => {
    stack.pop();
    const depth = stack.length;
    if (capture !== null && depth === captureDepth) {
      finishCapture(capture, buffer);
      capture = null;
      buffer = '';
      parser.off('text');
      parser.off('cdata');
    } else if (ev !== null && depth === eventDepth) {
      events.push(ev);
      ev = null;
      eventDepth = -1;
    }
  });

  function finishCapture(done: Capture, value: string): void {
    if (done.kind === 'conference') {
      if (confFields[done.field] === undefined) confFields[done.field] = value;
    } else if (ev === null) {
      return;
    } else if (done.kind === 'event') {
      if (ev[done.field] === null || ev[done.field]?.trim() === '') ev[done.field] = value;
    } else if (done.kind === 'person') {
      ev.persons.push({ name: value, bio: null });
    } else {
      const href = done.href.trim() || value.trim();
      if (href) (done.kind === 'link' ? ev.links : ev.attachments).push({ href, title: value.trim() || null });
    }
  }

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof ClashlessError) throw err;
    // saxes reports through the error handler; anything else is a bug we still must not leak.
    throw malformed(parser.line, parser.column + 1, 'the parser stopped unexpectedly');
  }

  if (events.length === 0) warnings.add(null, 'The schedule contains no events.');
  const conf: RawConference = {
    title: confFields.title ?? null,
    acronym: confFields.acronym ?? null,
    timeZoneName: confFields.time_zone_name ?? null,
    dayChange: confFields.day_change ?? null,
    venue: confFields.venue ?? null,
    placeText: `${confFields.city ?? ''} ${confFields.base_url ?? ''} ${confFields.url ?? ''}`
  };
  return buildSchedule('frab-xml', conf, events, opts, warnings);
}
