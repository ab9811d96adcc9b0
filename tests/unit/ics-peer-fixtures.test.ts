// The .ics importer against real files other projects publish (see fixtures/peer/PROVENANCE.md).
// Expected instants were worked out by hand from each file's own text and zone rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { ParseOptions, ParsedSchedule, ParsedSession } from '../../src/shared/domain.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const FIXTURES = `${PEER_DIR}ics/`;
const load = (name: string): string => readFileSync(FIXTURES + name, 'utf8');
const parseFixture = (name: string, opts: ParseOptions = {}): ParsedSchedule => parseIcs(load(name), { fileName: name, ...opts });
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const byKey = (result: ParsedSchedule, key: string): ParsedSession => {
  const session = result.sessions.find((s) => s.key === key);
  if (!session) throw new Error(`no session with key ${key}`);
  return session;
};
const span = (s: ParsedSession): [string, string] => [iso(s.start), iso(s.end)];

function expectSane(result: ParsedSchedule): void {
  expect(result.format).toBe('ics');
  for (const s of result.sessions) {
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.speakers).toEqual([]);
    expect(s.line).toBeGreaterThan(0);
  }
  expect(new Set(result.sessions.map((s) => s.key)).size).toBe(result.sessions.length);
}

describe('conference feeds', () => {
  it('Sched 2024 full schedule: 439 sessions in UTC, zone left for the person to confirm', () => {
    const result = parseFixture('sched-fullschedule-2024.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(439);
    expect(result.conference.title).toBe('jococruise2024');
    expect(result.zone).toMatchObject({ rule: 'utc', guessed: true, zone: 'UTC' });
    expect(result.warnings).toEqual([]);
    const welcome = byKey(result, '60d293f6385215465dadcf5225bb7996');
    expect(welcome).toMatchObject({ title: 'Theme: Welcome, New Cruisers!', room: 'Whole Ship', venue: null, track: 'GENERAL INFO' });
    expect(span(welcome)).toEqual(['2024-03-09T12:00:00Z', '2024-03-10T05:00:00Z']);
    const trivia = byKey(result, '9807594f2de7b66fff50844e3fb2306c');
    expect(trivia).toMatchObject({ title: 'Grand Trivia Night', room: "Crow's Nest, Deck 11, Forward", track: 'SHADOW CRUISE' });
    expect(span(trivia)).toEqual(['2024-03-13T02:00:00Z', '2024-03-13T04:00:00Z']);
  });

  it('Sched 2024 with a chosen zone keeps the same instants', () => {
    const result = parseFixture('sched-fullschedule-2024.ics', { timeZone: 'America/New_York' });
    expect(result.zone).toMatchObject({ rule: 'option', guessed: false, zone: 'America/New_York' });
    expect(iso(byKey(result, '60d293f6385215465dadcf5225bb7996').start)).toBe('2024-03-09T12:00:00Z');
  });

  it('Sched 2026 full schedule parses every event', () => {
    const result = parseFixture('sched-fullschedule-2026.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(489);
    const pasta = byKey(result, '56f5ae076569102ac4dc99d66ac50649');
    expect(span(pasta)).toEqual(['2026-03-26T18:30:00Z', '2026-03-27T00:30:00Z']);
    expect(pasta.track).toBe('DINING');
  });

  it('JRES 2022: 120 sessions in Europe/Paris (IANA TZID, no VTIMEZONE, CHARSET parameters)', () => {
    const result = parseFixture('jres_2022.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(120);
    expect(result.conference.title).toBe('JRES 2021/22');
    expect(result.zone).toMatchObject({ zone: 'Europe/Paris', rule: 'zone-name', guessed: false });
    // 11:00 and 08:40 in Paris in May (CEST, UTC+2).
    expect(span(byKey(result, 'presentation_94@conf-ng.jres.org'))).toEqual(['2022-05-17T09:00:00Z', '2022-05-17T10:30:00Z']);
    expect(span(byKey(result, 'presentation_21@conf-ng.jres.org'))).toEqual(['2022-05-18T06:40:00Z', '2022-05-18T08:20:00Z']);
    const talk = byKey(result, 'presentation_129@conf-ng.jres.org');
    expect(talk.room).toBe('Amphithéâtre 1600');
    // A stray CR before each CRLF splits the folded DESCRIPTION; the text still reads whole.
    expect(talk.description).toMatch(/^Les interdépendances du monde numérique/);
    expect(talk.description).toContain('plus responsable.');
  });

  it('linux.conf.au 2020: 262 sessions in Australia/Brisbane, HTML descriptions as text', () => {
    const result = parseFixture('linux_conf_au_2020.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(262);
    expect(result.conference.title).toBe('linux.conf.au 2020');
    expect(result.zone).toMatchObject({ zone: 'Australia/Brisbane', rule: 'zone-name', guessed: false });
    const breakfast = byKey(result, '201@lca2020.linux.org.au');
    // 07:00 in Brisbane (UTC+10, no DST) is 21:00 UTC the day before.
    expect(span(breakfast)).toEqual(['2020-01-13T21:00:00Z', '2020-01-13T23:00:00Z']);
    expect(breakfast.description).toBe(
      'Women of Open Technology Breakfast, Presented by ThoughtWorks\n\nOnly for attendees with a ticket.\n\nGold Coast Convention and Exhibition Centre, Room 5'
    );
    expect(breakfast.room).toBe('Room 5');
    expect(result.sessions.some((s) => s.description?.includes('<'))).toBe(false);
  });

  it('Kieler Linux Tage 2020: 24 sessions, ATTENDEE names are not speakers', () => {
    const result = parseFixture('kielux_2020.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(24);
    expect(result.conference.title).toBe('18. Kieler Open Source und Linux Tage');
    expect(result.zone.rule).toBe('utc');
    const first = byKey(result, '460@KOLT20');
    expect(first.title).toBe('OpenCelium - Der generische OpenSoure API-Hub');
    expect(span(first)).toEqual(['2020-09-18T11:00:00Z', '2020-09-18T12:00:00Z']);
    expect(first.description).toMatch(/^von: Jakob Semere\n\nSie möchten wertvolle Daten/);
    expect(span(byKey(result, '468@KOLT20'))).toEqual(['2020-09-19T12:00:00Z', '2020-09-19T14:00:00Z']);
  });
});

describe('Outlook and Exchange zones', () => {
  it('ms_timezones: Windows ids with VTIMEZONEs, a quoted TZID that swallowed its value, series with EXDATE lists', () => {
    const result = parseFixture('ms_timezones.ics');
    expectSane(result);
    expect(result.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name', guessed: false });
    const test = result.sessions.find((s) => s.title === 'test') as ParsedSession;
    expect(span(test)).toEqual(['2020-09-10T07:00:00Z', '2020-09-10T07:30:00Z']);
    const pacific = result.sessions.find((s) => s.title === 'Not the actual summary 1') as ParsedSession;
    expect(span(pacific)).toEqual(['2020-09-15T15:30:00Z', '2020-09-15T16:30:00Z']);
    // Mon–Sat from Tue 9 June to Tue 15 September (the last single event): 99 days minus 14 Sundays.
    const jira = result.sessions.filter((s) => s.title === "Log Yesterday's Jira time");
    expect(jira).toHaveLength(85);
    expect(iso(jira[0]?.start ?? 0)).toBe('2020-06-09T07:00:00Z');
    // Tu/Th/Fr/Su at 12:00 Pacific from 7 July: 41 dates to 15 September, six of them excluded.
    const either = result.sessions.filter((s) => s.title === 'Not the actual summary either');
    expect(either).toHaveLength(35);
    expect(iso(either[0]?.start ?? 0)).toBe('2020-07-07T19:00:00Z');
    const excluded = ['2020-07-21', '2020-07-23', '2020-07-28', '2020-08-13', '2020-08-25', '2020-09-03'];
    expect(either.filter((s) => excluded.includes(iso(s.start).slice(0, 10)))).toEqual([]);
    expect(result.sessions).toHaveLength(2 + 85 + 35);
    expect(result.warnings.some((w) => /repaired/.test(w.message))).toBe(true);
  });

  it('Office 2012 OWA: "(GMT+10:00)" and "(UTC-05:00)" labels as TZIDs', () => {
    const result = parseFixture('Office-2012-owa.ics');
    expectSane(result);
    expect(result.conference.title).toBe('Fake Calendar');
    expect(result.zone).toMatchObject({ zone: 'America/New_York', rule: 'zone-name' });
    const titles = result.sessions.map((s) => [s.title, ...span(s)]);
    expect(titles).toEqual([
      // Sydney in late October is on daylight time, UTC+11.
      ['TEST Syd', '2020-10-28T02:30:00Z', '2020-10-28T04:00:00Z'],
      ['TEST', '2020-10-28T17:30:00Z', '2020-10-28T19:00:00Z'],
      ['TEST 3', '2020-11-02T18:30:00Z', '2020-11-02T20:00:00Z'],
      // The series starts on the last day of the file's events; later dates are outside.
      ['TEST2', '2020-11-02T18:30:00Z', '2020-11-02T20:00:00Z']
    ]);
  });

  it('bad_ms_tz: "Customized Time Zone" uses its VTIMEZONE rules', () => {
    const result = parseFixture('bad_ms_tz.ics');
    expectSane(result);
    // US Eastern rules: 10:35 in August is EDT, UTC-4.
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2020-08-25T14:35:00Z', '2020-08-25T15:50:00Z']);
    expect(result.zone).toMatchObject({ zone: 'America/New_York', guessed: true });
    // Only a series: Tuesdays and Thursdays for 60 days from 25 August.
    expect(result.sessions).toHaveLength(18);
    expect(result.sessions.every((s) => iso(s.start).endsWith('T14:35:00Z'))).toBe(true);
  });

  it('exchange-custom-tz: an escaped label TZID matches its quoted use', () => {
    const result = parseFixture('exchange-custom-tz.ics');
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2019-04-30T02:00:00Z', '2019-04-30T05:00:00Z']);
    expect(result.zone).toMatchObject({ zone: 'Asia/Bangkok', guessed: false });
    expect(result.sessions[0]?.description).toBeNull();
  });

  it('windows-quoted-tz-rrule: a label DTSTART, an IANA DTEND, EXDATEs written in the other zone', () => {
    const result = parseFixture('windows-quoted-tz-rrule.ics');
    expectSane(result);
    // 12:00 New York (EDT) to 13:00 Los Angeles (PDT): 16:00–20:00 UTC.
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2015-07-06T16:00:00Z', '2015-07-06T20:00:00Z']);
    // COUNT=10 less the two EXDATEs, which match their occurrences on the wall clock only.
    expect(result.sessions.map((s) => iso(s.start).slice(5, 10))).toEqual(['07-06', '07-07', '07-09', '07-11', '07-12', '07-13', '07-14', '07-15']);
    expect(result.warnings.filter((w) => /EXDATE/.test(w.message))).toHaveLength(2);
  });

  it('test_with_int_tzid: a VTIMEZONE named " 1"', () => {
    const result = parseFixture('test_with_int_tzid.ics');
    expect(result.sessions.map(span)).toEqual([
      ['2023-12-15T14:00:00Z', '2023-12-15T15:00:00Z'],
      ['2024-01-08T10:00:00Z', '2024-01-08T11:00:00Z']
    ]);
    expect(result.sessions[0]).toMatchObject({ room: 'dijon', track: 'Professionnel' });
    expect(result.sessions[1]?.description).toMatch(/^Désolé pour ces changements de date, j'espère/);
  });
});

describe('other calendars', () => {
  it('google-calendar-kiev-tz: a daily series with a RECURRENCE-ID override', () => {
    const result = parseFixture('google-calendar-kiev-tz.ics');
    expectSane(result);
    expect(result.zone).toMatchObject({ zone: 'Europe/Kyiv', rule: 'zone-name' });
    expect(result.sessions.map((s) => [iso(s.start), s.title])).toEqual([
      ['2016-08-25T11:00:00Z', 'repeated'],
      ['2016-08-26T11:00:00Z', 'bla bla'],
      ['2016-08-27T11:00:00Z', 'repeated'],
      ['2016-08-28T11:00:00Z', 'repeated']
    ]);
    expect(result.sessions[1]?.key).toBe('6m2q7kb2l02798oagemrcgm6pk@google.com@20160826T110000Z');
  });

  it('daily-count-exdate-recurrence-id: COUNT less EXDATEs, one occurrence moved', () => {
    const result = parseFixture('daily-count-exdate-recurrence-id.ics');
    expectSane(result);
    expect(result.sessions).toHaveLength(8);
    const moved = byKey(result, '0000001@20150707T190000Z');
    expect(moved).toMatchObject({ title: 'More Treasure Hunting', room: 'The other island' });
    // Its DTEND lies before its DTSTART; the series' one hour is used, with a warning.
    expect(span(moved)).toEqual(['2015-07-09T22:00:00Z', '2015-07-09T23:00:00Z']);
    expect(result.warnings).toContainEqual({ line: 11, message: expect.stringContaining('ends before it starts') });
    const dates = result.sessions.map((s) => s.key.slice(-16, -8));
    expect(dates).not.toContain('20150708');
    expect(dates).not.toContain('20150710');
  });

  it('meetup-timed-tz: America/Phoenix VTIMEZONE, escaped commas in LOCATION', () => {
    const result = parseFixture('meetup-timed-tz.ics');
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2011-11-10T02:00:00Z', '2011-11-10T04:00:00Z']);
    expect(result.sessions[0]).toMatchObject({
      room: 'Open Source Project Tempe (1415 E University Dr. #103A, Tempe, AZ 85281)',
      url: 'http://www.meetup.com/Phoenix-Drupal-User-Group/events/33627272/'
    });
  });

  it('tentative-apple-calendar: statuses', () => {
    const result = parseFixture('tentative-apple-calendar.ics');
    expect(result.sessions.map((s) => [s.title, s.status, s.attributes])).toEqual([
      ['Tentative', 'scheduled', { Status: 'Tentative' }],
      ['Confirmed', 'scheduled', {}],
      ['Cancelled', 'cancelled', {}],
      ['No Status', 'scheduled', {}]
    ]);
    expect(iso(result.sessions[1]?.start ?? 0)).toBe('2022-07-05T16:00:00Z');
    expect(result.zone).toMatchObject({ zone: 'America/Vancouver', rule: 'zone-name' });
  });

  it('floating-dtstart-custom-vtimezone: floating times read with the file\'s only VTIMEZONE', () => {
    const result = parseFixture('floating-dtstart-custom-vtimezone.ics');
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2025-06-10T18:00:00Z', '2025-06-10T19:00:00Z']);
    expect(result.zone).toMatchObject({ zone: 'America/New_York', guessed: true });
  });

  it('dst-transition-rules: indented first line, floating time in the Amsterdam VTIMEZONE', () => {
    const result = parseFixture('dst-transition-rules.ics');
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2022-10-09T08:00:00Z', '2022-10-09T09:00:00Z']);
    expect(result.zone.zone).toBe('Europe/Amsterdam');
  });

  it('festival-multiday-rrule: times under VALUE=DATE, a weekly series inside the festival', () => {
    const result = parseFixture('festival-multiday-rrule.ics', { timeZone: 'Europe/Helsinki' });
    expectSane(result);
    const tv = result.sessions.filter((s) => s.title === 'foobarTV broadcast starts');
    // Thursday 4 August (DTSTART) and Friday 5 August; the next Monday is five weeks on.
    expect(tv.map((s) => iso(s.start))).toEqual(['2011-08-04T09:00:00Z', '2011-08-05T09:00:00Z']);
    expect(result.sessions).toHaveLength(129);
    expect(result.sessions.every((s) => !s.allDay)).toBe(true);
  });

  it('festival-multiday-rrule without a chosen zone warns that it assumed one', () => {
    const result = parseFixture('festival-multiday-rrule.ics');
    expect(result.zone).toMatchObject({ rule: 'fallback', guessed: true });
    expect(result.warnings.some((w) => w.line === null && /name no time zone/.test(w.message))).toBe(true);
  });

  it('multi-event-basic: all-day events, a mixed DATE end, and an unreadable date with its line', () => {
    const result = parseFixture('multi-event-basic.ics', { timeZone: 'UTC' });
    expect(result.conference.title).toBe('Node.js conferences');
    expect(result.sessions).toHaveLength(8);
    expect(span(result.sessions[0] as ParsedSession)).toEqual(['2011-03-12T20:00:00Z', '2011-03-14T00:00:00Z']);
    const jsconf = result.sessions.find((s) => s.title === 'JSConf US 2011') as ParsedSession;
    expect(jsconf.allDay).toBe(true);
    expect(span(jsconf)).toEqual(['2011-05-02T00:00:00Z', '2011-05-04T00:00:00Z']);
    expect(result.warnings).toEqual([{ line: 71, message: expect.stringContaining('"Foobar"') }]);
  });

  it('large-file-with-late-error: events before the error are kept, the error is a located warning', () => {
    const result = parseFixture('large-file-with-late-error.ics');
    expectSane(result);
    expect(result.sessions.map((s) => s.title)).toContain('Event 400');
    expect(result.sessions.map((s) => s.title)).not.toContain('This event should trigger an error after 2000+ lines');
    expect(result.warnings).toContainEqual({ line: 2405, message: expect.stringContaining('2 DTSTART') });
    // Six events name days that do not exist (30 February, 31 April …): each is skipped with its line.
    const impossible = result.warnings.filter((w) => /not a date/.test(w.message));
    expect(impossible.map((w) => w.line)).toEqual([359, 365, 737, 1109, 1667, 2039]);
    expect(result.sessions).toHaveLength(401 - 1 - 6);
  });

  it('utf8-french-calendar: only to-do items, so a clear error that says where', () => {
    let error: unknown;
    try {
      parseFixture('utf8-french-calendar.ics');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ClashlessError);
    expect(error).toMatchObject({ code: 'parse-failed', where: 'line 5' });
    expect((error as Error).message).toMatch(/^No events could be read from this calendar: .*VTODO/);
  });
});
