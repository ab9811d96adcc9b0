// The nouns of Clashless, shared by every process. Pure types: no runtime code lives here.
//
// Policy: every instant is a UTC epoch millisecond number. A wall-clock time only exists at the
// edges (parsing a document, drawing the grid, writing a file) and is always paired with an IANA
// zone name.

/** The formats the importer understands. `auto` asks detection to choose. */
export type ImportFormat = 'sched-text' | 'markdown' | 'text' | 'ics' | 'frab-xml' | 'schedule-json' | 'csv' | 'html';
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'sched-text',
  'markdown',
  'text',
  'ics',
  'frab-xml',
  'schedule-json',
  'csv',
  'html'
];

/** What a CSV column can hold; the import preview lets the person map columns to these. */
export const CSV_FIELDS = [
  'title',
  'date',
  'endDate',
  'start',
  'end',
  'duration',
  'room',
  'venue',
  'speakers',
  'track',
  'description',
  'url',
  'type',
  'id',
  'timeZone',
  'status'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** One CSV column and the field it is read as (null: ignored). */
export interface CsvColumn {
  header: string;
  field: CsvField | null;
}

export type SessionStatus = 'scheduled' | 'cancelled' | 'removed';
export type PlanState = 'going' | 'backup' | 'maybe';
export const PLAN_STATES: readonly PlanState[] = ['going', 'backup', 'maybe'];

/** The longest conference title a person can give (conference.rename; the app's rename dialog). */
export const CONFERENCE_TITLE_MAX = 200;

/** How many minutes before a planned item its own reminder goes off (the .ics VALARM). */
export const REMINDER_MINUTES = [5, 10, 15, 30] as const;
export type ReminderMinutes = (typeof REMINDER_MINUTES)[number];
/**
 * A plan item's own reminder: minutes before it, or 'none' (no reminder, even when the export sets
 * one for everything). A PlanItem without its own (null) follows the export's default reminder.
 */
export type Reminder = ReminderMinutes | 'none';
export const REMINDERS: readonly Reminder[] = ['none', ...REMINDER_MINUTES];

/** After the talk: a planned session the person went to, or missed (null: not marked yet). */
export type Outcome = 'attended' | 'missed';
export const OUTCOMES: readonly Outcome[] = ['attended', 'missed'];
/** The highest rating a person can give a session (1 … RATING_MAX stars). */
export const RATING_MAX = 5;

export interface Speaker {
  name: string;
  /** Company or organisation ("Broadcom"). */
  affiliation: string | null;
  /** Job title when the source gives one ("Staff Engineer"). */
  role: string | null;
  bio: string | null;
}

/** How a document's time zone was decided; shown in the preview and kept with the source. */
export type ZoneRule =
  | 'option' // the person (or --tz) chose it
  | 'zone-name' // an IANA name in the document (X-WR-TIMEZONE, time_zone_name, TZID …)
  | 'utc-offset' // "(UTC -7)" or ISO offsets in the document
  | 'abbreviation' // "MST", "CST" … decided with the document's context
  | 'place' // a city or venue named in the document
  | 'utc' // the document itself is in UTC (ISO 'Z', Sched's all.ics)
  | 'fallback'; // nothing in the document said: a default the person must confirm

export interface ZoneDecision {
  zone: string;
  rule: ZoneRule;
  /** Human sentence: "“MST” next to “(UTC -7)” on line 9 → America/Denver". */
  detail: string;
  /** True when the rule could be wrong and the preview should ask. */
  guessed: boolean;
  /**
   * Set when the document does not state its zone and only where the event is (a venue, a city, a
   * conference edition) points at one: every zone it points at, the proposed one first.
   */
  candidates?: ZoneProposal[];
}

/** A zone the document points at without stating it, and why. */
export interface ZoneProposal {
  zone: string;
  /** The place as people say it: "Amsterdam". */
  place: string;
  /** Why, citing the text: "KubeCon EU 2023 was held in Amsterdam (“KubeCon EU 2023” in the title (line 1))". */
  reason: string;
}

/**
 * The document does not state its zone (nothing pointed at one, or only a place did): the import
 * does not save it until the person confirms or picks a zone (preview: a choice; CLI: --tz).
 */
export function zoneNeedsConfirmation(zone: ZoneDecision): boolean {
  return zone.rule === 'fallback' || (zone.rule === 'place' && zone.guessed);
}

export interface ImportWarning {
  /** 1-based line in the decoded text, or null when the warning is about the whole document. */
  line: number | null;
  message: string;
}

/** What a session is, as a schedule says it: shared by a parsed session and a stored one. */
export interface SessionFacts {
  /** Stable identity across re-imports (see architecture.md "A session's key"). */
  key: string;
  title: string;
  description: string | null;
  /** UTC epoch ms. For all-day items: midnight of the first day in the conference zone. */
  start: number;
  /** UTC epoch ms, exclusive; end >= start. */
  end: number;
  allDay: boolean;
  venue: string | null;
  room: string | null;
  track: string | null;
  type: string | null;
  url: string | null;
  speakers: Speaker[];
  /** Extra labelled facts the source gives ("Content Experience Level" → "Any", "Language" → "en"). */
  attributes: Record<string, string>;
}

/** One session as a parser produced it, before it is stored. */
export interface ParsedSession extends SessionFacts {
  status: 'scheduled' | 'cancelled';
  /** The recording of this talk, when the schedule carries one (import/recording.ts); only feeds set it. */
  recordingUrl?: string | null;
  /** 1-based line where the session starts in the source, when the format has lines. */
  line: number | null;
}

export interface ParsedConference {
  title: string;
  /** IANA zone the schedule is in (the decision is in ParsedSchedule.zone). */
  timeZone: string;
  /** Optional acronym/slug used for keys and display ("38c3"). */
  acronym: string | null;
}

export interface ParsedSchedule {
  format: ImportFormat;
  conference: ParsedConference;
  zone: ZoneDecision;
  sessions: ParsedSession[];
  warnings: ImportWarning[];
}

export interface ParseOptions {
  /** Zone the person chose; overrides any guess. */
  timeZone?: string | undefined;
  /** Original file name, a hint for titles and detection. */
  fileName?: string | undefined;
  /** Zone used when nothing else decides (the computer's zone in the app). Default "UTC". */
  fallbackZone?: string | undefined;
  /** CSV only: the column mapping the person chose in the preview (overrides the guesses). */
  columns?: readonly CsvColumn[] | undefined;
  /**
   * The person's answer to 'first-day-required': the ISO date ("2012-09-13") of a schedule's
   * first weekday-only day. Later weekdays fall on the following matching dates.
   */
  firstDay?: string | undefined;
}

/** A conference as the app lists it. */
export interface Conference {
  id: number;
  title: string;
  timeZone: string;
  /** First and last day (ISO dates in the conference zone), or null without sessions. */
  startDate: string | null;
  endDate: string | null;
  sessionCount: number;
}

export interface Session extends SessionFacts {
  id: number;
  conferenceId: number;
  status: SessionStatus;
  /** The recording of this talk from the schedule (session.recording_url); null or absent: none known. */
  recordingUrl?: string | null;
}

/**
 * What the week, the catalog and the clash engine hold of every session (session.summaries): the
 * fields a row or a block shows and a clash reads, without the abstract, links, attributes and
 * speaker details, which the details panel asks for (session.get). The bench's memory probe, a
 * process holding 100,000 sessions, has 49 MB of JS heap with summaries and had 148 MB with them in full.
 */
export interface SessionSummary
  extends Pick<Session, 'id' | 'conferenceId' | 'title' | 'start' | 'end' | 'allDay' | 'venue' | 'room' | 'track' | 'type' | 'status'> {
  /** The speakers' names, in the schedule's order. */
  speakerNames: string[];
}

/** A planned session or a personal block. */
export interface PlanItem {
  id: number;
  conferenceId: number;
  kind: 'session' | 'block';
  /** For kind 'session'. */
  sessionId: number | null;
  sessionKey: string | null;
  title: string;
  start: number;
  end: number;
  /** Place of a block, or "venue | room" of a session. */
  venue: string | null;
  room: string | null;
  state: PlanState;
  /** 1 (low) … 5 (must see); default 3. */
  priority: number;
  /** Attendance window for leaving early / arriving late (UTC ms), null when attending all of it. */
  arriveAt: number | null;
  leaveAt: number | null;
  note: string | null;
  /** Its own reminder; null follows the export's default (see Reminder). */
  reminder: Reminder | null;
  /** After the talk: attended or missed (null or absent: not marked; blocks are never marked). */
  outcome?: Outcome | null;
  /** The person's rating 1–5 (null or absent: not rated). */
  rating?: number | null;
  /** Mirrors the session's status: a removed or cancelled session stays planned and visible. */
  status: SessionStatus;
}

export type ClashKind = 'overlap' | 'transfer';

export interface Clash {
  a: number; // plan item id (the earlier one)
  b: number;
  kind: ClashKind;
  /** overlap: minutes both run; transfer: minutes short of the walk. */
  minutes: number;
}

export type ChangeKind = 'added' | 'moved' | 'room-changed' | 'retitled' | 'cancelled' | 'removed' | 'restored';

export interface ScheduleChange {
  id: number;
  conferenceId: number;
  sessionId: number;
  sessionKey: string;
  title: string;
  kind: ChangeKind;
  /** Human text of before → after ("Wed 11:15 → Wed 11:30", "155 EF → 255 EF"). */
  detail: string;
  importedAt: number;
  planned: boolean;
}
