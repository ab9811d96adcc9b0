// What a line says besides its date and time: the title, the people, the room and the kind.
//
//   "Workshop: [Introduction to …](url) (by [Marissa Bosche](…) and [Ryan Schneider](…)), Room 106,"
//   "@ Janson - [Welcome](url)"
//   "[**Unlocking New Possibilities**](url) at [Cloud Native Rejekts](…) -- Mangirdas Judeikis"
//   "[Title - Speaker, Company](sched url)"        the seed's shape: speakers inside the link
//   "How I gave … using ytt by David Stevenson"    plain text: speakers after the last "by"
//
// A link or bold run is the title when there is one (the first that is not a person's name or
// a "video"/"slides" link); what precedes it is a kind or a room, what follows it speakers and
// a room. Plain text splits at " by " or at the last dash.
import { span, type Span } from './model.ts';
import { isNameList, looksLikePerson, parseSpeakerList, type NamedSpeaker } from '../prose/speaker-lists.ts';
import { splitTitleAndSpeakers, splitTitleBy } from '../prose/speakers.ts';
import { spansText } from './lines.ts';

export interface TitleParts {
  title: string;
  url: string | null;
  speakers: NamedSpeaker[];
  room: string | null;
  type: string | null;
  cancelled: boolean;
  /** A repeat note taken off the title ("(yes, this is a repeat)"). */
  note: string | null;
}

export interface TitleOptions {
  /** A bare name after a dash counts as the speaker (grid cells). */
  bareName?: boolean;
}

