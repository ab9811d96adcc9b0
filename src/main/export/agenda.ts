// The agenda every export format renders: which plan items go out, and what each one shows.
//
// Policy: the formats (.ics, Markdown, CSV, printable HTML) never read PlanItem/Session directly;
// they render AgendaEvent, built here once, so a title, place, time window or status can never
// differ between two files exported from the same plan. Instants stay UTC epoch ms; wall-clock
// text is produced only with an explicit IANA zone.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Outcome, PlanItem, PlanState, Reminder, Session, SessionStatus, Speaker } from '../../shared/domain.ts';
import { conferenceDateOf } from '../../shared/conference-days.ts';
import { DAY } from '../../shared/time.ts';

export interface AgendaEntry {
  /** Planned session or personal block; arriveAt/leaveAt are the split-time window. */
  item: PlanItem;
  /** The full session for kind 'session' (speakers, description, url, track, place, status). */
  session: Session | null;
  /** Titles of the items this one clashes with (shown in the printed and Markdown agendas). */
  clashesWith: string[];
  /**
   * The UID a calendar already knows this session by, when it differs from the one its key gives
   * (session.export_uid: kept by migration 0020 when the key changed after an export).
   */
  uid?: string | null;
}

export interface AgendaInput {
  /** X-WR-CALNAME and the heading of the other formats. */
  calendarName: string;
  /**
   * Display zone (IANA) for Markdown, CSV and HTML; the .ics is written in UTC. All-day items
   * are anchored at midnight in the conference zone, so the services pass the conference zone.
   */
  timeZone: string;
  entries: AgendaEntry[];
  /** UID → SEQUENCE to write; the services raise it when entryFingerprint changes. */
  sequences: ReadonlyMap<string, number>;
  /** DTSTAMP (epoch ms), injected so the output is deterministic. */
  now: number;
  /**
   * The default reminder: a display alarm this many minutes before each event, or none. An item's
   * own reminder (AgendaEvent.reminder) wins over it, 'none' included.
   */
  alarmMinutes: number | null;
  /** Which plan states to include (the services default to all of PLAN_STATES). */
  states: readonly PlanState[];
  includeBlocks: boolean;
  /**
   * Minutes after midnight at which a conference day starts (shared/conference-days.ts): a talk at
   * 00:15 of a night programme is listed under the day before. 0, midnight, when left out.
   */
  dayBoundaryMinutes?: number;
  /** "Share mine": the name the .ics names as X-CLASHLESS-OWNER, so a friend's import proposes it. */
  owner?: string | null;
}

/** One exported event: everything any format shows, already resolved. */
export interface AgendaEvent {
  uid: string;
  kind: 'session' | 'block';
  title: string;
  /** The full slot of the session or block. */
  start: number;
  end: number;
  /** What the person plans to attend: the split window when there is one, else the full slot. */
  attendStart: number;
  attendEnd: number;
  split: boolean;
  allDay: boolean;
  venue: string | null;
  room: string | null;
  /** "venue, room", or '' when neither is known. */
  location: string;
  track: string | null;
  speakers: Speaker[];
  abstract: string | null;
  url: string | null;
  note: string | null;
  state: PlanState;
  priority: number;
  /** The item's own reminder; null follows AgendaInput.alarmMinutes. */
  reminder: Reminder | null;
  status: SessionStatus;
  clashesWith: string[];
  /** After the talk (the report): attended/missed, the rating 1–5, the recording from the schedule. */
  outcome: Outcome | null;
  rating: number | null;
  recordingUrl: string | null;
}

