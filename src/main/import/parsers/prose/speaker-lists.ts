// Speaker lists as schedules write them, after a title, in a column or on a line of their own:
//   "Thomas Graf, Bill Mulligan & Liz Rice, Isovalent; Purvi Desai, Google"
//   "Zihao Rao & Huxing Zhang & Wanqi Yang, Alibaba Cloud & Jared Tan, DaoCloud"
//   "Ryan Hallisey, Software Engineer, Red Hat and Daniel Gonzalez Nothnagel, Cloud Infrastructure Developer, SAP"
//   "Sebastian Scheele, Co-founder and CEO, Loodse"            (a role with "and" in it)
//   "Matteo Collina @mcollina", "@kjin , @yunong", "Beth Griggs (@BethGriggs)", "Prof. Thomas A. Funkhouser"
//
// Policy: after a comma, a part is a new person only when it is shaped like a person's name
// (capitalised words, no company or job words); otherwise it is the previous person's company
// or role. "&", "and", ";", "/" always start a new person. Groups ("organizers", "kcp
// contributors", "GNU Guix maintainers") are never people.

export interface NamedSpeaker {
  name: string;
  affiliation: string | null;
  role?: string | null;
}

export interface SpeakerList {
  speakers: NamedSpeaker[];
  /** A company or several joined names: clearly a speaker list, not a subtitle. */
  clear: boolean;
}

export interface ListOptions {
  /** A column or line that only holds people: comma-separated single words are names too. */
  namesOnly?: boolean;
}

const PARTICLES = new Set([
  'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'das', 'dos', 'du', 'la', 'le', 'di', 'bin', 'binti',
  'al', 'el', 'y', 'ter', 'ten', 'zu', 'af', 'e', 'st.'
]);

/** Words that turn up capitalised in titles but not in names. */
export const NOT_NAME_WORDS = new Set([
  'panel', 'discussion', 'keynote', 'talk', 'talks', 'workshop', 'session', 'part', 'intro', 'introduction', 'closing',
  'opening', 'remarks', 'break', 'lunch', 'coffee', 'demo', 'tutorial', 'day', 'track', 'lightning', 'welcome', 'update',
  'updates', 'deep', 'dive', 'the', 'with', 'for', 'how', 'why', 'what', 'your', 'our', 'using', 'building', 'beyond',
  'lessons', 'learned', 'and', 'or', 'of', 'in', 'on', 'to', 'a', 'an', 'is', 'are', 'kernel', 'unlocking', 'api',
  'apis', 'cloud', 'native', 'kubernetes', 'q&a', 'ama', 'office', 'hours', 'meetup', 'party', 'reception', 'tbd',
  'tba', 'registration', 'networking', 'sponsored', 'ebpf', 'organizers', 'organisers', 'organizer', 'organiser', 'team',
  'staff', 'contributors', 'maintainers', 'chairs', 'volunteers', 'everyone', 'all', 'various', 'speakers', 'hosts',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'free', 'pause', 'break.', 'session.', 'will',
  'be', 'presenting', 'edition'
]);


/** Words of job titles: a comma part made of them is a role, not a person. */
const ROLE_WORDS = new Set([
  'engineer', 'engineering', 'developer', 'architect', 'manager', 'director', 'maintainer', 'founder', 'co-founder', 'cofounder',
  'ceo', 'cto', 'cfo', 'coo', 'cio', 'vp', 'president', 'lead', 'senior', 'sr.', 'staff', 'principal', 'head', 'consultant',
  'consulting', 'advocate', 'evangelist', 'scientist', 'researcher', 'professor', 'student', 'contributor', 'member', 'chair',
  'officer', 'specialist', 'analyst', 'designer', 'owner', 'product', 'program', 'programme', 'community', 'technical',
  'relations', 'devrel', 'sre', 'intern', 'fellow', 'partner', 'executive', 'chief', 'associate', 'assistant', 'expert',
  'author', 'editor', 'writer', 'coordinator', 'strategist', 'administrator', 'operator', 'manager,', 'infrastructure', 'software'
]);

