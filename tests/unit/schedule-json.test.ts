import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';
import { isValidZone } from '../../src/shared/time.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

const PEER = `${PEER_DIR}schedule-json/`;
const fixture = (name: string): string => readFileSync(PEER + name, 'utf8');
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function expectSane(sessions: { start: number; end: number; key: string }[]): void {
  for (const s of sessions) expect(s.end).toBeGreaterThanOrEqual(s.start);
  expect(new Set(sessions.map((s) => s.key)).size).toBe(sessions.length);
}

describe('c3voc schedule JSON fixtures', () => {
  it('frab camp 2019: 79 events in Europe/Berlin with frab persons', () => {
    const r = parseScheduleJson(fixture('frab-camp2019.json'), {});
    expect(r.format).toBe('schedule-json');
    expect(r.sessions).toHaveLength(79);
    expectSane(r.sessions);
    expect(r.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name', guessed: false });
    expect(r.warnings).toEqual([]);
    const opening = r.sessions.find((s) => s.key === 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4')!;
    expect(opening.title).toBe('Opening Ceremony');
    expect(opening.end - opening.start).toBe(30 * 60_000);
    expect(opening.speakers.map((s) => s.name)).toEqual(['jinxx', 'smtw']);
    expect(opening.room).toBe('Curie');
    expect(opening.track).toBe('CCC');
  });

  it('pretalx democon: the file says UTC but its offsets are +01:00; the offsets win, with a warning', () => {
    const r = parseScheduleJson(fixture('pretalx-democon.json'), {});
    expect(r.sessions).toHaveLength(36);
    expectSane(r.sessions);
    expect(r.zone.zone).toBe('Etc/GMT-1');
    expect(r.zone.rule).toBe('utc-offset');
    expect(isValidZone(r.zone.zone)).toBe(true);
    expect(r.warnings.some((w) => /says UTC, but its event times are at \+01:00/.test(w.message))).toBe(true);
    // "2020-12-14T09:00:00+01:00", start "09:00".
    const first = r.sessions.find((s) => s.key === '8079583e-8321-506c-95af-fd2903a5f075')!;
    expect(iso(first.start)).toBe('2020-12-14T08:00:00Z');
    expect(first.speakers[0]).toMatchObject({ name: 'Brian Robinson', affiliation: null });
    expect(first.speakers[0]!.bio).toMatch(/^Break through direction/);
    expect(first.description).toMatch(/^Brand back-end models!\n\nStation provide certain mean\./);
  });

  it('pretalx rC3: no zone name; 48 events at their +01:00 offsets', () => {
    const r = parseScheduleJson(fixture('pretalx-rc3.json'), {});
    expect(r.sessions).toHaveLength(48);
    expectSane(r.sessions);
    expect(r.zone).toMatchObject({ rule: 'utc-offset', guessed: false });
    const first = r.sessions.find((s) => s.key === 'c3642671-4c1f-5109-81ba-0535c1cc8428')!;
    expect(iso(first.start)).toBe('2020-12-27T10:30:00Z');
    expect(first.end - first.start).toBe(40 * 60_000);
    expect(first.description).toContain('[Gluon](https://gluon.readthedocs.io/)');
  });

  it('hub schema2: flat events with ISO start/end, participants and track slugs', () => {
    const r = parseScheduleJson(fixture('hub-schedule2.json'), {});
    expect(r.sessions).toHaveLength(2);
    expectSane(r.sessions);
    expect(r.zone.zone).toBe('Europe/Berlin');
    const [opening, ai] = r.sessions;
    expect(iso(opening!.start)).toBe('2024-12-27T09:30:00Z');
    expect(iso(opening!.end)).toBe('2024-12-27T10:00:00Z');
    expect(opening!.room).toBe('Saal 1');
    expect(opening!.track).toBe('CCC');
    expect(opening!.speakers.map((s) => s.name)).toEqual(['Gabriela Bogk', 'Aline Blankertz', 'Senficon']);
    expect(ai!.track).toBe('Hardware & Making');
    expect(ai!.attributes.subtitle).toBe('Most Wanted Using Deep Reinforcement Learning');
    expect(iso(ai!.start)).toBe('2024-12-27T23:15:00Z');
  });

  it('invalid-example: schema violations become warnings and the readable event is kept', () => {
    const r = parseScheduleJson(fixture('invalid-example.json'), {});
    expect(r.sessions).toHaveLength(1);
    expect(r.warnings.length).toBeGreaterThanOrEqual(1);
    expect(r.warnings.some((w) => w.message.includes('schedule.rooms'))).toBe(true);
    expect(r.warnings.some((w) => w.message.includes('days[0].rooms.Winterchaos[0]'))).toBe(true);
    const s = r.sessions[0]!;
    expect(iso(s.start)).toBe('2022-12-28T13:00:00Z');
    // Its description is HTML with <br />: plain text with list lines comes out.
    expect(s.description).not.toContain('<br');
    expect(s.description).toContain('\n* Credential Dumping\n');
  });
});

describe('schedule JSON robustness', () => {
  const base = (events: unknown[]): string =>
    JSON.stringify({
      schedule: {
        version: '1',
        conference: {
          acronym: 'demo',
          title: 'Demo',
          time_zone_name: 'Europe/Amsterdam',
          days: [{ index: 1, date: '2024-06-01', rooms: { Main: events } }]
        }
      }
    });

  it('skips unreadable events with a warning naming their path and keeps the rest', () => {
    const text = base([
      42,
      { id: 1, guid: 'g-1', start: '10:00', duration: '00:45', title: 'Good', persons: ['Plain Name', { name: 'Named' }] },
      { id: 2, title: 'No time' }
    ]);
    const r = parseScheduleJson(text, {});
    expect(r.sessions).toHaveLength(1);
    expect(iso(r.sessions[0]!.start)).toBe('2024-06-01T08:00:00Z');
    expect(r.sessions[0]!.speakers.map((s) => s.name)).toEqual(['Plain Name', 'Named']);
    expect(r.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('days[0].rooms.Main[0]'), expect.stringContaining('event 2')])
    );
  });

  it('reads pretalx D:HH:MM durations of a day or more', () => {
    const r = parseScheduleJson(base([{ guid: 'g', date: '2024-06-01T10:00:00+02:00', duration: '1:02:00', title: 'Hackathon' }]), {});
    expect(r.sessions[0]!.end - r.sessions[0]!.start).toBe(26 * 3_600_000);
  });

  it('malformed JSON names the line and column', () => {
    try {
      parseScheduleJson('{\n  "schedule": {\n    "version": 1,,\n  }\n}', {});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ClashlessError);
      expect((err as ClashlessError).message).toMatch(/^The JSON is malformed at line 3, column 18: /);
      expect((err as ClashlessError).where).toBe('line 3');
    }
  });

  it('JSON that is not a schedule is refused clearly', () => {
    expect(() => parseScheduleJson('[1, 2, 3]', {})).toThrow(/not a schedule/);
  });
});
