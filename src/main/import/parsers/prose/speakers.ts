// Speaker lists as the text formats write them after a title:
//   "Title - Dave Protasowski, Broadcom"
//   "Title - Lior Lieberman, Google & Surya Seetharaman, Red Hat"
//   "Title - Edie Yang & Akshita Agarwal, Airbnb"               (one company for both)
//   "Title - Keith Mattix, Microsoft; John Howard, Google; …"
//   "Title`- Christine Kim, Isovalent"                           (typo in the separator)
// and the names that must NOT be read as speakers: "Documentary Film - eBPF: Unlocking the Kernel".
//
// Policy: only the last dash separates title from speakers (a title may contain " - "; a name
// never does); the part after it must read as names, and — unless the document lists the
// speakers elsewhere — carry a company or join several names, so "Keynote - Opening Remarks"
// stays a title.

import { cleanSpeakerName, isPlausibleName, looksLikePerson, parseSpeakerList, type NamedSpeaker, type SpeakerList } from './speaker-lists.ts';

export { cleanSpeakerName, isPlausibleName, parseSpeakerList, type NamedSpeaker, type SpeakerList };

// A dash with space (or a stray backtick/quote, or a closing parenthesis) before it and space
// after it; also "…in the Cloud- Deepak Bansal, Microsoft" where the space before the dash is
// missing (the part after it must then be a clear speaker list).
const SEPARATOR = /(?:\s|[`´'’)])[-–—]{1,2}\s+|(?<=\p{L})-\s+(?=\p{Lu})/gu;

export interface TitleAndSpeakers {
  title: string;
  speakers: NamedSpeaker[];
}

/**
 * Split "Title - Speaker, Company & …" at its last dash. `knownNames` (a Speakers block, say)
 * lets a bare name count: "Opening Remarks - Priyanka Sharma" with Priyanka listed elsewhere.
 */
export function splitTitleAndSpeakers(text: string, knownNames: readonly string[] = [], opts: SplitOptions = {}): TitleAndSpeakers {
  const whole = text.trim();
  if (whole.length > 1000) return { title: whole, speakers: [] };
  let last: RegExpExecArray | null = null;
  for (const m of whole.matchAll(SEPARATOR)) last = m;
  if (!last) return { title: whole, speakers: [] };
  const tight = !/\s/.test(last[0].charAt(0)) && !/[`´'’)]/.test(last[0].charAt(0));
  const title = whole.slice(0, last.index + (/[)]/.test(last[0].charAt(0)) ? 1 : 0)).replace(/[\s`´'’]+$/u, '').trim();
  const list = parseSpeakerList(whole.slice(last.index + last[0].length), { namesOnly: opts.bareName === true });
  if (!list || title.length === 0) return { title: whole, speakers: [] };
  const known = list.speakers.some((s) => knownNames.some((k) => matchNames(k, s.name) !== null));
  const bare = opts.bareName === true && list.speakers.every((s) => looksLikePerson(s.name, true));
  if (!list.clear && !known && !bare) return { title: whole, speakers: [] };
  // "Beyond a Single Mesh - Discovery, Identity and Federation": words, not people. A one-word
  // name counts only beside a full name ("…; Flynn, Buoyant") or when the document knows it.
  const full = list.speakers.some((s) => looksLikePerson(s.name, false));
  if (!known && !bare && !(full && list.speakers.every((s) => looksLikePerson(s.name, true)))) return { title: whole, speakers: [] };
  if (tight && !list.speakers.every((s) => s.affiliation !== null && looksLikePerson(s.name, false))) return { title: whole, speakers: [] };
  return { title, speakers: list.speakers };
}

export interface SplitOptions {
  /** A single bare name counts ("Security, modules and Node.js - Guy Bedford" in a grid cell). */
  bareName?: boolean;
}

const BY = /\s(?:(?:presented|led|hosted|chaired|moderated|given|delivered)\s+)?by\s+/giu;

/**
 * Split "Title by Name & Name" at its last "by". The part after it must read as people, at
 * least one with a full name (or a handle), so "Stand by Me" stays a title.
 */
export function splitTitleBy(text: string): TitleAndSpeakers {
  const whole = text.trim();
  if (whole.length > 1000) return { title: whole, speakers: [] };
  let last: RegExpExecArray | null = null;
  for (const m of whole.matchAll(BY)) last = m;
  if (!last) return { title: whole, speakers: [] };
  const title = whole.slice(0, last.index).replace(/[\s,;:-]+$/u, '').trim();
  const list = parseSpeakerList(whole.slice(last.index + last[0].length));
  if (!list || title.length === 0) return { title: whole, speakers: [] };
  if (!list.speakers.some((s) => /^@|\s/.test(s.name.trim()))) return { title: whole, speakers: [] };
  return { title, speakers: list.speakers };
}

function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * How two spellings of a name relate: 'same' ("Louis De Los Santos" / "Louis DeLosSantos"),
 * 'a-shorter' when a's words begin b's ("Akshita" / "Akshita Agarwal"), 'b-shorter', or null.
 */
export function matchNames(a: string, b: string): 'same' | 'a-shorter' | 'b-shorter' | null {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return null;
  if (wa.join('') === wb.join('')) return 'same';
  const prefix = (x: string[], y: string[]): boolean => x.length < y.length && x.every((w, i) => y[i] === w);
  if (prefix(wa, wb)) return 'a-shorter';
  if (prefix(wb, wa)) return 'b-shorter';
  return null;
}
