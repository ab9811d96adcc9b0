// iCalendar (.ics) importer: Sched's all.ics, pretalx, Google, Outlook/Exchange, Apple, Meetup…
//
// Pipeline: repair and cut the text into blocks (ics/scan.ts) → read each block on its own, plain
// events by a fast reader and everything else by ical.js, so a broken event costs a located
// warning rather than the file (ics/blocks.ts, ics/fastread.ts) → events as wall-clock facts
// (ics/event.ts) → the conference zone (ics/conference.ts) → place, deduplicate and expand into
// sessions (ics/sessions.ts, ics/recur.ts, ics/rrule.ts).
import { Warnings } from '../../warnings.ts';
import { ClashlessError } from '../../../../shared/contract.ts';
import { OWNER_PROPERTY } from '../../../../shared/friends.ts';
import type { ImportWarning, ParseOptions, ParsedSchedule } from '../../../../shared/domain.ts';
import { uniqueKeys } from '../../keys.ts';
import { parseBlocks, type ParsedBlock } from './blocks.ts';
import { conferenceTitle, decideConferenceZone, type TimeStats } from './conference.ts';
import { readEvent, type RawEvent } from './event.ts';
import { isSchedCalendar } from './text.ts';
import { prepareIcsText, scanIcs, type IcsBlock } from './scan.ts';
import { buildSessions } from './sessions.ts';
import type { IcsTime } from './time.ts';
import { UTC_ZONER, createZoneResolver, normaliseTzid, type VtimezoneEntry, type Zoner } from './zones.ts';

