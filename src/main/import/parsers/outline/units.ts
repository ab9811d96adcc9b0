// One unit of a document — a paragraph, a list item's own text, a heading — read for what it
// holds: date/time phrases, a day, "When:"/"Where:" fields, a title, a line of people.
import type { WhenPhrase } from '../prose/date-phrases.ts';
import type { NamedSpeaker } from '../prose/speaker-lists.ts';
import type { DayRef } from './draft.ts';
import { isWhenOnly, readerLines, sliceSpans, spansText, withoutPhrases, type TextLine } from './lines.ts';
import type { Line, Span } from './model.ts';
import { cleanTitle, isTitleText, PLACE_WORDS, readSpeakerLine, readTitle, type TitleParts, type TitleOptions } from './titles.ts';

const FIELD = /^\s*(when|where|date|day|time|hours?|location|venue|place|room|speakers?|presenters?|hosts?|track|type|format)\s*:\s*/i;
const TALK_WORDS = /\b(?:talk|session|workshop|presentation|keynote|meetup|meet-up|bof|panel|lightning|tutorial|demo|booth|kiosk)\b/i;
const EVENT_NOUN =
  /\b(?:a|an|the|our)\s+((?:[\p{L}'’-]+\s+){0,5}?(?:meetup|meet-up|workshop|party|reception|dinner|lunch|breakfast|social|hackathon|sprint|happy hour|get-together|gathering|bof|panel|keynote|tutorial))\b/iu;

export interface Field {
  label: string;
  spans: Span[];
  line: TextLine;
}

export interface TimedPhrase {
  phrase: WhenPhrase;
  line: TextLine;
  index: number;
  /** "When: …" and "Time: …" lines hold no title. */
  inField: boolean;
}

export interface UnitInfo {
  lines: TextLine[];
  timed: TimedPhrase[];
  /** A unit that only names a day ("**Saturday**", "## Tuesday, March 9th", an intro with one date). */
  day: DayRef | null;
  /** Text beside the day in a heading ("Pre-event Content – March 19" → "Pre-event Content"). */
  dayLabel: string | null;
  fields: Field[];
  fieldOnly: boolean;
  title: TitleParts | null;
  /** The unit reads as a talk title (short, linked or bold), not as prose. */
  titleLike: boolean;
  /** Ends with ":" — it introduces what follows. */
  intro: boolean;
  speakers: NamedSpeaker[] | null;
  prose: boolean;
  text: string;
  line: number;
}

export function isField(t: TextLine): boolean {
  return FIELD.test(t.text);
}

function fieldOf(t: TextLine): Field | null {
  const m = FIELD.exec(t.text);
  if (!m?.[1]) return null;
  return { label: m[1].toLowerCase(), spans: sliceSpans(t, m[0].length, t.text.length), line: t };
}

export function dayOf(p: WhenPhrase, line: number): DayRef | null {
  if (p.date === null && p.weekday === null) return null;
  return { date: p.date, weekday: p.weekday, dayOfMonth: p.dayOfMonth, line };
}

function isProse(text: string, heading: boolean): boolean {
  if (heading) return false;
  return text.length > 160 || /[.!?]\s+\p{Lu}/u.test(text);
}

/** The event a sentence introduces: "we will also be holding a users and contributors meetup on …". */
export function eventNoun(text: string): string | null {
  const m = EVENT_NOUN.exec(text);
  return m?.[1] ? m[1].trim() : null;
}

export function analyse(lines: readonly Line[], kind: 'paragraph' | 'item' | 'heading', opts: TitleOptions = {}): UnitInfo {
  const tl = readerLines(lines);
  const text = tl.map((t) => t.text.trim()).join('\n');
  const fields: Field[] = [];
  const timed: TimedPhrase[] = [];
  tl.forEach((t, index) => {
    const f = fieldOf(t);
    if (f) fields.push(f);
    for (const p of t.phrases) if (p.start !== null) timed.push({ phrase: p, line: t, index, inField: f !== null && /when|time|date|day|hours?/.test(f.label) });
  });
  const info: UnitInfo = {
    lines: tl,
    timed,
    day: null,
    dayLabel: null,
    fields,
    fieldOnly: tl.length > 0 && fields.length === tl.length,
    title: null,
    titleLike: false,
    intro: /:\s*$/.test(text),
    speakers: null,
    prose: isProse(text, kind === 'heading'),
    text,
    line: tl[0]?.line ?? lines[0]?.line ?? 1
  };
  if (timed.length === 0) {
    const dated = tl.flatMap((t) => t.phrases.map((p) => ({ p, t }))).filter((x) => x.p.date !== null || x.p.weekday !== null);
    const first = dated[0];
    if (first && dated.length === 1) {
      const rest = cleanTitle(spansText(withoutPhrases(first.t, [first.p])).replace(/\(\s*\)/g, ''));
      const short = rest.split(/\s+/).filter((w) => w.length > 0).length <= 8;
      if (isWhenOnly(first.t) || (kind === 'heading' && short) || (kind !== 'heading' && info.intro && first.p.date !== null) || (kind === 'item' && short && tl.length === 1)) {
        info.day = dayOf(first.p, first.t.line);
        info.dayLabel = isTitleText(rest) && kind === 'heading' ? rest : null;
      }
    }
  }
  const firstText = tl.find((t) => !fieldOf(t));
  if (firstText) {
    info.speakers = tl.length === 1 ? readSpeakerLine(firstText.spans) : null;
    if (!info.speakers) info.title = readTitle(firstText.spans, opts);
  }
  if (info.title && info.day === null) {
    // Linked or bold text that makes up most of the line: a title, even in a paragraph.
    const letters = (s: string): number => s.replace(/[^\p{L}\p{N}]/gu, '').length;
    const marked = firstText ? letters(firstText.spans.filter((s) => s.url !== null || s.strong).map((s) => s.text).join('')) : 0;
    const linked = firstText ? marked * 2 >= letters(firstText.text) && marked > 2 : false;
    const len = info.title.title.length;
    const plainShort = marked === 0 && text.length <= 120 && !info.prose && !/[.!?]$/.test(text);
    info.titleLike = !info.intro && len <= 300 && (kind === 'heading' || kind === 'item' || linked || plainShort);
  }
  return info;
}

/** A place written on its own line of a card ("Level 3 | ICC Capital Suite 7-9"). */
export function placeLine(t: TextLine): string | null {
  const text = cleanTitle(t.text);
  if (t.phrases.length > 0 || text.length === 0 || text.length > 100) return null;
  return PLACE_WORDS.test(text) && !/[?!]/.test(text) ? text : null;
}

/** Does a unit mention a talk and a day without any time? (Reported so nothing is dropped silently.) */
export function untimedMention(info: UnitInfo): string | null {
  if (info.timed.length > 0 || info.day !== null) return null;
  const dated = info.lines.some((t) => t.phrases.some((p) => p.date !== null || p.weekday !== null));
  if (!dated || !TALK_WORDS.test(info.text)) return null;
  const quoted = /["“]([^"”\n]{1,120})["”]/u.exec(info.text);
  return quoted?.[1] ?? info.title?.title ?? null;
}

export function fieldValue(info: UnitInfo, ...labels: string[]): string | null {
  const f = info.fields.find((x) => labels.includes(x.label));
  const v = f ? cleanTitle(spansText(f.spans)) : '';
  return v.length > 0 ? v : null;
}
