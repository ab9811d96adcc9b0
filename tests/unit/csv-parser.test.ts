import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { csvColumns, parseCsv } from '../../src/main/import/parsers/csv.ts';
import { readCsv } from '../../src/main/import/parsers/csv-read.ts';
import { parseDateText, parseSpeakers, parseTimeText } from '../../src/main/import/parsers/csv-values.ts';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const berlin = { timeZone: 'Europe/Berlin' };

describe('CSV records', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and numbers rows by their first line', () => {
    const doc = readCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,,last\r\n');
    expect(doc.delimiter).toBe(',');
    expect(doc.records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['plain', '', 'last']
    ]);
    expect(doc.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('guesses semicolon and tab delimiters from the header', () => {
    expect(readCsv('title;start\nA;10:00').delimiter).toBe(';');
    expect(readCsv('title\tstart\nA\t10:00').delimiter).toBe('\t');
  });

  it('a quote that never closes is reported, not thrown', () => {
    const r = parseCsv('title,start,end\n"Open,2024-05-01 10:00,11:00\nB,2024-05-01 12:00,13:00\n', berlin);
    expect(r.warnings.some((w) => w.line === 2 && w.message.includes('never closes'))).toBe(true);
  });
});

describe('CSV headers', () => {
  it('matches header variants in any order and case', () => {
    const columns = csvColumns('SPEAKER(S);Session Title;Day;From;Until;Location;Category;Abstract;Link;Format;UID;Extra\n');
    expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toEqual({
      'SPEAKER(S)': 'speakers',
      'Session Title': 'title',
      Day: 'date',
      From: 'start',
      Until: 'end',
      Location: 'room',
      Category: 'track',
      Abstract: 'description',
      Link: 'url',
      Format: 'type',
      UID: 'id',
      Extra: null
    });
  });

  it('names unknown columns in a warning', () => {
    const r = parseCsv('Talk,Start,Duration,Colour,Mood\nHello,2024-05-01 10:00,45,red,happy\n', berlin);
    expect(r.sessions).toHaveLength(1);
    expect(r.warnings).toContainEqual({ line: 1, message: expect.stringContaining('“Colour”, “Mood”') });
  });

  it('a missing title column is a parse-failed error asking for a choice in the preview', () => {
    try {
      parseCsv('Start,End,Room\n2024-05-01 10:00,11:00,A\n', berlin);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ClashlessError);
      const e = err as ClashlessError;
      expect(e.code).toBe('parse-failed');
      expect(e.message).toBe('The CSV has no column for the title; choose one in the preview.');
      expect(e.where).toBe('line 1');
    }
  });

  it('a missing start column is an error too, and a chosen mapping fixes it', () => {
    const text = 'Title,Kickoff,Wrap\nHello,2024-05-01 10:00,11:00\n';
    expect(() => parseCsv(text, berlin)).toThrow(/no column for the start time/);
    const r = parseCsv(text, { ...berlin, columns: [
        { header: 'Kickoff', field: 'start' },
        { header: 'Wrap', field: 'end' }
      ]
    });
    expect(iso(r.sessions[0]!.start)).toBe('2024-05-01T08:00:00Z');
    expect(iso(r.sessions[0]!.end)).toBe('2024-05-01T09:00:00Z');
  });
});

