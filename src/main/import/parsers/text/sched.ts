// Text copied from a Sched schedule page (select all, copy). See formats.md "Sched page text".
//
// Each session reads:
//   Title - Speaker, Company & Speaker, Company
//   Wednesday November 13, 2024 11:15am - 11:50am MST     ← opening range line
//   abstract …
//   Speakers / avatar for Name / Name / Role, Company / bio… Read More →
//   Wednesday November 13, 2024 11:15am - 11:50am MST     ← the same range line again
//   Salt Palace | Level 1 | 155 EF
//     Connectivity                                         ← track (indented)
//     • Content Experience Level Any                       ← attributes
// Everything else (the "Loading…" header, blurbs, slot and day headings, the filter list) is
// page furniture: it produces no session and no warning.
import { Warnings } from '../../warnings.ts';
import type { ParsedSchedule, ParsedSession, ParseOptions, Speaker } from '../../../../shared/domain.ts';
import { contentKey, uniqueKeys } from '../../keys.ts';
import { resolveZone } from '../../zones.ts';
import { collectFullDates, completeDate, parseDateLine, type DateLine, type FullDate } from '../prose/date-lines.ts';
import {
  checkLineZone,
  emptySession,
  joinParagraphs,
  noSessions,
  spanOf,
  titleFromFileName,
  yearWarning,
  zoneWarning
} from './common.ts';
import { cleanSpeakerName, matchNames, splitTitleAndSpeakers, type NamedSpeaker } from '../prose/speakers.ts';

/** A session block is never longer than this; bounds the search for its closing range line. */
const MAX_BLOCK_LINES = 400;
const ROLE_LABELS = /^(?:Speakers?|Moderators?|Panell?ists?|Presenters?|Hosts?|Artists?|Instructors?|Facilitators?)$/i;
const AVATAR = /^avatar for\s+(.{1,120})$/i;
const READ_MORE = /\s*(?:\.{3}|…)?\s*Read More\s*(?:→|&rarr;|>|\uFFFD)?\s*$/u;
const BULLET = /^\s*[•·]\s*(.+)$/u;
const KNOWN_ATTRIBUTES = [
  'Content Experience Level',
  'Audience Experience Level',
  'Experience Level',
  'Session Language',
  'Session Slides',
  'Session Type',
  'Audience Level',
  'Audience',
  'Language',
  'Format',
  'Level',
  'Topic'
];

type LineKind = 'range' | 'slot' | 'day' | null;

interface BlockSpeaker {
  name: string;
  role: string | null;
  company: string | null;
  roleLine: string | null;
  bio: string | null;
}