export function parseIcs(text: string, opts: ParseOptions): ParsedSchedule {
  const warner = new Warnings();
  const { text: prepared, repairs } = prepareIcsText(text);
  const scan = scanIcs(prepared);
  for (const w of scan.warnings) warner.add(w.line, w.message);
  if (repairs > 0) {
    warner.add(null, `${repairs} malformed line${repairs === 1 ? ' was' : 's were'} repaired (a time under VALUE=DATE, or a TZID holding its value).`);
  }

  // 1. Blocks → time zone definitions and raw events.
  const vtimezones = new Map<string, VtimezoneEntry>();
  const vtimezoneIds: string[] = [];
  const events: RawEvent[] = [];
  const others = new Map<string, { count: number; line: number }>();
  let firstFailure: { line: number; message: string } | null = null;
  let failures = 0;
  const parsedBlocks = parseBlocks(scan);
  // Sched escapes HTML in its text fields; no other writer's text is touched.
  const sched = scan.calendars.some((c) => isSchedCalendar(c.props.get('PRODID')));
  for (let index = 0; index < scan.blocks.length; index++) {
    const block = scan.blocks[index] as IcsBlock;
    if (block.name !== 'VEVENT' && block.name !== 'VTIMEZONE') {
      const seen = others.get(block.name);
      others.set(block.name, { count: (seen?.count ?? 0) + 1, line: seen?.line ?? block.line });
      continue;
    }
    const parsed = parsedBlocks[index] as ParsedBlock;
    if ('error' in parsed) {
      const what = block.name === 'VEVENT' ? 'This event' : 'This time zone definition';
      const message = `${what} could not be read (${parsed.error}); skipped.`;
      warner.add(block.line, message);
      if (block.name === 'VEVENT') {
        failures++;
        firstFailure ??= { line: block.line, message: `this event could not be read (${parsed.error})` };
      }
      continue;
    }
    if (block.name === 'VTIMEZONE') {
      const tzid = parsed.component[1].find((p) => p[0] === 'tzid')?.[3];
      if (typeof tzid === 'string' && tzid.trim()) {
        const key = normaliseTzid(tzid);
        if (!vtimezones.has(key)) {
          vtimezones.set(key, { component: parsed.component, line: block.line });
          vtimezoneIds.push(tzid.trim());
        }
      } else warner.add(block.line, 'A VTIMEZONE without TZID was ignored.');
      continue;
    }
    if (parsed.note) warner.add(block.line, parsed.note);
    const read = readEvent(parsed.component, block.line, sched);
    if ('error' in read) {
      warner.add(block.line, read.error.charAt(0).toUpperCase() + read.error.slice(1));
      failures++;
      firstFailure ??= { line: block.line, message: read.error.replace(/; skipped\.$/, '') };
      continue;
    }
    for (const note of read.notes) warner.add(block.line, note);
    events.push(read.event);
  }
  if (events.length === 0) throw nothingReadable(scan.blocks.length, scan.calendars.length, others, firstFailure, failures);

  // 2. Zones: which TZIDs are used, then the conference zone that reads everything floating.
  const stats: TimeStats = { tzids: new Map(), floating: 0, utc: 0, events: events.length };
  let minYear = Infinity;
  let maxYear = -Infinity;
  // Consecutive events almost always share a TZID: comparing with the previous one spares a
  // map lookup (and hashing a fresh string) per event.
  let lastTzid: string | null = null;
  let lastUse: { count: number; line: number } | undefined;
  for (const ev of events) {
    const start = ev.start;
    if (start.year < minYear) minYear = start.year;
    if (start.year > maxYear) maxYear = start.year;
    if (start.utc) stats.utc++;
    else if (start.tzid) {
      if (start.tzid !== lastTzid || !lastUse) {
        lastTzid = start.tzid;
        lastUse = stats.tzids.get(start.tzid);
        if (!lastUse) stats.tzids.set(start.tzid, (lastUse = { count: 0, line: ev.line }));
      }
      lastUse.count++;
    } else stats.floating++;
  }
  const resolve = createZoneResolver(vtimezones, maxYear + 1, minYear);
  const scanWarnings: ImportWarning[] = [];
  const conference = decideConferenceZone(scan.calendars, stats, vtimezoneIds, resolve, opts, scanWarnings);
  for (const w of scanWarnings) warner.add(w.line, w.message);
  const conf = conference.zoner;

  // The zone a time is read in: UTC, its TZID's, or the conference's for floating times, dates
  // and TZIDs nothing can place (each of those warned about once, where first seen).
  const unknownZones = new Set<string>();
  let previousTzid: string | null = null;
  let previousZoner: Zoner = conf;
  const zonerFor = (t: IcsTime, line: number): Zoner => {
    if (t.utc) return UTC_ZONER;
    if (t.date || !t.tzid) return conf;
    if (t.tzid === previousTzid) return previousZoner;
    const resolved = resolve(t.tzid);
    if (resolved) {
      previousTzid = t.tzid;
      previousZoner = resolved.zoner;
      return resolved.zoner;
    }
    if (!unknownZones.has(t.tzid)) {
      unknownZones.add(t.tzid);
      warner.add(line, `Time zone "${t.tzid}" is neither defined in the file nor a zone name I know; its times were read as ${conference.decision.zone}.`);
    }
    return conf;
  };

  const sessions = buildSessions(events, { conf, zonerFor, warn: (line, message) => warner.add(line, message) });
  // A friend's shared plan is an overlay, not a schedule: say where it belongs before it becomes a conference.
  const owner = scan.calendars.map((c) => c.props.get(OWNER_PROPERTY)).find((o) => o);
  if (owner) warner.add(null, `This is ${owner}’s plan, shared from Clashless. To see it next to yours, add it in the Friends panel (clashless friends add FILE) instead of importing it as a schedule.`);

  return {
    format: 'ics',
    conference: { title: conferenceTitle(scan.calendars, opts.fileName), timeZone: conference.decision.zone, acronym: null },
    zone: conference.decision,
    // Keys are unique by construction (one copy per UID, occurrences keyed by their start)
    // except for events without UID, whose content keys can repeat.
    sessions: events.some((ev) => ev.uid === null) ? uniqueKeys(sessions) : sessions,
    warnings: warner.finish({ byLine: true })
  };
}

function nothingReadable(
  blocks: number,
  calendars: number,
  others: Map<string, { count: number; line: number }>,
  firstFailure: { line: number; message: string } | null,
  failures: number
): ClashlessError {
  const lead = 'No events could be read from this calendar: ';
  if (firstFailure) {
    const more = failures > 1 ? ` (${failures - 1} more event${failures === 2 ? '' : 's'} could not be read either; see the warnings)` : '';
    return new ClashlessError('parse-failed', `${lead}${firstFailure.message}${more}.`, `line ${firstFailure.line}`);
  }
  const other = [...others.entries()][0];
  if (other) {
    const [name, { count, line }] = other;
    const what = name === 'VTODO' ? 'to-do item' : name === 'VJOURNAL' ? 'journal entry' : `${name} component`;
    return new ClashlessError('parse-failed', `${lead}it holds ${count} ${what}${count === 1 ? '' : 's'} (${name}) but no events (VEVENT).`, `line ${line}`);
  }
  if (calendars === 0 && blocks === 0) {
    return new ClashlessError(
      'parse-failed',
      `${lead}this does not look like an iCalendar file (it has no BEGIN:VCALENDAR or BEGIN:VEVENT line). Choose an .ics file exported from a calendar or schedule.`,
      'line 1'
    );
  }
  return new ClashlessError('parse-failed', `${lead}it contains no events (VEVENT).`, 'line 1');
}
