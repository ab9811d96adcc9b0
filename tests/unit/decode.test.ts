import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { MAX_IMPORT_BYTES, decodeBytes } from '../../src/main/import/decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(bytes: Uint8Array, opts = {}): ClashlessError {
  try {
    decodeBytes(bytes, opts);
  } catch (e) {
    if (e instanceof ClashlessError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('decodeBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('BEGIN:VCALENDAR')]))).toBe('BEGIN:VCALENDAR');
  });

  it('decodes UTF-16 with either byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x63, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x63, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9]);
    expect(decodeBytes(le)).toBe('café');
    expect(decodeBytes(be)).toBe('café');
  });

  it('decodes UTF-16LE without a mark instead of calling it binary', () => {
    const text = 'Talk A\n10:00 - 11:00\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    expect(decodeBytes(bytes)).toBe(text);
  });

  it('keeps valid UTF-8 as is, including characters outside Latin-1', () => {
    expect(decodeBytes(utf8('Zięba → 🚀 café'))).toBe('Zięba → 🚀 café');
  });

  it('falls back to windows-1252 for bytes that are not UTF-8 ("café" saved by an old tool)', () => {
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
    expect(decodeBytes(new Uint8Array([0x80, 0x20, 0x93, 0x71, 0x94]))).toBe('€ “q”');
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decodeBytes(utf8('a\r\nb\rc\nd'))).toBe('a\nb\nc\nd');
  });

  it('refuses binary content, naming the file and what to do', () => {
    const e = refusal(new Uint8Array([0x01, 0x02, 0x00, 0x00, 0x41, 0x00, 0xff, 0x10]), { name: 'plan.bin' });
    expect(e.code).toBe('parse-failed');
    expect(e.message).toMatch(/^plan\.bin looks like a binary file, not a schedule/);
    expect(e.message).toMatch(/\.ics/);
  });

  it('recognises a PDF by its signature', () => {
    const e = refusal(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), { name: 'agenda.pdf' });
    expect(e.code).toBe('parse-failed');
    expect(e.message).toContain('agenda.pdf looks like a binary file (a PDF)');
  });

  it('refuses text that is mostly control characters', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x41 : 0x07));
    expect(refusal(bytes).code).toBe('parse-failed');
  });

  it('refuses an empty or whitespace-only file with code "empty"', () => {
    expect(refusal(new Uint8Array()).code).toBe('empty');
    const e = refusal(utf8(' \n\t\r\n '), { name: 'blank.txt' });
    expect(e.code).toBe('empty');
    expect(e.message).toContain('blank.txt');
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe('empty');
  });

  it('refuses a file over the limit with code "too-large" and both sizes', () => {
    const e = refusal(new Uint8Array(2048).fill(0x41), { maxBytes: 1024, name: 'huge.ics' });
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^huge\.ics is 0\.0 MB, more than the 0\.0 MB/);
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    expect(() => decodeBytes(new Uint8Array(1024).fill(0x41), { maxBytes: 1024 })).not.toThrow();
  });
});