class SchedReader {
  readonly lines: string[];
  readonly #parsed = new Map<number, DateLine | null>();
  constructor(text: string) {
    this.lines = text.split('\n');
  }
  dateLine(i: number): DateLine | null {
    if (!this.#parsed.has(i)) this.#parsed.set(i, parseDateLine(this.lines[i] ?? ''));
    return this.#parsed.get(i) ?? null;
  }
  kind(i: number): LineKind {
    const d = this.dateLine(i);
    if (!d || !d.pure) return null;
    if (d.date && d.start && d.end) return 'range';
    if (!d.date && d.start && !d.end && d.weekdayOnly === null) return 'slot';
    if (d.date && !d.start && !d.endDate) return 'day';
    return null;
  }
  blank(i: number): boolean {
    return (this.lines[i] ?? '').trim().length === 0;
  }
  /** Index of the nearest non-blank line before i, looking back at most `reach` lines. */
  previousText(i: number, reach = 3): number | null {
    for (let k = i - 1; k >= 0 && k >= i - reach; k--) if (!this.blank(k)) return k;
    return null;
  }
}

function conferenceTitle(lines: readonly string[], fileName: string | undefined): string {
  for (const line of lines.slice(0, 60)) {
    if (line.length > 2000) continue;
    const m = /registered for (.{3,150}?) to (?:participate|attend)/i.exec(line) ?? /Welcome to (.{3,100}?)[!.]/.exec(line);
    if (m?.[1]) return m[1].trim();
  }
  return titleFromFileName(fileName) ?? 'Sched schedule';
}

function stripReadMore(text: string): string {
  return text.replace(READ_MORE, '').trim();
}

/** "Role, Company" (or, for people without a job title, "Name, Company"). */
function looksLikeRoleLine(line: string, isLast: boolean): boolean {
  if (line.length > 150 || READ_MORE.test(line)) return false;
  if (!isLast) return true;
  return line.length <= 100 && line.includes(', ') && !/\.\s+\p{Lu}/u.test(line);
}

function readSpeakerBlock(lines: readonly string[]): BlockSpeaker[] {
  const out: BlockSpeaker[] = [];
  let current: { name: string; texts: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const texts = current.texts;
    if (texts[0] !== undefined && matchNames(texts[0], current.name) !== null) texts.shift();
    let roleLine: string | null = null;
    if (texts[0] !== undefined && looksLikeRoleLine(texts[0], texts.length === 1)) roleLine = texts.shift() ?? null;
    const bio = stripReadMore(texts.join('\n'));
    out.push({ name: current.name, role: null, company: null, roleLine, bio: bio.length > 0 ? bio : null });
    current = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0 || ROLE_LABELS.test(line)) continue;
    const avatar = AVATAR.exec(line);
    if (avatar?.[1]) {
      flush();
      const name = cleanSpeakerName(avatar[1]);
      if (name.length > 0) current = { name, texts: [] };
      continue;
    }
    current?.texts.push(line);
  }
  flush();
  return out;
}

/** Split "Staff Engineer, VMware/Broadcom" into role and company, knowing the title's company. */
function splitRoleLine(roleLine: string | null, name: string, knownCompany: string | null): { role: string | null; company: string | null } {
  if (roleLine === null) return { role: null, company: null };
  let role: string;
  let company: string | null;
  const known = knownCompany ? roleLine.indexOf(`, ${knownCompany}`) : -1;
  if (knownCompany && known > 0) {
    role = roleLine.slice(0, known);
    company = knownCompany;
  } else {
    const comma = roleLine.indexOf(', ');
    role = comma < 0 ? roleLine : roleLine.slice(0, comma);
    company = comma < 0 ? null : roleLine.slice(comma + 2).trim() || null;
  }
  role = role.trim();
  // Sched writes "Name, Company" for people without a job title.
  if (role.length === 0 || matchNames(role, name) !== null) return { role: null, company };
  return { role, company };
}

/** Speakers from the block and the title suffix: block names, suffix order and companies. */
function mergeSpeakers(block: BlockSpeaker[], suffix: NamedSpeaker[]): Speaker[] {
  const out: Speaker[] = [];
  const used = new Set<number>();
  for (const s of suffix) {
    const idx = block.findIndex((b, i) => !used.has(i) && matchNames(b.name, s.name) !== null);
    const b = idx >= 0 ? block[idx] : undefined;
    if (!b) {
      if (!out.some((o) => matchNames(o.name, s.name) !== null)) out.push({ name: s.name, affiliation: s.affiliation, role: null, bio: null });
      continue;
    }
    used.add(idx);
    // Keep the block's spelling unless it is a shortened form of the title's ("Akshita").
    const name = matchNames(b.name, s.name) === 'a-shorter' ? s.name : b.name;
    const { role, company } = splitRoleLine(b.roleLine, name, s.affiliation);
    out.push({ name, affiliation: s.affiliation ?? company, role, bio: b.bio });
  }
  block.forEach((b, i) => {
    if (used.has(i) || out.some((o) => matchNames(o.name, b.name) === 'same')) return;
    const { role, company } = splitRoleLine(b.roleLine, b.name, null);
    out.push({ name: b.name, affiliation: company, role, bio: b.bio });
  });
  return out;
}

