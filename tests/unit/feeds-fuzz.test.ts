// Property tests for the feed importers (frab XML, schedule JSON, CSV): whatever text comes in,
// they return a schedule whose sessions end no earlier than they start, or throw a ClashlessError
// for people — never a raw error, never a hang (the test timeout catches one).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { ParsedSchedule } from '../../src/shared/domain.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';
import { parseCsv } from '../../src/main/import/parsers/csv/parse.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// Long runs (FUZZ_RUNS=100000) need room; a hang still fails, only later.
const TIMEOUT = Math.max(30_000, RUNS * 60);
const PEER = PEER_DIR;

type Parser = (text: string) => ParsedSchedule;
const PARSERS: Record<string, Parser> = {
  xml: (t) => parseFrabXml(t, {}),
  json: (t) => parseScheduleJson(t, {}),
  csv: (t) => parseCsv(t, { timeZone: 'Europe/Berlin' })
};

/** The property every importer keeps: a sane schedule, or a ClashlessError. */
function holds(parse: Parser, text: string): boolean {
  let result: ParsedSchedule;
  try {
    result = parse(text);
  } catch (err) {
    if (err instanceof ClashlessError) return true;
    throw err;
  }
  for (const s of result.sessions) {
    if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.end < s.start) {
      throw new Error(`session ${s.key} runs ${s.start} → ${s.end}`);
    }
  }
  return true;
}

// A middle-sized real feed per format keeps each run fast while covering real structure.
const debconf = readFileSync(PEER + 'frab-xml/debconf23.xml', 'utf8');
const democon = readFileSync(PEER + 'schedule-json/pretalx-democon.json', 'utf8');
const hub = readFileSync(PEER + 'schedule-json/hub-schedule2.json', 'utf8');
const csvDoc = [
  'Title;Date;Start;End;Room;Speakers;Track;Description',
  '"Opening; welcome";13/11/2024;09:00;09:30;Hall A;Ann Lee & Bob Ray;Main;"Say ""hi""\nto all"',
  'Deep dive;13/11/2024;9:45 am;10:30 am;Hall B;"Doe, Jane";Tech;',
  'Night owls;13/11/2024;23:00;01:00;Bar;;Social;late',
  'Sunday;31/03/2024;01:30;03:30;Hall A;Cy;Main;DST night',
  'ISO;;2024-11-14T10:00:00+01:00;2024-11-14T11:00:00+01:00;C;;;'
].join('\r\n');

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.string({ unit: 'binary', maxLength: 12 }) })
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.kind === 'truncate') {
      const joined = lines.join('\n');
      lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
    } else {
      const line = lines[i] ?? '';
      const col = line.length === 0 ? 0 : m.at % line.length;
      lines[i] = line.slice(0, col) + m.bytes + line.slice(col);
    }
  }
  return lines.join('\n');
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

describe('feed importers under mutation', () => {
  it('mutated frab XML yields a sane schedule or a ClashlessError', () => {
    fc.assert(fc.property(mutations, (ms) => holds(PARSERS.xml!, mutate(debconf, ms))), { numRuns: RUNS });
  }, TIMEOUT);

  it('mutated schedule JSON (pretalx and schema2) yields a sane schedule or a ClashlessError', () => {
    fc.assert(fc.property(fc.boolean(), mutations, (flat, ms) => holds(PARSERS.json!, mutate(flat ? hub : democon, ms))), { numRuns: RUNS });
  }, TIMEOUT);

  it('mutated CSV yields a sane schedule or a ClashlessError', () => {
    fc.assert(fc.property(mutations, (ms) => holds(PARSERS.csv!, mutate(csvDoc, ms))), { numRuns: RUNS });
  }, TIMEOUT);
});

