// Bytes of an imported file → text every parser can trust: BOM gone, UTF-8 (or windows-1252
// for files saved by older Windows tools), LF line ends. Refuses what is not a schedule at all
// (binary, empty, absurdly large) with a message that says what to do instead.
import { ClashlessError } from '../../shared/contract.ts';

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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
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
      // Not valid UTF-8: files saved by older Windows tools are windows-1252 (a superset of Latin-1).
      text = new TextDecoder('windows-1252').decode(body);
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
