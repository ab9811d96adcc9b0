// Talk lists in blog posts and Markdown files. See formats.md "Talk lists".
//
//   ---                                 optional front matter (title, date → missing years)
//   ## CiliumCon NA 2023                a heading groups talks: it becomes their track
//   [Title - Speakers](https://x.sched.com/event/1Rj0z/slug)
//   **Monday, November 6, 2023 • 9:15 am - 9:40 am**
//   description paragraphs and list items …
//
// A talk is a title-like line (link, heading, bold or short line) next to a date/time line;
// its description runs to the next talk or heading, never into the next talk's title.
import type { ParsedSchedule, ParsedSession, ParseOptions } from '../../../shared/domain.ts';
import { contentKey, uniqueKeys } from '../keys.ts';
import { resolveZone } from '../zones.ts';
import { collectFullDates, completeDate, formatDate, parseDateLine, weekdayOf, type DateLine, type FullDate } from './date-lines.ts';
import {
  Warnings,
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
} from './text-common.ts';
import { splitTitleAndSpeakers } from './text-speakers.ts';

const MAX_TITLE_LINE = 600;
const MAX_LINK_LINE = 4000;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface FrontMatter {
  fields: Record<string, string>;
  /** Index of the first line after the closing fence (0 without front matter). */
  bodyStart: number;
}

/** Flat `key: value` front matter between `---` fences; nested YAML is skipped. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if ((lines[0] ?? '').trim() !== '---') return { fields: {}, bodyStart: 0 };
  const fields: Record<string, string> = {};
  for (let i = 1; i < Math.min(lines.length, 300); i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '---' || line.trim() === '...') return { fields, bodyStart: i + 1 };
    const m = /^([A-Za-z_][\w-]{0,40})\s*:\s*(.{0,500})$/.exec(line);
    if (m?.[1] && m[2] !== undefined) fields[m[1].toLowerCase()] = m[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return { fields: {}, bodyStart: 0 };
}

export interface LinkedText {
  /** The line with every link replaced by its text. */
  text: string;
  /** The first link's target. */
  url: string | null;
  /** Text outside the links. */
  outside: string;
}

/** Replace `[text](url)` by its text, in one linear pass (no regex backtracking on brackets). */
export function unlink(line: string): LinkedText {
  if (line.length > MAX_LINK_LINE || !line.includes('](')) return { text: line, url: null, outside: line };
  let text = '';
  let outside = '';
  let url: string | null = null;
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('[', i);
    if (open < 0) break;
    const isImage = open > 0 && line.charAt(open - 1) === '!';
    let depth = 0;
    let close = -1;
    for (let k = open; k < line.length; k++) {
      const c = line.charAt(k);
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        close = k;
        break;
      }
    }
    const end = close >= 0 && line.charAt(close + 1) === '(' ? line.indexOf(')', close + 2) : -1;
    if (close < 0 || end < 0) {
      text += line.slice(i, open + 1);
      outside += line.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const before = line.slice(i, isImage ? open - 1 : open);
    const target = line.slice(close + 2, end).trim().split(/\s+/)[0] ?? '';
    text += before + (isImage ? '' : line.slice(open + 1, close));
    outside += before + ' ';
    if (url === null && !isImage && target.length > 0) url = target;
    i = end + 1;
  }
  text += line.slice(i);
  outside += line.slice(i);
  return { text, url, outside };
}

function heading(line: string): { level: number; text: string } | null {
  if (line.length > MAX_TITLE_LINE || !line.startsWith('#')) return null;
  let level = 0;
  while (line.charAt(level) === '#' && level < 7) level++;
  if (level > 6 || !/\s/.test(line.charAt(level))) return null;
  let text = line.slice(level).trim();
  while (text.endsWith('#')) text = text.slice(0, -1);
  return { level, text: plain(text.trim()) };
}

