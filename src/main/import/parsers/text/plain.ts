// The forgiving fallback for pasted schedules in no known shape:
//
//   Saturday 3 February              ← day heading: carries its date to the blocks after it
//
//   Opening keynote                  ← a block: title line + time line (+ description, fields)
//   09:00 - 09:45
//   Room: Janson
//
//   10:00 – 10:30 Coffee             ← or time and title on one line
//
// Policy: say plainly in warnings what was guessed (a year, the zone, an end time, a 24-hour
// reading); never throw for an odd block, only when nothing at all looks like a session.
import { Warnings } from '../../warnings.ts';
import type { ParsedSchedule, ParsedSession, ParseOptions, Speaker } from '../../../../shared/domain.ts';
import { contentKey, uniqueKeys } from '../../keys.ts';
import { resolveZone } from '../../zones.ts';
import { reference } from '../outline/days.ts';
import { askFirstDay, checkFirstDay, isoDate, readFirstDay, type FirstWeekday } from '../outline/first-day.ts';
import {
  collectFullDates,
  completeDate,
  nextWeekday,
  parseDateLine,
  type DateLine,
  type FullDate,
  type PartialDate
} from '../prose/date-lines.ts';
import {
  checkLineZone,
  emptySession,
  joinParagraphs,
  noSessions,
  spanOf,
  speaker,
  titleFromFileName,
  yearWarning,
  zoneWarning
} from './common.ts';
import { parseSpeakerList, splitTitleAndSpeakers } from '../prose/speakers.ts';

const MAX_TITLE = 300;
const FIELD = /^(speakers?|presenters?|presented by|by|who|hosts?|room|location|where|venue|hall|track|type|format)\s*:\s*(.{1,300})$/i;

interface Draft {
  title: string | null;
  titleLine: number;
  time: DateLine | null;
  timeLine: number;
  description: string[];
  fields: Record<string, string>;
}

type Kind = 'day' | 'time' | 'inline' | 'text';

function classify(line: string, d: DateLine | null): Kind {
  if (d === null) return 'text';
  if (d.start === null) {
    // "Saturday 3 February", "2024-02-03", "Day 2 — Monday, June 3", "Monday".
    const fewWords = d.rest.split(/\s+/).filter((w) => w.length > 0).length <= 3;
    if ((d.date !== null || d.weekdayOnly !== null) && (d.pure || fewWords) && d.endDate === null) return 'day';
    return 'text';
  }
  if (d.pure) return 'time';
  // A time at the start or the end of a short line that says something else: an entry.
  return d.rest.length > 0 && line.trim().length <= MAX_TITLE ? 'inline' : 'text';
}

function readFields(draft: Draft, line: string): boolean {
  const m = FIELD.exec(line.trim());
  if (!m?.[1] || !m[2]) return false;
  const label = m[1].toLowerCase();
  const value = m[2].trim();
  const key = /speaker|presenter|by|who|host/.test(label) ? 'speakers' : /track/.test(label) ? 'track' : /type|format/.test(label) ? 'type' : 'room';
  draft.fields[key] = value;
  return true;
}

function speakersOf(text: string): Speaker[] {
  const list = parseSpeakerList(text);
  if (list) return list.speakers.map((s) => speaker(s.name, s.affiliation));
  return text
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0 && n.length <= 80)
    .map((n) => speaker(n));
}

