// Text fields of schedule feeds: FOSDEM ships escaped HTML, pretalx and the CCC hub ship
// Markdown, some feeds ship plain text indented by their XML template. HTML becomes plain text
// with paragraphs; everything else is kept as written, minus template indentation.
//
// Every pattern here is bounded ({0,2000}) so a huge single line cannot make a regex quadratic.

const HTML_TAG =
  /<\/?(?:p|br|div|span|a|ul|ol|li|em|strong|b|i|u|code|pre|h[1-6]|blockquote|img|hr|table|tr|td|th|sup|sub|small)\b[^<>]{0,2000}>/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  ccedil: 'ç'
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/\s+/g, ' ')
      .replace(/<br\b[^<>]{0,2000}>/gi, '\n')
      .replace(/<li\b[^<>]{0,2000}>/gi, '\n- ')
      .replace(/<\/?(?:p|div|h[1-6]|blockquote|pre|ul|ol|table|tr|hr)\b[^<>]{0,2000}>/gi, '\n\n')
      .replace(/<a\b[^<>]{0,2000}?href="([^"<>]{1,2000})"[^<>]{0,2000}>([^<]{0,2000})<\/a>/gi, (_m, href: string, label: string) =>
        label.trim() === '' || label.trim() === href ? href : `${label} (${href})`
      )
      .replace(/<\/?[a-z][^<>]{0,2000}>/gi, '')
      // "<li><p>item</p>" would leave the bullet alone on its line.
      .replace(/\n- [ \n]*/g, '\n- ')
  ).replace(/^ +| +$/gm, '');
}

/**
 * Plain text or Markdown, tidied in one pass over its lines: trailing spaces cut, runs of blank
 * lines collapsed, and the indentation every line after the first shares removed (an XML
 * template's, not the author's; 4+ spaces so Markdown's own nesting is left alone).
 */
function tidyLines(text: string): string {
  if (!text.includes('\n')) return text.trim();
  const lines = text.split('\n');
  let indent = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lead = line.length - line.trimStart().length;
    if (lead < line.length && lead < indent) indent = lead;
  }
  const cut = indent >= 4 && indent !== Infinity ? indent : 0;
  const out: string[] = [];
  let blank = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').trimEnd();
    if (cut > 0 && i > 0) line = line.slice(cut);
    if (line === '') {
      if (++blank > 1) continue;
    } else blank = 0;
    out.push(line);
  }
  return out.join('\n').trim();
}

/** A feed's text field as the app shows it, or null when empty. */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  text = tidyLines(text.includes('<') && HTML_TAG.test(text) ? htmlToText(text) : text);
  return text === '' ? null : text;
}

/** A one-line field (title, room, name): whitespace collapsed, HTML entities decoded. */
export function cleanLine(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const decoded = decodeEntities(raw);
  const text = (/\s\s|[\t\n\r\f\v\u00a0]/.test(decoded) ? decoded.replace(/\s+/g, ' ') : decoded).trim();
  return text === '' ? null : text;
}

/** Abstract first, then description, separated by a blank line; one of them when one repeats the other. */
export function joinDescription(abstract: string | null, description: string | null): string | null {
  if (abstract === null) return description;
  if (description === null || abstract === description) return abstract;
  // Both are already tidied by cleanText, so plain prefix tests catch the usual repeats.
  if (description.startsWith(abstract)) return description;
  if (abstract.startsWith(description)) return abstract;
  return `${abstract}\n\n${description}`;
}
