// Hostile input for every importer (issue 8, part 3). Whatever arrives — mutated real schedules,
// random text, random or damaged bytes, absurd sizes — a parser returns sessions that are safe
// to store, or refuses with a ClashlessError written for people. Never a raw exception, never a
// hang, never unbounded memory. FUZZ_RUNS (default 10,000) cases per parser; FUZZ_SEED replays.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FORMATS, type ImportFormat, type ParseOptions, type ParsedSchedule } from '../../src/shared/domain.ts';
import { decodeBytes } from '../../src/main/import/decode.ts';
import { detectFormat } from '../../src/main/import/detect.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';
import {
  PARSERS, RUNS, SOURCES, byteDamageArb, checkParse, checkRefusal, csvFromSessions, csvStyleArb, damageBytes, icsWindow, jsonReplace,
  jsonWindow, lineWindow, mutate, mutationArb, readCorpus, runs, timeoutFor, xmlWindow, HOSTILE, INVISIBLE
} from './helpers.ts';

const VOCABULARY: Readonly<Record<ImportFormat, readonly string[]>> = {
  'sched-text': [
    'Wednesday November 13, 2024 11:15am - 11:50am MST\n', 'Sunday November 3, 2024 1:30am - 2:30am CST\n', '11:15am MST\n',
    'avatar for Ann Lee\n', 'Speakers\n', 'The schedule is automatically displayed in Mountain Time\n', '(UTC -7)', '12:00am', '11:59pm', ' - '
  ],
  markdown: [
    '**Monday, November 6 • 9:15 am - 9:40 am**\n', '[Talk - Ann Lee, Acme](https://x.sched.com/event/abc/t)', '## ', '---\n', '> ', '- ',
    '* ', '`', '![img](x)', '](', '**', '__', '\n\n'
  ],
  text: ['10:00 - 10:30 Coffee\n', 'Saturday 3 February\n', '23:30 - 00:30 Late\n', '12pm - 11am', '2024-02-30', '25:99', 'CET', 'IST', 'Europe/Berlin', 'UTC+14'],
  ics: [
    'BEGIN:VEVENT\r\n', 'END:VEVENT\r\n', 'BEGIN:VCALENDAR\r\n', 'END:VCALENDAR\r\n', 'DTSTART:20240101T100000Z\r\n', 'DTSTART;TZID=Mars/Base:20240101T100000\r\n',
    'DTEND;VALUE=DATE:20240230\r\n', 'RRULE:FREQ=SECONDLY\r\n', 'RRULE:FREQ=MINUTELY;COUNT=1000000\r\n', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n',
    'RRULE:FREQ=DAILY;UNTIL=99991231T000000Z\r\n', 'EXDATE:20240101T100000Z\r\n', 'RECURRENCE-ID:20240101T100000Z\r\n', 'DURATION:-P1D\r\n',
    'DURATION:P99999W\r\n', 'UID:dup\r\n', 'SUMMARY:\r\n', 'SUMMARY:\u200b\r\n', 'X-WR-TIMEZONE:Europe/Berlin\r\n', 'TZOFFSETFROM:+2500\r\n', '\r\n ',
    'BEGIN:VTIMEZONE\r\n', 'STATUS:CANCELLED\r\n', 'BEGIN:VALARM\r\n', '\\n', '\\,'
  ],
  'frab-xml': [
    '<schedule>', '</schedule>', '<event id="1" guid="g">', '<event id="1">', '</event>', '<day date="2024-02-30">', '<room name="A">', '</room>',
    '<start>25:99</start>', '<duration>-1:00</duration>', '<duration>99:99</duration>', '<date>2024-03-31T02:30:00+01:00</date>', '<title></title>',
    '<time_zone_name>Mars/Olympus</time_zone_name>', '<day_change>04:00</day_change>', '&nbsp;', '<![CDATA[x]]>', '<!DOCTYPE x>', '<?pi x?>'
  ],
  'schedule-json': [
    'null', '[]', '{}', '"', ',', ':', '1e309', '-1', '"2024-03-31T02:30:00+01:00"', '"PT2H"', '"25:99"', '"Europe/Berlin"', '"Mars/Base"',
    '{"title":"t","start":"10:00"}', '\\u0000', '\\ud800'
  ],
  csv: [
    '"', ',', ';', '\t', '\n', '""', '13/11/2024', '11/13/2024', '31/02/2024', '9:15 am', '24:00', '10:00 - 11:00', '2024-03-31T02:30:00+01:00',
    'Europe/Berlin', 'Mars/Base', '-90'
  ],
  html: [
    '<table>', '</table>', '<tr>', '</tr>', '<td rowspan="-12">', '<td colspan="0">', '<td rowspan="99999">', '<th>Time</th>', '<td>09:30Matin</td>',
    '<li>', '</li>', '<ul>', '<h2>Saturday</h2>', '<br>', '<a href="javascript:alert(1)">', '<script>', '</script>', '<!--', '-->', '&#8211;', '&nbsp;',
    '<p><strong>Monday</strong>:</p>', '<li>9:30 &#8211; 5:30 Workshops</li>', '<div class="title">', '<iframe src="https://x">'
  ]
};