function parseAttribute(text: string): [string, string] {
  for (const label of KNOWN_ATTRIBUTES) {
    if (text.startsWith(`${label} `)) return [label, text.slice(label.length + 1).trim()];
  }
  const space = text.lastIndexOf(' ');
  return space > 0 ? [text.slice(0, space).trim(), text.slice(space + 1).trim()] : ['Tag', text];
}

/** The line after a closing range line: a venue ("Salt Palace | Level 1"), a track, or nothing. */
function startsTrailer(r: SchedReader, i: number): boolean {
  const raw = r.lines[i];
  if (raw === undefined || raw.trim().length === 0) return true;
  const line = raw.trim();
  if (line.includes('|') || /^\s/.test(raw) || BULLET.test(raw)) return true;
  return line.length <= 80 && !/[.!?…]$/.test(line) && !ROLE_LABELS.test(line) && !AVATAR.test(line);
}

/** Lines i..end are a venue line ("Salt Palace | Level 1") and track/attribute lines, nothing else. */
function onlyTrailer(r: SchedReader, from: number, end: number): boolean {
  const first = r.lines[from];
  if (first === undefined || !first.includes('|') || first.trim().length > 120) return false;
  for (let k = from; k < end; k++) {
    const raw = r.lines[k] ?? '';
    const line = raw.trim();
    if (line.length === 0) continue;
    if (line.length > 80 || /[.!?…]$/.test(line) || ROLE_LABELS.test(line) || AVATAR.test(line)) return false;
    if (k > from && !/^\s/.test(raw) && !BULLET.test(raw)) return false;
  }
  return true;
}

interface Trailer {
  venue: string | null;
  room: string | null;
  track: string | null;
  type: string | null;
  attributes: Record<string, string>;
  next: number;
}

/** Venue, track and attribute lines after the closing range line. */
function readTrailer(r: SchedReader, from: number): Trailer {
  const t: Trailer = { venue: null, room: null, track: null, type: null, attributes: {}, next: from };
  let j = from;
  for (; j < r.lines.length && j < from + 20; j++) {
    const raw = r.lines[j] ?? '';
    const line = raw.trim();
    if (line.length === 0 || r.kind(j) !== null || r.kind(j + 1) === 'range') break;
    const bullet = BULLET.exec(raw);
    if (bullet?.[1]) {
      const [k, v] = parseAttribute(bullet[1].trim());
      t.attributes[k] = t.attributes[k] ? `${t.attributes[k]}, ${v}` : v;
    } else if (t.venue === null && t.room === null && t.track === null && (!/^\s/.test(raw) || line.includes('|'))) {
      const parts = line.split('|').map((p) => p.trim()).filter((p) => p.length > 0);
      if (parts.length >= 2) {
        t.venue = parts[0] ?? null;
        t.room = parts.slice(1).join(' | ');
      } else t.room = parts[0] ?? null;
    } else if (t.track === null) t.track = line;
    else if (t.type === null) t.type = line;
    else t.attributes['Tag'] = t.attributes['Tag'] ? `${t.attributes['Tag']}, ${line}` : line;
  }
  t.next = j;
  return t;
}

