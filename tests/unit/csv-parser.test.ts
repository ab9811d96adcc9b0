import { parse as parseWithCsvParse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { csvColumns, parseCsv } from '../../src/main/import/parsers/csv/parse.ts';
import { readCsv } from '../../src/main/import/parsers/csv/read.ts';
import { parseDateText, parseSpeakers, parseTimeText } from '../../src/main/import/parsers/csv/values.ts';

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

// csv/read.ts keeps three pieces of its own code next to csv-parse. Each test here shows the
// csv-parse behaviour that makes that code necessary; if csv-parse changes, the test fails and
// the workaround can be dropped.
describe('csv-parse as used', () => {
  const semicolonExport = 'Titel;"Sprecher, Moderation";Datum\r\n"Hallo; Welt";Anna;13.11.2024\r\n';

  it('its delimiter_auto cannot read a semicolon file with quoted fields, so the delimiter is chosen by reading the header', () => {
    expect(() => parseWithCsvParse(semicolonExport, { delimiter_auto: true, relax_quotes: true })).toThrow(/Invalid (?:Opening|Closing) Quote/);
    expect(() => parseWithCsvParse('a;"b";c\n1;2;3\n', { delimiter_auto: true, relax_quotes: true })).toThrow(/Invalid (?:Opening|Closing) Quote/);
    const doc = readCsv(semicolonExport);
    expect(doc.delimiter).toBe(';');
    expect(doc.records.map((r) => r.cells)).toEqual([
      ['Titel', 'Sprecher, Moderation', 'Datum'],
      ['Hallo; Welt', 'Anna', '13.11.2024']
    ]);
  });

  it('its info.lines counts a CRLF inside quotes as two lines, so readCsv corrects the line numbers', () => {
    const text = 'a,b\r\n"one\r\ntwo\r\nthree",x\r\nnext,y\r\n';
    const lines = parseWithCsvParse(text, { info: true }).map((r) => (r as unknown as { info: { lines: number } }).info.lines);
    expect(lines).toEqual([1, 6, 7]); // physically the records end on lines 1, 4 and 5
    expect(readCsv(text).records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('it gives up at a quote that never closes, so readCsv keeps the rows and reads on without quotes', () => {
    const text = 'title,start\nA,10:00\n"B,11:00\nC,12:00\n';
    expect(() => parseWithCsvParse(text, {})).toThrow(/Quote Not Closed/);
    const doc = readCsv(text);
    expect(doc.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['title', 'start']],
      [2, ['A', '10:00']],
      [3, ['"B', '11:00']],
      [4, ['C', '12:00']]
    ]);
    expect(doc.problems).toEqual([{ line: 3, message: expect.stringContaining('starts on line 3 never closes') }]);
  });

  it('strips a BOM, reads CR-only line ends and tabs, and skips blank lines without losing the count', () => {
    const doc = readCsv('\uFEFFtitle\tstart\r\rA\t10:00\rB\t11:00');
    expect(doc.delimiter).toBe('\t');
    expect(doc.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['title', 'start']],
      [3, ['A', '10:00']],
      [4, ['B', '11:00']]
    ]);
  });
});

