import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { toIsoUtc } from '../../src/shared/time.ts';
import { parseText } from '../../src/main/import/parsers/text/plain.ts';

const DOC = [
  'DevConf Brussels 2024',
  '',
  'Saturday 3 February 2024',
  '',
  'Opening keynote - Alice Smith, ACME',
  '09:00 - 09:45',
  'Room: Janson',
  'We open the day.',
  '',
  '10:00 – 10:30 Coffee',
  '10:30 Lightning talks',
  '',
  'Sunday 4 February',
  '',
  'Closing',
  '16:00 - 17:15',
  'Speakers: Bob Jones & Carol White'
].join('\n');

describe('parseText', () => {
  const r = parseText(DOC, {});

  it('reads title + time blocks and one-line entries under day headings', () => {
    expect(r.format).toBe('text');
    expect(r.conference.title).toBe('DevConf Brussels 2024');
    expect(r.sessions.map((s) => [s.title, toIsoUtc(s.start), toIsoUtc(s.end)])).toEqual([
      ['Opening keynote', '2024-02-03T08:00:00Z', '2024-02-03T08:45:00Z'],
      ['Coffee', '2024-02-03T09:00:00Z', '2024-02-03T09:30:00Z'],
      ['Lightning talks', '2024-02-03T09:30:00Z', '2024-02-03T10:00:00Z'],
      ['Closing', '2024-02-04T15:00:00Z', '2024-02-04T16:15:00Z']
    ]);
  });

  it('reads the fields and the speaker suffix of a block', () => {
    const opening = r.sessions[0]!;
    expect(opening.room).toBe('Janson');
    expect(opening.description).toBe('We open the day.');
    expect(opening.speakers).toEqual([{ name: 'Alice Smith', affiliation: 'ACME', role: null, bio: null }]);
    expect(opening.line).toBe(5);
    expect(r.sessions[3]!.speakers.map((s) => s.name)).toEqual(['Bob Jones', 'Carol White']);
  });

  it('says plainly what it guessed: the zone, the end time and the year', () => {
    expect(r.zone).toMatchObject({ zone: 'Europe/Brussels', rule: 'place', guessed: true });
    const messages = r.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/Time zone guessed: “Brussels”/);
    expect(r.warnings).toContainEqual({ line: 11, message: 'Line 11: only a start time is given; assumed the session lasts 30 minutes.' });
    expect(r.warnings.some((w) => w.line === 13 && /no year given; read as Sunday, February 4, 2024/.test(w.message))).toBe(true);
  });

  it('keeps the wall-clock times and moves the instants when a zone is chosen', () => {
    const tokyo = parseText(DOC, { timeZone: 'Asia/Tokyo' });
    expect(toIsoUtc(tokyo.sessions[0]!.start)).toBe('2024-02-03T00:00:00Z');
    expect(tokyo.warnings.some((w) => /Time zone guessed/.test(w.message))).toBe(false);
  });

  it('warns that it fell back to UTC when nothing names a zone', () => {
    const plain = parseText('Saturday 3 February 2024\n\nTalk\n10:00 - 11:00', {});
    expect(plain.zone).toMatchObject({ zone: 'UTC', rule: 'fallback' });
    expect(plain.warnings[0]!.message).toMatch(/^Time zone guessed: Nothing in the document names a time zone/);
  });

  it('reads a title on the line after the time, and dates on the time line itself', () => {
    const t = parseText('2024-05-02 14:00 - 15:00\nWorkshop: Rust\n\n2024-05-02 15:30 - 16:00 Break', {});
    expect(t.sessions.map((s) => [s.title, toIsoUtc(s.start)])).toEqual([
      ['Workshop: Rust', '2024-05-02T14:00:00Z'],
      ['Break', '2024-05-02T15:30:00Z']
    ]);
  });

  it('runs a session past midnight and uses the next weekday for a weekday heading', () => {
    const t = parseText('Friday, March 1, 2024\n\nParty\n11pm - 1am CET\n\nSaturday\n\nHike\n9:00 - 12:00', {});
    expect(toIsoUtc(t.sessions[0]!.end)).toBe('2024-03-02T00:00:00Z');
    expect(toIsoUtc(t.sessions[1]!.start)).toBe('2024-03-02T08:00:00Z');
  });

  it('is DST-correct across a change inside one document', () => {
    const t = parseText('2024-03-30\n\nA\n10:00 - 11:00 CET\n\n2024-04-01\n\nB\n10:00 - 11:00', {});
    expect(t.zone.zone).toBe('Europe/Berlin');
    expect(toIsoUtc(t.sessions[0]!.start)).toBe('2024-03-30T09:00:00Z');
    expect(toIsoUtc(t.sessions[1]!.start)).toBe('2024-04-01T08:00:00Z');
  });

  it('says when a year was assumed because the text has none', () => {
    const t = parseText('Saturday 3 February\n\nTalk\n10:00 - 11:00', {});
    const year = t.sessions[0] ? new Date(t.sessions[0].start).getUTCFullYear() : 0;
    expect(new Date(Date.UTC(year, 1, 3)).getUTCDay()).toBe(6);
    expect(t.warnings.some((w) => w.line === 1 && /no year anywhere in the text; \d{4} is the nearest year where the weekday fits/.test(w.message))).toBe(true);
  });

  it('reports skipped blocks without a time in one warning', () => {
    const t = parseText('Intro\n\nSome prose paragraph.\n\n2024-05-02\n\nTalk\n10:00 - 11:00\n\nMore prose.', {});
    expect(t.sessions).toHaveLength(1);
    expect(t.warnings.some((w) => w.line === null && /2 blocks without a time were skipped \(lines 3, 10\)/.test(w.message))).toBe(true);
  });

  it('warns when early times have no am/pm', () => {
    const t = parseText('2024-05-02\n\nTalk\n2:00 - 3:30', {});
    expect(t.warnings.some((w) => w.line === 4 && /24-hour clock/.test(w.message))).toBe(true);
  });

  it('throws parse-failed saying what was expected when nothing is a session', () => {
    for (const doc of ['hello\n\nworld', 'Talk\n10:00 - 11:00']) {
      try {
        parseText(doc, {});
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ClashlessError);
        expect((e as ClashlessError).code).toBe('parse-failed');
        expect((e as ClashlessError).message).toMatch(/^No sessions found: /);
        expect((e as ClashlessError).where).toMatch(/^line \d+$/);
      }
    }
  });
});

describe('parseText zone abbreviations on lines', () => {
  it('warns once when a line names a zone that does not fit the document zone, but not after the person chose one', () => {
    const doc = 'Held in Berlin\n\n2024-05-02\n\nA\n10:00 - 11:00 EST\n\nB\n12:00 - 13:00 EST';
    const read = parseText(doc, {});
    expect(read.zone.zone).toBe('America/New_York');
    const mixed = parseText('2024-05-02\n\nA\n10:00 - 11:00 CET\n\nB\n12:00 - 13:00 EST\n\nC\n14:00 - 15:00 CET', {});
    expect(mixed.zone.zone).toBe('Europe/Berlin');
    expect(mixed.warnings.filter((w) => /says “EST”/.test(w.message))).toEqual([
      {
        line: 7,
        message:
          'Line 7 says “EST”, but the schedule is read in Europe/Berlin; its times were taken as Europe/Berlin clock times. Choose another zone in the preview if that is wrong.'
      }
    ]);
    const chosen = parseText('2024-05-02\n\nA\n10:00 - 11:00 CET\n\nB\n12:00 - 13:00 EST', { timeZone: 'Europe/Berlin' });
    expect(chosen.warnings.some((w) => /says “EST”/.test(w.message))).toBe(false);
  });
});
