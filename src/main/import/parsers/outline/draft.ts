// A talk as the outline reader first finds it: a title and a date/time phrase with the context
// they were found in. Dates, am/pm and instants are settled later (schedule.ts), once the whole
// document has been read.
import type { ClockTime } from '../prose/date-tokens.ts';
import type { WhenPhrase } from '../prose/date-phrases.ts';
import type { PartialDate } from '../prose/calendar.ts';
import type { NamedSpeaker } from '../prose/speaker-lists.ts';
import type { TitleParts } from './titles.ts';

/** A day as a heading or a column gives it: a date, a weekday, or "Wed 18". */
export interface DayRef {
  date: PartialDate | null;
  weekday: number | null;
  dayOfMonth: number | null;
  line: number;
}

export type DraftSource = 'entry' | 'row' | 'prose';

export interface Draft {
  title: string;
  url: string | null;
  speakers: NamedSpeaker[];
  room: string | null;
  venue: string | null;
  track: string | null;
  type: string | null;
  description: string[];
  attributes: Record<string, string>;
  cancelled: boolean;
  /** 1-based line of the title (the session's line). */
  line: number;
  /** 1-based line of the time, for warnings. */
  whenLine: number;
  /** The date/time text as written, for warnings ("3:35 - 4:10"). */
  whenText: string;
  when: WhenPhrase;
  /** The day the context gives (a heading, a column) when the phrase names none. */
  day: DayRef | null;
  /** Times are UTC clock times (a "UTC time" column, "14:00utc"). */
  utc: boolean;
  /** The local clock of the same slot, to place a UTC time on the right day. */
  localStart: ClockTime | null;
  /** An end the structure gives (the next row of a grid, a rowspan). */
  structuralEnd: ClockTime | null;
  /** Sessions read from one list or table: am/pm is settled in their order. */
  group: number;
  source: DraftSource;
  /** Where the title came from when the text gave none of its own ("the section heading"). */
  titleFrom: string | null;
}

export interface Untimed {
  title: string;
  line: number;
  why: string;
}

/** What a draft takes from where it was found, beyond its title and time phrase. */
export type DraftPlace = Pick<Draft, 'speakers' | 'room' | 'venue' | 'line' | 'whenLine' | 'whenText' | 'day' | 'source' | 'titleFrom'>;

/** A draft from a title and its date/time phrase: the fields every reader fills the same way. */
export function newDraft(title: TitleParts, when: WhenPhrase, ctx: { track: string | null; group: number }, place: DraftPlace): Draft {
  return {
    title: title.title,
    url: title.url,
    track: ctx.track,
    type: title.type,
    description: [],
    attributes: title.note ? { Note: title.note } : {},
    cancelled: title.cancelled,
    when,
    utc: when.zoneAbbr === 'UTC',
    localStart: null,
    structuralEnd: null,
    group: ctx.group,
    ...place
  };
}
