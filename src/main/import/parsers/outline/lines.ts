// Lines as the talk reader sees them: the text of an outline line (soft breaks read as spaces)
// with its spans, and the date/time phrases found in it. A soft break is kept as a line break
// only where it separates a date/time line from other text — the link text
//   [Harbor Project - … - Orlin Vasilev, SUSE
//   Thursday, April 3, 2025, 17:30 - 18:00 BST
//   Level 3 | ICC Capital Suite 7-9](…)
// is three lines, while editor wrapping ("Tuesday,\n November 7 • 4:55pm -\n 5:30pm") is one.
import { findWhen, type WhenPhrase, type WhenOptions } from '../prose/date-phrases.ts';
import { lineText, softLines, span, type Line, type Span } from './model.ts';

export interface TextLine {
  text: string;
  spans: Span[];
  line: number;
  phrases: WhenPhrase[];
}

/** Words that may sit around a date/time on a line of its own. */
const WHEN_FILLER = /\b(?:local time|local|time|when|date|on|at|from|to|starts?|ends?|and|heure|uhr|um)\b|[\s•·|,;:@()[\]{}*_~\-–—−>#./]+/giu;

export function makeLine(l: Line, opts: WhenOptions = {}): TextLine {
  const spans = l.spans.map((s) => (s.text.includes('\n') ? { ...s, text: s.text.replace(/\s*\n\s*/g, ' ') } : s));
  const text = spans.map((s) => s.text).join('');
  return { text, spans, line: l.line, phrases: findWhen(text, opts) };
}

/** Nothing but date/time phrases and filler on the line. */
export function isWhenOnly(t: TextLine): boolean {
  if (t.phrases.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const p of t.phrases) {
    rest += t.text.slice(at, p.from);
    at = p.to;
  }
  rest += t.text.slice(at);
  return rest.replace(ABBREVIATION_WORDS, ' ').replace(WHEN_FILLER, '').length === 0;
}

const ABBREVIATION_WORDS = /\b[A-Z]{2,5}\b/g;

/** Outline lines → reader lines, splitting soft breaks only around date/time lines. */
export function readerLines(lines: readonly Line[], opts: WhenOptions = {}): TextLine[] {
  const out: TextLine[] = [];
  for (const l of lines) {
    if (!l.spans.some((s) => s.text.includes('\n'))) {
      out.push(makeLine(l, opts));
      continue;
    }
    const soft = softLines(l);
    const pieces = soft.map((p) => makeLine(p, opts));
    // A date/time line is a line of its own only when it names a day; "14:40)" closing a wrapped
    // range, or "5:30pm" after "4:55pm -", stays with the line before it.
    const kinds = pieces.map((p) => (!isWhenOnly(p) ? 'text' : p.phrases.some((x) => x.date !== null || x.weekday !== null) ? 'day' : 'time'));
    let group: Line[] = [];
    let kind: string | null = null;
    const flush = (): void => {
      if (group.length > 0) out.push(makeLine(joinLines(group), opts));
      group = [];
    };
    soft.forEach((p, i) => {
      const k = kinds[i] ?? 'text';
      const boundary = kind !== null && ((k === 'text') !== (kind === 'text') ? k === 'day' || kind === 'day' : k === 'text' && startsNewLink(soft[i - 1], p));
      if (boundary) flush();
      if (!(k === 'time' && kind === 'day')) kind = k;
      group.push(p);
    });
    flush();
  }
  return out.filter((t) => t.text.trim().length > 0);
}

/** A sentence ends and a link starts the next source line: a new line of a card, not wrapping. */
function startsNewLink(prev: Line | undefined, next: Line): boolean {
  const first = next.spans.find((s) => s.text.trim().length > 0);
  const last = prev ? [...prev.spans].reverse().find((s) => s.text.trim().length > 0) : undefined;
  if (!first || !last || first.url === null || first.url === last.url) return false;
  return /[.!?:]\s*$/.test(last.text);
}

function joinLines(group: readonly Line[]): Line {
  const spans: Span[] = [];
  group.forEach((g, i) => {
    // The space of a wrapped link belongs to the link: "[Progressive Delivery with\nFlagger](…)".
    const prev = spans[spans.length - 1];
    const next = g.spans[0];
    if (i > 0) spans.push(prev && next && prev.url === next.url && prev.strong === next.strong ? { ...prev, text: ' ' } : span(' '));
    spans.push(...g.spans);
  });
  return { spans, line: group[0]?.line ?? 1 };
}

/** A piece of a line's spans, as [from, to) character offsets. */
export function sliceSpans(t: TextLine, from: number, to: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const s of t.spans) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + s.text.length);
    if (b > a) out.push({ ...s, text: s.text.slice(a - at, b - at) });
    at += s.text.length;
  }
  return out;
}

export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** The spans outside the given phrases, with a plain-space gap where each phrase was. */
export function withoutPhrases(t: TextLine, phrases: readonly WhenPhrase[]): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const p of phrases) {
    out.push(...sliceSpans(t, at, p.from), span(' '));
    at = Math.max(at, p.to);
  }
  out.push(...sliceSpans(t, at, t.text.length));
  return out;
}

export { lineText };
