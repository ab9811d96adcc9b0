// From drafts to sessions, once the whole document is read: years and weekday-only days are
// placed (days.ts; with no date to count from, the person is asked for the first day: first-day.ts), am/pm is settled from the neighbours (clock-order.ts), instants are taken
// in the resolved zone (DST-correct, each end on its own), and everything guessed is said in a
// warning with its line.
import { Warnings } from '../../warnings.ts';
import type { ImportFormat, ParsedSchedule, ParsedSession, ParseOptions } from '../../../../shared/domain.ts';
import { DAY, HOUR, MINUTE, wallToEpoch } from '../../../../shared/time.ts';
import { contentKey, uniqueKeys } from '../../keys.ts';
import { resolveZone } from '../../zones.ts';
import { formatClock, settleClocks } from '../prose/clock-order.ts';
import { completeDate, formatDate, weekdayOf, type FullDate } from '../prose/date-lines.ts';
import type { ClockTime } from '../prose/date-tokens.ts';
import {
  DEFAULT_DURATION_MINUTES,
  checkLineZone,
  emptySession,
  joinParagraphs,
  noSessions,
  schedEventId,
  spanOf,
  speaker,
  titleFromFileName,
  yearWarning,
  zoneWarning
} from '../text/common.ts';
import { placeDayOfMonth, placeWeekdays, reference, weekdayKey, weekdayOnly, type Reference } from './days.ts';
import { askFirstDay, checkFirstDay, isoDate, readFirstDay } from './first-day.ts';
import type { DayRef, Draft, Untimed } from './draft.ts';

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface BuildInput {
  format: ImportFormat;
  drafts: readonly Draft[];
  untimed: readonly Untimed[];
  notes: readonly { line: number; message: string }[];
  meta: Readonly<Record<string, string>>;
  /** The text zone and year evidence are read from, lines as in the source. */
  text: string;
  headings: readonly string[];
  title: string | null;
  /** Shown when nothing is found: what the reader expected. */
  expected: string;
  opts: ParseOptions;
}

function cleanUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return url && /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : null;
  // Sched links carry iframe/sidebar parameters that only describe the embed.
  return schedEventId(url) ? url.replace(/[?#].*$/, '') : url;
}

interface Placed {
  draft: Draft;
  date: FullDate;
}

/** Each day ref of the drafts once, in document order. */
function dayRefs(drafts: readonly Draft[]): DayRef[] {
  const refs: DayRef[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    if (d.day && !seen.has(weekdayKey(d.day))) {
      seen.add(weekdayKey(d.day));
      refs.push(d.day);
    }
  }
  return refs;
}

/**
 * The person's first day, checked against the first weekday-only day. Without an answer, weekday-only
 * days with no full date to count from are a question, not a guess.
 */
function answeredFirstDay(refs: readonly DayRef[], ref: Reference, opts: ParseOptions, warnings: Warnings): FullDate | null {
  const answer = readFirstDay(opts.firstDay);
  const first = weekdayOnly(refs)[0];
  if (!first) {
    if (answer) warnings.add(null, `The first day given (${isoDate(answer)}) was not needed: every day in this schedule has its date.`);
    return null;
  }
  if (answer) {
    checkFirstDay(answer, first, ref, warnings);
    return answer;
  }
  if (ref.date === null || ref.yearOnly) throw askFirstDay(first, ref);
  return null;
}

function placeAll(drafts: readonly Draft[], ref: Reference, firstDay: FullDate | null, warnings: Warnings): Placed[] {
  const thisYear = new Date().getUTCFullYear();
  const weekdays = placeWeekdays(dayRefs(drafts), ref, firstDay);
  const told = new Set<number | string>();
  const out: Placed[] = [];
  for (const d of drafts) {
    const r = d.day;
    if (!r) {
      warnings.add(d.whenLine, `Line ${d.whenLine}: a time without a day, and no day heading before it; “${d.title}” was skipped.`, 'time without a day');
      continue;
    }
    let date: FullDate | null = null;
    if (r.date) {
      const done = completeDate(r.date, ref.date, thisYear);
      date = done.date;
      if (date && r.date.year === null && !told.has(r.line)) {
        told.add(r.line);
        yearWarning(r.line, date, ref.date ? `the year of ${ref.how}` : 'assumed this year', warnings);
      }
      if (date && done.weekdayMismatch && !told.has(-r.line)) {
        told.add(-r.line);
        warnings.add(r.line, `Line ${r.line}: says ${WEEKDAY_NAMES[r.date.weekday ?? 0] ?? ''} but ${formatDate(date)} is a ${WEEKDAY_NAMES[weekdayOf(date)] ?? ''}; the date was kept.`);
      }
    } else if (r.dayOfMonth !== null) {
      date = placeDayOfMonth(r, ref);
    } else if (r.weekday !== null) {
      date = weekdays.get(weekdayKey(r)) ?? null;
      if (date && !firstDay && !told.has(weekdayKey(r))) {
        told.add(weekdayKey(r));
        warnings.add(r.line, `Line ${r.line}: “${WEEKDAY_NAMES[r.weekday] ?? ''}” has no date; read as ${formatDate(date)}, counted from ${ref.how}.`, 'weekday without a date');
      }
    }
    if (!date) {
      const why = r.weekday !== null && r.date === null ? `names ${WEEKDAY_NAMES[r.weekday] ?? 'a weekday'} but no date to place it on` : 'has a day that could not be placed';
      warnings.add(r.line, `Line ${r.line} ${why}; “${d.title}” was skipped.`, 'day not placed');
      continue;
    }
    out.push({ draft: d, date });
  }
  return out;
}

interface Clocks {
  start: ClockTime;
  end: ClockTime | null;
}

function settle(placed: readonly Placed[], warnings: Warnings): Clocks[] {
  const twentyFour = placed.some((p) => p.draft.when.written24);
  const settled = settleClocks(
    placed.map((p) => ({
      sequence: `${p.draft.group}|${p.date.year}-${p.date.month}-${p.date.day}`,
      start: p.draft.when.start!,
      end: p.draft.when.end ?? p.draft.structuralEnd,
      clock12: p.draft.when.clock12 || (p.draft.when.end === null && p.draft.structuralEnd !== null && p.draft.when.clock12)
    })),
    twentyFour
  );
  const told = new Set<number>();
  return settled.map((s, i) => {
    const d = placed[i]!.draft;
    if (s.moved && !told.has(d.whenLine)) {
      told.add(d.whenLine);
      const range = s.end ? `${formatClock(s.start)}–${formatClock(s.end)}` : formatClock(s.start);
      warnings.add(d.whenLine, `Line ${d.whenLine}: “${d.whenText}” has no am/pm; read as ${range} from the times around it.`, 'no am/pm');
    }
    return { start: s.start, end: s.end };
  });
}

function utcSpan(p: Placed, c: Clocks, warnings: Warnings): { start: number; end: number } {
  const wall = (t: ClockTime): number => wallToEpoch({ ...p.date, hour: t.hour, minute: t.minute }, 'UTC');
  let start = wall(c.start);
  if (p.draft.localStart) {
    const local = wall(p.draft.localStart);
    while (start - local > 14 * HOUR) start -= DAY;
    while (local - start > 14 * HOUR) start += DAY;
  }
  if (!c.end) {
    warnings.add(p.draft.whenLine, `Line ${p.draft.whenLine}: only a start time is given; assumed the session lasts ${DEFAULT_DURATION_MINUTES} minutes.`, 'no end time');
    return { start, end: start + DEFAULT_DURATION_MINUTES * MINUTE };
  }
  let end = start + (wall(c.end) - wall(c.start));
  if (end < start) end += DAY;
  return { start, end };
}

function sessionOf(p: Placed, span: { start: number; end: number }): ParsedSession {
  const d = p.draft;
  const speakers = d.speakers.map((s) => speaker(s.name, s.affiliation, s.role ?? null));
  const url = cleanUrl(d.url);
  const id = schedEventId(url);
  return {
    ...emptySession(),
    key: id ? `sched:${id}` : contentKey(d.title, speakers.map((s) => s.name)),
    title: d.title,
    description: joinParagraphs(d.description.flatMap((x) => [...x.split('\n'), ''])),
    start: span.start,
    end: span.end,
    venue: d.venue,
    room: d.room,
    track: d.track,
    type: d.type,
    url,
    status: d.cancelled ? 'cancelled' : 'scheduled',
    speakers,
    attributes: d.attributes,
    line: d.line
  };
}

function untimedWarnings(untimed: readonly Untimed[], warnings: Warnings): void {
  const seen = new Set<string>();
  for (const u of untimed) {
    const key = `${u.line}|${u.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.add(u.line, `Line ${u.line}: “${u.title}” has no time (${u.why}); it was not imported.`, 'a talk without a time');
  }
}

/** Turn the drafts of a document into the ParsedSchedule every importer returns. */
export function buildSchedule(input: BuildInput): ParsedSchedule {
  const { opts } = input;
  const warnings = new Warnings();
  const zone = resolveZone(input.text, { timeZone: opts.timeZone, fallbackZone: opts.fallbackZone });
  zoneWarning(zone, warnings);
  const ref = reference(input.meta, input.text, input.headings, opts.fileName);
  const firstDay = answeredFirstDay(dayRefs(input.drafts), ref, opts, warnings);
  const placed = placeAll(input.drafts, ref, firstDay, warnings);
  const clocks = settle(placed, warnings);
  const zoneSeen = new Set<string>();
  const sessions: ParsedSession[] = [];
  const sources: Draft['source'][] = [];
  placed.forEach((p, i) => {
    const c = clocks[i]!;
    const d = p.draft;
    const span = d.utc
      ? utcSpan(p, c, warnings)
      : spanOf({ date: p.date, start: c.start, end: c.end, endDate: d.when.endDate ? completeDate(d.when.endDate, p.date, p.date.year).date : null, zone: zone.zone, line: d.whenLine }, warnings);
    if (!span) return;
    if (!d.utc) checkLineZone(zone.rule === 'option' ? null : d.when.zoneAbbr, zone.zone, span.start, d.whenLine, warnings, zoneSeen);
    const session = sessionOf(p, span);
    if (session.title.trim() === '') {
      // A time whose title is only markup (an empty link, an image): nothing a person could plan.
      warnings.add(d.whenLine, `Line ${d.whenLine}: a time with no title was left out.`, 'a time with no title');
      return;
    }
    sessions.push(session);
    sources.push(d.source);
  });
  // A time told in a sentence and again in a list or table is one session.
  const kept = sessions.filter((s, i) => sources[i] !== 'prose' || !sessions.some((o, j) => j !== i && sources[j] !== 'prose' && o.start === s.start && o.end === s.end));
  for (const p of placed) {
    const d = p.draft;
    if (d.titleFrom && kept.some((s) => s.line === d.line && s.title === d.title)) {
      warnings.add(d.whenLine, `Line ${d.whenLine}: the time has no title of its own; it was named “${d.title}” after ${d.titleFrom}.`, 'title taken from the context');
    }
  }
  for (const n of input.notes) warnings.add(n.line, n.message, n.message.replace(/^Line \d+: /, ''));
  untimedWarnings(input.untimed, warnings);
  if (kept.length === 0) throw noSessions(input.expected, input.drafts[0]?.whenLine ?? null);
  return {
    format: input.format,
    conference: { title: input.title ?? titleFromFileName(opts.fileName) ?? 'Imported schedule', timeZone: zone.zone, acronym: null },
    zone,
    sessions: uniqueKeys(kept),
    warnings: warnings.finish()
  };
}