describe('CSV headers in English, German, French and Spanish', () => {
  const fieldsOf = (header: string) => Object.fromEntries(csvColumns(`${header}\n`).map((c) => [c.header, c.field]));

  it('German', () => {
    expect(fieldsOf('Titel;Referent(en);Datum;Von;Bis;Saal;Kategorie;Beschreibung;Dauer')).toEqual({
      Titel: 'title',
      'Referent(en)': 'speakers',
      Datum: 'date',
      Von: 'start',
      Bis: 'end',
      Saal: 'room',
      Kategorie: 'track',
      Beschreibung: 'description',
      Dauer: 'duration'
    });
    expect(fieldsOf('Thema;Sprecher;Tag;Beginn;Ende;Ort')).toEqual({ Thema: 'title', Sprecher: 'speakers', Tag: 'date', Beginn: 'start', Ende: 'end', Ort: 'room' });
  });

  it('French, with or without accents and in any case', () => {
    expect(fieldsOf('TITRE;Orateur;Jour;Début;Fin;Lieu;Résumé')).toEqual({
      TITRE: 'title', Orateur: 'speakers', Jour: 'date', 'Début': 'start', Fin: 'end', Lieu: 'room', 'Résumé': 'description'
    });
    expect(fieldsOf('Titre,Intervenants,Date,Heure de debut,Heure de fin,Salle')).toMatchObject({ 'Heure de debut': 'start', 'Heure de fin': 'end', Salle: 'room' });
  });

  it('Spanish', () => {
    expect(fieldsOf('Título,Ponentes,Día,Inicio,Fin,Sala,Descripción')).toEqual({
      'Título': 'title', Ponentes: 'speakers', 'Día': 'date', Inicio: 'start', Fin: 'end', Sala: 'room', 'Descripción': 'description'
    });
    expect(fieldsOf('Nombre,Ponente,Fecha,Hora inicio,Hora fin,Lugar')).toMatchObject({ Nombre: 'title', 'Hora inicio': 'start', 'Hora fin': 'end', Lugar: 'room' });
  });

  it('English time columns: "Time Start" is the start and "Time End" the end, not a second start', () => {
    expect(fieldsOf('Session,Time Start,Time End,Venue')).toEqual({ Session: 'title', 'Time Start': 'start', 'Time End': 'end', Venue: 'room' });
    // A generic word ("session", "Uhrzeit") gives way to a specific one in the same header.
    expect(fieldsOf('Session Name,Uhrzeit Beginn,Uhrzeit Ende,Session Room,Session Speaker')).toEqual({
      'Session Name': 'title', 'Uhrzeit Beginn': 'start', 'Uhrzeit Ende': 'end', 'Session Room': 'room', 'Session Speaker': 'speakers'
    });
    const r = parseCsv('Session,Date,Time Start,Time End\nTalk,2024-05-01,10:00,10:45\n', berlin);
    expect(r.sessions[0]!.end - r.sessions[0]!.start).toBe(45 * 60_000);
  });

  it('a topic column is the title when there is no title column, and the track when there is', () => {
    expect(fieldsOf('Topic,Start')).toEqual({ Topic: 'title', Start: 'start' });
    expect(fieldsOf('Titre,Thème,Début')).toEqual({ Titre: 'title', 'Thème': 'track', 'Début': 'start' });
  });
});

describe('CSV times with am/pm', () => {
  it('reads every way of writing am and pm', () => {
    for (const [text, minutes] of [
      ['9:15 am', 555], ['9:15 AM', 555], ['9:15 a.m.', 555], ['9:15 A.M.', 555], ['9:15 a. m.', 555],
      ['1:30 pm', 810], ['1:30 P.M.', 810], ['1:30p.m.', 810], ['12:00 p.m.', 720], ['12:00 a.m.', 0], ['0:00 a.m.', 0],
      ['14h', 840], ['14 Uhr', 840], ['9h30', 570]
    ] as const) {
      expect(parseTimeText(text), text).toBe(minutes);
    }
    expect(parseTimeText('0:30 p.m.')).toBeNull();
    expect(parseTimeText('13:00 p.m.')).toBeNull();
  });

  it('"0:00 a.m." as an end is midnight after an evening start', () => {
    const r = parseCsv('title,date,start,end\nHack night,11/13/2024,9:00 P.M.,0:00 a.m.\n', { timeZone: 'America/New_York' });
    expect(iso(r.sessions[0]!.start)).toBe('2024-11-14T02:00:00Z');
    expect(iso(r.sessions[0]!.end)).toBe('2024-11-14T05:00:00Z');
  });

  it('reads German, French and Spanish written dates', () => {
    expect(parseDateText('Mittwoch, 13. November 2024', 'dmy', null)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('13. März 2024', 'dmy', null)).toEqual({ year: 2024, month: 3, day: 13 });
    expect(parseDateText('mercredi 13 novembre 2024', 'dmy', null)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('1er févr. 2025', 'dmy', null)).toEqual({ year: 2025, month: 2, day: 1 });
    expect(parseDateText('miércoles, 13 de noviembre de 2024', 'dmy', null)).toEqual({ year: 2024, month: 11, day: 13 });
    expect(parseDateText('Mar 13, 2024', 'dmy', null)).toEqual({ year: 2024, month: 3, day: 13 });
    expect(parseDateText('13 jui 2024', 'dmy', null)).toBeNull(); // juin or juillet
  });
});

describe('CSV without sessions is an error that says why', () => {
  const failure = (text: string) => {
    try {
      parseCsv(text, berlin);
    } catch (err) {
      expect(err).toBeInstanceOf(ClashlessError);
      return err as ClashlessError;
    }
    throw new Error('parseCsv returned a schedule');
  };

  it('a header with no rows', () => {
    const e = failure('Title,Start,End\n\n');
    expect(e.code).toBe('parse-failed');
    expect(e.message).toMatch(/header row but no rows/);
    expect(e.where).toBe('line 1');
  });

  it('rows that all fail, naming the first reasons and their lines', () => {
    const e = failure('Title,Start\nA,soon\nB,later\n');
    expect(e.code).toBe('parse-failed');
    expect(e.message).toMatch(/^None of the 2 rows of the CSV could be read as a session\. line 2: “soon” is not a start I can read/);
    expect(e.message).toContain('line 3: “later”');
    expect(e.where).toBe('line 2');
  });
});

