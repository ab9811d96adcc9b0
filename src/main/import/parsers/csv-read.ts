// Reading CSV text into records (RFC 4180: quoted fields may hold delimiters, doubled quotes and
// line breaks) and matching header names to session fields. Spreadsheet exports vary: the
// delimiter is guessed from the header line, line ends may be CRLF, LF or CR, a BOM may lead.

import { CSV_FIELDS } from '../../../shared/domain.ts';
import type { CsvField } from '../../../shared/domain.ts';

export { CSV_FIELDS };
export type { CsvField };

export interface CsvRecord {
  cells: string[];
  /** Physical line (1-based) where the record starts. */
  line: number;
}

export interface CsvDocument {
  records: CsvRecord[];
  delimiter: string;
  /** Line of a quoted field that never closed (the rest of the text became that field). */
  unclosedQuoteLine: number | null;
}

/** The delimiter the header line uses most: comma, semicolon or tab (outside quotes). */
function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 10_000; i++) {
    const c = text[i] ?? '';
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

/** Split CSV text into records; `limit` stops after that many (csvColumns needs only the header). */
export function readCsv(input: string, limit = Infinity): CsvDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = guessDelimiter(text);
  const records: CsvRecord[] = [];
  let unclosedQuoteLine: number | null = null;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n && records.length < limit) {
    const record: CsvRecord = { cells: [], line };
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          const chunk = q === -1 ? text.slice(i) : text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          if (!chunk.includes('\n')) for (let k = chunk.indexOf('\r'); k !== -1; k = chunk.indexOf('\r', k + 1)) line++;
          cell += chunk;
          if (q === -1) {
            unclosedQuoteLine ??= quoteLine;
            i = n;
            break;
          }
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Text between the closing quote and the delimiter is kept rather than lost.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        cell = text.slice(i, j);
        i = j;
      }
      record.cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (record.cells.some((c) => c.trim() !== '')) records.push(record);
  }
  return { records, delimiter, unclosedQuoteLine };
}

// Header words → field. Longer phrases are tried first, so "start date" is a date and
// "session id" an id, while "session" alone is a title.
const SYNONYMS: Record<CsvField, readonly string[]> = {
  title: ['title', 'name', 'session', 'talk', 'summary', 'subject', 'event', 'session name', 'talk title', 'session title'],
  date: ['date', 'day', 'start date', 'session date'],
  endDate: ['end date'],
  start: ['start', 'from', 'begin', 'begins', 'starts', 'time', 'when', 'start time', 'starting', 'datetime', 'start datetime', 'starts at'],
  end: ['end', 'to', 'until', 'ends', 'finish', 'end time', 'end datetime'],
  duration: ['duration', 'length', 'minutes', 'duration min', 'duration minutes', 'mins'],
  room: ['room', 'location', 'place', 'hall', 'stage', 'room name'],
  venue: ['venue', 'building'],
  speakers: ['speakers', 'speaker', 'presenter', 'presenters', 'speaker names', 'authors', 'author', 'by', 'hosts', 'host', 'moderator'],
  track: ['track', 'category', 'categories', 'stream', 'topic', 'tracks'],
  description: ['description', 'abstract', 'details', 'desc', 'body', 'notes'],
  url: ['url', 'link', 'website', 'web', 'href'],
  type: ['type', 'format', 'kind', 'session type'],
  id: ['id', 'key', 'uid', 'guid', 'session id', 'event id', 'code'],
  timeZone: ['timezone', 'time zone', 'tz', 'zone'],
  status: ['status', 'state']
};

const PHRASES: readonly [string, CsvField][] = Object.entries(SYNONYMS)
  .flatMap(([field, words]) => words.map((w) => [w, field as CsvField] as [string, CsvField]))
  .sort((a, b) => b[0].length - a[0].length);

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function guessField(header: string): CsvField | null {
  const h = normaliseHeader(header.slice(0, 100));
  if (h === '') return null;
  for (const [phrase, field] of PHRASES) if (h === phrase) return field;
  const padded = ` ${h} `;
  for (const [phrase, field] of PHRASES) if (phrase.length > 2 && padded.includes(` ${phrase} `)) return field;
  return null;
}

/**
 * Header → field, one column per field (the first wins). A lone "venue" column stands for the
 * room, the common case in one-venue conferences; with a room column too, it is the venue.
 * `chosen` (from the preview, keyed by exact header text) overrides the guesses; null ignores.
 */
export function mapColumns(header: readonly string[], chosen?: Record<string, CsvField | null>): (CsvField | null)[] {
  const mapping: (CsvField | null)[] = header.map((h) => {
    if (chosen && Object.prototype.hasOwnProperty.call(chosen, h)) {
      const c = chosen[h];
      return c !== undefined && c !== null && CSV_FIELDS.includes(c) ? c : null;
    }
    return guessField(h);
  });
  if (!mapping.includes('room')) {
    const venue = mapping.indexOf('venue');
    if (venue !== -1 && !(chosen && Object.prototype.hasOwnProperty.call(chosen, header[venue] ?? ''))) mapping[venue] = 'room';
  }
  const taken = new Set<CsvField>();
  return mapping.map((field) => {
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