const SECONDARY_LINK = /^[\s(]*(?:video|slides?|link|links|issue|recording|watch(?: the)? video|pdf|\d{1,6}|#\d{1,6}|google slides|youtube|here|more|details|info|register|(?:[\w-]+\/){1,3}\d{1,6})[\s)]*$/i;
export const PLACE_WORDS =
  /\b(?:room|rooms|hall|ballroom|stage|theat(?:er|re)|suite|level|floor|auditorium|salle|amphi|aula|saal|raum|booth|kiosk|pavilion|lounge|lobby|foyer|terrace|studio|track room)\b/i;
const BY_PAREN = /\(\s*(?:(?:presented|led|hosted|chaired|moderated)\s+)?(?:by|with)\s+([^()]{2,400})\)/iu;
const BY_TAIL = /(?:^|[\s,;])(?:(?:presented|led|hosted|chaired|moderated|given|delivered)\s+)?by\s+(.{2,400})$/iu;
const DASH_TAIL = /^(?:at\s+.{1,120}?\s+)?[-–—]{1,2}\s+(.{2,400})$/u;
const ROOM_PREFIX = /^@\s*(.{1,80}?)\s*[-–—:|]?\s*$/u;
const KIND_PREFIX = /^\(?([\p{L}][\p{L}\p{N} &/+'-]{0,40}?)\)?\s*[:\-–—|]?\s*$/u;
const SESSION_CODE = /^[A-Z][A-Z0-9]{1,15}(?:-[A-Z0-9]{1,10})*(?: [A-Z]{2,12})?\s+-{1,2}\s+/u;
const MAX_TITLE_LINE = 1200;
const ASIDE = /^\s*\(\s*(?:includes?|including|incl\.|plus|then|followed by)\s+/iu;
const DANGLING = /\s+(?:from|at|on|between|until|till)\s*[(\s]*$/iu;
const REPEAT = /\s*\(([^()]*\b(?:repeat(?:ed)?|encore|again|second run|wiederholung|rediffusion)\b[^()]*)\)\s*$/iu;
const CANCELLED = /\s*[([]?\b(?:cancell?ed|annul[ée]e?|abgesagt|entfällt)\b[)\]]?\s*/iu;

interface Segment {
  text: string;
  url: string | null;
  strong: boolean;
}

function segments(spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    const strong = s.strong && s.text.trim().length > 0;
    if (last && last.url === s.url && (last.strong === strong || s.text.trim().length === 0)) last.text += s.text;
    else out.push({ text: s.text, url: s.url, strong });
  }
  return out;
}

const EDGE = new Set([...' \t\n\r\u00a0:;,|•·*_–—-']);

/** Separators and markup off both ends (a loop, not a regex: linear on any input). */
export function cleanTitle(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && EDGE.has(text.charAt(a))) a++;
  while (b > a && EDGE.has(text.charAt(b - 1))) b--;
  const t = text.slice(a, b);
  if (t.startsWith('(') && t.endsWith(')')) {
    const inner = t.slice(1, -1);
    if (!inner.includes('(') && !inner.includes(')')) return inner.trim();
  }
  return t;
}

/** A title worth keeping: some letters, not only punctuation or a filler word. */
export function isTitleText(text: string): boolean {
  const t = cleanTitle(text);
  return /\p{L}.*\p{L}|\p{L}{2}|\?{3}/u.test(t) && !/^(?:and|or|at|on|in|from|to|the|a|an|by|with|local time|includes?)$/i.test(t);
}

function primary(segs: readonly Segment[]): number {
  return segs.findIndex((s) => {
    const t = s.text.trim();
    if ((s.url === null && !s.strong) || !isTitleText(t)) return false;
    if (s.url !== null && SECONDARY_LINK.test(t)) return false;
    return !(looksLikePerson(t, false) && s.url !== null);
  });
}

/** Speakers in a tail: "(by A and B), Room 106", " by A, Co", " -- A", " - A, Co & B, Co". */
function readTail(tail: string, opts: TitleOptions): { speakers: NamedSpeaker[]; rest: string } {
  let rest = tail;
  const paren = BY_PAREN.exec(rest);
  if (paren?.[1]) {
    const list = parseSpeakerList(paren[1]);
    if (list) return { speakers: list.speakers, rest: rest.slice(0, paren.index) + rest.slice(paren.index + paren[0].length) };
  }
  rest = rest.trim();
  const dash = DASH_TAIL.exec(rest);
  if (dash?.[1]) {
    const list = parseSpeakerList(dash[1], { namesOnly: opts.bareName === true });
    if (list && (list.clear || opts.bareName || list.speakers.every((s) => looksLikePerson(s.name, true)))) return { speakers: list.speakers, rest: '' };
  }
  const by = BY_TAIL.exec(rest);
  if (by?.[1]) {
    const list = parseSpeakerList(by[1]);
    if (list) return { speakers: list.speakers, rest: rest.slice(0, by.index) };
  }
  return { speakers: [], rest };
}

function roomOf(text: string): string | null {
  for (const part of text.split(/\s*,\s*/)) {
    const t = cleanTitle(part);
    if (t.length > 0 && t.length <= 60 && PLACE_WORDS.test(t)) return t;
  }
  return null;
}

/** Title, people, room and kind from the spans of one line (the date/time already taken out). */
export function readTitle(spans: readonly Span[], opts: TitleOptions = {}): TitleParts | null {
  // Nothing this long is a title line; prose of that size is not read for one.
  if (spans.reduce((n, s) => n + s.text.length, 0) > MAX_TITLE_LINE) return null;
  const segs = segments(spans).filter((s) => !(s.url !== null && SECONDARY_LINK.test(s.text)));
  // "(includes KubeCrawl + CloudNativeFest from 6:00pm – 8:00pm)": an aside names a second event.
  const first = segs[0];
  if (first && first.url === null) first.text = first.text.replace(ASIDE, '');
  const lastSeg = segs[segs.length - 1];
  if (lastSeg && lastSeg.url === null) lastSeg.text = lastSeg.text.replace(DANGLING, '');
  const text = segs.map((s) => s.text).join('').replace(/\(\s*\)/g, ' ');
  if (!isTitleText(text)) return null;
  const out: TitleParts = { title: '', url: null, speakers: [], room: null, type: null, cancelled: false, note: null };
  const at = primary(segs);
  let title: string;
  if (at >= 0) {
    const seg = segs[at]!;
    title = seg.text;
    out.url = seg.url;
    const before = cleanTitle(segs.slice(0, at).map((s) => s.text).join(''));
    const after = segs.slice(at + 1).map((s) => s.text).join('').replace(/\(\s*\)/g, ' ');
    const room = ROOM_PREFIX.exec(before);
    const kind = KIND_PREFIX.exec(before);
    if (room?.[1]) out.room = room[1].trim();
    else if (kind?.[1] && before.length > 0) out.type = kind[1].trim();
    const tail = readTail(after, opts);
    out.speakers = tail.speakers;
    // "[Opening](…) (Ann Lee)": people in a parenthesis after the title.
    const people = /^\s*\(([^()]{2,200})\)\s*$/u.exec(tail.rest);
    if (out.speakers.length === 0 && people?.[1] && isNameList(people[1])) out.speakers = parseSpeakerList(people[1])?.speakers ?? [];
    else out.room ??= roomOf(tail.rest);
  } else {
    let plain = cleanTitle(text);
    const room = /^@\s*([^-–—]{1,60}?)\s+[-–—]\s+/u.exec(plain);
    if (room?.[1]) {
      out.room = room[1].trim();
      plain = plain.slice(room[0].length);
    }
    title = plain;
  }
  // Speakers inside the title itself ("[Title - Speaker, Company](…)", "Title by Name").
  let split = splitTitleAndSpeakers(cleanTitle(title), [], { bareName: opts.bareName === true });
  if (split.speakers.length === 0) split = splitTitleBy(split.title);
  if (split.speakers.length > 0 && out.speakers.length === 0) out.speakers = split.speakers;
  title = split.title;
  title = title.replace(SESSION_CODE, '');
  const repeat = REPEAT.exec(title);
  if (repeat?.[1]) {
    out.note = repeat[1].trim();
    title = title.slice(0, repeat.index);
  }
  if (CANCELLED.test(title) && cleanTitle(title.replace(CANCELLED, ' ')).length > 0) {
    out.cancelled = true;
    title = title.replace(CANCELLED, ' ');
  }
  // "Keynote (Marin Dacos)": a trailing parenthesis of people names them.
  const paren = /\s*\(([^()]{2,120})\)\s*$/u.exec(title);
  if (paren?.[1] && out.speakers.length === 0 && isNameList(paren[1]) && paren[1].split(/\s+/).length >= 2) {
    out.speakers = parseSpeakerList(paren[1])?.speakers ?? [];
    title = title.slice(0, paren.index);
  }
  out.title = cleanTitle(title);
  return out.title.length > 0 && isTitleText(out.title) ? out : null;
}

/** "by …", "Presented by *Name*", "Chaired by …": a line that only names people. */
export function readSpeakerLine(spans: readonly Span[]): NamedSpeaker[] | null {
  const text = cleanTitle(spansText(spans));
  const by = /^(?:(?:presented|led|hosted|chaired|moderated|given|delivered)\s+)?by\s+(.{2,400}?)\.?(?:\s*\(.*)?$/iu.exec(text);
  if (by?.[1]) return parseSpeakerList(by[1])?.speakers ?? [];
  const linked = spans.filter((s) => s.url !== null && s.text.trim().length > 0);
  if (linked.length > 0 && !linked.every((s) => looksLikePerson(s.text.trim(), true))) return null;
  const head = text.split(/\s+[-–—]\s+/u)[0] ?? text;
  if (linked.length === 0 && head !== text) return null;
  const list = parseSpeakerList(head);
  if (!list || !list.speakers.every((s) => looksLikePerson(s.name, true))) return null;
  return linked.length > 0 || list.speakers.some((s) => s.affiliation !== null) ? list.speakers : null;
}

export const plainSpan = (text: string): Span => span(text);