describe('CSV columns that are no session field', () => {
  it('are kept on each session as extra details, never dropped, whatever their header says', () => {
    const r = parseCsv('Title,Start,Podcast,__proto__\nA,2024-05-01 10:00,Netzfunk,x\nB,2024-05-01 11:00,,\n', berlin);
    expect(r.sessions[0]!.attributes).toEqual({ Podcast: 'Netzfunk', ['__proto__']: 'x' });
    expect(Object.getPrototypeOf(r.sessions[0]!.attributes)).toBe(Object.prototype);
    expect(r.sessions[1]!.attributes).toEqual({});
    expect(r.warnings).toContainEqual({ line: 1, message: expect.stringContaining('“Podcast”, “__proto__”') });
  });
});

describe('CSV headers: which column a field goes to', () => {
  const fieldsOf = (header: string) => Object.fromEntries(csvColumns(`${header}\n`).map((c) => [c.header, c.field]));

  it('the field named outright beats a looser synonym, and "session" beside a title column is the track', () => {
    expect(fieldsOf('speaker_id,session,date,start_time,end_time,full_name,title')).toEqual({
      speaker_id: null, session: 'track', date: 'date', start_time: 'start', end_time: 'end', full_name: 'speakers', title: 'title'
    });
    expect(fieldsOf('notes,start,finish,Title,Description')).toMatchObject({ notes: null, Description: 'description', finish: 'end' });
    expect(fieldsOf('Session,Start')).toEqual({ Session: 'title', Start: 'start' });
  });

  it('headers about people or things around the session (photo, e-mail, job, company, chair, their ids) are no field', () => {
    expect(
      fieldsOf("Horodateur,Format du créneau,Photo de l'orateur,Prénom Nom,Intitulé de poste,Lien profil LinkedIn,Type d'orateur,Nombre max. de participants,Titre de la session")
    ).toEqual({
      Horodateur: 'start', 'Format du créneau': 'type', "Photo de l'orateur": null, 'Prénom Nom': 'speakers', 'Intitulé de poste': null,
      'Lien profil LinkedIn': null, "Type d'orateur": null, 'Nombre max. de participants': null, 'Titre de la session': 'title'
    });
    expect(fieldsOf('Talk,Start,Session Chair,Speaker Email,Speaker Bio,Room ID,Session ID')).toEqual({
      Talk: 'title', Start: 'start', 'Session Chair': null, 'Speaker Email': null, 'Speaker Bio': null, 'Room ID': null, 'Session ID': 'id'
    });
  });

  it('reads headers written joined, in camelCase or as questions', () => {
    expect(fieldsOf('name,day,starttime,endtime,timezone,sessionchair')).toEqual({
      name: 'title', day: 'date', starttime: 'start', endtime: 'end', timezone: 'timeZone', sessionchair: null
    });
    expect(fieldsOf('sessionTitle,startTime,endTime,sessionRoom,mainSpeaker')).toEqual({
      sessionTitle: 'title', startTime: 'start', endTime: 'end', sessionRoom: 'room', mainSpeaker: 'speakers'
    });
    expect(fieldsOf('Cluster,Wer,Was?,Tag,Beginn,Ende,Raum')).toEqual({ Cluster: 'track', Wer: 'speakers', 'Was?': 'title', Tag: 'date', Beginn: 'start', Ende: 'end', Raum: 'room' });
  });
});