/** Markdown emphasis, escapes and list/quote marks off a short line. */
function plain(text: string): string {
  return text
    .replace(/^(?:>\s?)+/, '')
    .replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

function cleanUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return url;
  // Sched links carry iframe/sidebar parameters that only describe the embed.
  return schedEventId(url) ? url.replace(/[?#].*$/, '') : url;
}

interface Talk {
  titleAt: number;
  dateAt: number;
  /** Title and date on one line ("[Talk](url) — Mon 9:00-9:30"). */
  oneLine: DateLine | null;
}

/** Parse a Markdown talk list. Pure; throws ClashlessError('parse-failed') when no talk is found. */
export function parseMarkdown(text: string, opts: ParseOptions = {}): ParsedSchedule {
  const lines = text.split('\n');
  const fm = readFrontMatter(lines);
  const warnings = new Warnings();
  const zone = resolveZone(text, { timeZone: opts.timeZone, fallbackZone: opts.fallbackZone });
  zoneWarning(zone, warnings);

  const memo = new Map<number, DateLine | null>();
  const dateLine = (i: number): DateLine | null => {
    if (!memo.has(i)) memo.set(i, parseDateLine(lines[i] ?? ''));
    return memo.get(i) ?? null;
  };
  const blank = (i: number): boolean => (lines[i] ?? '').trim().length === 0;
  const isTimeLine = (i: number): boolean => {
    const d = dateLine(i);
    return d !== null && d.pure && d.start !== null;
  };
  const isDayLine = (i: number): boolean => {
    const d = dateLine(i);
    return d !== null && d.pure && d.start === null && d.date !== null;
  };
  const titleLike = (i: number): boolean => {
    const line = (lines[i] ?? '').trim();
    return line.length > 0 && line.length <= MAX_TITLE_LINE && !isTimeLine(i) && !isDayLine(i) && !/^(?:---|\*\*\*|```)/.test(line);
  };
  const near = (i: number, step: 1 | -1): number | null => {
    for (let k = i + step, n = 0; k >= fm.bodyStart && k < lines.length && n < 3; k += step, n++) if (!blank(k)) return k;
    return null;
  };

  // Pair every time line with its title line.
  const talks: Talk[] = [];
  const role = new Map<number, 'title' | 'date'>();
  for (let i = fm.bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.length > MAX_LINK_LINE) continue;
    if (raw.includes('](') && !isTimeLine(i)) {
      const linked = unlink(raw);
      const d = linked.url ? parseDateLine(linked.outside) : null;
      if (d && d.pure && d.start !== null && plain(linked.text).length > 0) {
        talks.push({ titleAt: i, dateAt: i, oneLine: d });
        role.set(i, 'title');
        continue;
      }
    }
    if (!isTimeLine(i)) continue;
    const before = near(i, -1);
    const after = near(i, 1);
    if (before !== null && !role.has(before) && titleLike(before)) {
      talks.push({ titleAt: before, dateAt: i, oneLine: null });
      role.set(before, 'title');
      role.set(i, 'date');
    } else if (after !== null && titleLike(after) && !isTimeLine(near(after, 1) ?? -1)) {
      talks.push({ titleAt: after, dateAt: i, oneLine: null });
      role.set(after, 'title');
      role.set(i, 'date');
    } else {
      warnings.add(i + 1, `Line ${i + 1}: a time line without a talk title next to it was skipped.`, 'time line without a title');
    }
  }
  const byStart = new Map<number, Talk>();
  for (const t of talks) byStart.set(Math.min(t.titleAt, t.dateAt), t);

  let conferenceTitle = fm.fields['title'] ?? null;
  let track: string | null = null;
  let currentDay: FullDate | null = null;
  const fmDate = /^(\d{4})-(\d{2})-(\d{2})/.exec(fm.fields['date'] ?? '');
  let ref: FullDate | null = fmDate ? { year: Number(fmDate[1]), month: Number(fmDate[2]), day: Number(fmDate[3]) } : null;
  ref ??= collectFullDates(text, 20_000, 1)[0]?.date ?? null;
  const zoneSeen = new Set<string>();
  const sessions: ParsedSession[] = [];
  let open: { talk: Talk; track: string | null; description: string[] } | null = null;

  const close = (): void => {
    if (!open) return;
    const s = buildSession(open.talk, open.track, open.description);
    if (s) sessions.push(s);
    open = null;
  };

  const buildSession = (talk: Talk, trackName: string | null, description: string[]): ParsedSession | null => {
    const titleRaw = lines[talk.titleAt] ?? '';
    const d = talk.oneLine ?? dateLine(talk.dateAt);
    const line = talk.titleAt + 1;
    if (!d?.start) return null;
    const linked = unlink(titleRaw);
    const shown = talk.oneLine ? linked.text.replace(/\s+[-–—]\s*$/, '') : linked.text;
    const titleText = heading(shown.trim())?.text ?? plain(shown);
    const split = splitTitleAndSpeakers(titleText);
    if (split.title.length === 0) return null;
    let date: FullDate | null;
    if (d.date) {
      const done = completeDate(d.date, ref, new Date().getUTCFullYear());
      date = done.date;
      if (date && d.date.year === null && done.source !== 'weekday') {
        yearWarning(talk.dateAt + 1, date, ref ? 'the year of the nearest dated line' : 'assumed this year', warnings);
      }
      if (date && done.weekdayMismatch) {
        warnings.add(
          talk.dateAt + 1,
          `Line ${talk.dateAt + 1}: says ${WEEKDAY_NAMES[d.date.weekday ?? 0] ?? ''} but ${formatDate(date)} is a ${WEEKDAY_NAMES[weekdayOf(date)] ?? ''}; the date was kept.`
        );
      }
    } else if (currentDay) {
      date = currentDay;
    } else {
      warnings.add(talk.dateAt + 1, `Line ${talk.dateAt + 1}: a time without a day, and no day heading before it; the talk was skipped.`, 'time without a day');
      return null;
    }
    if (!date) return null;
    if (d.date?.year != null) ref = date;
    currentDay = date;
    const endDate = d.endDate ? completeDate(d.endDate, date, date.year).date : null;
    const span = spanOf({ date, start: d.start, end: d.end, endDate, zone: zone.zone, line: talk.dateAt + 1 }, warnings);
    if (!span) return null;
    checkLineZone(zone.rule === 'option' ? null : d.zoneAbbr, zone.zone, span.start, talk.dateAt + 1, warnings, zoneSeen);
    const url = cleanUrl(linked.url);
    const id = schedEventId(url);
    const speakers = split.speakers.map((s) => speaker(s.name, s.affiliation));
    return {
      ...emptySession(),
      key: id ? `sched:${id}` : contentKey(split.title, speakers.map((s) => s.name)),
      title: split.title,
      description: joinParagraphs(description),
      start: span.start,
      end: span.end,
      track: trackName,
      url,
      speakers,
      line
    };
  };

  for (let i = fm.bodyStart; i < lines.length; i++) {
    const talk = byStart.get(i);
    if (talk) {
      close();
      open = { talk, track, description: [] };
      i = Math.max(talk.titleAt, talk.dateAt);
      continue;
    }
    if (role.has(i)) continue;
    const raw = lines[i] ?? '';
    const h = heading(raw.trim());
    if (h) {
      close();
      const d = dateLine(i);
      if (d?.pure && d.date && !d.start) {
        currentDay = completeDate(d.date, ref, new Date().getUTCFullYear()).date ?? currentDay;
      } else if (h.level === 1 && conferenceTitle === null) conferenceTitle = h.text;
      else track = h.text.length > 0 ? h.text : null;
      continue;
    }
    if (isDayLine(i)) {
      close();
      const d = dateLine(i);
      if (d?.date) currentDay = completeDate(d.date, ref, new Date().getUTCFullYear()).date ?? currentDay;
      continue;
    }
    open?.description.push(raw);
  }
  close();

  if (sessions.length === 0) {
    throw noSessions(
      'expected talks written as a title or link line next to a date and time line such as “**Monday, November 6, 2023 • 9:15 am - 9:40 am**”.',
      talks[0] ? talks[0].dateAt + 1 : 1
    );
  }
  return {
    format: 'markdown',
    conference: {
      title: conferenceTitle ?? titleFromFileName(opts.fileName) ?? 'Imported schedule',
      timeZone: zone.zone,
      acronym: null
    },
    zone,
    sessions: uniqueKeys(sessions),
    warnings: warnings.finish()
  };
}
