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

export interface NamedSpeaker {
  name: string;
  affiliation: string | null;
}

const PARTICLES = new Set([
  'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'das', 'dos', 'du', 'la', 'le', 'di', 'bin', 'binti',
  'al', 'el', 'y', 'ter', 'ten', 'zu', 'af', 'e', 'st.'
]);

/** Words that turn up capitalised in titles but not in names. */
const NOT_NAME_WORDS = new Set([
  'panel', 'discussion', 'keynote', 'talk', 'talks', 'workshop', 'session', 'part', 'intro', 'introduction', 'closing',
  'opening', 'remarks', 'break', 'lunch', 'coffee', 'demo', 'tutorial', 'day', 'track', 'lightning', 'welcome', 'update',
  'updates', 'deep', 'dive', 'the', 'with', 'for', 'how', 'why', 'what', 'your', 'our', 'using', 'building', 'beyond',
  'lessons', 'learned', 'and', 'or', 'of', 'in', 'on', 'to', 'a', 'an', 'is', 'are', 'kernel', 'unlocking', 'api',
  'apis', 'cloud', 'native', 'kubernetes', 'q&a', 'ama', 'office', 'hours', 'meetup', 'party', 'reception', 'tbd',
  'tba', 'registration', 'networking', 'sponsored', 'ebpf'
]);

const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/** True when a string reads as a person's name: 1-6 capitalised words, no digits or sentence marks. */
export function isPlausibleName(name: string): boolean {
  const text = name.trim();
  if (text.length === 0 || text.length > 60) return false;
  if (/[\d:?!()[\]{}/\\|@#*_=<>"“”]/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 6) return false;
  let real = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (PARTICLES.has(lower) && w === lower) continue;
    if (NOT_NAME_WORDS.has(lower)) return false;
    if (!NAME_WORD.test(w) && !INITIALS.test(w)) return false;
    real++;
  }
  return real > 0;
}

function isPlausibleAffiliation(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return false;
  if (/[:?!()[\]{}|<>"“”]|https?:/u.test(t)) return false;
  return t.split(/\s+/).length <= 8;
}

/** "Flynn -" → "Flynn": Sched pads single names with a dash. */
export function cleanSpeakerName(name: string): string {
  return name
    .replace(/^[\s\-–—]+/u, '')
    .replace(/[\s\-–—]+$/u, '')
    .replace(/\s+/g, ' ');
}

export interface SpeakerList {
  speakers: NamedSpeaker[];
  /** A company or several joined names: clearly a speaker list, not a subtitle. */
  clear: boolean;
}

/** Parse "A, Co & B, Co; C, Co" into names and affiliations; null when it is not a speaker list. */
export function parseSpeakerList(text: string): SpeakerList | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 400) return null;
  const groups = trimmed.split(';').map((g) => g.trim()).filter((g) => g.length > 0);
  const speakers: NamedSpeaker[] = [];
  let clear = groups.length > 1;
  for (const group of groups) {
    const parts = group.split(/\s+(?:&|and)\s+/u);
    if (parts.length > 1) clear = true;
    let pending: NamedSpeaker[] = [];
    for (const part of parts) {
      const comma = part.indexOf(',');
      const name = cleanSpeakerName(comma < 0 ? part : part.slice(0, comma));
      const aff = comma < 0 ? null : part.slice(comma + 1).trim() || null;
      if (!isPlausibleName(name)) return null;
      if (aff !== null && !isPlausibleAffiliation(aff)) return null;
      pending.push({ name, affiliation: aff });
      if (aff !== null) {
        // "Edie Yang & Akshita Agarwal, Airbnb": the company closes the run of names before it.
        for (const p of pending) p.affiliation ??= aff;
        clear = true;
        speakers.push(...pending);
        pending = [];
      }
    }
    speakers.push(...pending);
  }
  return speakers.length > 0 ? { speakers, clear } : null;
}

// A dash with space (or a stray backtick/quote) before it and space after it.
const SEPARATOR = /(?:\s|[`´'’])[-–—]{1,2}\s+/gu;

export interface TitleAndSpeakers {
  title: string;
  speakers: NamedSpeaker[];
}

/**
 * Split "Title - Speaker, Company & …" at its last dash. `knownNames` (a Speakers block, say)
 * lets a bare name count: "Opening Remarks - Priyanka Sharma" with Priyanka listed elsewhere.
 */
export function splitTitleAndSpeakers(text: string, knownNames: readonly string[] = []): TitleAndSpeakers {
  const whole = text.trim();
  if (whole.length > 1000) return { title: whole, speakers: [] };
  let last: RegExpExecArray | null = null;
  for (const m of whole.matchAll(SEPARATOR)) last = m;
  if (!last) return { title: whole, speakers: [] };
  const title = whole.slice(0, last.index).replace(/[\s`´'’]+$/u, '').trim();
  const list = parseSpeakerList(whole.slice(last.index + last[0].length));
  if (!list || title.length === 0) return { title: whole, speakers: [] };
  const known = list.speakers.some((s) => knownNames.some((k) => matchNames(k, s.name) !== null));
  if (!list.clear && !known) return { title: whole, speakers: [] };
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
