// Which parser a document needs. Content decides; the file extension only breaks a tie when
// the content says nothing clear (a Markdown file without links, a CSV with odd headers).
import type { ImportFormat } from '../../shared/domain.ts';
import { mapColumns, readCsv } from './parsers/csv/read.ts';
import { parseDateLine } from './parsers/prose/date-lines.ts';

/** Only the head is looked at: every format announces itself early. */
const HEAD_CHARS = 256 * 1024;
const HEAD_LINES = 3000;
const MAX_LINE = 2000;

const SCHED_RANGE =
  /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day [A-Z][a-z]{2,8} \d{1,2}, \d{4} \d{1,2}:\d{2}[ap]m - [^\n]{3,60}$/;
const SCHED_SLOT = /^\d{1,2}:\d{2}[ap]m [A-Z]{2,5}$/;
const SCHED_DISPLAYED = /schedule is automatically displayed in/i;
const SCHED_OFFSET = /\(UTC ?[+-]\d{1,2}\)/;

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  ics: 'ics',
  ical: 'ics',
  ifb: 'ics',
  xml: 'frab-xml',
  json: 'schedule-json',
  csv: 'csv',
  tsv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  txt: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html'
};

function extensionOf(fileName: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '');
  return m?.[1]?.toLowerCase() ?? '';
}

function firstLines(head: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (out.length < HEAD_LINES && pos <= head.length) {
    const nl = head.indexOf('\n', pos);
    const end = nl === -1 ? head.length : nl;
    out.push(end - pos > MAX_LINE ? '' : head.slice(pos, end).replace(/\r$/, ''));
    if (nl === -1) break;
    pos = nl + 1;
  }
  return out;
}

function looksLikeJsonSchedule(text: string, head: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const o = value as Record<string, unknown>;
    return 'schedule' in o || Array.isArray(o['events']) || '$schema' in o || ('conference' in o && 'days' in o);
  } catch {
    // Broken JSON that still says what it wanted to be: let its parser explain the error.
    return /"schedule"\s{0,20}:/.test(head);
  }
}

/** How much of the head is read as CSV to look for a header and a few rows. */
const CSV_SAMPLE = 64 * 1024;

/**
 * A header whose names look like a title and a start (in English, German, French or Spanish), or
 * a short-named header with rows of the same width. Read with the CSV importer's own reader, so
 * quoted cells and delimiters count exactly as they will when the file is imported.
 */
function looksLikeCsv(head: string): boolean {
  const { records } = readCsv(head.slice(0, CSV_SAMPLE), 6);
  const [headerRecord, ...rows] = records;
  if (!headerRecord) return false;
  const header = headerRecord.cells.map((c) => c.trim());
  if (header.length < 2 || header.join(',').length > 1000) return false;
  const cells = header.map((c) => c.toLowerCase());
  const fields = mapColumns(header);
  const titleLike = fields.includes('title') || cells.some((c) => /^(?:title|name|session|talk|subject|summary|event)\b|title/.test(c));
  const startLike = fields.includes('start') || fields.includes('date') || cells.some((c) => /start|date|time|begin|from|when|^day\b/.test(c));
  if (titleLike && startLike) return true;
  // A table whose headers name only some fields ("Talk, Kickoff, Wrap") is still a table: short
  // header cells and data rows with the same number of cells. The preview then offers the mapping.
  if (cells.length < 3 || cells.some((c) => c.length > 40) || !(titleLike || startLike)) return false;
  return rows.length >= 2 && rows.slice(0, 5).every((r) => r.cells.length === cells.length && r.cells.join(',').length <= 5000);
}

function schedScore(lines: readonly string[]): number {
  let score = 0;
  let ranges = 0;
  let avatars = 0;
  let slots = 0;
  for (const line of lines) {
    const t = line.trim();
    if (SCHED_RANGE.test(t)) ranges++;
    else if (/^avatar for /i.test(t)) avatars++;
    else if (SCHED_SLOT.test(t)) slots++;
    else if (SCHED_DISPLAYED.test(t)) score += 3;
    else if (SCHED_OFFSET.test(t)) score += 1;
  }
  if (ranges > 0) score += 3;
  if (avatars > 0) score += 2;
  if (slots > 0 && ranges > 0) score += 1;
  return score;
}

function markdownScore(lines: readonly string[]): number {
  let score = 0;
  if ((lines[0] ?? '').trim() === '---' && lines.slice(1, 300).some((l) => l.trim() === '---')) score += 2;
  let links = 0;
  let headings = 0;
  let boldDates = 0;
  for (const line of lines) {
    const t = line.trim();
    if (t.includes('](http')) links++;
    if (/^#{1,6}\s/.test(t)) headings++;
    if (boldDates === 0 && /^(?:\*\*|__)/.test(t) && t.length <= 300) {
      const d = parseDateLine(t);
      if (d?.pure && d.start) boldDates++;
    }
  }
  return score + Math.min(links, 3) + Math.min(headings, 2) + boldDates * 3;
}

/** A saved web page: a doctype or an <html>/<head>/<body> element first (comments may precede). */
function looksLikeHtmlPage(opening: string): boolean {
  let o = opening;
  for (let k = 0; k < 20 && o.startsWith('<!--'); k++) {
    const end = o.indexOf('-->');
    if (end < 0) return false;
    o = o.slice(end + 3).trimStart();
  }
  return /^<(?:!doctype\s+html|html|head|body)[\s>]/i.test(o);
}

/** The format of a document: content first, the extension only as a tie-breaker. */
export function detectFormat(text: string, fileName?: string): ImportFormat {
  const head = text.slice(0, HEAD_CHARS);
  let start = 0;
  while (start < head.length && /[\s\uFEFF]/.test(head.charAt(start))) start++;
  const opening = head.slice(start, start + 4096);

  if (/^BEGIN:VCALENDAR/i.test(opening) || /^BEGIN:VCALENDAR\s*$/im.test(head.slice(0, 8192))) return 'ics';
  if (opening.startsWith('<')) {
    if (/<schedule[\s>]/.test(head) || (/<conference[\s>]/.test(head) && /<event[\s>]/.test(head))) return 'frab-xml';
    if (looksLikeHtmlPage(opening)) return 'html';
  }
  if ((opening.startsWith('{') || opening.startsWith('[')) && looksLikeJsonSchedule(text, head)) return 'schedule-json';

  const lines = firstLines(head);
  if (looksLikeCsv(head.slice(start))) return 'csv';
  const sched = schedScore(lines);
  const markdown = markdownScore(lines);
  if (sched >= 3 && sched >= markdown) return 'sched-text';
  if (markdown >= 3) return 'markdown';

  const byExtension = BY_EXTENSION[extensionOf(fileName)];
  return byExtension ?? 'text';
}