describe('feed importers on random input', () => {
  it('random strings never escape as raw errors', () => {
    fc.assert(
      fc.property(fc.constantFrom('xml', 'json', 'csv'), fc.string({ unit: 'binary', maxLength: 300 }), (format, text) => holds(PARSERS[format]!, text)),
      { numRuns: RUNS }
    );
  }, TIMEOUT);

  it('XML built from schedule vocabulary stays sane', () => {
    const token = fc.constantFrom(
      '<schedule>', '</schedule>', '<conference>', '</conference>', '<time_zone_name>', '</time_zone_name>', 'Europe/Berlin', 'Mars/Olympus',
      '<day_change>', '</day_change>', '04:00', '<day index="1" date="2024-03-30">', '<day date="2024-02-30">', '</day>', '<room name="A">', '</room>',
      '<event id="1" guid="g">', '<event id="1">', '</event>', '<date>', '</date>', '2024-03-31T02:30:00+01:00', '2024-03-31', '<start>', '</start>',
      '01:30', '25:99', '<duration>', '</duration>', '1:02:00', '-1:00', '99:99', '<title>', '</title>', 'Talk', '<persons><person>', '</person></persons>',
      '&amp;', '&nbsp;', '<![CDATA[x]]>', ' ', '\n'
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => holds(PARSERS.xml!, tokens.join(''))), { numRuns: RUNS });
  }, TIMEOUT);

  it('JSON with schedule structure and arbitrary field values stays sane', () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('2024-03-31T02:30:00+01:00', '10:00', '00:45', '1:00:00', 'PT2H', '2024-13-01T00:00:00Z', 'Europe/Berlin'));
    const event = fc.dictionary(
      fc.constantFrom('id', 'guid', 'date', 'start', 'end', 'duration', 'title', 'room', 'persons', 'links', 'track', 'abstract', 'description'),
      value
    );
    const doc = fc.record({
      flat: fc.boolean(),
      zone: value,
      date: value,
      events: fc.array(fc.oneof(event, value), { maxLength: 8 })
    });
    fc.assert(
      fc.property(doc, ({ flat, zone, date, events }) => {
        const conference = { title: 'Fuzz', time_zone_name: zone, days: flat ? [] : [{ date, rooms: { A: events } }] };
        return holds(PARSERS.json!, JSON.stringify({ schedule: flat ? { conference, events } : { conference } }));
      }),
      { numRuns: RUNS }
    );
  }, TIMEOUT);

  it('CSV rows of date-ish and time-ish cells stay sane', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('13/11/2024', '11/13/2024', '2024-03-31', 'Nov 13, 2024', '31/02/2024', '9:15 am', '12pm', '23:00', '01:00', '24:00',
        '10:00 - 11:00', '2024-03-31T02:30:00+01:00', '90', '1:30', '"quoted, cell"', 'Europe/Berlin', 'Mars/Base')
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (rows) =>
        holds(PARSERS.csv!, ['title,date,start,end,duration,timezone,speakers', ...rows.map((r) => r.join(','))].join('\n'))
      ),
      { numRuns: RUNS }
    );
  }, TIMEOUT);
});

describe('feed importers on hostile input', () => {
  it('10,000 nested XML elements inside an event are read without recursion', () => {
    const deep = '<x>'.repeat(10_000) + '</x>'.repeat(10_000);
    const xml = `<schedule><conference><time_zone_name>UTC</time_zone_name></conference><day date="2024-05-01"><room name="R"><event id="1"><start>10:00</start><duration>0:30</duration><title>T</title>${deep}</event></room></day></schedule>`;
    expect(parseFrabXml(xml, {}).sessions).toHaveLength(1);
    expect(holds(PARSERS.xml!, '<schedule>' + '<a>'.repeat(10_000))).toBe(true);
  });

  it('10,000 nested JSON arrays are refused or ignored, not a stack overflow', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(holds(PARSERS.json!, deep)).toBe(true);
    expect(holds(PARSERS.json!, '['.repeat(10_000))).toBe(true);
    const inEvent = `{"schedule":{"conference":{"days":[{"date":"2024-05-01","rooms":{"A":[{"start":"10:00","title":${deep}}]}}]}}}`;
    expect(holds(PARSERS.json!, inEvent)).toBe(true);
  });

  it('billion laughs is refused with a ClashlessError', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE schedule [\n${entities.join('\n')}\n]>\n<schedule><conference><title>&lol9;</title></conference></schedule>`;
    expect(() => parseFrabXml(bomb, {})).toThrow(ClashlessError);
  });

  it('a huge single line is handled in every format', () => {
    const big = 'x'.repeat(3_000_000);
    const spaces = ' '.repeat(200_000);
    expect(holds(PARSERS.xml!, `<schedule><conference><title>${big}</title></conference></schedule>`)).toBe(true);
    expect(holds(PARSERS.xml!, `<schedule><day date="2024-05-01"><room name="R"><event id="1"><start>10:00</start><title>t</title><description>${'<p>a<a href="x">b '.repeat(100_000)}</description></event></room></day></schedule>`)).toBe(true);
    expect(holds(PARSERS.json!, `{"schedule":{"conference":{"title":"${big}"}}}`)).toBe(true);
    expect(holds(PARSERS.csv!, `title,start,speakers\n${big},10:00${spaces}x,a${spaces}and${spaces}b\n`)).toBe(true);
    expect(holds(PARSERS.csv!, big)).toBe(true);
  });
});
