// How a search result is shown: which entries come first and which words light up.
//
// The search index (SQLite FTS5 in the store) decides *what* matches; this decides how the matches
// are shown. Words are compared the way the index compares them: case and accents folded, split
// where the index splits (shared/search-words.ts), every typed word a prefix of a word in the text (the
// index takes only the last one as a prefix; lighting up "hack" in "hacking" when "hack jeo" is
// typed costs nothing and reads naturally). Pure, so it is tested without a browser.
import type { Session, SessionSummary } from '../../../../shared/domain.ts';
import { splitWords, wordPattern } from '../../../../shared/search-words.ts';

/** Lower-case, accent-free form of text, as the search index folds it. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a typed search, folded; empty when there is nothing to look for. */
export function searchWords(query: string): string[] {
  // Split before folding, as the store's ftsQuery does: a combining mark between letters (a
  // strike-through "l̶a̶n̶e̶") separates words for the index.
  return splitWords(query.normalize('NFKC'))
    .map(fold)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their places in the original string (offsets survive folding per character). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = wordPattern();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = fold(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A piece of text, lit when it matches a typed word. */
export interface TextPart {
  text: string;
  hit: boolean;
}

/** Text cut into lit and unlit parts: the prefix of each word that a typed word matches is lit. */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  if (words.length === 0 || text === '') return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let at = 0;
  for (const t of tokens(text)) {
    const best = Math.max(0, ...words.filter((w) => t.word.startsWith(w)).map((w) => w.length));
    if (best === 0) continue;
    // The folded prefix length maps back to the original characters one to one, except where an
    // accent was folded away: then light the whole word.
    const end = fold(text.slice(t.start, t.start + best)) === t.word.slice(0, best) ? t.start + best : t.end;
    if (t.start > at) parts.push({ text: text.slice(at, t.start), hit: false });
    parts.push({ text: text.slice(t.start, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

function coversAll(text: string, words: readonly string[]): boolean {
  const have = tokens(text).map((t) => t.word);
  return words.every((w) => have.some((h) => h.startsWith(w)));
}

/**
 * How well a session answers a search, 0 best: the title is exactly the words typed (0), or
 * begins with them (1), or holds them all (2); they are all among title, speakers, track and room
 * (3); or only the abstract makes it a match (4).
 */
export function matchRank(session: SessionSummary, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const title = tokens(session.title).map((t) => t.word);
  if (title.length === words.length && title.every((w, i) => (i === words.length - 1 ? w.startsWith(words[i]!) : w === words[i]))) return 0;
  if (words.every((w, i) => title[i]?.startsWith(w))) return 1;
  if (coversAll(session.title, words)) return 2;
  const visible = [session.title, ...session.speakerNames, session.track ?? '', session.room ?? '', session.venue ?? ''].join(' ');
  if (coversAll(visible, words)) return 3;
  return 4;
}

/** Matches with the best answers first; schedule order within each rank (the sort is stable). */
export function rankMatches(rows: readonly SessionSummary[], words: readonly string[]): SessionSummary[] {
  if (words.length === 0) return [...rows];
  const ranks = new Map(rows.map((s) => [s.id, matchRank(s, words)]));
  return [...rows].sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)!);
}

/**
 * Where the abstract matched, when nothing on the row shows why the entry is here: about `width`
 * characters around the first lit word, cut at word boundaries, with "…" where text was left out.
 */
export function abstractSnippet(description: string | null, words: readonly string[], width = 90): TextPart[] | null {
  if (!description || words.length === 0) return null;
  const text = description.replace(/\s+/g, ' ').trim();
  const first = tokens(text).find((t) => words.some((w) => t.word.startsWith(w)));
  if (!first) return null;
  let from = Math.max(0, first.start - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  // Start at a word, but never after the hit (a long URL or compound before it has no space).
  if (from > 0) from = Math.min(first.start, text.indexOf(' ', from) + 1 || from);
  if (to < text.length) to = text.lastIndexOf(' ', to) > first.end ? text.lastIndexOf(' ', to) : to;
  const parts = highlightParts(text.slice(from, to), words);
  if (from > 0) parts.unshift({ text: '…', hit: false });
  if (to < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/** Every column the search index holds for a session, as one text. */
function indexedText(session: Session): string {
  const speakers = session.speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · ');
  return [session.title, session.description ?? '', speakers, session.track ?? '', session.room ?? ''].join(' \n ');
}

/** The folded words of every column the search index holds for a session. */
export function indexedWords(session: Session): Set<string> {
  return new Set(tokens(indexedText(session)).map((t) => t.word));
}

/**
 * The search index's own rule, restated over `indexedWords`: every typed word is a whole word of
 * the session's indexed text, the last one a prefix. Not used to search (the index does that); it
 * exists so a test can hold this file's folding and word splitting to SQLite's
 * (tests/integration/search-match.test.ts).
 */
export function matchesLikeIndex(have: ReadonlySet<string>, words: readonly string[]): boolean {
  return words.every((w, i) => (i === words.length - 1 ? [...have].some((h) => h.startsWith(w)) : have.has(w)));
}
