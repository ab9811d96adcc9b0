// Reading CSV text into records with csv-parse (RFC 4180: quoted fields may hold delimiters,
// doubled quotes and line breaks; a BOM may lead; line ends may be CRLF, LF or CR). Header names
// are matched to session fields in csv/columns.ts.
//
// Three things stay here because csv-parse 7 does not do them for spreadsheet exports; each is
// pinned by a test against csv-parse itself (tests/unit/csv-parser.test.ts, "csv-parse as used"),
// so the day csv-parse does them, the test fails and this code can go:
// - Choosing the delimiter. csv-parse's `delimiter_auto` scans the file with no delimiter at all,
//   so a quoted field next to a ";" throws (CSV_INVALID_CLOSING_QUOTE, INVALID_OPENING_QUOTE),
//   even with relax_quotes: every semicolon export with quotes fails. Here csv-parse reads the
//   first records with each candidate delimiter instead.
// - Line numbers. `info.lines` counts a CRLF inside a quoted field as two lines, so every warning
//   after such a field would name the wrong line. The surplus is subtracted below.
// - A quote that never closes. csv-parse stops there (CSV_QUOTE_NOT_CLOSED) and, with
//   skip_records_with_error, drops the rest of the file. Here the records before it are kept and
//   the rest is read again with quotes as ordinary characters, with a warning naming the line.
import { parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';

export { CSV_FIELDS, mapColumns, normaliseHeader } from './columns.ts';
export type { CsvField } from './columns.ts';

export interface CsvRecord {
  cells: string[];
  /** Physical line (1-based) where the record starts. */
  line: number;
}

/** Something in the text that could not be read as written, and what was done instead. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvDocument {
  records: CsvRecord[];
  delimiter: string;
  problems: CsvProblem[];
}

export const DELIMITERS = [',', ';', '\t'] as const;

/** How many characters and records the delimiter is chosen from. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 20;

const LINE_BREAK = /\r\n|\r|\n/g;

function countBreaks(cells: readonly string[]): { all: number; crlf: number } {
  let all = 0;
  let crlf = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    all += cell.match(LINE_BREAK)?.length ?? 0;
    crlf += cell.match(/\r\n/g)?.length ?? 0;
  }
  return { all, crlf };
}

interface Pass {
  records: CsvRecord[];
  /** Last physical line of the last record read (firstLine - 1 when none was). */
  lastLine: number;
  /** Why csv-parse stopped early, or null when it read to the end (or to the limit). */
  error: { code: string } | null;
}

/**
 * One csv-parse pass over `text`, whose first line is `firstLine` of the document. Records are
 * collected as csv-parse emits them, so the ones before an error are kept.
 */
function readPass(text: string, delimiter: string, quotes: boolean, limit: number, firstLine: number): Pass {
  const records: CsvRecord[] = [];
  let surplus = 0; // CRLFs inside quoted fields so far: csv-parse counted each one twice
  let lastLine = firstLine - 1;
  const options: Options = {
    delimiter,
    bom: true,
    quote: quotes ? '"' : null,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (cells: string[], context) => {
      const breaks = countBreaks(cells);
      surplus += breaks.crlf;
      const end = firstLine - 1 + context.lines - surplus;
      lastLine = end;
      if (records.length < limit && cells.some((c) => c.trim() !== '')) records.push({ cells, line: end - breaks.all });
      return null;
    }
  };
  // `to` counts every record csv-parse makes, blank ones (",,,") too: leave room for some.
  if (limit !== Infinity) options.to = limit + 100;
  try {
    parse(text, options);
    return { records, lastLine, error: null };
  } catch (err) {
    const code = err !== null && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'unknown';
    return { records, lastLine, error: { code } };
  }
}

/** Where (character offset) 1-based `line` begins, counting CRLF, LF and CR as csv-parse does. */
function lineOffset(text: string, line: number): number {
  if (line <= 1) return 0;
  LINE_BREAK.lastIndex = 0;
  let seen = 1;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    if (++seen === line) return m.index + m[0].length;
  }
  return text.length;
}

/** The first line at or after `offset` with something on it, as a line number counted from `line`. */
function firstFilledLine(text: string, offset: number, line: number): number {
  let n = line;
  for (const part of text.slice(offset, offset + 1_000_000).split(/\r\n|\r|\n/)) {
    if (part.trim() !== '') return n;
    n++;
  }
  return line;
}

/**
 * The delimiter the header uses: csv-parse reads the first records with each candidate, and the
 * one that gives the header the most columns wins (then the one whose rows agree with the header
 * most often; then comma, semicolon, tab in that order).
 */
function chooseDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: string = DELIMITERS[0];
  let bestScore = [-1, -1];
  for (const delimiter of DELIMITERS) {
    const { records } = readPass(sample, delimiter, true, SAMPLE_RECORDS, 1);
    const width = records[0]?.cells.length ?? 0;
    const agreeing = records.slice(1).filter((r) => r.cells.length === width).length;
    const [bw = -1, ba = -1] = bestScore;
    if (width > bw || (width === bw && agreeing > ba)) {
      best = delimiter;
      bestScore = [width, agreeing];
    }
  }
  return best;
}

const STOPPED: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'never closes',
  CSV_INVALID_CLOSING_QUOTE: 'closes with text right after it',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'closes with text right after it',
  INVALID_OPENING_QUOTE: 'opens in the middle of a field'
};

/** Split CSV text into records; `limit` stops after that many (csvColumns needs only the header). */
export function readCsv(text: string, limit = Infinity): CsvDocument {
  const delimiter = chooseDelimiter(text);
  const problems: CsvProblem[] = [];
  const first = readPass(text, delimiter, true, limit, 1);
  const records = first.records;
  if (first.error !== null && records.length < limit) {
    // Read the rest again with quotes as plain characters: the rows stay, the person is told.
    const offset = lineOffset(text, first.lastLine + 1);
    const line = firstFilledLine(text, offset, first.lastLine + 1);
    const what = STOPPED[first.error.code];
    problems.push({
      line,
      message: what
        ? `A quoted field that starts on line ${line} ${what}; from there on, quotes were read as ordinary characters. Check the quotes in the file.`
        : `The CSV could not be read as written from line ${line}; from there on, quotes were read as ordinary characters. Check the quotes in the file.`
    });
    const rest = readPass(text.slice(offset), delimiter, false, limit - records.length, first.lastLine + 1);
    records.push(...rest.records);
    if (rest.error !== null) {
      const stop = firstFilledLine(text, lineOffset(text, rest.lastLine + 1), rest.lastLine + 1);
      problems.push({ line: stop, message: `The CSV could not be read from line ${stop} on; those lines were not imported.` });
    }
  }
  return { records, delimiter, problems };
}
