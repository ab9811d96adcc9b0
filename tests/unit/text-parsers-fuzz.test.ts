// Property tests for the text importers: whatever people paste, the parsers either return
// well-formed sessions or refuse with a ClashlessError — never a raw exception, never a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { IMPORT_FORMATS, type ParsedSchedule } from '../../src/shared/domain.ts';
import { detectFormat } from '../../src/main/import/detect.ts';
import { resolveZone } from '../../src/main/import/zones.ts';
import { parseMarkdown } from '../../src/main/import/parsers/markdown/read.ts';
import { parseSchedText } from '../../src/main/import/parsers/text/sched.ts';
import { parseText } from '../../src/main/import/parsers/text/plain.ts';
import { BLOG_SEED, SCHED_SEED } from '../fixtures/paths.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SCHED = readFileSync(SCHED_SEED, 'utf8');
const BLOG = readFileSync(BLOG_SEED, 'utf8');

const PARSERS = [
  ['parseSchedText', parseSchedText],
  ['parseMarkdown', parseMarkdown],
  ['parseText', parseText]
] as const;

/** Run a parser and check the invariants every import relies on. */
function holds(parse: (text: string) => ParsedSchedule, text: string): void {
  let result: ParsedSchedule;
  try {
    result = parse(text);
  } catch (e) {
    if (!(e instanceof ClashlessError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    return;
  }
  expect(result.sessions.length).toBeGreaterThan(0);
  const keys = new Set<string>();
  for (const s of result.sessions) {
    expect(Number.isFinite(s.start)).toBe(true);
    expect(Number.isFinite(s.end)).toBe(true);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.title.trim().length).toBeGreaterThan(0);
    expect(keys.has(s.key)).toBe(false);
    keys.add(s.key);
  }
  for (const w of result.warnings) {
    expect(w.line === null || (Number.isInteger(w.line) && w.line >= 1)).toBe(true);
  }
}

type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; offset: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    offset: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 24 }),
      fc.constantFrom('11:15am', ' - ', 'MST', '**', '[', '](', 'avatar for ', 'Speakers', '|', '•', '\n', '---', '## ', '2024-02-30', '25:99')
    )
  })
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const n = Math.max(lines.length, 1);
    switch (m.kind) {
      case 'delete':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, ...lines.slice(m.at % n, (m.at % n) + m.count));
        break;
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        const la = lines[a] ?? '';
        lines[a] = lines[b] ?? '';
        lines[b] = la;
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
        break;
      }
      case 'insert': {
        const i = m.at % n;
        const line = lines[i] ?? '';
        const o = m.offset % (line.length + 1);
        lines[i] = line.slice(0, o) + m.text + line.slice(o);
        break;
      }
    }
  }
  return lines.join('\n');
}

const linesOfNoise = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        'Wednesday November 13, 2024 11:15am - 11:50am MST',
        '**Monday, November 6 • 9:15 am - 9:40 am**',
        '10:00 - 10:30 Coffee',
        'Saturday 3 February',
        '[Talk - Ann Lee, Acme](https://x.sched.com/event/abc/t)',
        'avatar for Ann Lee',
        'Speakers',
        '## Track',
        '',
        '23:30 - 00:30 Late',
        '12pm - 11am',
        'Monday',
        '(UTC -7) CST IST BST',
        'February 29, 2023 9:00 - 10:00'
      )
    ),
    { maxLength: 40 }
  )
  .map((lines) => lines.join('\n'));

