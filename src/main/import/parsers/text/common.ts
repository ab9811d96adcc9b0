// What the three text parsers (Sched copy, Markdown, plain text) share: instants from wall-clock
// parts, warnings with caps, the "no sessions" error and the session record defaults.
import type { ParsedSession, Speaker, ZoneDecision } from '../../../../shared/domain.ts';
import { ClashlessError } from '../../../../shared/contract.ts';
import { MINUTE, offsetMinutesAt, wallConverter, type WallConverter } from '../../../../shared/time.ts';
import { abbreviationCandidates } from '../../zones.ts';
import { addDays, formatDate, type ClockTime, type FullDate } from '../prose/date-lines.ts';
import type { Warnings } from '../../warnings.ts';

/** Length given to a session that only has a start time. */
export const DEFAULT_DURATION_MINUTES = 30;

/** One converter per zone (shared/time.ts remembers the slots), for the zones this process has met. */
const converters = new Map<string, WallConverter>();
function instant(date: FullDate, time: ClockTime, zone: string): number {
  let convert = converters.get(zone);
  if (!convert) {
    if (converters.size >= 64) converters.clear();
    converters.set(zone, (convert = wallConverter(zone)));
  }
  return convert(date.year, date.month, date.day, time.hour * 60 + time.minute);
}

export interface Span {
  start: number;
  end: number;
}

export interface SpanInput {
  date: FullDate;
  start: ClockTime;
  end: ClockTime | null;
  endDate: FullDate | null;
  zone: string;
  line: number;
}

/**
 * Instants of a session from its wall-clock parts in the resolved zone (DST-correct: each end
 * is converted on its own, never start + hours). A range that ends "before" it starts runs past
 * midnight; a missing end gets the default length. Null when the date does not exist.
 */
export function spanOf(input: SpanInput, warnings: Warnings): Span | null {
  const { date, start, end, endDate, zone, line } = input;
  const s = instant(date, start, zone);
  if (Number.isNaN(s)) {
    warnings.add(line, `Line ${line}: ${date.year}-${date.month}-${date.day} is not a real date; the session was skipped.`, 'not a real date');
    return null;
  }
  if (end === null) {
    warnings.add(
      line,
      `Line ${line}: only a start time is given; assumed the session lasts ${DEFAULT_DURATION_MINUTES} minutes.`,
      'no end time'
    );
    return { start: s, end: s + DEFAULT_DURATION_MINUTES * MINUTE };
  }
  let e = instant(endDate ?? date, end, zone);
  if (!Number.isNaN(e) && e < s && endDate === null) {
    e = instant(addDays(date, 1), end, zone);
  }
  if (Number.isNaN(e) || e < s) {
    warnings.add(line, `Line ${line}: the end time is before the start; the session was given no length.`, 'end before start');
    e = s;
  }
  return { start: s, end: e };
}

/**
 * Warn when a line writes a zone abbreviation that does not fit the zone the document is read
 * in ("EST" in a schedule read as America/Chicago). Once per abbreviation. Callers pass null
 * when the person chose the zone: reading the clock times in it is then what they asked for.
 */
export function checkLineZone(abbr: string | null, zone: string, at: number, line: number, warnings: Warnings, seen: Set<string>): void {
  if (abbr === null || seen.has(abbr)) return;
  const candidates = abbreviationCandidates(abbr);
  if (candidates.length === 0 || candidates.includes(zone)) return;
  if (candidates.some((c) => offsetMinutesAt(at, c) === offsetMinutesAt(at, zone))) return;
  seen.add(abbr);
  warnings.add(
    line,
    `Line ${line} says “${abbr}”, but the schedule is read in ${zone}; its times were taken as ${zone} clock times. Choose another zone in the preview if that is wrong.`
  );
}

/** A warning for the preview when the zone decision is a guess. */
export function zoneWarning(zone: ZoneDecision, warnings: Warnings): void {
  if (!zone.guessed) return;
  warnings.add(null, `Time zone guessed: ${zone.detail}. Check it, and choose the conference's zone in the preview if it is wrong.`);
}

/** Says what a year was inferred from, for documents that leave it out. */
export function yearWarning(line: number, date: FullDate, how: string, warnings: Warnings): void {
  warnings.add(line, `Line ${line}: no year given; read as ${formatDate(date)} (${how}).`, `no year given (${how})`);
}

export function noSessions(expected: string, line: number | null): ClashlessError {
  return new ClashlessError('parse-failed', `No sessions found: ${expected}`, line === null ? undefined : `line ${line}`);
}

/** A conference title from a file name: "kubecon-2024.md" → "kubecon-2024". */
export function titleFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,10}$/, '').trim();
  return stem.length > 0 ? stem : null;
}

export function emptySession(): Omit<ParsedSession, 'key' | 'title' | 'start' | 'end'> {
  return {
    description: null,
    allDay: false,
    venue: null,
    room: null,
    track: null,
    type: null,
    url: null,
    status: 'scheduled',
    speakers: [],
    attributes: {},
    line: null
  };
}

export function speaker(name: string, affiliation: string | null = null, role: string | null = null, bio: string | null = null): Speaker {
  return { name, affiliation, role, bio };
}

/** The Sched event id in a link ("https://kccncna2023.sched.com/event/1R2tD/…" → "1R2tD"). */
export function schedEventId(url: string | null): string | null {
  if (!url) return null;
  const m = /^https?:\/\/[a-z0-9.-]*sched\.(?:com|org)\/event\/([A-Za-z0-9]{2,32})(?:[/?#]|$)/i.exec(url);
  // Sched's short links carry the same id: "https://sched.co/1aQXI".
  const short = m ? null : /^https?:\/\/sched\.co\/([A-Za-z0-9]{2,32})(?:[/?#]|$)/i.exec(url);
  return m?.[1] ?? short?.[1] ?? null;
}

/** Join description lines: single line breaks kept, blank lines become paragraph breaks. */
export function joinParagraphs(lines: readonly string[]): string | null {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) {
      if (current.length > 0) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current.join('\n'));
  const text = paragraphs.join('\n\n').trim();
  return text.length > 0 ? text : null;
}