/** Parse a plain-text schedule. Pure; throws ClashlessError('parse-failed') when no session is found. */
export function parseText(text: string, opts: ParseOptions = {}): ParsedSchedule {
  const lines = text.split('\n');
  const warnings = new Warnings();
  const zone = resolveZone(text, { timeZone: opts.timeZone, fallbackZone: opts.fallbackZone });
  zoneWarning(zone, warnings);
  const thisYear = new Date().getUTCFullYear();
  const firstDated = collectFullDates(text, 20_000, 1)[0] ?? null;
  let ref: FullDate | null = firstDated?.date ?? null;
  let currentDay: FullDate | null = null;
  const zoneSeen = new Set<string>();
  const sessions: ParsedSession[] = [];
  const skipped: number[] = [];
  let sawTime = false;
  let noMeridiemLine: number | null = null;
  let draft: Draft | null = null;
  // Weekdays with no dated line to count from: the person's first day, else the question.
  const firstDay = readFirstDay(opts.firstDay);
  let firstDayUsed = false;
  let unplaced: FirstWeekday | null = null;
  const yearEvidence = () => reference({}, text, lines.slice(0, 3).map((l) => l.trim()).filter((l) => l.length > 0), opts.fileName);

  const dayOf = (p: PartialDate | null, weekday: number | null, line: number): FullDate | null => {
    if (p) {
      const done = completeDate(p, ref, thisYear);
      if (!done.date) {
        warnings.add(line, `Line ${line}: that date does not exist; the lines under it were skipped.`, 'date does not exist');
        return null;
      }
      if (p.year === null) {
        const how =
          done.source === 'assumed'
            ? p.weekday
              ? `no year anywhere in the text; ${done.date.year} is the nearest year where the weekday fits`
              : `no year anywhere in the text; assumed ${done.date.year}`
            : done.source === 'weekday'
              ? `the year of the dates near it; the weekday fits`
              : `the year of the dates near it`;
        yearWarning(line, done.date, how, warnings);
      } else ref = done.date;
      if (done.weekdayMismatch) warnings.add(line, `Line ${line}: the weekday does not match the date; the date was kept.`);
      return done.date;
    }
    if (weekday !== null) {
      const base = currentDay ?? ref;
      if (!base && firstDay) {
        checkFirstDay(firstDay, { weekday, line }, yearEvidence(), warnings);
        firstDayUsed = true;
        return firstDay;
      }
      if (!base) {
        unplaced ??= { weekday, line };
        return null;
      }
      return nextWeekday(base, weekday);
    }
    return currentDay;
  };

  const close = (): void => {
    const d = draft;
    draft = null;
    if (!d) return;
    if (d.time === null) {
      if (d.title !== null) skipped.push(d.titleLine);
      return;
    }
    if (d.title === null || d.title.length === 0) {
      warnings.add(d.timeLine, `Line ${d.timeLine}: a time without a title was skipped.`, 'time without a title');
      return;
    }
    const t = d.time;
    if (!t.start) return;
    const date = t.date || t.weekdayOnly !== null ? dayOf(t.date, t.weekdayOnly, d.timeLine) : currentDay;
    if (!date) {
      if (t.date === null && t.weekdayOnly === null) {
        warnings.add(d.timeLine, `Line ${d.timeLine}: a time with no day heading before it; the session was skipped.`, 'time without a day');
      }
      return;
    }
    currentDay = date;
    if (t.noMeridiem && noMeridiemLine === null) noMeridiemLine = d.timeLine;
    const endDate = t.endDate ? completeDate(t.endDate, date, date.year).date : null;
    const span = spanOf({ date, start: t.start, end: t.end, endDate, zone: zone.zone, line: d.timeLine }, warnings);
    if (!span) return;
    checkLineZone(zone.rule === 'option' ? null : t.zoneAbbr, zone.zone, span.start, d.timeLine, warnings, zoneSeen);
    const parts = d.title.split(/\s+\|\s+/);
    const split = splitTitleAndSpeakers(parts[0] ?? d.title);
    if (split.title.length === 0) return;
    const speakers = d.fields['speakers'] ? speakersOf(d.fields['speakers']) : split.speakers.map((s) => speaker(s.name, s.affiliation));
    sessions.push({
      ...emptySession(),
      key: contentKey(split.title, speakers.map((s) => s.name)),
      title: split.title,
      description: joinParagraphs([...parts.slice(2), ...d.description]),
      start: span.start,
      end: span.end,
      room: d.fields['room'] ?? parts[1] ?? null,
      track: d.fields['track'] ?? null,
      type: d.fields['type'] ?? null,
      speakers,
      line: d.titleLine
    });
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    const lineNo = i + 1;
    if (line.length === 0) {
      close();
      continue;
    }
    const d = line.length <= MAX_TITLE ? parseDateLine(line) : null;
    const kind = classify(line, d);
    if (kind === 'day' && d) {
      close();
      currentDay = dayOf(d.date, d.weekdayOnly, lineNo);
      continue;
    }
    if (kind === 'inline' && d) {
      close();
      sawTime = true;
      draft = { title: d.rest, titleLine: lineNo, time: d, timeLine: lineNo, description: [], fields: {} };
      continue;
    }
    if (kind === 'time' && d) {
      sawTime = true;
      if (draft && draft.time === null) {
        draft.time = d;
        draft.timeLine = lineNo;
      } else {
        close();
        // The title may come on the next line ("09:00 - 09:30" then "Registration").
        draft = { title: null, titleLine: lineNo + 1, time: d, timeLine: lineNo, description: [], fields: {} };
      }
      continue;
    }
    if (!draft) {
      draft = { title: line.length <= MAX_TITLE ? line : null, titleLine: lineNo, time: null, timeLine: lineNo, description: [], fields: {} };
      if (draft.title === null) draft.description.push(line);
      continue;
    }
    if (readFields(draft, line)) continue;
    if (draft.title === null && line.length <= MAX_TITLE) {
      draft.title = line;
      draft.titleLine = lineNo;
    } else draft.description.push(line);
  }
  close();

  if (unplaced) throw askFirstDay(unplaced, yearEvidence());
  if (firstDay && !firstDayUsed) {
    warnings.add(null, `The first day given (${isoDate(firstDay)}) was not needed: every day in this schedule has its date or follows a dated line.`);
  }
  if (sessions.length === 0) {
    throw noSessions(
      sawTime
        ? 'times were found, but none had both a title and a day. Put a day heading such as “Saturday 3 February 2024” above the times, and a title next to each time.'
        : 'expected blocks separated by blank lines, each with a title line and a date or time range such as “09:00 - 09:45” or “Saturday 3 February 2024 10:00 - 10:30”.',
      firstDated?.line ?? 1
    );
  }
  if (noMeridiemLine !== null) {
    warnings.add(noMeridiemLine, `Line ${noMeridiemLine}: times without am/pm were read on a 24-hour clock.`);
  }
  const firstAt = lines.findIndex((l) => l.trim().length > 0);
  const firstLine = (lines[firstAt] ?? '').trim();
  // A short first line that is not a session is the schedule's own heading.
  const headed = firstLine.length > 0 && firstLine.length <= 120 && parseDateLine(firstLine) === null && sessions[0]?.line !== firstAt + 1;
  const reallySkipped = skipped.filter((l) => !(headed && l === firstAt + 1));
  if (reallySkipped.length > 0) {
    const n = reallySkipped.length;
    const shown = reallySkipped.slice(0, 8).join(', ');
    warnings.add(null, `${n} block${n === 1 ? '' : 's'} without a time ${n === 1 ? 'was' : 'were'} skipped (line${n === 1 ? '' : 's'} ${shown}${n > 8 ? ', …' : ''}).`);
  }
  const title = headed ? firstLine : (titleFromFileName(opts.fileName) ?? 'Imported schedule');
  return {
    format: 'text',
    conference: { title, timeZone: zone.zone, acronym: null },
    zone,
    sessions: uniqueKeys(sessions),
    warnings: warnings.finish()
  };
}
