// Text fields of calendar events: HTML descriptions to readable text, LOCATION to venue and
// room, and a conference title from whatever the calendar says about itself.
import { decodeHTMLStrict } from 'entities';

const BLOCK_TAG = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr)\b[^>]*>/i;
const ANY_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]*>/i;

/** Spaces around a line break, or three breaks in a row: what the tidy-up below removes. */
function hasMessyBreaks(text: string): boolean {
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 1);
    if (before === 32 || before === 9 || before === 160 || after === 32 || after === 9) return true;
    if (after === 10 && text.charCodeAt(at + 2) === 10) return true;
  }
  return false;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·', euro: '€', copy: '©'
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A description as plain text. HTML with block markup (linux.conf.au's `<p>…</p>`) is read with
 * HTML's whitespace rules and keeps its paragraphs as blank-line breaks; text with only inline
 * tags (`<i>die</i>`) keeps its own line breaks and just loses the tags.
 */
export function descriptionText(raw: string): string | null {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('<') && ANY_TAG.test(text)) {
    if (BLOCK_TAG.test(text)) {
      text = text
        .replace(/\s+/g, ' ')
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<li\b[^>]*>/gi, '\n• ')
        .replace(/<\/(?:p|div|h[1-6]|blockquote|pre|ul|ol|table)>/gi, '\n\n')
        .replace(/<(?:p|div|h[1-6]|blockquote|pre|ul|ol|table|tr)\b[^>]*>/gi, '\n\n')
        .replace(/<\/tr>/gi, '\n')
        .replace(/<\/li>/gi, '');
    }
    text = decodeEntities(text.replace(/<\/?[a-z][a-z0-9]*\b[^<>]*>/gi, '').replace(/<!--[\s\S]*?-->/g, ''));
  }
  // Tidy line breaks only where there is something to tidy: most descriptions need nothing.
  const messy = hasMessyBreaks(text);
  if (messy) {
    text = text
      .replace(/[ \t\u00a0]+\n/g, '\n')
      .replace(/\n[ \t]+/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  text = text.trim();
  return text.length > 0 ? text : null;
}

/**
 * Sched's exports write text fields HTML-escaped ("Turks &amp; Caicos", "&#39;", "&quot;"); they
 * say so in their PRODID ("-//Sched.com JoCo Cruise 2024//EN"). No other writer is trusted to
 * have escaped: a literal "&amp;" in a Google calendar title is what its author typed.
 */
export function isSchedCalendar(prodid: string | undefined): boolean {
  return prodid !== undefined && /\bsched\b/i.test(prodid);
}

/**
 * One of Sched's escaped text values as plain text. Only entities closed by ";" are decoded
 * (`entities`' strict mode), so "Q&A", "AT&T" and "R&D" stay as written.
 */
export function unescapeSchedText(text: string | null): string | null {
  return text !== null && text.includes('&') ? decodeHTMLStrict(text) : text;
}

/**
 * LOCATION → venue and room. "Venue | Room" and "Venue - Room" split (the first part is the
 * venue, the rest the room); anything else is all room, because commas in LOCATION usually
 * belong to one place ("Hudson Room, Deck 3, Forward").
 */
export function splitLocation(raw: string | null): { venue: string | null; room: string | null } {
  if (!raw) return { venue: null, room: null };
  const messy = raw.includes('  ') || raw.includes('\n') || raw.includes('\t') || raw.includes('\r');
  const text = (messy ? raw.replace(/\s+/g, ' ') : raw).trim();
  if (!text) return { venue: null, room: null };
  for (const separator of [' | ', ' - ', ' – ']) {
    const at = text.indexOf(separator);
    if (at > 0) {
      const venue = text.slice(0, at).trim();
      const room = text.slice(at + separator.length).trim();
      if (venue && room) return { venue, room };
    }
  }
  return { venue: null, room: text };
}

// PRODIDs that name the software that wrote the file, not the conference.
const SOFTWARE = /\b(google|microsoft|exchange|outlook|apple|mac ?os|ical|mozilla|thunderbird|lightning|owncloud|nextcloud|test|hacksw|handcal|meetup|lanyrd|icalendar|ics|generator|zoho|yahoo|fastmail|calendar|clashless)\b/i;

/** "-//Sched.com JoCo Cruise 2024//EN" → "JoCo Cruise 2024"; "-//linux.conf.au/schedule//EN" → "linux.conf.au". */
export function titleFromProdid(prodid: string | undefined): string | null {
  if (!prodid) return null;
  const parts = prodid.split('//').map((part) => part.replace(/^-/, '').trim()).filter(Boolean);
  const owner = parts[0];
  if (!owner || SOFTWARE.test(owner)) return null;
  const title = owner
    .replace(/^sched\.com\s+/i, '')
    .replace(/\/(schedule|calendar|programme|program|ics|ical)$/i, '')
    .trim();
  return title.length >= 2 && title.length <= 120 ? title : null;
}

/** File names that say nothing about the conference. */
const GENERIC_FILE = /^(all|basic|calendar|cal|events?|export|schedule|invite|download|feed|ical|ics|agenda|basic-\d+)$/i;

export function titleFromFileName(fileName: string | undefined): { title: string; generic: boolean } | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const title = base.replace(/\.(ics|ical|ifb|icalendar|txt)$/i, '').trim();
  if (!title) return null;
  return { title, generic: GENERIC_FILE.test(title) };
}