const UID_DOMAIN = '@clashless';
const UID_UNSAFE = /[^A-Za-z0-9._:#@-]/g;

/**
 * Stable UID so a re-export updates the events already in a calendar instead of duplicating
 * them. Characters that are not safe in every client become '-'; because that can make two
 * different keys look alike ("a b" and "a/b"), such keys also get a short hash of the original.
 */
export function entryUid(entry: AgendaEntry): string {
  const { item, session } = entry;
  if (item.kind === 'block') return `block-${item.id}${UID_DOMAIN}`;
  if (entry.uid) return entry.uid;
  return sessionUid(session?.key ?? item.sessionKey ?? '', session?.id ?? item.sessionId ?? item.id);
}

/** The UID a session with this key is exported under (a friend's import matches it back by this rule). */
export function sessionUid(key: string, id: number): string {
  if (key.length === 0) return `session-${id}${UID_DOMAIN}`;
  const safe = key.replace(UID_UNSAFE, '-');
  if (safe === key) return `${key}${UID_DOMAIN}`;
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `${safe}-${digest}${UID_DOMAIN}`;
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** "Salt Palace, Level 1 | 155 EF"; a room that already names the venue is not repeated. */
export function joinLocation(venue: string | null, room: string | null): string {
  if (venue && room) return room.startsWith(venue) ? room : `${venue}, ${room}`;
  return venue ?? room ?? '';
}

/** Resolve what an entry shows. Times come from the session when there is one (it is the truth). */
export function toAgendaEvent(entry: AgendaEntry): AgendaEvent {
  const { item, session } = entry;
  const start = session?.start ?? item.start;
  const end = Math.max(session?.end ?? item.end, start);
  const allDay = session?.allDay ?? false;
  // A window that no longer fits the slot (the session moved since it was planned) is dropped
  // rather than exported as a time the session does not run.
  let attendStart = allDay ? start : Math.max(item.arriveAt ?? start, start);
  let attendEnd = allDay ? end : Math.min(item.leaveAt ?? end, end);
  if (attendEnd <= attendStart) {
    attendStart = start;
    attendEnd = end;
  }
  const venue = clean(session ? session.venue : item.venue);
  const room = clean(session ? session.room : item.room);
  return {
    uid: entryUid(entry),
    kind: item.kind,
    title: clean(session?.title) ?? clean(item.title) ?? 'Untitled',
    start,
    end,
    attendStart,
    attendEnd,
    split: attendStart !== start || attendEnd !== end,
    allDay,
    venue,
    room,
    location: joinLocation(venue, room),
    track: clean(session?.track),
    speakers: session?.speakers.filter((s) => s.name.trim().length > 0) ?? [],
    abstract: clean(session?.description),
    url: clean(session?.url),
    note: clean(item.note),
    state: item.state,
    priority: item.priority,
    reminder: item.reminder,
    status: session?.status ?? item.status,
    clashesWith: entry.clashesWith.filter((t) => t.trim().length > 0),
    outcome: item.outcome ?? null,
    rating: item.rating ?? null,
    recordingUrl: clean(session?.recordingUrl)
  };
}

/** The events an export writes, in time order (ties by title, then UID, so output is stable). */
export function selectEvents(input: AgendaInput): AgendaEvent[] {
  const states = new Set(input.states);
  return input.entries
    .filter((e) => states.has(e.item.state) && (input.includeBlocks || e.item.kind !== 'block'))
    .map(toAgendaEvent)
    .sort(
      (a, b) =>
        a.attendStart - b.attendStart ||
        a.attendEnd - b.attendEnd ||
        a.title.localeCompare(b.title, 'en') ||
        (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
    );
}

/**
 * A hash of what an exported event shows (instants used, title, place, description facts,
 * status), so the services raise SEQUENCE only when a calendar needs to update the event.
 * It hashes facts, not rendered text, so it does not depend on the display zone.
 */
export function entryFingerprint(entry: AgendaEntry): string {
  const ev = toAgendaEvent(entry);
  const facts = [
    ev.uid,
    ev.title,
    ev.attendStart,
    ev.attendEnd,
    ev.start,
    ev.end,
    ev.allDay,
    ev.location,
    ev.track,
    ev.speakers.map((s) => [s.name, s.affiliation]),
    ev.abstract,
    ev.url,
    ev.note,
    ev.state,
    ev.status,
    // An item's own reminder is part of the event (its VALARM). Items without one hash as before
    // migration 0050, so an upgrade alone raises no SEQUENCE.
    ...(ev.reminder === null ? [] : [{ reminder: ev.reminder }])
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

/** "Dave Protasowski (Broadcom)". */
export function speakerLine(speaker: Speaker): string {
  const name = speaker.name.trim();
  const org = clean(speaker.affiliation);
  return org ? `${name} (${org})` : name;
}

/** "11:15" (24-hour) in a zone. */
export function clock(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
}

/** "11:15–11:50" for what the person attends, "All day" / "All day (3 days)" for all-day items. */
export function timeRange(ev: AgendaEvent, zone: string): string {
  if (ev.allDay) {
    const days = allDayDates(ev, zone).days;
    return days > 1 ? `All day (${days} days)` : 'All day';
  }
  return `${clock(ev.attendStart, zone)}–${clock(ev.attendEnd, zone)}`;
}

/** "You planned to attend 11:30–11:50 of 11:15–11:50 (split time)", or null when not split. */
export function splitTimeSentence(ev: AgendaEvent, zone: string): string | null {
  if (!ev.split) return null;
  const planned = `${clock(ev.attendStart, zone)}–${clock(ev.attendEnd, zone)}`;
  const whole = `${clock(ev.start, zone)}–${clock(ev.end, zone)}`;
  return `You planned to attend ${planned} of ${whole} (split time)`;
}

/** First date and number of days of an all-day item (its end is exclusive, at least one day). */
export function allDayDates(ev: AgendaEvent, zone: string): { first: string; days: number } {
  const first = DateTime.fromMillis(ev.start, { zone }).toISODate() ?? '';
  const days = Math.max(1, Math.round((ev.end - ev.start) / DAY));
  return { first, days };
}

/** ISO date of the (conference) day an event is listed under, in a zone. */
export function eventDate(ev: AgendaEvent, zone: string, boundaryMinutes = 0): string {
  if (ev.allDay) return DateTime.fromMillis(ev.start, { zone }).toISODate() ?? '';
  return conferenceDateOf(ev.attendStart, zone, boundaryMinutes);
}

/** "Wednesday, November 13, 2024". */
export function dayHeading(isoDate: string, zone: string): string {
  return DateTime.fromISO(isoDate, { zone }).setLocale('en-US').toFormat('cccc, LLLL d, yyyy');
}

export interface AgendaDay {
  date: string;
  heading: string;
  events: AgendaEvent[];
}

/** Events grouped by their date in a zone, days in order (events keep their order). */
export function groupByDay(events: readonly AgendaEvent[], zone: string, boundaryMinutes = 0): AgendaDay[] {
  const days = new Map<string, AgendaEvent[]>();
  for (const ev of events) {
    const date = eventDate(ev, zone, boundaryMinutes);
    const list = days.get(date);
    if (list) list.push(ev);
    else days.set(date, [ev]);
  }
  return [...days.keys()].sort().map((date) => ({ date, heading: dayHeading(date, zone), events: days.get(date) ?? [] }));
}

/** "Mountain Time (America/Denver)"; "UTC" for UTC; "UTC-5 (Etc/GMT+5)" for zones without a name. */
export function zoneLabel(zone: string, at: number): string {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  const generic = name.length > 0 && !/^GMT/.test(name) ? name : DateTime.fromMillis(at, { zone }).toFormat("'UTC'Z");
  return `${generic} (${zone})`;
}

/** Human label of a plan state for the non-default states; null for 'going'. */
export function stateLabel(state: PlanState): string | null {
  return state === 'backup' ? 'Backup' : state === 'maybe' ? 'Maybe' : null;
}

/** Human label of a session that no longer runs; null while it is scheduled. */
export function statusLabel(status: SessionStatus): string | null {
  return status === 'cancelled' ? 'Cancelled' : status === 'removed' ? 'Removed from the schedule' : null;
}

/** “A”, “B” and “C”: the titles an item clashes with, quoted because titles contain commas. */
export function clashList(titles: readonly string[]): string {
  const quoted = titles.map((t) => `“${t.trim()}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