// CSV has no real fixtures: write real sessions (two peer feeds) as spreadsheets in many styles.
const CSV_SOURCES: ParsedSchedule[] = [
  parseFrabXml(SOURCES.xmlFiles[2] ?? '', {}),
  parseScheduleJson(SOURCES.jsonFiles.find((t) => t.includes('democon')) ?? '', {})
];

/** A small real-looking document of each format, from `start` and about `size` characters. */
const REAL: Readonly<Record<ImportFormat, fc.Arbitrary<string>>> = (() => {
  const pick = (texts: readonly string[], window: (text: string, start: number, size: number) => string) =>
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 600, max: 4000 })).map(([which, start, size]) => window(texts[which % texts.length] ?? '', start, size));
  const lines = (texts: readonly string[]) =>
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 600, max: 3000 }), fc.boolean()).map(([which, start, size, head]) =>
      lineWindow(texts[which % texts.length] ?? '', start, size, head)
    );
  const json = fc.oneof(
    { weight: 3, arbitrary: pick(SOURCES.jsonFiles, jsonWindow) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick(SOURCES.jsonFiles, jsonWindow), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
        .map(([doc, n, value]) => jsonReplace(doc, n, value))
    }
  );
  const csv = fc
    .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 25 }), csvStyleArb)
    .map(([which, from, count, style]) => csvFromSessions(CSV_SOURCES[which % CSV_SOURCES.length] as ParsedSchedule, from, count, style));
  return {
    'sched-text': lines(SOURCES.schedSeeds),
    markdown: lines(SOURCES.markdownSeeds),
    text: lines([...SOURCES.schedSeeds, ...SOURCES.markdownSeeds]),
    ics: pick(SOURCES.icsFiles, icsWindow),
    'frab-xml': pick(SOURCES.xmlFiles, xmlWindow),
    'schedule-json': json,
    csv,
    html: lines(SOURCES.htmlFiles)
  };
})();

const mutatedArb = (format: ImportFormat): fc.Arbitrary<string> =>
  fc.tuple(REAL[format], fc.array(mutationArb(VOCABULARY[format]), { minLength: 1, maxLength: 5 })).map(([text, ms]) => mutate(text, ms));

const randomTextArb = (format: ImportFormat): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 600 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.array(fc.constantFrom(...VOCABULARY[format], ...HOSTILE, '\n', ' ', 'x'), { maxLength: 80 }).map((t) => t.join(''))
  );

const bytesArb = (format: ImportFormat): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 1500 }),
    fc.tuple(fc.oneof(REAL[format], mutatedArb(format)), fc.array(byteDamageArb, { minLength: 1, maxLength: 4 })).map(([t, d]) => damageBytes(t, d))
  );