/** Words of company names. */
const ORG_WORDS = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'co.', 'labs', 'lab', 'cloud', 'security', 'bank', 'university',
  'universität', 'université', 'college', 'institute', 'school', 'systems', 'software', 'technologies', 'technology', 'tech',
  'foundation', 'group', 'gmbh', 'ltd', 'ltd.', 'llc', 'ag', 'sa', 'bv', 'plc', 'registry', 'container', 'motor', 'networks',
  'solutions', 'services', 'consulting', 'research', 'studio', 'studios', 'media', 'digital', 'data', 'hat', 'io', 'ai',
  'integrations', 'analytics', 'computing', 'platform', 'platforms', 'health', 'energy', 'games', 'hq', 'interactive', 'project',
  'independent', 'freelance', 'self-employed', 'financial', 'capital', 'partners', 'ventures', 'insurance', 'agency', 'network'
]);

const CORPORATE_SUFFIX = /^(?:inc\.?|ltd\.?|llc|gmbh|corp\.?|ag|sa|bv|plc|s\.a\.)$/i;
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
/** A word shaped like part of a person's name: "Liz", "McLean", "O'Leary", "Conway-Jones", "T.", "Nelo-T.". */
const PERSON_WORD = /^(?:\p{Lu}\.|(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz)?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}(?:[\p{Ll}\p{M}'’]+|\.))*\.?|\p{Lu})$/u;
const HANDLE = /^@[\w-]{1,39}$/u;
const HONORIFIC = /^(?:prof|dr|mr|mrs|ms|mx|sir|dame)\.?\s+/i;

/** True when a string reads as a person's name: 1-6 capitalised words, no digits or sentence marks. */
export function isPlausibleName(name: string): boolean {
  const text = name.trim();
  if (HANDLE.test(text)) return true;
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

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((w) => w.length > 0);
}

function hasWordFrom(text: string, set: ReadonlySet<string>): boolean {
  return words(text).some((w) => set.has(w.toLowerCase().replace(/,$/, '')));
}

/** Shaped like a person: capitalised name words, no job or company words. */
function looksLikePerson(text: string, singleWordOk: boolean): boolean {
  if (HANDLE.test(text.trim())) return true;
  if (!isPlausibleName(text) || hasWordFrom(text, ROLE_WORDS) || hasWordFrom(text, ORG_WORDS)) return false;
  const ws = words(text).filter((w) => !(PARTICLES.has(w.toLowerCase()) && w === w.toLowerCase()));
  if (!ws.every((w) => PERSON_WORD.test(w) || INITIALS.test(w))) return false;
  return ws.length >= 2 || singleWordOk;
}

/** "Flynn -" → "Flynn": Sched pads single names with a dash. */
export function cleanSpeakerName(name: string): string {
  return name
    .replace(/^[\s\-–—]+/u, '')
    .replace(/[\s\-–—]+$/u, '')
    .replace(/\s+/g, ' ');
}

function isPlausibleAffiliation(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return false;
  if (/[:?!()[\]{}|<>"“”]|https?:/u.test(t)) return false;
  return t.split(/\s+/).length <= 8;
}

type Sep = 'start' | 'comma' | 'new';

/** Handles as separators: "Matteo Collina @mcollina" → "Matteo Collina"; "@a @b" → "@a; @b". */
function normaliseHandles(text: string): string {
  if (!text.includes('@')) return text;
  return text
    .replace(/\s*\(@[\w-]{1,39}\)/gu, '')
    .replace(/(?<=(?:^|\s)\p{Lu}[\p{L}'’.-]*)\s+@[\w-]{1,39}(?=\s|$|[,;&])/gu, ';')
    .replace(/(?<=@[\w-]{1,39})\s+(?=@)/gu, '; ')
    .replace(/;\s*(?=[,;&]|and\b|$)/gu, '');
}

function chunks(text: string): { text: string; sep: Sep }[] {
  const out: { text: string; sep: Sep }[] = [];
  let sep: Sep = 'start';
  const re = /\s*(;|,|&|\/|\band\b|\bet\b|\bund\b)\s*/giu;
  let at = 0;
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(at, m.index), sep });
    sep = m[1] === ',' ? 'comma' : 'new';
    at = m.index + m[0].length;
  }
  out.push({ text: text.slice(at), sep });
  return out.map((c) => ({ ...c, text: cleanSpeakerName(c.text.replace(HONORIFIC, '')) })).filter((c) => c.text.length > 0 || c.sep === 'start');
}

interface Person {
  name: string;
  tail: string[];
}

function finish(p: Person): NamedSpeaker {
  const tail = [...p.tail];
  if (tail.length >= 2 && CORPORATE_SUFFIX.test(tail[tail.length - 1] ?? '')) {
    const suffix = tail.pop()!;
    tail[tail.length - 1] += `, ${suffix}`;
  }
  if (tail.length === 0) return { name: p.name, affiliation: null, role: null };
  if (tail.length === 1) {
    const only = tail[0]!;
    return hasWordFrom(only, ROLE_WORDS) && !hasWordFrom(only, ORG_WORDS) ? { name: p.name, affiliation: null, role: only } : { name: p.name, affiliation: only, role: null };
  }
  return { name: p.name, affiliation: tail[tail.length - 1] ?? null, role: tail.slice(0, -1).join(', ') };
}

/** Parse "A, Co & B, Co; C, Co" into names, companies and roles; null when it is not a speaker list. */
export function parseSpeakerList(text: string, opts: ListOptions = {}): SpeakerList | null {
  let trimmed = text.trim().replace(/^\((.*)\)$/su, '$1').replace(/[.\s]+$/u, '').trim();
  if (trimmed.length === 0 || trimmed.length > 600) return null;
  trimmed = normaliseHandles(trimmed);
  const lenient = opts.namesOnly === true;
  const people: Person[] = [];
  let runStart = 0;
  let clear = false;
  for (const c of chunks(trimmed)) {
    if (c.text.length === 0) continue;
    const last = people[people.length - 1];
    if (!last) {
      if (!isPlausibleName(c.text) || hasWordFrom(c.text, ROLE_WORDS)) return null;
      people.push({ name: c.text, tail: [] });
      continue;
    }
    if (c.sep !== 'comma') {
      if (isPlausibleName(c.text) && !hasWordFrom(c.text, ROLE_WORDS)) {
        people.push({ name: c.text, tail: [] });
        clear = true;
      } else if (last.tail.length > 0 && isPlausibleAffiliation(c.text)) {
        // "Co-founder and CEO": the "and" joined two words of one role.
        last.tail[last.tail.length - 1] += ` and ${c.text}`;
      } else return null;
      continue;
    }
    if (looksLikePerson(c.text, lenient)) {
      people.push({ name: c.text, tail: [] });
      clear = true;
      continue;
    }
    if (!isPlausibleAffiliation(c.text)) return null;
    last.tail.push(c.text);
    clear = true;
    if (last.tail.length === 1 && !(hasWordFrom(c.text, ROLE_WORDS) && !hasWordFrom(c.text, ORG_WORDS))) {
      // "Edie Yang & Akshita Agarwal, Airbnb": a company closes the run of names before it.
      for (let i = runStart; i < people.length - 1; i++) {
        const p = people[i]!;
        if (p.tail.length === 0) p.tail.push(c.text);
      }
    }
    runStart = people.length;
  }
  const speakers = people.filter((p) => HANDLE.test(p.name) || !hasWordFrom(p.name, NOT_NAME_WORDS)).map(finish);
  if (speakers.length === 0) return null;
  return { speakers, clear: clear || speakers.length > 1 };
}

/** True when a text is only people (a "Speakers" cell, a "> by …" line). */
export function isNameList(text: string): boolean {
  const list = parseSpeakerList(text);
  return list !== null && list.speakers.every((s) => looksLikePerson(s.name, true));
}

export { looksLikePerson };
