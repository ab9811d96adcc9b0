// Bytes of an imported file → text every parser can trust: BOM gone, UTF-8 (or windows-1252
// for files saved by older Windows tools), LF line ends. Refuses what is not a schedule at all
// (binary, empty, absurdly large) with a message that says what to do instead.
//
// Which 8-bit encoding (no UTF-16 mark or pattern):
// - valid UTF-8 throughout → UTF-8;
// - a UTF-8 byte-order mark → UTF-8, whatever follows (the mark says so);
// - otherwise count the valid multi-byte UTF-8 sequences (é, →, 🚀 …) and the invalid ones. When
//   the invalid ones outnumber the valid ones — typically no valid multi-byte sequence at all, as in
//   a file saved by an older Windows tool — the file as a whole is not UTF-8 and is read as
//   windows-1252. Otherwise it is UTF-8 with a few stray bytes: those bytes, and only those, become
//   U+FFFD "�", and the import reports each line that has one (replacementWarnings), so one stray
//   byte never silently re-reads every accented letter in the file as mojibake.
import { ClashlessError } from '../../shared/contract.ts';
import type { ImportWarning } from '../../shared/domain.ts';

/** Largest import accepted (20 MiB): far above any real schedule, small enough to stay snappy. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** How much of the start is inspected for binary content. */
const SNIFF_BYTES = 64 * 1024;

export interface DecodeOptions {
  maxBytes?: number;
  /** File name for messages ("schedule.pdf looks like …"). */
  name?: string;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Known binary formats people pick by mistake, by their first bytes. */
function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (or an .xlsx/.docx/.numbers file)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Office document (.xls/.doc)';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'an image';
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65)) return 'a database file';
  return null;
}

/** UTF-16 without a BOM: every other byte is zero in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function refuseBinary(name: string, kind: string | null): never {
  const what = kind ? ` (${kind})` : '';
  throw new ClashlessError(
    'parse-failed',
    `${name} looks like a binary file${what}, not a schedule. Import the schedule as text: paste the page text, or export it as .ics, .csv, schedule.xml or schedule.json.`,
    'file'
  );
}

/** True when the text is mostly control characters (a binary file that decoded without error). */
function mostlyControl(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control > 8 && control / n > 0.05;
}

/** How many valid multi-byte UTF-8 sequences and how many invalid ones (maximal subparts, as a decoder replaces them). */
export function utf8Census(bytes: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  const inRange = (at: number, lo: number, hi: number): boolean => at < n && bytes[at]! >= lo && bytes[at]! <= hi;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Expected length and the allowed range of the second byte (excludes overlongs and surrogates).
    let length: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let good = 1;
    if (inRange(i + 1, lo, hi)) {
      good = 2;
      while (good < length && inRange(i + good, 0x80, 0xbf)) good++;
    }
    if (good === length) multiByte++;
    else invalid++;
    i += good;
  }
  return { multiByte, invalid };
}

/** At most this many lines are named one by one; the rest are summed up in one more warning. */
const MAX_REPLACEMENT_WARNINGS = 20;

/**
 * One warning per line of decoded text that holds a U+FFFD replacement character — where the file
 * had bytes that are not text — so the person can check those lines. Lines are 1-based, as in
 * every import warning.
 */
export function replacementWarnings(text: string): ImportWarning[] {
  if (!text.includes('\uFFFD')) return [];
  const warnings: ImportWarning[] = [];
  let more = 0;
  let line = 1;
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    if (warnings.length < MAX_REPLACEMENT_WARNINGS) {
      warnings.push({
        line,
        message: count === 1 ? 'An invalid byte was replaced with “\uFFFD”.' : `${count} invalid bytes were replaced with “\uFFFD”.`
      });
    } else more++;
    count = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      flush();
      line++;
    } else if (c === 0xfffd) count++;
  }
  flush();
  if (more > 0) {
    warnings.push({ line: null, message: `${more} more line${more === 1 ? ' has' : 's have'} invalid bytes replaced with “\uFFFD”.` });
  }
  return warnings;
}

/**
 * Decode an imported file. Throws ClashlessError: 'too-large' over the limit, 'parse-failed'
 * for binary content, 'empty' for nothing but whitespace.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): string {
  const name = opts.name && opts.name.trim().length > 0 ? opts.name.trim() : 'The file';
  const limit = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > limit) {
    throw new ClashlessError(
      'too-large',
      `${name} is ${megabytes(bytes.length)}, more than the ${megabytes(limit)} an import may be. Export a smaller part of the schedule (one track or a few days) and import that.`,
      'file'
    );
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let body = bytes;
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (utf8Bom) body = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    const kind = binaryKind(bytes);
    if (kind) refuseBinary(name, kind);
    encoding = sniffUtf16(bytes) ?? 'utf-8';
  }

  let text: string;
  if (encoding === 'utf-8') {
    if (body.subarray(0, SNIFF_BYTES).includes(0)) refuseBinary(name, null);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      // Not valid UTF-8: the rule at the top of this file decides between UTF-8 with its few stray
      // bytes replaced and windows-1252 (files saved by older Windows tools; a superset of Latin-1).
      const census = utf8Census(body);
      text = utf8Bom || census.invalid <= census.multiByte
        ? new TextDecoder('utf-8').decode(body)
        : new TextDecoder('windows-1252').decode(body);
    }
  } else {
    text = new TextDecoder(encoding).decode(body);
    if (text.slice(0, SNIFF_BYTES).includes('\u0000')) refuseBinary(name, null);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (mostlyControl(text)) refuseBinary(name, null);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) {
    throw new ClashlessError(
      'empty',
      `${name} is empty${bytes.length > 0 ? ' (only blank space)' : ''}. Copy the schedule page or file again and import that.`,
      'file'
    );
  }
  return text;
}