describe('CSV dates and times decided across the column', () => {
  it('reads dates with the month as a word between year and day, or between day and year', () => {
    expect(parseDateText('2020-Nov-09', 'mdy', null)).toEqual({ year: 2020, month: 11, day: 9 });
    expect(parseDateText('09-Nov-2020', 'mdy', null)).toEqual({ year: 2020, month: 11, day: 9 });
    const r = parseCsv('start,finish,Title\n2020-Nov-09 22:00,2020-Nov-09 23:30,Late\n', { timeZone: 'America/New_York' });
    expect([iso(r.sessions[0]!.start), iso(r.sessions[0]!.end)]).toEqual(['2020-11-10T03:00:00Z', '2020-11-10T04:30:00Z']);
  });

  it('a date without a year takes the year of the file name when its weekday agrees, else the nearest year that fits', () => {
    const csv = 'name,day,starttime,endtime\nDisplays,"Monday, March 14",12:00,13:00\n';
    const named = parseCsv(csv, { timeZone: 'UTC', fileName: 'ieeevr-2022-sessions.csv' });
    expect(iso(named.sessions[0]!.start)).toBe('2022-03-14T12:00:00Z');
    expect(named.warnings.some((w) => w.message.includes('2022 was taken from the file name'))).toBe(true);
    // 14 March 2020 was a Saturday: the weekday wins, and says so.
    const wrong = parseCsv(csv, { timeZone: 'UTC', fileName: 'sessions-2020.csv' });
    expect(iso(wrong.sessions[0]!.start)).toBe('2022-03-14T12:00:00Z');
    expect(wrong.warnings.some((w) => w.message.includes('the weekdays do not fit it'))).toBe(true);
    // No year and no weekday anywhere: the row says what is missing.
    expect(() => parseCsv('name,day,starttime\nA,March 14,12:00\n', { timeZone: 'UTC', fileName: 'x.csv' })).toThrow(/line 2: “March 14” gives no year/);
  });

  it('reads time columns written as spreadsheet day fractions as clock times', () => {
    const r = parseCsv('Was?,Datum,Beginn,Ende\nTreffen,2019-12-27,0.7291666666666667,0.75\n', berlin);
    expect([iso(r.sessions[0]!.start), iso(r.sessions[0]!.end)]).toEqual(['2019-12-27T16:30:00Z', '2019-12-27T17:00:00Z']);
  });

  it('a day-number column counts from day 1 of the edition the file names; without one, the import refuses and says why', () => {
    const csv = (mention: string) => `Was?,Tag,Beginn,Ende,Beschreibung\nAufbau,0,0.5,0.75,${mention}\nTalk,2,0.5,0.75,\n`;
    const r = parseCsv(csv('Auf dem 36C3'), berlin);
    expect(r.sessions.map((s) => iso(s.start))).toEqual(['2019-12-26T11:00:00Z', '2019-12-28T11:00:00Z']);
    expect(r.warnings.some((w) => w.message.includes('read as days of 36C3'))).toBe(true);
    expect(() => parseCsv(csv('Irgendwo'), berlin)).toThrow(/“Tag” column numbers the days \(0 to 2\) but the file does not say which dates they are/);
    // Start cells with their own dates need no day numbers.
    expect(parseCsv('Title,Day,Start\nA,1,2024-05-01 10:00\n', berlin).sessions).toHaveLength(1);
  });

  it('an end that is a word ("Open-end") is named in the warning and the session keeps its start', () => {
    const r = parseCsv('title,start,end\nParty,2024-05-01 22:00,Open-end\n', berlin);
    expect(r.sessions[0]!.end).toBe(r.sessions[0]!.start);
    expect(r.warnings).toContainEqual({ line: 2, message: 'Line 2: “Open-end” is not an end time I can read; “Party” is shown as 0 minutes long.' });
  });
});

describe('CSV rows and zone columns', () => {
  it('a row with one filled cell and no title is a heading between rows, skipped without a warning', () => {
    const r = parseCsv('Title,Speaker,Start\n,"Day 1",\nTalk,Ann,2024-05-01 10:00\n', berlin);
    expect(r.sessions.map((s) => s.title)).toEqual(['Talk']);
    expect(r.warnings.some((w) => w.line === 2)).toBe(false);
  });

  it('a speaker that is also a track of the file is a group, not a person; " et " and " und " join names', () => {
    const r = parseCsv('Title,Speaker,Track,Start\nParty,Haecksen,fun,2024-05-01 10:00\nMeet,Ann,haecksen,2024-05-01 11:00\nDuo,Ann et Bob,fun,2024-05-01 12:00\n', berlin);
    expect(r.sessions.map((s) => s.speakers.map((p) => p.name))).toEqual([[], ['Ann'], ['Ann', 'Bob']]);
    expect(parseSpeakers('Jana Roth und Jo Kim').map((s) => s.name)).toEqual(['Jana Roth', 'Jo Kim']);
  });

  it('a zone column written as people write zones ("NZDT UTC+13") states the zone; an unknown one is named in a warning', () => {
    const r = parseCsv('name,day,starttime,timezone\nDisplays,2022-03-14,12:00,NZDT UTC+13\n', {});
    expect(r.zone).toMatchObject({ zone: 'Pacific/Auckland', guessed: false });
    expect(iso(r.sessions[0]!.start)).toBe('2022-03-13T23:00:00Z');
    const unknown = parseCsv('name,day,starttime,timezone\nA,2022-03-14,12:00,Moon Time\n', {});
    expect(unknown.zone.rule).toBe('fallback');
    expect(unknown.warnings.some((w) => w.message.includes('“Moon Time”, which names no zone'))).toBe(true);
  });
});
