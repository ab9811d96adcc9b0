import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseClock, parseDurationMinutes } from '../../src/main/import/parsers/frab/common.ts';
import { cleanText } from '../../src/main/import/parsers/frab/text.ts';
import { isValidZone } from '../../src/shared/time.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const PEER = `${PEER_DIR}frab-xml/`;
const fixture = (name: string): string => readFileSync(PEER + name, 'utf8');
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const fosdem = fixture('fosdem_2021.xml');
const ccc36 = fixture('36c3_merged.xml');
const debconf = fixture('debconf23.xml');
const ccc38 = fixture('38c3_2025-12-06.xml');

function expectSane(sessions: { start: number; end: number; key: string }[]): void {
  for (const s of sessions) {
    expect(Number.isFinite(s.start)).toBe(true);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
  }
  expect(new Set(sessions.map((s) => s.key)).size).toBe(sessions.length);
}

describe('frab XML fixtures', () => {
  it('FOSDEM 2021 in Brussels: 773 events, first talk at 09:00 CET', () => {
    const r = parseFrabXml(fosdem, { timeZone: 'Europe/Brussels' });
    expect(r.format).toBe('frab-xml');
    expect(r.sessions).toHaveLength(773);
    expect(r.zone).toMatchObject({ zone: 'Europe/Brussels', rule: 'option', guessed: false });
    expect(r.warnings).toEqual([]);
    expectSane(r.sessions);
    // Checked by hand: day 1 is 2021-02-06, "Empowering the school of the future" starts 10:00,
    // lasts 00:30; Brussels is UTC+1 in February.
    const school = r.sessions.find((s) => s.key === 'fosdem-2021:11164');
    expect(school).toBeDefined();
    expect(iso(school!.start)).toBe('2021-02-06T09:00:00Z');
    expect(iso(school!.end)).toBe('2021-02-06T09:30:00Z');
    expect(school!.attributes.subtitle).toBe('Remotely accessing files in a distributed LDAP and Samba-based infrastructure');
    expect(school!.speakers.map((s) => s.name)).toEqual(['Marco Marinello', 'Paolo Dongilli']);
    expect(school!.speakers[0]!.affiliation).toBeNull();
    expect(school!.room).toBe('M.community');
    expect(school!.venue).toBe('Online');
    expect(school!.line).toBe(40);
    // Day 2 event 12237 at 18:00.
    expect(iso(r.sessions.find((s) => s.key === 'fosdem-2021:12237')!.start)).toBe('2021-02-07T17:00:00Z');
  });

  it('FOSDEM without a zone falls back to UTC, flagged as a guess with a warning', () => {
    const r = parseFrabXml(fosdem, {});
    expect(r.sessions).toHaveLength(773);
    expect(r.zone).toMatchObject({ zone: 'UTC', rule: 'fallback', guessed: true });
    expect(r.warnings.some((w) => w.message.startsWith('This file names no time zone'))).toBe(true);
    expect(iso(r.sessions.find((s) => s.key === 'fosdem-2021:11164')!.start)).toBe('2021-02-06T10:00:00Z');
    const fallback = parseFrabXml(fosdem, { fallbackZone: 'America/Denver' });
    expect(fallback.zone.zone).toBe('America/Denver');
  });

  it('FOSDEM escaped HTML becomes plain text with paragraphs and list items', () => {
    const r = parseFrabXml(fosdem, { timeZone: 'Europe/Brussels' });
    const welcome = r.sessions.find((s) => s.key === 'fosdem-2021:11795')!;
    expect(welcome.description).toBe('FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2021!');
    const pion = r.sessions.find((s) => s.key === 'fosdem-2021:11142')!;
    expect(pion.description).not.toMatch(/<[a-z/]/);
    expect(pion.description).toContain('\n- Signaling\n- Connectivity\n');
    expect(pion.description).toContain('Open Source Showcase (https://github.com/pion/awesome-pion)');
    // No <url>: the first link stands in.
    expect(welcome.url).toBe('https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.webm');
  });

  it('36C3 merged: 1,351 events, zone from offsets and the CCC domain', () => {
    const r = parseFrabXml(ccc36, {});
    expect(r.sessions).toHaveLength(1351);
    expectSane(r.sessions);
    expect(r.zone.zone).toBe('Europe/Berlin');
    expect(r.zone.rule).toBe('place');
    expect(r.zone.guessed).toBe(false);
    const opening = r.sessions.find((s) => s.key === '6a32cb72-a69d-423c-91b5-60d88eb8e6c7')!;
    expect(iso(opening.start)).toBe('2019-12-27T10:00:00Z');
    expect(opening.attributes.language).toBe('de');
  });

  it('36C3: one guid with two slots gives a distinct key per slot, numbered in time order', () => {
    const r = parseFrabXml(ccc36, {});
    const slots = r.sessions.filter((s) => s.key.startsWith('4f5c1cc5-ad99-52dc-89cd-699eae66bcb8'));
    expect([...slots].sort((x, y) => x.start - y.start).map((s) => [s.key, iso(s.start)])).toEqual([
      ['4f5c1cc5-ad99-52dc-89cd-699eae66bcb8', '2019-12-27T15:00:00Z'],
      ['4f5c1cc5-ad99-52dc-89cd-699eae66bcb8#2', '2019-12-29T13:00:00Z']
    ]);
    // Several slots of one workshop are normal, not a repeated copy worth a warning.
    expect(r.warnings.some((w) => w.message.includes('more than once'))).toBe(false);
    expect(slots.every((s) => s.title === 'Löten für Einsteiger' && s.end - s.start === 120 * 60_000)).toBe(true);
  });

  it('36C3: durations "1:00" and "01:00" are both an hour', () => {
    const r = parseFrabXml(ccc36, {});
    const short = r.sessions.find((s) => s.key === '28c2d3de-e3eb-48d7-87b7-fc81bbbd0f95')!; // <duration>1:00
    const padded = r.sessions.find((s) => s.key === '3aae5c0a-9c9b-483a-8c09-b4402d749a82')!; // <duration>01:00
    expect(short.end - short.start).toBe(60 * 60_000);
    expect(padded.end - padded.start).toBe(60 * 60_000);
  });

  it('DebConf23: date in UTC wins over the local start; zone from time_zone_name', () => {
    const r = parseFrabXml(debconf, {});
    expect(r.sessions).toHaveLength(117);
    expectSane(r.sessions);
    expect(r.zone).toMatchObject({ zone: 'Asia/Kolkata', rule: 'zone-name', guessed: false });
    expect(r.warnings).toEqual([]);
    const opening = r.sessions.find((s) => s.title === 'Opening Ceremony')!;
    expect(iso(opening.start)).toBe('2023-09-10T05:00:00Z');
    expect(opening.key).toBe('455d075f-48c0-2ec2-24b3-f5add30c383a');
  });

  it('38C3: 1,007 events in Europe/Berlin, opening at 09:30 UTC, Markdown kept without template indentation', () => {
    const r = parseFrabXml(ccc38, {});
    expect(r.sessions).toHaveLength(1007);
    expectSane(r.sessions);
    expect(r.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name' });
    expect(r.conference).toEqual({ title: '38C3', timeZone: 'Europe/Berlin', acronym: '38c3' });
    const opening = r.sessions.find((s) => s.title === '38C3: Opening Ceremony')!;
    expect(iso(opening.start)).toBe('2024-12-27T09:30:00Z');
    expect(opening.speakers.map((s) => s.name)).toEqual(['Gabriela Bogk', 'Senficon', 'Aline Blankertz']);
    expect(opening.description).toMatch(/^Glad you could make it!.*\n\nThis ceremony will prepare you/s);
    const bio = r.sessions.find((s) => s.title.startsWith('BioTerrorism'))!;
    expect(bio.description).toContain('It is however also true.\n\nGiven, however,');
    expect(bio.track).toBe('Ethics, Society & Politics');
  });
});

describe('frab XML edge cases', () => {
  const wrap = (conference: string, days: string): string => `<?xml version="1.0"?>\n<schedule><conference>${conference}</conference>${days}</schedule>`;

  it('a start before day_change belongs to the next calendar date, computed across DST', () => {
    // 2024-03-30 is the Saturday before Europe/Berlin moves to summer time at 02:00 on the 31st.
    const xml = wrap(
      '<acronym>x</acronym><title>Night</title><day_change>04:00</day_change><time_zone_name>Europe/Berlin</time_zone_name>',
      `<day index="1" date="2024-03-30"><room name="A">
        <event id="1"><start>23:00</start><duration>01:00</duration><title>Late</title></event>
        <event id="2"><start>01:30</start><duration>02:00</duration><title>After midnight</title></event>
        <event id="3"><start>03:30</start><duration>00:30</duration><title>After the jump</title></event>
      </room></day>`
    );
    const r = parseFrabXml(xml, {});
    const byKey = new Map(r.sessions.map((s) => [s.key, s]));
    expect(iso(byKey.get('x:1')!.start)).toBe('2024-03-30T22:00:00Z');
    expect(iso(byKey.get('x:2')!.start)).toBe('2024-03-31T00:30:00Z');
    expect(iso(byKey.get('x:3')!.start)).toBe('2024-03-31T01:30:00Z');
    expect(byKey.get('x:2')!.room).toBe('A');
  });

  it('a repeated id without guid numbers its slots in time order; no id and no guid gets a content key', () => {
    const xml = wrap(
      '<acronym>conf</acronym><time_zone_name>UTC</time_zone_name>',
      `<day date="2024-05-01"><room name="R">
        <event id="7"><start>10:00</start><duration>1:00</duration><title>Twice</title></event>
        <event id="7"><start>14:00</start><duration>1:00</duration><title>Twice</title></event>
        <event><start>16:00</start><duration>0:30</duration><title>Anonymous</title></event>
      </room></day>`
    );
    const keys = parseFrabXml(xml, {}).sessions.map((s) => s.key);
    expect(keys.slice(0, 2)).toEqual(['conf:7', 'conf:7#2']);
    expect(keys[2]).toMatch(/^h-[0-9a-f]{16}$/);
  });

  it('a key follows the talk: moving it to another day and room keeps its key', () => {
    const at = (day: string, start: string, room: string) =>
      wrap(
        '<acronym>c</acronym><time_zone_name>UTC</time_zone_name>',
        `<day date="2024-05-01"><room name="A"><event id="1" guid="g-1"><start>10:00</start><duration>1:00</duration><title>Stays</title></event></room></day>
         <day date="${day}"><room name="${room}"><event id="2" guid="g-2"><start>${start}</start><duration>1:00</duration><title>Moves</title></event></room></day>`
      );
    const before = parseFrabXml(at('2024-05-01', '11:00', 'A'), {}).sessions;
    const after = parseFrabXml(at('2024-05-02', '15:30', 'B'), {}).sessions;
    expect(before.map((s) => s.key)).toEqual(['g-1', 'g-2']);
    expect(after.map((s) => s.key)).toEqual(['g-1', 'g-2']);
    expect(after[1]!.start).not.toBe(before[1]!.start);
  });

  it('slots of one guid are numbered by time, not by their place in the document', () => {
    const xml = wrap(
      '<time_zone_name>UTC</time_zone_name>',
      `<day date="2024-05-01"><room name="B"><event guid="w"><start>15:00</start><duration>1:00</duration><title>Workshop</title></event></room>
         <room name="A"><event guid="w"><start>09:00</start><duration>1:00</duration><title>Workshop</title></event></room></day>`
    );
    const r = parseFrabXml(xml, {});
    expect(r.sessions.map((s) => [s.key, iso(s.start)])).toEqual([
      ['w#2', '2024-05-01T15:00:00Z'],
      ['w', '2024-05-01T09:00:00Z']
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('the same guid twice at the same start is kept twice, with a warning', () => {
    const ev = '<event guid="d"><start>09:00</start><duration>1:00</duration><title>Copy</title></event>';
    const r = parseFrabXml(wrap('<time_zone_name>UTC</time_zone_name>', `<day date="2024-05-01"><room name="A">${ev}${ev}</room></day>`), {});
    expect(r.sessions.map((s) => s.key)).toEqual(['d', 'd#2']);
    expect(r.warnings.map((w) => w.message)).toContain('1 events appear more than once with the same id and start; the copies were kept with “#2”, “#3” keys.');
  });

  it('an event without a readable time is skipped with a warning naming it', () => {
    const xml = wrap('<time_zone_name>UTC</time_zone_name>', '<day><room name="R"><event id="9"><title>Lost</title></event></room></day>');
    const r = parseFrabXml(xml, {});
    expect(r.sessions).toEqual([]);
    expect(r.warnings.some((w) => w.message.includes('event 9') && w.line === 2)).toBe(true);
  });

  it('malformed XML is a parse-failed error with line and column', () => {
    const broken = '<schedule>\n  <conference>\n    <title>x</titel>\n</schedule>';
    try {
      parseFrabXml(broken, {});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ClashlessError);
      const e = err as ClashlessError;
      expect(e.code).toBe('parse-failed');
      expect(e.message).toMatch(/^The XML is malformed at line 3, column \d+: /);
      expect(e.where).toBe('line 3');
    }
  });

  it('a DOCTYPE declaring entities (billion laughs) is refused before anything expands', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><schedule>&lol2;</schedule>';
    expect(() => parseFrabXml(lol, {})).toThrow(/declares its own entities/);
  });

  it('an XML document that is not a schedule says so', () => {
    expect(() => parseFrabXml('<rss><channel/></rss>', {})).toThrow(/not a frab schedule/);
  });

  it('an undefined HTML entity is kept as text and decoded, with one warning', () => {
    const xml = wrap('<time_zone_name>UTC</time_zone_name>', '<day date="2024-05-01"><room name="R"><event id="1"><start>10:00</start><duration>0:30</duration><title>A&nbsp;B</title></event></room></day>');
    const r = parseFrabXml(xml, {});
    expect(r.sessions[0]!.title).toBe('A B');
    expect(r.warnings).toHaveLength(1);
  });
});

describe('frab values', () => {
  it('reads H:MM, HH:MM, HH:MM:SS and pretalx D:HH:MM durations', () => {
    expect(parseDurationMinutes('1:00')).toBe(60);
    expect(parseDurationMinutes('01:00')).toBe(60);
    expect(parseDurationMinutes('00:25')).toBe(25);
    expect(parseDurationMinutes('01:30:00')).toBe(90);
    expect(parseDurationMinutes('1:02:30')).toBe(1440 + 150);
    expect(parseDurationMinutes('PT1H15M')).toBe(75);
    expect(parseDurationMinutes('1:75')).toBeNull();
    expect(parseDurationMinutes('soon')).toBeNull();
    expect(parseClock('00:00:00')).toBe(0);
    expect(parseClock('9:05')).toBe(545);
  });

  it('keeps Markdown as written and turns HTML into paragraphs', () => {
    expect(cleanText('Intro\r\n\r\n* one\r\n* [two](https://x.y)')).toBe('Intro\n\n* one\n* [two](https://x.y)');
    expect(cleanText('<p>One &amp; two</p><p>Three<br/>four</p>')).toBe('One & two\n\nThree\nfour');
    expect(cleanText('   ')).toBeNull();
  });

  it('fixed offsets use IANA Etc names that isValidZone accepts', () => {
    const xml = '<schedule><conference><title>Somewhere</title></conference><day date="2024-05-01"><room name="R"><event id="1" guid="g1"><date>2024-05-01T10:00:00+03:00</date><start>10:00</start><duration>0:30</duration><title>T</title></event></room></day></schedule>';
    const r = parseFrabXml(xml, {});
    expect(r.zone).toMatchObject({ zone: 'Etc/GMT-3', rule: 'utc-offset' });
    expect(isValidZone(r.zone.zone)).toBe(true);
    expect(iso(r.sessions[0]!.start)).toBe('2024-05-01T07:00:00Z');
  });
});
