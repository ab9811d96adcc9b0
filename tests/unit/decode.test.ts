import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { MAX_IMPORT_BYTES, decodeBytes, replacementWarnings, utf8Census } from '../../src/main/import/decode.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';

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

describe('decodeBytes: stray bytes in UTF-8 versus a windows-1252 file', () => {
  // A French UTF-8 programme with one windows-1252 apostrophe (0x92) pasted into line 3.
  const french = ['Programme de la journée', 'Salle à manger — 9h30', 'L’atelier', 'Déjeuner à 12h, café offert', 'Clôture'];
  const withStray = (): Uint8Array => {
    const lines = french.map((l) => utf8(l));
    const third = utf8('L');
    lines[2] = new Uint8Array([...third, 0x92, ...utf8('atelier')]);
    return new Uint8Array(lines.flatMap((l, i) => [...l, ...(i < lines.length - 1 ? [0x0a] : [])]));
  };

  it('keeps a UTF-8 file with one stray windows-1252 byte as UTF-8, replacing only that byte', () => {
    const text = decodeBytes(withStray());
    expect(text.split('\n')).toEqual([french[0], french[1], 'L\uFFFDatelier', french[3], french[4]]);
    expect(text).not.toMatch(/Ã|â€/);
  });

  it('names the line of the replaced byte', () => {
    expect(replacementWarnings(decodeBytes(withStray()))).toEqual([{ line: 3, message: 'An invalid byte was replaced with “\uFFFD”.' }]);
  });

  it('counts lines after CRLF is normalised, and several bytes on one line', () => {
    const lines: number[][] = Array.from({ length: 14 }, (_, i) => [...utf8(`Séance ${i + 1}`)]);
    lines[11] = [...utf8('Séance 12 '), 0x93, ...utf8('keynote'), 0x94];
    const bytes = new Uint8Array(lines.flatMap((l) => [...l, 0x0d, 0x0a]));
    const text = decodeBytes(bytes);
    expect(text.split('\n')[11]).toBe('Séance 12 \uFFFDkeynote\uFFFD');
    expect(replacementWarnings(text)).toEqual([{ line: 12, message: '2 invalid bytes were replaced with “\uFFFD”.' }]);
  });

  it('reads a file with no valid multi-byte UTF-8 at all as windows-1252, with nothing replaced', () => {
    // "Journée d’ouverture — café, crème & “pitch” à 10 €" saved by an old Windows tool.
    const cp1252 = new Uint8Array([
      ...utf8('Journ'), 0xe9, ...utf8('e d'), 0x92, ...utf8('ouverture '), 0x97, ...utf8(' caf'), 0xe9, ...utf8(', cr'), 0xe8,
      ...utf8('me & '), 0x93, ...utf8('pitch'), 0x94, ...utf8(' '), 0xe0, ...utf8(' 10 '), 0x80, 0x0a, ...utf8('Cl'), 0xf4, ...utf8('ture')
    ]);
    const text = decodeBytes(cp1252);
    expect(text).toBe('Journée d’ouverture — café, crème & “pitch” à 10 €\nClôture');
    expect(replacementWarnings(text)).toEqual([]);
  });

  it('decides by the whole file: many invalid bytes and one accidental valid pair is still windows-1252', () => {
    // 0xC9 0xA9 ("É©" in windows-1252) happens to be valid UTF-8; everything else is not.
    const bytes = new Uint8Array([0xc9, 0xa9, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0xe8, 0x20, 0x92, 0x0a, 0x41]);
    expect(utf8Census(bytes)).toEqual({ multiByte: 1, invalid: 3 });
    expect(decodeBytes(bytes)).toBe('É© café è ’\nA');
  });

  it('keeps a file with a UTF-8 byte-order mark as UTF-8 even when it has stray bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('caf'), 0xe9, 0x0a, ...utf8('Zięba')]);
    const text = decodeBytes(bytes);
    expect(text).toBe('caf\uFFFD\nZięba');
    expect(replacementWarnings(text)).toEqual([{ line: 1, message: 'An invalid byte was replaced with “\uFFFD”.' }]);
  });

  it('keeps UTF-16 with a byte-order mark as UTF-16', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'é → x'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeBytes(le)).toBe('é → x');
  });

  it('names at most 20 lines, then sums up the rest in one warning', () => {
    const bytes = new Uint8Array(Array.from({ length: 30 }, (_, i) => [...utf8(`Zeile ${i + 1} schön `), 0x96, 0x0a]).flat());
    const warnings = replacementWarnings(decodeBytes(bytes));
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toEqual({ line: 1, message: 'An invalid byte was replaced with “\uFFFD”.' });
    expect(warnings[19]!.line).toBe(20);
    expect(warnings[20]).toEqual({ line: null, message: '10 more lines have invalid bytes replaced with “\uFFFD”.' });
  });

  it('counts like a UTF-8 decoder: every valid sequence is one character, every invalid one one "�"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const census = utf8Census(bytes);
        const decoded = new TextDecoder('utf-8').decode(bytes);
        const nonAscii = [...decoded].filter((c) => c.codePointAt(0)! >= 0x80).length;
        expect(census.multiByte + census.invalid).toBe(nonAscii);
        let fatalOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          fatalOk = false;
        }
        expect(census.invalid === 0).toBe(fatalOk);
      }),
      { numRuns: 2_000 }
    );
  });

  it('the replaced-byte warnings reach the import preview through parseImport', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:a@example.org',
      'DTSTART:20241113T181500Z',
      'DTEND:20241113T185000Z',
      'SUMMARY:Café crème',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b@example.org',
      'DTSTART:20241113T190000Z',
      'DTEND:20241113T193000Z',
      'SUMMARY:L\u0000atelier',
      'END:VEVENT',
      'END:VCALENDAR'
    ].join('\r\n');
    const bytes = utf8(ics).map((b) => (b === 0 ? 0x92 : b));
    const parsed = parseImport(decodeBytes(bytes), { timeZone: 'Europe/Paris' });
    expect(parsed.sessions.map((s) => s.title)).toEqual(['Café crème', 'L\uFFFDatelier']);
    expect(parsed.warnings).toContainEqual({ line: 13, message: 'An invalid byte was replaced with “\uFFFD”.' });
  });
});