const ZONES = ['Europe/Berlin', 'America/Denver', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'Pacific/Kiritimati', 'America/St_Johns'];
const optionsArb: fc.Arbitrary<ParseOptions> = fc.record(
  {
    timeZone: fc.constantFrom(...ZONES),
    fallbackZone: fc.constantFrom(...ZONES),
    fileName: fc.oneof(fc.constantFrom('schedule.ics', 'a.xml', 'b.json', 'c.csv', 'd.md', 'e.txt', 'f.html', '.', 'x'.repeat(300)), fc.string({ maxLength: 20 }))
  },
  { requiredKeys: [] }
);

/** Decode like an import does; a refusal must itself be for people. */
function decoded(label: string, bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = decodeBytes(bytes, { name: 'fuzz.bin', maxBytes: 8 * 1024 * 1024 });
  } catch (err) {
    checkRefusal(`${label} decodeBytes`, err, '');
    return null;
  }
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff || text.trim().length === 0) {
    throw new Error(`${label}: decodeBytes returned text with a CR, a BOM, or only blank space`);
  }
  return text;
}

const FUZZED: readonly ImportFormat[] = ['sched-text', 'markdown', 'text', 'ics', 'frab-xml', 'schedule-json', 'csv', 'html'];
const share = (part: number) => Math.max(1, Math.round(RUNS * part));

describe.each(FUZZED)('%s parser under hostile input', (format) => {
  const parse = PARSERS[format];

  it(`keeps the invariants on mutated real ${format} documents`, () => {
    fc.assert(
      fc.property(mutatedArb(format), optionsArb, (text, opts) => {
        checkParse(`${format} mutated`, format, text, () => parse(text, opts));
      }),
      runs(share(0.6))
    );
  }, timeoutFor(share(0.6)));

  it('keeps the invariants on random text', () => {
    fc.assert(
      fc.property(randomTextArb(format), optionsArb, (text, opts) => {
        checkParse(`${format} random text`, format, text, () => parse(text, opts));
      }),
      runs(share(0.2))
    );
  }, timeoutFor(share(0.2)));

  it('keeps the invariants on random and damaged bytes after decodeBytes', () => {
    fc.assert(
      fc.property(bytesArb(format), (bytes) => {
        const text = decoded(`${format} bytes`, bytes);
        if (text !== null) checkParse(`${format} bytes`, format, text, () => parse(text, {}));
      }),
      runs(share(0.2))
    );
  }, timeoutFor(share(0.2)));
});

describe('decode → detect → pipeline (auto) under hostile input', () => {
  const anyDocument = fc.oneof(...FUZZED.map((f) => fc.oneof(REAL[f], mutatedArb(f))));

  it('detects a known format and parses or refuses for people, whatever the bytes', () => {
    fc.assert(
      fc.property(anyDocument, fc.array(byteDamageArb, { maxLength: 3 }), optionsArb, (doc, damage, opts) => {
        const text = decoded('pipeline', damageBytes(doc, damage));
        if (text === null) return;
        const format = detectFormat(text, opts.fileName);
        if (!IMPORT_FORMATS.includes(format)) throw new Error(`detectFormat returned ${String(format)}`);
        const out = checkParse('pipeline auto', null, text, () => parseImport(text, { ...opts, format: 'auto' }));
        if (out.result !== null && out.result.sessions.length === 0) throw new Error('parseImport returned a schedule without sessions');
      }),
      runs(RUNS)
    );
  }, timeoutFor(RUNS));
});

describe('regression corpus: every input that ever broke a parser', () => {
  const corpus = readCorpus();

  it('every corpus file says in its .why.txt what it broke', () => {
    expect(corpus.filter((c) => c.why === null || c.why.length === 0).map((c) => c.name)).toEqual([]);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s replays through decode, detect and every parser', (name, entry) => {
    const text = decoded(name, entry.bytes) ?? new TextDecoder().decode(entry.bytes);
    expect(IMPORT_FORMATS).toContain(detectFormat(text, name));
    for (const format of FUZZED) checkParse(`${name} via ${format}`, format, text, () => PARSERS[format](text, {}));
    checkParse(`${name} via pipeline`, null, text, () => parseImport(text, { format: 'auto', fileName: name }));
  });
});

