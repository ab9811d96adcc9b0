import { readFileSync, readdirSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { ParseOptions, ParsedSchedule } from '../../src/shared/domain.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { readEvent, type ReadResult } from '../../src/main/import/parsers/ics/event.ts';
import { fastReadEvent } from '../../src/main/import/parsers/ics/fastread.ts';
import { expandRule, ruleFromJcal } from '../../src/main/import/parsers/ics/rrule.ts';
import { prepareIcsText, scanIcs } from '../../src/main/import/parsers/ics/scan.ts';
import { parseIcsTime, type Wall } from '../../src/main/import/parsers/ics/time.ts';
import type { JcalComponent } from '../../src/main/import/parsers/ics/zones.ts';
import { generateIcsWithFacts } from '../fixtures/generate-ics.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

/** A calendar from VEVENT bodies (each an array of property lines). */
function ics(events: string[][], header: string[] = [], extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clashless tests//EN',
    ...header,
    ...extra,
    ...events.flatMap((body) => ['BEGIN:VEVENT', ...body, 'END:VEVENT']),
    'END:VCALENDAR',
    ''
  ].join('\n');
}

const parse = (text: string, opts: ParseOptions = {}): ParsedSchedule => parseIcs(text, opts);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE'
];

describe('fields', () => {
  it('reads title, description, room, track and url, unescaping text', () => {
    const result = parse(
      ics([
        [
          'UID:a1',
          'DTSTART:20240312T090000Z',
          'DTEND:20240312T100000Z',
          'SUMMARY:Hello\\, world\\; again',
          'DESCRIPTION:Line one\\nLine two',
          'LOCATION:Room 101',
          'CATEGORIES:Security',
          'URL:https://example.org/talk/1'
        ]
      ])
    );
    expect(result.format).toBe('ics');
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0]).toMatchObject({
      key: 'a1',
      title: 'Hello, world; again',
      description: 'Line one\nLine two',
      venue: null,
      room: 'Room 101',
      track: 'Security',
      url: 'https://example.org/talk/1',
      status: 'scheduled',
      allDay: false,
      speakers: [],
      line: 4
    });
  });

  it('splits LOCATION "Venue | Room" and "Venue - Room", and leaves comma lists whole', () => {
    const result = parse(
      ics([
        ['UID:a', 'DTSTART:20240312T090000Z', 'SUMMARY:A', 'LOCATION:Salt Palace | Level 1 | 155 EF'],
        ['UID:b', 'DTSTART:20240312T090000Z', 'SUMMARY:B', 'LOCATION:Messe Berlin - Hall 3'],
        ['UID:c', 'DTSTART:20240312T090000Z', 'SUMMARY:C', 'LOCATION:Hudson Room\\, Deck 3\\, Forward']
      ])
    );
    expect(result.sessions.map((s) => [s.venue, s.room])).toEqual([
      ['Salt Palace', 'Level 1 | 155 EF'],
      ['Messe Berlin', 'Hall 3'],
      [null, 'Hudson Room, Deck 3, Forward']
    ]);
  });

  it('turns HTML descriptions into text and keeps paragraphs', () => {
    const html =
      'DESCRIPTION:<p><a href="/x">Women of Open Technology Breakfast</a>\\, Presented by Us</p>\\n<p><em>Only with a ticket.</em></p><ul><li>one</li><li>two &amp; three</li></ul>';
    const result = parse(ics([['UID:h', 'DTSTART:20240312T090000Z', 'SUMMARY:H', html]]));
    expect(result.sessions[0]?.description).toBe(
      'Women of Open Technology Breakfast, Presented by Us\n\nOnly with a ticket.\n\n• one\n• two & three'
    );
  });

  it('drops inline tags but keeps the writer\'s own line breaks', () => {
    const result = parse(ics([['UID:i', 'DTSTART:20240312T090000Z', 'SUMMARY:I', 'DESCRIPTION:Xen war <i>die</i> Plattform.\\n\\nHeute nicht.']]));
    expect(result.sessions[0]?.description).toBe('Xen war die Plattform.\n\nHeute nicht.');
  });

  it('does not take ORGANIZER or ATTENDEE names as speakers', () => {
    const result = parse(
      ics([['UID:o', 'DTSTART:20240312T090000Z', 'SUMMARY:O', 'ORGANIZER;CN=Jane Doe:mailto:jane@example.org', 'ATTENDEE;CN="Jakob Semere":invalid:nomail']])
    );
    expect(result.sessions[0]?.speakers).toEqual([]);
  });

  it('marks STATUS:CANCELLED sessions cancelled and keeps them', () => {
    const result = parse(ics([['UID:c', 'DTSTART:20240312T090000Z', 'SUMMARY:Gone', 'STATUS:CANCELLED']]));
    expect(result.sessions[0]?.status).toBe('cancelled');
  });

  it('keys an event without UID by its content', () => {
    const result = parse(ics([['DTSTART:20240312T090000Z', 'SUMMARY:No id'], ['DTSTART:20240313T090000Z', 'SUMMARY:No id']]));
    const [first, second] = result.sessions;
    expect(first?.key).toMatch(/^h-[0-9a-f]{16}$/);
    expect(second?.key).toBe(`${first?.key}#2`);
  });
});