describe('text parsers under arbitrary input', () => {
  for (const [name, parse] of PARSERS) {
    it(`${name}: arbitrary strings give sessions or a ClashlessError`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => holds((t) => parse(t, {}), text)),
        { numRuns: NUM_RUNS }
      );
    });

    it(`${name}: lines of schedule-like noise give sessions or a ClashlessError`, () => {
      fc.assert(fc.property(linesOfNoise, (text) => holds((t) => parse(t, {}), text)), { numRuns: NUM_RUNS });
    });

    for (const [seedName, text] of [
      ['Sched seed', SCHED],
      ['blog seed', BLOG]
    ] as const) {
      it(`${name}: mutations of the ${seedName} keep the invariants`, () => {
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (ms) => holds((t) => parse(t, {}), mutate(text, ms))),
          { numRuns: Math.max(20, Math.floor(NUM_RUNS / 3)) }
        );
      });
    }
  }

  it('detectFormat always names a known format', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          linesOfNoise,
          fc.array(mutation, { maxLength: 6 }).map((ms) => mutate(SCHED, ms)),
          fc.array(mutation, { maxLength: 6 }).map((ms) => mutate(BLOG, ms))
        ),
        fc.option(fc.constantFrom('a.ics', 'b.xml', 'c.json', 'd.csv', 'e.md', 'f.txt', 'g', '.')),
        (text, fileName) => {
          expect(IMPORT_FORMATS).toContain(detectFormat(text, fileName ?? undefined));
        }
      ),
      { numRuns: NUM_RUNS }
    );
  });

  it('resolveZone never throws without an explicit zone and always returns a valid decision', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), linesOfNoise), (text) => {
        const z = resolveZone(text, {});
        expect(z.zone.length).toBeGreaterThan(0);
        expect(z.detail.length).toBeGreaterThan(0);
      }),
      { numRuns: NUM_RUNS }
    );
  });
});

describe('text parsers on hostile sizes (linear work, no catastrophic backtracking)', () => {
  const LONG_LINES = [
    'a'.repeat(200_000),
    '['.repeat(200_000),
    '[a]('.repeat(50_000),
    '**'.repeat(100_000),
    '9:00 - '.repeat(30_000),
    ' '.repeat(199_999) + 'x',
    '- '.repeat(100_000),
    'UTC'.padEnd(200_000, ' ') + '+',
    'Monday, November 6 '.repeat(10_000),
    'avatar for ' + 'A'.repeat(200_000)
  ];

  for (const [name, parse] of PARSERS) {
    it(`${name} finishes on 200k-character single lines`, () => {
      for (const line of LONG_LINES) holds((t) => parse(t, {}), line);
    });
  }

  it('detectFormat and resolveZone finish on 200k-character single lines', () => {
    for (const line of LONG_LINES) {
      expect(IMPORT_FORMATS).toContain(detectFormat(line));
      expect(resolveZone(line, {}).zone.length).toBeGreaterThan(0);
    }
  });

  const repeatLines = (text: string, n: number) => {
    const lines = text.split('\n');
    return Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n');
  };
  const BIG_SCHED = repeatLines(SCHED, 100_000);

  it('parseSchedText finishes on a 100k-line document and finds every copy', () => {
    expect(parseSchedText(BIG_SCHED, {}).sessions.length).toBeGreaterThan(18 * 200);
  });

  // A quarter of the size of the others: the Markdown parser (micromark) reads about 1 MB/s here,
  // so 25k lines (3.5 MB, 129 copies of the post) already shows a quadratic step, which would take
  // minutes, while a linear read takes seconds instead of the 20-80 s of 100k lines on CI.
  it('parseMarkdown finishes on a 25k-line document and finds every copy', () => {
    expect(parseMarkdown(repeatLines(BLOG, 25_000), {}).sessions.length).toBeGreaterThan(25 * 125);
  });

  it('parseText and detectFormat finish on a 100k-line document', () => {
    holds((t) => parseText(t, {}), BIG_SCHED);
    expect(IMPORT_FORMATS).toContain(detectFormat(BIG_SCHED));
  });

  const RANGES = Array.from({ length: 100_000 }, (_, i) => `${String(i % 24).padStart(2, '0')}:00 - ${String((i + 1) % 24).padStart(2, '0')}:30`).join('\n');
  for (const [name, parse] of PARSERS) {
    it(`${name} finishes on 100k short lines of time ranges with nothing else`, () => {
      holds((t) => parse(t, {}), RANGES);
    });
  }
});