/** Parse Sched page text into sessions. Pure; throws ClashlessError('parse-failed') when none. */
export function parseSchedText(text: string, opts: ParseOptions = {}): ParsedSchedule {
  const r = new SchedReader(text);
  const warnings = new Warnings();
  const zone = resolveZone(text, { timeZone: opts.timeZone, fallbackZone: opts.fallbackZone });
  zoneWarning(zone, warnings);
  const dated = collectFullDates(text, 20_000, 1);
  const ref: FullDate | null = dated[0]?.date ?? null;
  const zoneSeen = new Set<string>();
  const sessions: ParsedSession[] = [];
  let consumed = -1;
  let firstRange: number | null = null;

  for (let i = 0; i < r.lines.length; i++) {
    if (i <= consumed || r.kind(i) !== 'range') continue;
    firstRange ??= i;
    const t = r.previousText(i);
    const titleLine = t === null ? '' : (r.lines[t] ?? '').trim();
    if (t === null || t <= consumed || r.kind(t) !== null || titleLine.length > 500 || AVATAR.test(titleLine) || ROLE_LABELS.test(titleLine)) {
      warnings.add(i + 1, `Line ${i + 1}: a date and time line without a session title before it was skipped.`, 'date line without a title');
      consumed = i;
      continue;
    }
    const open = (r.lines[i] ?? '').trim();
    let closing = -1;
    let bodyEnd = Math.min(r.lines.length, i + MAX_BLOCK_LINES);
    for (let k = i + 1; k < bodyEnd; k++) {
      if ((r.lines[k] ?? '').trim() === open) {
        if (startsTrailer(r, k + 1)) {
          closing = k;
          break;
        }
        // The same range line followed by prose: the next session in the same slot.
        bodyEnd = r.previousText(k) ?? k;
        break;
      }
      const kind = r.kind(k);
      if (kind === 'slot' || kind === 'day') {
        bodyEnd = k;
        break;
      }
      if (kind === 'range') {
        bodyEnd = r.previousText(k) ?? k;
        break;
      }
    }
    // A session with no abstract and no speakers (a coffee break) has one range line, followed
    // directly by its place and track: that is the trailer, not a description.
    if (closing < 0 && onlyTrailer(r, i + 1, bodyEnd)) closing = i;
    if (closing >= 0) bodyEnd = closing;
    const body = r.lines.slice(i + 1, bodyEnd);
    const labelAt = body.findIndex((l) => ROLE_LABELS.test(l.trim()) || AVATAR.test(l.trim()));
    const descriptionLines = labelAt < 0 ? body : body.slice(0, labelAt);
    const block = labelAt < 0 ? [] : readSpeakerBlock(body.slice(labelAt));
    const trailer = closing >= 0 ? readTrailer(r, closing + 1) : { venue: null, room: null, track: null, type: null, attributes: {}, next: bodyEnd };
    // Without a closing line the block stops just before the next session's title.
    consumed = closing >= 0 ? Math.max(closing, trailer.next - 1) : bodyEnd - 1;

    const split = splitTitleAndSpeakers(titleLine, block.map((b) => b.name));
    const d = r.dateLine(i);
    if (!d?.date || !d.start || split.title.length === 0) continue;
    const completed = completeDate(d.date, ref, new Date().getUTCFullYear());
    if (!completed.date) continue;
    if (d.date.year === null) yearWarning(i + 1, completed.date, ref ? 'from the other dated lines' : 'assumed this year', warnings);
    const endDate = d.endDate ? completeDate(d.endDate, completed.date, completed.date.year).date : null;
    const span = spanOf({ date: completed.date, start: d.start, end: d.end, endDate, zone: zone.zone, line: i + 1 }, warnings);
    if (!span) continue;
    checkLineZone(zone.rule === 'option' ? null : d.zoneAbbr, zone.zone, span.start, i + 1, warnings, zoneSeen);
    const speakers = mergeSpeakers(block, split.speakers);
    sessions.push({
      ...emptySession(),
      key: contentKey(split.title, speakers.map((s) => s.name)),
      title: split.title,
      description: joinParagraphs(descriptionLines),
      start: span.start,
      end: span.end,
      venue: trailer.venue,
      room: trailer.room,
      track: trailer.track,
      type: trailer.type,
      speakers,
      attributes: trailer.attributes,
      line: t + 1
    });
  }

  if (sessions.length === 0) {
    throw noSessions(
      'expected Sched page text — a session title followed by a line like “Wednesday November 13, 2024 11:15am - 11:50am MST”. Copy the whole schedule page (Ctrl+A, Ctrl+C) and paste it again.',
      firstRange === null ? 1 : firstRange + 1
    );
  }
  return {
    format: 'sched-text',
    conference: { title: conferenceTitle(r.lines, opts.fileName), timeZone: zone.zone, acronym: null },
    zone,
    sessions: uniqueKeys(sessions),
    warnings: warnings.finish()
  };
}
