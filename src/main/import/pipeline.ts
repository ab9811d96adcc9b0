// The import pipeline's pure part: decoded text → detected format → parser → ParsedSchedule.
// Committing (merge.ts) and the UI preview both start here, so what the preview shows is exactly
// what the import saves.
import { ClashlessError } from '../../shared/contract.ts';
import type { ImportFormat, ParseOptions, ParsedSchedule } from '../../shared/domain.ts';
import { replacementWarnings } from './decode.ts';
import { detectFormat } from './detect.ts';
import { parseCsv } from './parsers/csv/parse.ts';
import { parseFrabXml } from './parsers/frab/xml.ts';
import { parseHtml } from './parsers/html/read.ts';
import { parseIcs } from './parsers/ics/read.ts';
import { parseMarkdown } from './parsers/markdown/read.ts';
import { parseSchedText } from './parsers/text/sched.ts';
import { parseScheduleJson } from './parsers/frab/schedule-json.ts';
import { parseText } from './parsers/text/plain.ts';

const PARSERS: Record<ImportFormat, (text: string, opts: ParseOptions) => ParsedSchedule> = {
  'sched-text': parseSchedText,
  markdown: parseMarkdown,
  text: parseText,
  ics: parseIcs,
  'frab-xml': parseFrabXml,
  'schedule-json': parseScheduleJson,
  csv: parseCsv,
  html: parseHtml
};

export interface ParseImportOptions extends ParseOptions {
  format?: ImportFormat | 'auto' | undefined;
}

/** Parse import text with the chosen (or detected) format. Throws ClashlessError for unreadable input. */
export function parseImport(text: string, opts: ParseImportOptions = {}): ParsedSchedule {
  if (text.trim().length === 0) {
    throw new ClashlessError('empty', 'There is nothing to import: the text is empty. Paste a schedule or choose a file.');
  }
  const format = !opts.format || opts.format === 'auto' ? detectFormat(text, opts.fileName) : opts.format;
  const parser = PARSERS[format];
  const parsed = withVisibleTitles(parser(text, { timeZone: opts.timeZone, fileName: opts.fileName, fallbackZone: opts.fallbackZone, columns: opts.columns, firstDay: opts.firstDay }));
  if (parsed.sessions.length === 0) {
    throw new ClashlessError(
      'parse-failed',
      `No sessions were found in this ${format} document. Check that it is a schedule, or choose another format.`
    );
  }
  // Bytes the decoder could not read (decode.ts, or the browser's own File.text()) arrive as "�":
  // every door's text passes here, so the preview and the commit both name those lines.
  const replaced = replacementWarnings(text);
  return replaced.length === 0 ? parsed : { ...parsed, warnings: [...replaced, ...parsed.warnings] };
}

/** Format characters (zero-width spaces, joiners, bidi controls, BOM) and whitespace: nothing a person can see. */
const INVISIBLE_ONLY = /^[\p{Cf}\p{Z}\s]*$/u;

/**
 * Every parser must give each session a title a person can read. A title made only of invisible
 * characters would be an unclickable, unnamed block, so such sessions are dropped with a warning.
 * This is the one door to the store, so the rule holds for every format.
 */
function withVisibleTitles(parsed: ParsedSchedule): ParsedSchedule {
  const kept = parsed.sessions.filter((s) => !INVISIBLE_ONLY.test(s.title));
  if (kept.length === parsed.sessions.length) return parsed;
  const dropped = parsed.sessions.filter((s) => INVISIBLE_ONLY.test(s.title));
  const warnings = dropped.map((s) => ({ line: s.line, message: 'A session without a visible title was skipped.' }));
  return { ...parsed, sessions: kept, warnings: [...parsed.warnings, ...warnings] };
}

/** The computer's own zone: the last-resort default the preview offers (never silently used to commit). */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