describe('CSV dates and times', () => {
  it('reads day/month dates when a day above 12 settles the column', () => {
    const r = parseCsv('title,date,start,end\nA,13/11/2024,09:00,10:00\nB,05/11/2024,09:00,10:00\n', berlin);
    expect(r.sessions.map((s) => iso(s.start))).toEqual(['2024-11-13T08:00:00Z', '2024-11-05T08:00:00Z']);
    expect(r.warnings).toEqual([]);
  });

  it('reads month/day dates when a value above 12 is in the second place', () => {
    const r = parseCsv('title,date,start,end\nA,11/13/2024,9:00 am,10:00 am\nB,11/05/2024,2:30 PM,3:15 PM\n', berlin);
    expect(r.sessions.map((s) => iso(s.start))).toEqual(['2024-11-13T08:00:00Z', '2024-11-05T13:30:00Z']);
    expect(r.sessions[1]!.end - r.sessions[1]!.start).toBe(45 * 60_000);
  });

  it('warns when every date could be day/month or month/day, and honours a chosen order', () => {
    const text = 'title,date,start,end\nA,11/12/2024,10:00,11:00\n';
    const guessed = parseCsv(text, berlin);
    expect(guessed.warnings.some((w) => w.message.includes('could be day/month or month/day'))).toBe(true);
    expect(iso(guessed.sessions[0]!.start)).toBe('2024-11-12T09:00:00Z');
    const chosen = parseCsv(text, { ...berlin, dateOrder: 'dmy' });
    expect(chosen.warnings).toEqual([]);
    expect(iso(chosen.sessions[0]!.start)).toBe('2024-12-11T09:00:00Z');
  });

  it('reads written dates, am/pm times and ranges in one cell', () => {
    const r = parseCsv(
      'title,date,time\nA,"Nov 13, 2024",9:15 am - 9:40 am\nB,13 November 2024,16:00–17:15\nC,"Wednesday, November 13, 2024",12pm to 1pm\n',
      { timeZone: 'America/Denver' }
    );
    expect(r.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2024-11-13T16:15:00Z', '2024-11-13T16:40:00Z'],
      ['2024-11-13T23:00:00Z', '2024-11-14T00:15:00Z'],
      ['2024-11-13T19:00:00Z', '2024-11-13T20:00:00Z']
    ]);
  });

  it('uses ISO offsets in one column for the instants and the zone', () => {
    const r = parseCsv('name,start,end\nA,2024-11-13T10:00:00-07:00,2024-11-13T11:00:00-07:00\n', {});
    expect(iso(r.sessions[0]!.start)).toBe('2024-11-13T17:00:00Z');
    expect(r.zone).toMatchObject({ zone: 'Etc/GMT+7', rule: 'utc-offset', guessed: false });
  });

  it('uses a zone column, and falls back with a warning when nothing names a zone', () => {
    const zoned = parseCsv('title,start,end,timezone\nA,2024-11-13 10:00,11:00,America/Denver\n', {});
    expect(zoned.zone).toMatchObject({ zone: 'America/Denver', rule: 'zone-name' });
    expect(iso(zoned.sessions[0]!.start)).toBe('2024-11-13T17:00:00Z');
    const bare = parseCsv('title,start,end\nA,2024-11-13 10:00,11:00\n', { fallbackZone: 'Asia/Tokyo' });
    expect(bare.zone).toMatchObject({ zone: 'Asia/Tokyo', rule: 'fallback', guessed: true });
    expect(bare.warnings.some((w) => w.message.startsWith('This file names no time zone'))).toBe(true);
  });

  it('computes a DST-crossing day in Europe/Berlin (2024-03-31) from wall clocks, not by adding hours', () => {
    const r = parseCsv(
      'title,date,start,end\nSaturday,2024-03-30,10:00,11:00\nNight,2024-03-31,01:30,03:30\nSunday,2024-03-31,10:00,11:00\n',
      berlin
    );
    const [sat, night, sun] = r.sessions;
    expect(iso(sat!.start)).toBe('2024-03-30T09:00:00Z');
    expect(iso(night!.start)).toBe('2024-03-31T00:30:00Z');
    // 01:30 CET to 03:30 CEST is one real hour.
    expect(night!.end - night!.start).toBe(60 * 60_000);
    expect(iso(sun!.start)).toBe('2024-03-31T08:00:00Z');
  });

  it('a session ending after midnight without an end date ends the next day', () => {
    const r = parseCsv('title,date,start,end\nParty,2024-05-01,22:00,01:00\n', berlin);
    expect(r.sessions[0]!.end - r.sessions[0]!.start).toBe(3 * 3_600_000);
  });

  it('skips rows it cannot place in time with a warning naming the physical line', () => {
    const r = parseCsv('title,date,start,end\n"Two\nline title",2024-05-01,10:00,11:00\nNo date,,10:00,11:00\nBad time,2024-05-01,later,11:00\n,2024-05-01,10:00,11:00\n', berlin);
    expect(r.sessions.map((s) => [s.title, s.line])).toEqual([['Two line title', 2]]);
    expect(r.warnings.map((w) => w.line)).toEqual([4, 5, 6]);
    expect(r.warnings[1]!.message).toContain('“later” is not a start I can read');
  });

  it('parses the date and time forms people type', () => {
    expect(parseDateText('2024-11-13', 'mdy', null)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('13.11.2024', 'mdy', null)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('Nov 13th', 'dmy', 2024)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('31/02/2024', 'dmy', null)).toBeNull();
    expect(parseTimeText('12:00 am')).toBe(0);
    expect(parseTimeText('12 pm')).toBe(720);
    expect(parseTimeText('14h30')).toBe(870);
    expect(parseTimeText('13 pm')).toBeNull();
    expect(parseTimeText('45')).toBeNull();
  });
});