describe('times and zones', () => {
  it('reads TZID times with the file\'s VTIMEZONE, across a DST change', () => {
    const result = parse(
      ics(
        [
          ['UID:w', 'DTSTART;TZID=Europe/Berlin:20250328T100000', 'DTEND;TZID=Europe/Berlin:20250328T110000', 'SUMMARY:Winter'],
          ['UID:s', 'DTSTART;TZID=Europe/Berlin:20250331T100000', 'DTEND;TZID=Europe/Berlin:20250331T110000', 'SUMMARY:Summer']
        ],
        [],
        BERLIN_VTIMEZONE
      )
    );
    expect(result.sessions.map((s) => iso(s.start))).toEqual(['2025-03-28T09:00:00Z', '2025-03-31T08:00:00Z']);
    expect(result.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name', guessed: false });
    expect(result.conference.timeZone).toBe('Europe/Berlin');
  });

  it('uses a made-up TZID\'s VTIMEZONE rules', () => {
    const vtimezone = BERLIN_VTIMEZONE.map((line) => (line === 'TZID:Europe/Berlin' ? 'TZID:My Own Zone' : line));
    const result = parse(ics([['UID:m', 'DTSTART;TZID=My Own Zone:20250715T100000', 'SUMMARY:M']], [], vtimezone));
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2025-07-15T08:00:00Z');
    // The rules match Berlin's, so the preview can show a real zone, flagged as a guess.
    expect(result.zone).toMatchObject({ zone: 'Europe/Berlin', guessed: true });
  });

  it('resolves IANA, Windows and label TZIDs without a VTIMEZONE', () => {
    const result = parse(
      ics([
        ['UID:1', 'DTSTART;TZID=America/New_York:20240712T090000', 'SUMMARY:IANA'],
        ['UID:2', 'DTSTART;TZID=Eastern Standard Time:20240712T090000', 'SUMMARY:Windows'],
        ['UID:3', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20240712T090000', 'SUMMARY:Label'],
        ['UID:4', 'DTSTART;TZID="UTC-04:00":20240712T090000', 'SUMMARY:Offset'],
        ['UID:5', 'DTSTART;TZID=GMT-0400:20240712T090000', 'SUMMARY:Offset name']
      ])
    );
    expect(result.sessions.map((s) => iso(s.start))).toEqual([
      '2024-07-12T13:00:00Z',
      '2024-07-12T13:00:00Z',
      '2024-07-12T13:00:00Z',
      '2024-07-12T13:00:00Z',
      '2024-07-12T13:00:00Z'
    ]);
  });

  it('reads floating times in the chosen zone, never the computer\'s', () => {
    const text = ics([['UID:f', 'DTSTART:20240712T090000', 'DTEND:20240712T100000', 'SUMMARY:Floating']]);
    const chosen = parse(text, { timeZone: 'Asia/Tokyo' });
    expect(iso(chosen.sessions[0]?.start ?? 0)).toBe('2024-07-12T00:00:00Z');
    expect(chosen.zone).toMatchObject({ zone: 'Asia/Tokyo', rule: 'option', guessed: false });
  });

  it('reads floating times with X-WR-TIMEZONE when nothing was chosen', () => {
    const result = parse(ics([['UID:f', 'DTSTART:20240712T090000', 'SUMMARY:F']], ['X-WR-TIMEZONE:America/Denver']));
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2024-07-12T15:00:00Z');
    expect(result.zone).toMatchObject({ zone: 'America/Denver', rule: 'zone-name' });
  });

  it('reads floating times in the TZID most events use', () => {
    const result = parse(
      ics([
        ['UID:1', 'DTSTART;TZID=Europe/Paris:20240712T090000', 'SUMMARY:A'],
        ['UID:2', 'DTSTART;TZID=Europe/Paris:20240712T100000', 'SUMMARY:B'],
        ['UID:3', 'DTSTART;TZID=Asia/Tokyo:20240712T100000', 'SUMMARY:C'],
        ['UID:4', 'DTSTART:20240712T120000', 'SUMMARY:Floating']
      ])
    );
    expect(result.zone.zone).toBe('Europe/Paris');
    expect(result.zone.detail).toContain('2 of 4');
    expect(iso(result.sessions[3]?.start ?? 0)).toBe('2024-07-12T10:00:00Z');
  });

  it('falls back to the given fallback zone with a warning when floating times have no zone at all', () => {
    const result = parse(ics([['UID:f', 'DTSTART:20240712T090000', 'SUMMARY:F']]), { fallbackZone: 'America/Chicago' });
    expect(result.zone).toMatchObject({ zone: 'America/Chicago', rule: 'fallback', guessed: true });
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2024-07-12T14:00:00Z');
    expect(result.warnings.some((w) => /name no time zone/.test(w.message))).toBe(true);
  });

  it('says "utc" when every time is UTC, and asks (guessed) unless a zone was chosen', () => {
    const text = ics([['UID:u', 'DTSTART:20240712T090000Z', 'SUMMARY:U']], ['X-WR-TIMEZONE:UTC']);
    expect(parse(text).zone).toMatchObject({ zone: 'UTC', rule: 'utc', guessed: true });
    expect(parse(text, { fallbackZone: 'Europe/Lisbon' }).zone).toMatchObject({ zone: 'Europe/Lisbon', rule: 'utc', guessed: true });
    expect(parse(text, { timeZone: 'America/Denver' }).zone).toMatchObject({ rule: 'option', guessed: false });
    expect(iso(parse(text, { timeZone: 'America/Denver' }).sessions[0]?.start ?? 0)).toBe('2024-07-12T09:00:00Z');
  });

  it('rejects a chosen zone that does not exist', () => {
    expect(() => parse(ics([['UID:u', 'DTSTART:20240712T090000Z', 'SUMMARY:U']]), { timeZone: 'Mars/Olympus' })).toThrow(ClashlessError);
  });

  it('warns once, with the line, about a TZID nothing can place and uses the conference zone', () => {
    const result = parse(
      ics(
        [
          ['UID:1', 'DTSTART;TZID=Nowhere Special:20240712T090000', 'SUMMARY:A'],
          ['UID:2', 'DTSTART;TZID=Nowhere Special:20240713T090000', 'SUMMARY:B']
        ],
        ['X-WR-TIMEZONE:Europe/Madrid']
      )
    );
    const zoneWarnings = result.warnings.filter((w) => w.message.includes('Nowhere Special'));
    expect(zoneWarnings).toEqual([{ line: 5, message: expect.stringContaining('read as Europe/Madrid') }]);
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2024-07-12T07:00:00Z');
  });

  it('moves a time skipped by DST forward and takes the earlier of a repeated time', () => {
    const result = parse(
      ics(
        [
          ['UID:gap', 'DTSTART;TZID=Europe/Berlin:20250330T023000', 'SUMMARY:Gap'],
          ['UID:twice', 'DTSTART;TZID=Europe/Berlin:20251026T023000', 'SUMMARY:Twice']
        ],
        [],
        BERLIN_VTIMEZONE
      )
    );
    expect(result.sessions.map((s) => iso(s.start))).toEqual(['2025-03-30T01:30:00Z', '2025-10-26T00:30:00Z']);
  });
});

describe('lengths and all-day events', () => {
  it('makes DATE values all-day from midnight in the conference zone, DTEND exclusive', () => {
    const result = parse(
      ics([['UID:d', 'DTSTART;VALUE=DATE:20240712', 'DTEND;VALUE=DATE:20240714', 'SUMMARY:Two days']], ['X-WR-TIMEZONE:Europe/Berlin'])
    );
    expect(result.sessions[0]).toMatchObject({ allDay: true });
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2024-07-11T22:00:00Z');
    expect(iso(result.sessions[0]?.end ?? 0)).toBe('2024-07-13T22:00:00Z');
  });

  it('gives a DATE without DTEND one day and a date-time without DTEND zero length', () => {
    const result = parse(
      ics([
        ['UID:d', 'DTSTART;VALUE=DATE:20240712', 'SUMMARY:Day'],
        ['UID:t', 'DTSTART:20240712T090000Z', 'SUMMARY:Moment']
      ]),
      { timeZone: 'UTC' }
    );
    expect(result.sessions.map((s) => (s.end - s.start) / 3_600_000)).toEqual([24, 0]);
  });

  it('uses DURATION instead of DTEND', () => {
    const result = parse(ics([['UID:d', 'DTSTART:20240712T090000Z', 'DURATION:PT1H30M', 'SUMMARY:D']]));
    expect(iso(result.sessions[0]?.end ?? 0)).toBe('2024-07-12T10:30:00Z');
  });

  it('repairs an end before the start to zero length, with a located warning', () => {
    const result = parse(ics([['UID:x', 'DTSTART:20240712T090000Z', 'DTEND:20240712T080000Z', 'SUMMARY:Backwards']]));
    expect(result.sessions[0]?.end).toBe(result.sessions[0]?.start);
    expect(result.warnings).toContainEqual({ line: 4, message: expect.stringContaining('ends before it starts') });
  });

  it('reads a time under VALUE=DATE as the date-time it is', () => {
    const result = parse(ics([['UID:v', 'DTSTART;VALUE=DATE:20110804T120000', 'DTEND;VALUE=DATE:20110804T130000', 'SUMMARY:V']]), { timeZone: 'UTC' });
    expect(result.sessions[0]).toMatchObject({ allDay: false });
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2011-08-04T12:00:00Z');
  });
});

describe('identity', () => {
  it('keeps the copy with the higher SEQUENCE when a UID repeats, and warns', () => {
    const result = parse(
      ics([
        ['UID:dup', 'SEQUENCE:2', 'DTSTAMP:20240101T000000Z', 'DTSTART:20240712T090000Z', 'SUMMARY:Newer'],
        ['UID:dup', 'SEQUENCE:1', 'DTSTAMP:20240301T000000Z', 'DTSTART:20240712T100000Z', 'SUMMARY:Older']
      ])
    );
    expect(result.sessions.map((s) => s.title)).toEqual(['Newer']);
    expect(result.warnings).toContainEqual({ line: 11, message: expect.stringContaining('higher SEQUENCE') });
  });

  it('breaks a SEQUENCE tie with the later DTSTAMP', () => {
    const result = parse(
      ics([
        ['UID:dup', 'DTSTAMP:20240301T000000Z', 'DTSTART:20240712T090000Z', 'SUMMARY:Later stamp'],
        ['UID:dup', 'DTSTAMP:20240101T000000Z', 'DTSTART:20240712T100000Z', 'SUMMARY:Earlier stamp']
      ])
    );
    expect(result.sessions.map((s) => s.title)).toEqual(['Later stamp']);
  });

  it('reads several VCALENDARs in one file', () => {
    const text = ics([['UID:1', 'DTSTART:20240712T090000Z', 'SUMMARY:One']]) + ics([['UID:2', 'DTSTART:20240712T100000Z', 'SUMMARY:Two']]);
    expect(parse(text).sessions.map((s) => s.title)).toEqual(['One', 'Two']);
  });
});

describe('recurrence', () => {
  const series = (rule: string[], extra: string[][] = [], header: string[] = []): ParsedSchedule =>
    parse(ics([['UID:s', 'DTSTART;TZID=Europe/Berlin:20250324T100000', 'DTEND;TZID=Europe/Berlin:20250324T110000', 'SUMMARY:Daily', ...rule], ...extra], header, BERLIN_VTIMEZONE));

  it('expands COUNT, keeping the wall-clock time across DST, with per-occurrence keys', () => {
    const result = series(['RRULE:FREQ=DAILY;COUNT=8']);
    expect(result.sessions.map((s) => iso(s.start))).toEqual([
      '2025-03-24T09:00:00Z',
      '2025-03-25T09:00:00Z',
      '2025-03-26T09:00:00Z',
      '2025-03-27T09:00:00Z',
      '2025-03-28T09:00:00Z',
      '2025-03-29T09:00:00Z',
      '2025-03-30T08:00:00Z',
      '2025-03-31T08:00:00Z'
    ]);
    expect(result.sessions[0]?.key).toBe('s@20250324T090000Z');
    expect(result.sessions.every((s) => s.end - s.start === 3_600_000)).toBe(true);
  });

  it('honours UNTIL given in UTC and UNTIL given as local time', () => {
    expect(series(['RRULE:FREQ=DAILY;UNTIL=20250326T090000Z'])).toHaveProperty('sessions.length', 3);
    expect(series(['RRULE:FREQ=DAILY;UNTIL=20250326T085959Z'])).toHaveProperty('sessions.length', 2);
    expect(series(['RRULE:FREQ=DAILY;UNTIL=20250326T100000'])).toHaveProperty('sessions.length', 3);
  });

  it('removes EXDATEs (lists too) and adds RDATEs', () => {
    const result = series([
      'RRULE:FREQ=DAILY;COUNT=5',
      'EXDATE;TZID=Europe/Berlin:20250325T100000,20250327T100000',
      'RDATE;TZID=Europe/Berlin:20250330T150000'
    ]);
    expect(result.sessions.map((s) => iso(s.start))).toEqual([
      '2025-03-24T09:00:00Z',
      '2025-03-26T09:00:00Z',
      '2025-03-28T09:00:00Z',
      '2025-03-30T13:00:00Z'
    ]);
  });

  it('applies RECURRENCE-ID overrides under the occurrence\'s key and fills missing fields from the series', () => {
    const result = series(
      ['RRULE:FREQ=DAILY;COUNT=3', 'LOCATION:Hall 1'],
      [['UID:s', 'RECURRENCE-ID;TZID=Europe/Berlin:20250325T100000', 'DTSTART;TZID=Europe/Berlin:20250325T170000', 'DTEND;TZID=Europe/Berlin:20250325T180000', 'STATUS:CANCELLED']]
    );
    expect(result.sessions.map((s) => [iso(s.start), s.key, s.title, s.room, s.status])).toEqual([
      ['2025-03-24T09:00:00Z', 's@20250324T090000Z', 'Daily', 'Hall 1', 'scheduled'],
      ['2025-03-25T16:00:00Z', 's@20250325T090000Z', 'Daily', 'Hall 1', 'cancelled'],
      ['2025-03-26T09:00:00Z', 's@20250326T090000Z', 'Daily', 'Hall 1', 'scheduled']
    ]);
  });

  it('expands only within the conference\'s dates when single events are present', () => {
    const result = series(['RRULE:FREQ=DAILY'], [['UID:single', 'DTSTART;TZID=Europe/Berlin:20250326T120000', 'SUMMARY:Keynote']]);
    // 24th to the end of the 26th: three occurrences plus the keynote.
    expect(result.sessions).toHaveLength(4);
  });

  it('expands a file of only series for 60 days from the first occurrence', () => {
    expect(series(['RRULE:FREQ=DAILY']).sessions).toHaveLength(60);
  });

  it('caps a series at 1,000 occurrences with a warning', () => {
    const result = parse(
      ics([
        ['UID:m', 'DTSTART:20250324T100000Z', 'SUMMARY:Every minute', 'RRULE:FREQ=MINUTELY'],
        ['UID:end', 'DTSTART:20250325T100000Z', 'SUMMARY:Closing']
      ])
    );
    expect(result.sessions).toHaveLength(1001);
    expect(result.warnings.some((w) => w.line === 4 && /1,000/.test(w.message))).toBe(true);
  });

  it('keeps an event whose RRULE is unreadable as a single event, with a note', () => {
    const result = parse(ics([['UID:r', 'DTSTART:20250324T100000Z', 'SUMMARY:R', 'RRULE:FREQ=FORTNIGHTLY']]));
    expect(result.sessions).toHaveLength(1);
    expect(result.warnings.some((w) => w.line === 4 && /RRULE|recurrence/.test(w.message))).toBe(true);
  });
});

describe('RRULE expansion (ics/rrule.ts)', () => {
  const wall = (y: number, mo: number, d: number, h = 10): Wall => ({ year: y, month: mo, day: d, hour: h, minute: 0, second: 0 });
  const expand = (rule: Record<string, unknown>, start: Wall, until: Wall = wall(2027, 1, 1)): string[] => {
    const out: string[] = [];
    expandRule(ruleFromJcal(rule), start, false, null, { stopAfter: until, maxSteps: 100_000 }, (w) => {
      out.push(`${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`);
      return out.length < 6;
    });
    return out;
  };

  it('takes weekly BYDAY lists and counts DTSTART first even off-pattern', () => {
    // 2020-11-02 is a Monday; the rule says Thursdays and Fridays.
    expect(expand({ freq: 'WEEKLY', byday: ['TH', 'FR'] }, wall(2020, 11, 2))).toEqual([
      '2020-11-02', '2020-11-05', '2020-11-06', '2020-11-12', '2020-11-13', '2020-11-19'
    ]);
  });

  it('finds the last Sunday of March and the second Sunday of a month', () => {
    expect(expand({ freq: 'YEARLY', bymonth: 3, byday: '-1SU' }, wall(2024, 3, 31)).slice(0, 3)).toEqual(['2024-03-31', '2025-03-30', '2026-03-29']);
    expect(expand({ freq: 'MONTHLY', byday: '2SU' }, wall(2024, 1, 14)).slice(0, 3)).toEqual(['2024-01-14', '2024-02-11', '2024-03-10']);
  });

  it('ends rules no date satisfies instead of looping (ical.js hangs on these)', () => {
    expect(expand({ freq: 'DAILY', bymonth: 2, bymonthday: 30 }, wall(2024, 1, 1))).toEqual(['2024-01-01']);
    expect(expand({ freq: 'YEARLY', bymonth: 2, bymonthday: 30 }, wall(2024, 1, 1))).toEqual(['2024-01-01']);
  });

  it('applies BYSETPOS within each period', () => {
    // Last weekday of each month.
    expect(expand({ freq: 'MONTHLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], bysetpos: -1 }, wall(2024, 1, 31)).slice(0, 3)).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-29'
    ]);
  });

  it('rejects parts out of range with a reason', () => {
    expect(() => ruleFromJcal({ freq: 'DAILY', bymonth: 13 })).toThrow(/BYMONTH/);
    expect(() => ruleFromJcal({ freq: 'SOMETIMES' })).toThrow(/FREQ/);
  });
});

describe('robustness and errors', () => {
  it('accepts CRLF, stray CR and a BOM', () => {
    const text = ics([['UID:c', 'DTSTART:20240712T090000Z', 'SUMMARY:Line endings']]);
    for (const variant of ['\ufeff' + text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) {
      expect(parse(variant).sessions.map((s) => s.title)).toEqual(['Line endings']);
    }
  });

  it('skips an event ical.js cannot read, with its BEGIN line, and keeps the rest', () => {
    const result = parse(
      ics([
        ['UID:ok', 'DTSTART:20240712T090000Z', 'SUMMARY:Fine'],
        ['UID:bad', 'DTSTART:20240712T090000Z', 'SUMMARY:Broken', 'THIS LINE HAS NO SEPARATOR'],
        ['UID:ok2', 'DTSTART:20240712T100000Z', 'SUMMARY:Also fine']
      ])
    );
    expect(result.sessions.map((s) => s.title)).toEqual(['Fine', 'Also fine']);
    expect(result.warnings).toContainEqual({ line: 9, message: expect.stringContaining('could not be read') });
  });

  it('reads events the fast reader declines through ical.js (RFC 6868 parameters, a blank line in a fold)', () => {
    const result = parse(
      ics([
        ['UID:a', 'DTSTART:20240712T090000Z', "SUMMARY;LANGUAGE=^'en^':Quoted parameter"],
        ['UID:b', 'DTSTART:20240712T100000Z', 'SUMMARY:Folded', 'DESCRIPTION:first part', '', ' second part']
      ])
    );
    expect(result.sessions.map((s) => [s.title, s.description])).toEqual([
      ['Quoted parameter', null],
      ['Folded', 'first partsecond part']
    ]);
  });

  it('skips an event with two DTSTARTs and one with an impossible date, each with its line', () => {
    const result = parse(
      ics([
        ['UID:two', 'DTSTART:20240101T100000Z', 'DTSTART:20240102T100000Z', 'SUMMARY:Two starts'],
        ['UID:feb', 'DTSTART:20240230T100000Z', 'SUMMARY:February 30'],
        ['UID:ok', 'DTSTART:20240712T100000Z', 'SUMMARY:Fine']
      ])
    );
    expect(result.sessions.map((s) => s.title)).toEqual(['Fine']);
    expect(result.warnings.map((w) => w.line)).toEqual([4, 10]);
  });

  it('reads an event whose END line is missing up to the next BEGIN', () => {
    const text = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240712T090000Z\nSUMMARY:Open\nBEGIN:VEVENT\nUID:b\nDTSTART:20240712T100000Z\nSUMMARY:Closed\nEND:VEVENT\nEND:VCALENDAR\n';
    const result = parse(text);
    expect(result.sessions.map((s) => s.title)).toEqual(['Open', 'Closed']);
    expect(result.warnings[0]).toMatchObject({ line: 2 });
  });

  it('fails with a located ClashlessError when nothing is readable', () => {
    const attempt = (text: string): ClashlessError => {
      try {
        parse(text);
      } catch (err) {
        if (err instanceof ClashlessError) return err;
        throw err;
      }
      throw new Error('expected a ClashlessError');
    };
    expect(attempt('just some text')).toMatchObject({ code: 'parse-failed', where: 'line 1' });
    expect(attempt(ics([['UID:x', 'SUMMARY:No start']]))).toMatchObject({ code: 'parse-failed', where: 'line 4' });
    expect(attempt(ics([['UID:x', 'SUMMARY:No start']])).message).toMatch(/^No events could be read from this calendar: /);
  });
});

describe('conference title', () => {
  it('prefers X-WR-CALNAME, then a short X-WR-CALDESC, then the file name, then the PRODID', () => {
    const event = [['UID:1', 'DTSTART:20240712T090000Z', 'SUMMARY:T']];
    expect(parse(ics(event, ['X-WR-CALNAME:DevConf 2024'])).conference.title).toBe('DevConf 2024');
    expect(parse(ics(event, ['X-WR-CALDESC:linux.conf.au 2020'])).conference.title).toBe('linux.conf.au 2020');
    expect(parse(ics(event), { fileName: 'kubecon-eu-2025.ics' }).conference.title).toBe('kubecon-eu-2025');
    const sched = ics(event).replace('PRODID:-//Clashless tests//EN', 'PRODID:-//Sched.com JoCo Cruise 2024//EN');
    expect(parse(sched, { fileName: 'all.ics' }).conference.title).toBe('JoCo Cruise 2024');
    expect(parse(ics(event)).conference.title).toBe('Imported calendar');
  });
});

describe('fast event reader', () => {
  /** readEvent's result with the values whose spelling differs between readers (not meaning) normalised. */
  const normalised = (read: ReadResult): unknown => {
    if ('error' in read) return 'error';
    const rule = read.event.rrule ? ruleFromJcal(read.event.rrule) : null;
    return {
      ...read,
      event: {
        ...read.event,
        stampValue: parseIcsTime(read.event.stampValue, null),
        rrule: rule && { ...rule, until: parseIcsTime(rule.until, null) }
      }
    };
  };

  it('reads every plain event of every peer fixture and a generated feed exactly as ICAL.parse does', () => {
    const dir = `${PEER_DIR}ics/`;
    const texts = readdirSync(dir).map((name) => readFileSync(dir + name, 'utf8'));
    texts.push(generateIcsWithFacts(600, 11).text);
    let compared = 0;
    for (const text of texts) {
      for (const block of scanIcs(prepareIcsText(text).text).blocks) {
        if (block.name !== 'VEVENT') continue;
        const fast = fastReadEvent(block.text);
        expect(fast).not.toBeNull();
        const reference = ICAL.parse(block.text) as JcalComponent;
        expect(normalised(readEvent(fast as JcalComponent, block.line))).toEqual(normalised(readEvent(reference, block.line)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('leaves unusual events to ICAL.parse', () => {
    const block = (lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\n');
    expect(fastReadEvent(block(['UID:a', 'DTSTART:20240101T100000Z']))).not.toBeNull();
    expect(fastReadEvent(block(['UID:a', 'NO SEPARATOR HERE']))).toBeNull();
    expect(fastReadEvent(block(['UID:a', 'DTSTART;TZID=Europe/Berlin;TZID=UTC:20240101T100000']))).toBeNull();
    expect(fastReadEvent(block(['UID:a', 'SUMMARY;LANGUAGE=^\'en^\':Hi']))).toBeNull();
    expect(fastReadEvent(block(['UID:a', '', 'SUMMARY:after a blank line']))).toBeNull();
  });
});

describe('scale', () => {
  it('parses a generated 10,000-event feed with 5% series correctly', () => {
    const { text, facts } = generateIcsWithFacts(10_000, 7);
    const started = performance.now();
    const result = parse(text);
    console.log(`ics: 10,000 events (${facts.series} series) parsed in ${Math.round(performance.now() - started)} ms`);
    expect(facts.series).toBeGreaterThan(400);
    expect(result.sessions).toHaveLength(facts.events - facts.series + facts.occurrences);
    expect(result.warnings).toEqual([]);
    expect(result.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name', guessed: false });
    expect(new Set(result.sessions.map((s) => s.key)).size).toBe(result.sessions.length);
    expect(result.sessions.every((s) => s.end >= s.start)).toBe(true);
    // The first slot: Monday 2025-03-24 09:00 in Berlin (UTC+1).
    expect(iso(result.sessions[0]?.start ?? 0)).toBe('2025-03-24T08:00:00Z');
  });
});
