// Where a time line's title, people and room are in the unit around it: on the time's own line,
// on another line of the same card, or — in a sentence — the link or bold text before it.
import type { Draft } from './draft.ts';
import { sliceSpans, withoutPhrases, type TextLine } from './lines.ts';
import { isTitleText, cleanTitle, readSpeakerLine, readTitle, type TitleParts } from './titles.ts';
import { fieldValue, isField, placeLine, type TimedPhrase, type UnitInfo } from './units.ts';

export function toParts(d: Draft): TitleParts {
  return { title: d.title, url: d.url, speakers: d.speakers, room: d.room, type: d.type, cancelled: d.cancelled, note: null };
}

export function speakerLines(info: UnitInfo): Draft['speakers'] {
  for (const t of info.lines) {
    if (t.phrases.some((p) => p.start !== null)) continue;
    const people = readSpeakerLine(t.spans);
    if (people && people.length > 0) return people;
  }
  const f = fieldValue(info, 'speakers', 'speaker', 'presenters', 'presenter', 'hosts', 'host');
  return f ? (readSpeakerLine([{ text: f, url: null, strong: false, emphasis: false, code: false }]) ?? []) : [];
}

/** The title written on the time's own line: before the phrase, else after it (up to the next phrase). */
export function ownTitle(tp: TimedPhrase): TitleParts | null {
  const t = tp.line;
  const phrases = t.phrases;
  // One phrase on the line: the title and its tail around it ("[Title](…) 11:00 - 11:30 - A, Co").
  if (phrases.length === 1) return readTitle(withoutPhrases(t, phrases));
  const k = phrases.indexOf(tp.phrase);
  const prevEnd = k > 0 ? phrases[k - 1]!.to : 0;
  const next = phrases[k + 1];
  const beforeSpans = sliceSpans(t, prevEnd, tp.phrase.from);
  const afterText = t.text.slice(tp.phrase.to, next ? next.from : t.text.length);
  const afterSpans = sliceSpans(t, tp.phrase.to, next && !/^\s*\(/.test(afterText) ? next.from : next ? tp.phrase.to : t.text.length);
  const before = readTitle(beforeSpans);
  const after = readTitle(afterSpans);
  if (before && after && k === 0) return mergeParts(before, after);
  return before ?? after;
}

/** "Title - Speakers" before the phrase and a room or people after it. */
function mergeParts(a: TitleParts, b: TitleParts): TitleParts {
  if (isTitleText(a.title) && a.title.length >= 3) return { ...a, room: a.room ?? b.room, speakers: a.speakers.length > 0 ? a.speakers : b.speakers };
  return b;
}

/** In a card (title, time and people on separate lines), the line that holds the title. */
export function cardTitle(info: UnitInfo, timeAt: number, timedLines: ReadonlySet<number>): { title: TitleParts; line: number } | null {
  const candidates: { at: number; title: TitleParts; whole: boolean; strongOnly: boolean; line: TextLine }[] = [];
  info.lines.forEach((t, at) => {
    if (timedLines.has(at) || placeLine(t) !== null || isField(t)) return;
    if (readSpeakerLine(t.spans)) return;
    const title = readTitle(t.spans);
    if (!title) return;
    const visible = t.spans.filter((s) => s.text.trim().length > 0);
    candidates.push({
      at,
      title,
      whole: visible.length > 0 && visible.every((s) => s.url !== null),
      strongOnly: visible.length > 0 && visible.every((s) => s.strong),
      line: t
    });
  });
  const before = candidates.filter((c) => c.at < timeAt);
  const after = candidates.filter((c) => c.at > timeAt);
  const lastBefore = before[before.length - 1];
  const firstAfter = after[0];
  // "**Label**" / time / "[The real title](…)": the bold line was a label.
  const pick = lastBefore && firstAfter?.whole && lastBefore.strongOnly ? firstAfter : (lastBefore ?? firstAfter);
  if (!pick) return null;
  const speakers = pick.title.speakers.length > 0 ? pick.title.speakers : (after.find((c) => c !== pick && c.title.speakers.length > 0)?.title.speakers ?? []);
  return { title: { ...pick.title, speakers }, line: pick.line.line };
}

/** The link or bold text nearest before a phrase in a sentence: what the sentence is about. */
export function proseTitle(tp: TimedPhrase): { title: string; from: string } | null {
  const t = tp.line;
  let best: string | null = null;
  let at = 0;
  for (const s of t.spans) {
    const end = at + s.text.length;
    const inside = t.phrases.some((p) => p.from < end && p.to > at);
    if (end <= tp.phrase.from && !inside && (s.url !== null || s.strong) && isTitleText(s.text) && s.text.trim().length <= 120) best = cleanTitle(s.text);
    at = end;
  }
  return best ? { title: best, from: 'the link or bold text before it in the sentence' } : null;
}

