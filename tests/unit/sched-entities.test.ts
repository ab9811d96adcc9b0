// Sched's .ics exports write SUMMARY, DESCRIPTION, LOCATION and CATEGORIES HTML-escaped. They are
// unescaped only when the PRODID says Sched ("-//Sched.com JoCo Cruise 2024//EN"); another
// calendar's literal "&amp;" is what its author typed and stays.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedSchedule, ParsedSession } from '../../src/shared/domain.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { isSchedCalendar } from '../../src/main/import/parsers/ics/text.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const SCHED_2024 = readFileSync(`${PEER_DIR}ics/sched-fullschedule-2024.ics`, 'utf8');
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

const texts = (s: ParsedSession): string[] => [s.title, s.description, s.room, s.venue, s.track].filter((v): v is string => v !== null);
const withEntities = (p: ParsedSchedule) => p.sessions.filter((s) => texts(s).some((t) => ENTITY.test(t)));
const parse = (text: string) => parseIcs(text, { timeZone: 'America/New_York' });
/** The same file as if another program had written it: nothing is unescaped. */
const notSched = (text: string) => text.replace(/^PRODID:.*$/m, 'PRODID:-//Example Corp//Calendar Export//EN');

describe('HTML entities in Sched exports', () => {
  it('recognises Sched by its PRODID only', () => {
    expect(isSchedCalendar('-//Sched.com JoCo Cruise 2024//EN')).toBe(true);
    expect(isSchedCalendar('-//Google Inc//Google Calendar 70.9054//EN')).toBe(false);
    expect(isSchedCalendar('-//Schedule Builder//EN')).toBe(false);
    expect(isSchedCalendar(undefined)).toBe(false);
  });

  it('the real 2024 export: its one escaped field is decoded, and nothing else changes', () => {
    const raw = withEntities(parse(notSched(SCHED_2024)));
    expect(raw.map((s) => s.room)).toEqual(['Grand Turk, Turks &amp; Caicos']);
    const parsed = parse(SCHED_2024);
    expect(withEntities(parsed)).toEqual([]);
    expect(parsed.sessions).toHaveLength(439);
    expect(parsed.sessions.find((s) => s.title === 'Port of Call - Grand Turk')?.room).toBe('Grand Turk, Turks & Caicos');
    // Titles with a bare "&" (no entity) are kept exactly.
    expect(parsed.sessions.filter((s) => s.title === 'Q&A with Rachel Bloom')).toHaveLength(1);
    expect(parsed.sessions.filter((s) => s.title === 'Lido Market Pasta & Salad Stations').length).toBeGreaterThan(0);
    // Apart from that field, Sched and non-Sched readings are the same.
    const plain = parse(notSched(SCHED_2024)).sessions.map((s) => texts(s).join('|'));
    const decoded = parsed.sessions.map((s) => texts(s).join('|'));
    expect(decoded.filter((t, i) => t !== plain[i])).toEqual(['Port of Call - Grand Turk|Grand Turk, Turks & Caicos|GENERAL INFO']);
  });

  it('escaped titles and descriptions in a Sched file are decoded: &amp;, &#39;, &quot;', () => {
    const text = SCHED_2024.replace('SUMMARY:Q&A with Rachel Bloom', 'SUMMARY:Q&amp;A with Rachel Bloom: &quot;Crazy&quot; &#39;Ex&#39;').replace(
      /^DESCRIPTION:(We'll be holding events)/m,
      'DESCRIPTION:Fish &amp; chips &lt;3 &#x2014; $1'
    );
    const countAmp = (p: ParsedSchedule) => p.sessions.filter((s) => s.title.includes('&amp;')).length;
    expect(countAmp(parse(notSched(text)))).toBe(1);
    const parsed = parse(text);
    expect(countAmp(parsed)).toBe(0);
    expect(parsed.sessions.find((s) => s.title.startsWith('Q&A with Rachel Bloom'))?.title).toBe(`Q&A with Rachel Bloom: "Crazy" 'Ex'`);
    expect(parsed.sessions.find((s) => s.title === 'Theme: Welcome, New Cruisers!')?.description).toMatch(/^Fish & chips <3 — We'll be holding events/);
  });

  it('a Google calendar title with a literal "&amp;" keeps it', () => {
    const google = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'X-WR-TIMEZONE:Europe/Berlin',
      'BEGIN:VEVENT',
      'UID:g1@google.com',
      'DTSTART;TZID=Europe/Berlin:20240601T100000',
      'DTEND;TZID=Europe/Berlin:20240601T110000',
      'SUMMARY:How to write &amp; in HTML',
      'LOCATION:Room &quot;A&quot;',
      'END:VEVENT',
      'END:VCALENDAR',
      ''
    ].join('\r\n');
    const [session] = parseIcs(google, {}).sessions;
    expect(session?.title).toBe('How to write &amp; in HTML');
    expect(session?.room).toBe('Room &quot;A&quot;');
  });
});