// ---------------------------------------------------------------------------------------------
// Fixed adversarial inputs

/** One small valid document per format around a given title, for the character tests. */
function documentWithTitle(format: ImportFormat, title: string): string {
  switch (format) {
    case 'sched-text':
      return `This schedule is automatically displayed in Mountain Standard Time (UTC -7).\nWednesday, November 13\n\n11:15am MST\n\n${title}\nWednesday November 13, 2024 11:15am - 11:50am MST\nSalt Palace | 155 EF\n`;
    case 'markdown':
      return `## Talks\n\n[${title}](https://x.sched.com/event/1Rj0z/t)\n\n**Monday, November 6, 2023 • 9:15 am - 9:40 am**\n\nAbout it.\n`;
    case 'text':
      return `Monday 13 November 2024 (Europe/Berlin)\n10:00 - 10:30 ${title}\n`;
    case 'ics':
      return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:VEVENT\r\nUID:t1\r\nDTSTART:20241113T100000Z\r\nDTEND:20241113T103000Z\r\nSUMMARY:${title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    case 'frab-xml':
      return `<schedule><conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference><day date="2024-11-13" index="1"><room name="A"><event id="1" guid="g1"><date>2024-11-13T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>A</room><title>${title.replace(/[<&]/g, '')}</title></event></room></day></schedule>`;
    case 'schedule-json':
      return JSON.stringify({ schedule: { conference: { title: 'C', time_zone_name: 'Europe/Berlin', days: [{ index: 1, date: '2024-11-13', rooms: { A: [{ id: 1, guid: 'g1', date: '2024-11-13T10:00:00+01:00', start: '10:00', duration: '00:30', room: 'A', title }] } }] } } });
    case 'csv':
      return `Title,Date,Start,End,Time zone\n"${title.replace(/"/g, '""')}",2024-11-13,10:00,10:30,Europe/Berlin\n`;
    case 'html':
      return `<!DOCTYPE html>\n<html><head><title>C</title></head><body>\n<h2>Wednesday, November 13, 2024 (Europe/Berlin)</h2>\n<ul><li>10:00 - 10:30 ${title.replace(/[<&]/g, '')}</li></ul>\n</body></html>\n`;
  }
}

interface Adversarial {
  name: string;
  formats: readonly ImportFormat[];
  build(): string | Uint8Array;
  /** Extra expectation on one parser's outcome (null when it refused). */
  expect?(format: ImportFormat, result: ParsedSchedule | null): void;
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const MB = 1024 * 1024;
const nLines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const parsedAll = (count: number) => (_: ImportFormat, r: ParsedSchedule | null) => expect(r?.sessions.length ?? 0).toBe(count);
const refused = (_: ImportFormat, r: ParsedSchedule | null) => expect(r).toBeNull();

const ADVERSARIAL: Adversarial[] = [
  { name: '1 MB single line of schedule-like tokens', formats: FUZZED, build: () => repeatTo('Monday, November 6 9:00 - 10:00 am [a](http://x) **b** avatar for "c",<d>{e}; ', MB) },
  { name: '1 MB single line of one letter', formats: FUZZED, build: () => 'x'.repeat(MB) },
  { name: '100,000-line plain text of time ranges', formats: ['sched-text', 'markdown', 'text', 'csv'], build: () => nLines(100_000, (i) => `${hhmm(i % 1440)} - ${hhmm((i + 30) % 1440)} Talk ${i}`) },
  { name: '100,000-line Sched page', formats: ['sched-text'], build: () => nLines(100_000, (i) => SOURCES.schedSeeds[0]?.split('\n')[i % 400] ?? '') },
  {
    name: '100,000-line iCalendar file',
    formats: ['ics'],
    build: () => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${nLines(12_500, (i) => `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART:2024111${i % 5}T${hhmm(i % 600).replace(':', '')}00Z\r\nDURATION:PT30M\r\nSUMMARY:Talk ${i}\r\nLOCATION:Room ${i % 9}\r\nEND:VEVENT\r`)}\nEND:VCALENDAR\r\n`,
    expect: parsedAll(12_500)
  },
  { name: '100,000-row CSV', formats: ['csv'], build: () => `title,date,start,end\n${nLines(100_000, (i) => `Talk ${i},2024-11-13,${hhmm(i % 1380)},${hhmm((i % 1380) + 30)}`)}\n`, expect: parsedAll(100_000) },
  {
    name: '100,000-line frab XML',
    formats: ['frab-xml'],
    build: () => `<schedule><conference><title>Big</title><time_zone_name>Europe/Berlin</time_zone_name></conference><day date="2024-11-13" index="1"><room name="A">\n${nLines(20_000, (i) => `<event id="${i}">\n<start>${hhmm(i % 1380)}</start>\n<duration>00:30</duration>\n<title>Talk ${i}</title>\n</event>`)}\n</room></day></schedule>`,
    expect: parsedAll(20_000)
  },
  { name: '10,000-deep XML elements', formats: FUZZED, build: () => `<schedule>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</schedule>` },
  { name: '10,000-deep unclosed XML elements', formats: ['frab-xml'], build: () => `<schedule>${'<day>'.repeat(10_000)}` },
  { name: '10,000-deep JSON arrays', formats: FUZZED, build: () => `{"schedule":{"conference":{"days":${'['.repeat(10_000)}${']'.repeat(10_000)}}}}` },
  { name: '10,000-deep JSON objects', formats: ['schedule-json'], build: () => `{"schedule":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}` },
  { name: '10,000-deep Markdown lists and quotes', formats: FUZZED, build: () => `${'> '.repeat(10_000)}**Monday, November 6, 2023 • 9:15 am - 9:40 am**\n${'- '.repeat(10_000)}[t](http://x)\n${nLines(2000, (i) => `${'  '.repeat(i)}- item ${i}`)}` },
  { name: '10,000 nested brackets in a Markdown link', formats: ['markdown', 'text'], build: () => `${'['.repeat(10_000)}a${']'.repeat(10_000)}(http://x)\n**Monday, November 6, 2023 • 9:15 am - 9:40 am**` },
  {
    name: 'billion laughs XML with entity declarations',
    formats: ['frab-xml'],
    build: () => {
      const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
      return `<?xml version="1.0"?>\n<!DOCTYPE schedule [\n${entities.join('\n')}\n]>\n<schedule><conference><title>&lol9;</title></conference><day date="2024-11-13"><room name="A"><event id="1"><start>10:00</start><duration>00:30</duration><title>&lol9;</title></event></room></day></schedule>`;
    },
    expect: refused
  },
  {
    name: 'external entity XML (XXE)',
    formats: ['frab-xml'],
    build: () => `<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<schedule><day date="2024-11-13"><room name="A"><event id="1"><start>10:00</start><title>&x;</title></event></room></day></schedule>`,
    expect: refused
  },
  {
    name: '5 MB base64 blob in an iCalendar DESCRIPTION (bytes)',
    formats: ['ics'],
    build: () => {
      const blob = repeatTo('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjEyMw==', 5 * MB).match(/.{1,74}/g)?.join('\r\n ') ?? '';
      return new TextEncoder().encode(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:blob\r\nDTSTART:20241113T100000Z\r\nDTEND:20241113T110000Z\r\nSUMMARY:Blob\r\nDESCRIPTION:${blob}\r\nATTACH;ENCODING=BASE64;VALUE=BINARY:${blob.slice(0, 400_000)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`);
    },
    expect: parsedAll(1)
  },
  { name: '50,000 columns in a CSV row', formats: ['csv'], build: () => `title,start,${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',')}\nTalk,2024-11-13T10:00:00Z,${'x,'.repeat(49_999)}x\n` },
  { name: '50,000 columns in a CSV header only', formats: FUZZED, build: () => `${'title,date,'.repeat(25_000)}\n` },
  { name: 'an unclosed CSV quote over 100,000 lines', formats: ['csv'], build: () => `title,start\n"Talk,2024-11-13T10:00:00Z\n${'a,b\n'.repeat(100_000)}` },
  { name: 'NUL bytes refused by decodeBytes', formats: FUZZED, build: () => new TextEncoder().encode(`BEGIN:VCALENDAR\n\u0000\u0000\u0000SUMMARY:x\n`) },
  { name: 'an iCalendar RRULE every second for ever', formats: ['ics'], build: () => documentWithTitle('ics', 'Tick').replace('SUMMARY', 'RRULE:FREQ=SECONDLY\r\nSUMMARY') },
  { name: 'an iCalendar RRULE with an absurd COUNT and no end', formats: ['ics'], build: () => documentWithTitle('ics', 'Tick').replace('SUMMARY', 'RRULE:FREQ=MINUTELY;COUNT=2000000000\r\nSUMMARY') },
  { name: '10,000 nested iCalendar components', formats: ['ics'], build: () => documentWithTitle('ics', 'Deep').replace('END:VEVENT', `${'BEGIN:VALARM\r\n'.repeat(10_000)}${'END:VALARM\r\n'.repeat(10_000)}END:VEVENT`) }
];

// Characters people paste without seeing: each format must keep them in the title or refuse.
for (const format of FUZZED) {
  for (const [what, title, keeps] of [
    ['NUL bytes', 'Talk\u0000 with\u0000nul', 'with'],
    ['lone surrogates', 'Talk \ud800 and \udfff alone', 'alone'],
    ['RTL and zero-width characters', '\u202eכנס\u202c \u200bשלום\u200d \u2066Talk\u2069 \u061c', 'שלום']
  ] as const) {
    ADVERSARIAL.push({
      name: `${what} in a ${format} title`,
      formats: [format],
      build: () => documentWithTitle(format, title),
      // XML 1.0 forbids NUL and lone surrogates, so frab XML may refuse them; a kept title must keep the text.
      expect: (_, r) => {
        if (r !== null || format !== 'frab-xml') expect(r?.sessions.map((s) => s.title).join(' ') ?? '').toContain(keeps);
      }
    });
  }
}

// heapUsed counts garbage not yet collected; a real collection tells retained memory from litter.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let heapAtStart = 0;
function checkHeap(name: string): void {
  let grown = process.memoryUsage().heapUsed - heapAtStart;
  if (grown > 512 * MB) {
    collectGarbage();
    grown = process.memoryUsage().heapUsed - heapAtStart;
  }
  if (grown > 512 * MB) throw new Error(`${name}: the heap kept ${(grown / MB).toFixed(0)} MB more than before these cases (limit 512 MB)`);
}

describe('fixed adversarial inputs (run once each)', () => {
  beforeAll(() => {
    collectGarbage();
    heapAtStart = process.memoryUsage().heapUsed;
  });

  it.each(ADVERSARIAL.map((a) => [a.name, a] as const))('%s', (name, a) => {
    const input = a.build();
    const text = typeof input === 'string' ? input : decoded(name, input);
    if (text === null) return checkHeap(name);
    for (const format of a.formats) {
      const out = checkParse(`${name} via ${format}`, format, text, () => PARSERS[format](text, {}));
      a.expect?.(format, out.result);
    }
    checkParse(`${name} via pipeline`, null, text, () => parseImport(text, { format: 'auto' }));
    checkHeap(name);
  }, 300_000);

  it('a title of only zero-width characters is treated as missing, never stored as an invisible title', () => {
    const invisible = '\u200b\u200c\u200d\u2060\ufeff\u202e';
    const stored = FUZZED.flatMap((format) => {
      const text = documentWithTitle(format, invisible);
      // Through the import pipeline: the only way a session reaches the store.
      const out = checkParse(`invisible title via ${format}`, format, text, () => parseImport(text, { format }));
      return (out.result?.sessions ?? []).filter((s) => INVISIBLE.test(s.title)).map((s) => `${format}: ${JSON.stringify(s.title)}`);
    });
    expect(stored).toEqual([]);
  });
});
