// Property tests: whatever text arrives, the .ics importer either returns sessions whose
// instants make sense or throws a ClashlessError a person can read — never anything else.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { ParsedSchedule } from '../../src/shared/domain.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { generateIcs } from '../fixtures/generate-ics.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const FIXTURES = `${PEER_DIR}ics/`;

// Whole small fixtures, and the first few hundred lines of the big ones so each run stays quick.
const SOURCES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.ics'))
  .sort()
  .map((name) => readFileSync(FIXTURES + name, 'utf8').split(/\r?\n/).slice(0, 400).join('\n'));

/** Parse and check the invariants; returns what happened for the property. */
function check(text: string): 'sessions' | 'error' {
  let result: ParsedSchedule;
  try {
    result = parseIcs(text, {});
  } catch (err) {
    if (!(err instanceof ClashlessError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    expect(err.message).not.toMatch(/\n\s+at /); // no stack trace in what a person reads
    return 'error';
  }
  for (const s of result.sessions) {
    expect(Number.isFinite(s.start)).toBe(true);
    expect(Number.isFinite(s.end)).toBe(true);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(typeof s.key).toBe('string');
    expect(s.key.length).toBeGreaterThan(0);
  }
  expect(new Set(result.sessions.map((s) => s.key)).size).toBe(result.sessions.length);
  for (const w of result.warnings) expect(w.line === null || (Number.isInteger(w.line) && w.line > 0)).toBe(true);
  return 'sessions';
}

const lineMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), column: fc.nat(), text: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() })
);
type LineMutation = typeof lineMutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: string, mutations: LineMutation[]): string {
  const lines = source.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) break;
    const at = m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(at, m.count);
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + m.count));
        break;
      case 'swap': {
        const other = m.other % lines.length;
        [lines[at], lines[other]] = [lines[other] as string, lines[at] as string];
        break;
      }
      case 'insert':
        lines.splice(at, 0, m.text);
        break;
      case 'edit': {
        const line = lines[at] as string;
        const column = line.length === 0 ? 0 : m.column % line.length;
        lines[at] = line.slice(0, column) + m.text + line.slice(column + m.text.length);
        break;
      }
      case 'truncate':
        lines.length = at;
        break;
    }
  }
  return lines.join('\n');
}

// Lines that look like iCalendar, including the parts that make parsers loop or throw.
const icsLine = fc.oneof(
  fc.constantFrom('BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE', 'BEGIN:STANDARD', 'END:STANDARD', 'BEGIN:DAYLIGHT', 'END:DAYLIGHT', 'BEGIN:VALARM', 'END:VALARM'),
  fc
    .tuple(
      fc.constantFrom('DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE', 'DTSTAMP'),
      fc.constantFrom('', ';VALUE=DATE', ';TZID=Europe/Berlin', ';TZID="(UTC-05:00) Eastern Time (US & Canada)"', ';TZID=Custom', ';TZID=UTC+11'),
      fc.oneof(
        fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2210, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().replace(/[-:]/g, '').slice(0, 15) + (d.getUTCSeconds() % 2 ? 'Z' : '')),
        fc.string({ maxLength: 16 })
      )
    )
    .map(([name, params, value]) => `${name}${params}:${value}`),
  fc
    .record({
      freq: fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'NEVER'),
      parts: fc.array(
        fc.constantFrom('COUNT=3', 'COUNT=0', 'INTERVAL=2', 'INTERVAL=0', 'UNTIL=20250101T000000Z', 'UNTIL=20240301', 'BYMONTH=2', 'BYMONTH=13', 'BYMONTHDAY=30', 'BYMONTHDAY=-1', 'BYDAY=MO,FR', 'BYDAY=5MO', 'BYDAY=-1SU', 'BYYEARDAY=366', 'BYWEEKNO=53', 'BYSETPOS=-1', 'BYSETPOS=7', 'BYHOUR=25', 'BYHOUR=9', 'WKST=SU'),
        { maxLength: 4 }
      )
    })
    .map(({ freq, parts }) => `RRULE:FREQ=${[freq, ...parts].join(';')}`),
  fc.constantFrom('TZID:Custom', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZOFFSETTO:bogus', 'DURATION:PT1H', 'DURATION:P1D', 'DURATION:-PT5M', 'DURATION:xyz', 'UID:same', 'SEQUENCE:2', 'STATUS:CANCELLED', 'SUMMARY:Talk', 'X-WR-TIMEZONE:Europe/Paris', ' folded continuation', ''),
  fc.string({ maxLength: 30 })
);

describe('ics importer never fails badly', () => {
  it('mutated real calendars give sane sessions or a ClashlessError', () => {
    fc.assert(
      fc.property(fc.nat({ max: SOURCES.length - 1 }), fc.array(lineMutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        check(mutate(SOURCES[index] as string, mutations));
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it('random iCalendar-shaped lines give sane sessions or a ClashlessError', () => {
    fc.assert(
      fc.property(fc.array(icsLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, newline) => {
        check(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20240312T090000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR'].join(newline));
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it('random text gives a ClashlessError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        check(text);
      }),
      { numRuns: NUM_RUNS }
    );
  });

  it('a 100,000-line feed cut off mid-event finishes, keeping what it could read', () => {
    const lines = generateIcs(7000, 3).split('\r\n').slice(0, 100_000);
    expect(lines).toHaveLength(100_000);
    const result = parseIcs(lines.join('\n'), {});
    expect(result.sessions.length).toBeGreaterThan(4000);
    expect(result.warnings.some((w) => /ends inside BEGIN:VEVENT/.test(w.message))).toBe(true);
  });

  it('a 100,000-line file of endlessly repeating events finishes under the occurrence caps', () => {
    const event = (i: number): string[] => [
      'BEGIN:VEVENT',
      `UID:r${i}`,
      `DTSTART:2025010${1 + (i % 9)}T100000Z`,
      'RRULE:FREQ=MINUTELY',
      'SUMMARY:Again',
      'END:VEVENT'
    ];
    const lines = ['BEGIN:VCALENDAR', ...Array.from({ length: 16_667 }, (_, i) => event(i)).flat(), 'END:VCALENDAR'];
    expect(lines.length).toBeGreaterThanOrEqual(100_000);
    const result = parseIcs(lines.join('\n'), {});
    expect(result.sessions.length).toBeLessThanOrEqual(50_000);
    expect(result.warnings.some((w) => /later series were cut/.test(w.message))).toBe(true);
  });
});