describe('CSV fields', () => {
  it('splits speaker lists on ; & and "and", and on commas that separate names', () => {
    const names = (text: string): string[] => parseSpeakers(text).map((s) => s.name);
    expect(names('Ann Lee; Bob Ray')).toEqual(['Ann Lee', 'Bob Ray']);
    expect(names('Ann Lee & Bob Ray and Cy Twombly')).toEqual(['Ann Lee', 'Bob Ray', 'Cy Twombly']);
    expect(names('Ann Lee, Bob Ray, Cy Twombly')).toEqual(['Ann Lee', 'Bob Ray', 'Cy Twombly']);
    expect(names('Doe, Jane')).toEqual(['Jane Doe']);
    expect(parseSpeakers('Jane Doe, Acme Inc')).toEqual([{ name: 'Jane Doe', affiliation: 'Acme Inc', role: null, bio: null }]);
    expect(parseSpeakers('Jane Doe (Broadcom)')[0]).toMatchObject({ name: 'Jane Doe', affiliation: 'Broadcom' });
    expect(names('')).toEqual([]);
  });

  it('fills every field and keys by the id column, or by content without one', () => {
    const r = parseCsv(
      'id,title,start,duration,room,venue,speakers,track,description,url,type,status\n' +
        'S1,Keynote,2024-05-01 09:00,1:30,Hall A,Congress Center,Ann Lee; Bob Ray,Main,"Line one\n\nLine two",https://x.test/s1,Talk,\n' +
        ',Cancelled thing,2024-05-01 11:00,30 min,Hall B,,,,,,,cancelled\n',
      berlin
    );
    const [keynote, cancelled] = r.sessions;
    expect(keynote).toMatchObject({
      key: 'csv:S1',
      title: 'Keynote',
      room: 'Hall A',
      venue: 'Congress Center',
      track: 'Main',
      type: 'Talk',
      url: 'https://x.test/s1',
      description: 'Line one\n\nLine two',
      status: 'scheduled',
      allDay: false,
      line: 2
    });
    expect(keynote!.end - keynote!.start).toBe(90 * 60_000);
    expect(keynote!.speakers.map((s) => s.name)).toEqual(['Ann Lee', 'Bob Ray']);
    expect(cancelled!.key).toMatch(/^h-/);
    expect(cancelled!.status).toBe('cancelled');
    expect(cancelled!.end - cancelled!.start).toBe(30 * 60_000);
  });

  it('a date without a time is an all-day session', () => {
    const r = parseCsv('title,date,start\nExpo,2024-05-02,2024-05-02\n', berlin);
    expect(r.sessions[0]).toMatchObject({ allDay: true });
    expect(iso(r.sessions[0]!.start)).toBe('2024-05-01T22:00:00Z');
    expect(iso(r.sessions[0]!.end)).toBe('2024-05-02T22:00:00Z');
  });
});
