// Time correctness (issue 8, part 6): every stored instant survives the trip through wall-clock
// time in the conference zone, across the DST changes of Europe, the US and Australia (with
// Lord Howe's 30-minute shift), and for sessions that run past midnight. The oracle is the
// platform's Intl data, not luxon, so the helpers in src/shared/time.ts are checked against an
// independent reading of the same tz database.
import fc from 'fast-check';
import { Settings } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochToWall, isoDateInZone, offsetMinutesAt, wallToEpoch, type WallTime } from '../../src/shared/time.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { parseSchedText } from '../../src/main/import/parsers/text/sched.ts';
import { parseText } from '../../src/main/import/parsers/text/plain.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const RUNS = 1000;

const DST_ZONES = [
  'Europe/Berlin', 'Europe/London', 'Europe/Brussels',
  'America/Denver', 'America/Chicago', 'America/New_York', 'America/Phoenix',
  'Australia/Sydney', 'Australia/Lord_Howe'
] as const;

// ---------------------------------------------------------------------------------------------
// The oracle: Intl alone

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC, from Intl's "GMT+05:30" / "GMT-7" / "GMT". */
function intlOffset(ms: number, zone: string): number {
  let f = offsetFormats.get(zone);
  if (!f) offsetFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d\d))?)?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name "${name}"`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function intlWall(ms: number, zone: string): Required<WallTime> {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
    });
    wallFormats.set(zone, f);
  }
  const part = (type: string) => Number(f.formatToParts(ms).find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** A wall time read as if it were UTC: wall arithmetic without a zone. */
const wallAsUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
const utcAsWall = (ms: number): Required<WallTime> => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
};
const sameWall = (a: WallTime, b: WallTime) => wallAsUtc(a) === wallAsUtc(b);
const iso = (ms: number) => new Date(ms).toISOString();

interface Transition {
  zone: string;
  /** First instant on the new offset. */
  at: number;
  before: number;
  after: number;
}

/** Every offset change of a zone between two years, found by scanning and bisecting with Intl. */
function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  for (let t = Date.UTC(fromYear, 0, 1); t < end; t += 6 * HOUR) {
    const before = intlOffset(t, zone);
    const after = intlOffset(t + 6 * HOUR, zone);
    if (before === after) continue;
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > MIN) {
      const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
      if (intlOffset(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    out.push({ zone, at: hi, before, after });
  }
  return out;
}

const TRANSITIONS = DST_ZONES.flatMap((z) => transitions(z, 2022, 2027));
const FALL_BACKS = TRANSITIONS.filter((t) => t.after < t.before);
const SPRING_FORWARDS = TRANSITIONS.filter((t) => t.after > t.before);

/** Instants near a DST change (most cases) or anywhere in 2022–2027, whole seconds. */
const instantArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -4 * 3600, max: 4 * 3600 }))
      .map(([tr, s]) => ({ zone: tr.zone, t: tr.at + s * 1000 }))
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...DST_ZONES), fc.integer({ min: Date.UTC(2022, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 }))
      .map(([zone, s]) => ({ zone: zone as string, t: s * 1000 }))
  }
);

// luxon reads an ambiguous wall time with "today's" offset as its first guess; pinning today to
// a winter and a summer date makes every run see both seasons, whatever the calendar says.
const TODAYS = ['2025-01-15T12:00:00Z', '2025-07-15T12:00:00Z'] as const;

describe('the oracle', () => {
  it('finds the DST changes of every listed zone (Phoenix has none, Lord Howe moves 30 minutes)', () => {
    const count = (z: string) => TRANSITIONS.filter((t) => t.zone === z).length;
    expect(count('America/Phoenix')).toBe(0);
    for (const z of DST_ZONES.filter((z) => z !== 'America/Phoenix')) expect(count(z)).toBe(12);
    expect(TRANSITIONS.filter((t) => t.zone === 'Australia/Lord_Howe').every((t) => Math.abs(t.after - t.before) === 30)).toBe(true);
    const berlin2024 = TRANSITIONS.filter((t) => t.zone === 'Europe/Berlin' && new Date(t.at).getUTCFullYear() === 2024).map((t) => iso(t.at));
    expect(berlin2024).toEqual(['2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z']);
  });
});

describe('offsetMinutesAt', () => {
  it('agrees with Intl longOffset for random instants and zones', () => {
    const zones = [...DST_ZONES, 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Africa/Casablanca'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: Date.UTC(2037, 11, 31) / 1000 }), (zone, s) => {
        expect(offsetMinutesAt(s * 1000, zone)).toBe(intlOffset(s * 1000, zone));
      }),
      { numRuns: RUNS }
    );
  });
});

describe.each(TODAYS)('zone conversions with today = %s', (today) => {
  const realNow = Settings.now;
  beforeAll(() => {
    Settings.now = () => Date.parse(today);
  });
  afterAll(() => {
    Settings.now = realNow;
  });

  it('epochToWall reads the same wall clock as Intl', () => {
    fc.assert(
      fc.property(instantArb, ({ zone, t }) => {
        const w = epochToWall(t, zone);
        expect(sameWall(w, intlWall(t, zone))).toBe(true);
        expect(w.offsetMinutes).toBe(intlOffset(t, zone));
      }),
      { numRuns: RUNS }
    );
  });

  it('wallToEpoch(epochToWall(t)) is t, or the earlier instant when the wall time repeats', () => {
    fc.assert(
      fc.property(instantArb, ({ zone, t }) => {
        const w = epochToWall(t, zone);
        // Every instant that shows this wall time: one, or two in a fall-back hour.
        const offsets = new Set([intlOffset(t - DAY, zone), intlOffset(t, zone), intlOffset(t + DAY, zone)]);
        const readings = [...offsets].map((o) => wallAsUtc(w) - o * MIN).filter((c) => sameWall(intlWall(c, zone), w));
        expect(readings).toContain(t);
        expect(iso(wallToEpoch(w, zone))).toBe(iso(Math.min(...readings)));
      }),
      { numRuns: RUNS }
    );
  });

  it('in a repeated (fall-back) hour the second pass maps back to the first; the first maps to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FALL_BACKS), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (tr, f) => {
        const repeat = (tr.before - tr.after) * MIN;
        const into = Math.floor((f * repeat) / 1000) * 1000;
        const second = tr.at + into;
        const first = second - repeat;
        expect(sameWall(epochToWall(first, tr.zone), epochToWall(second, tr.zone))).toBe(true);
        expect(iso(wallToEpoch(epochToWall(second, tr.zone), tr.zone))).toBe(iso(first));
        expect(iso(wallToEpoch(epochToWall(first, tr.zone), tr.zone))).toBe(iso(first));
      }),
      { numRuns: RUNS }
    );
  });

  it('a skipped (spring-forward) wall time moves forward by the gap', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPRING_FORWARDS), fc.nat(), (tr, n) => {
        const gap = tr.after - tr.before; // 60, or 30 on Lord Howe
        const lastBefore = intlWall(tr.at - 1000, tr.zone);
        const skippedStart = wallAsUtc(lastBefore) + 1000; // e.g. 02:00:00, which never shows
        const skipped = utcAsWall(skippedStart + (n % gap) * MIN);
        const t = wallToEpoch(skipped, tr.zone);
        // Read with the offset from before the jump: lands after it, `gap` minutes later on the clock.
        expect(iso(t)).toBe(iso(wallAsUtc(skipped) - tr.before * MIN));
        expect(sameWall(epochToWall(t, tr.zone), utcAsWall(wallAsUtc(skipped) + gap * MIN))).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });

  it('a session from 23:30 to 00:45 starts on day D and ends on D+1 in its zone', () => {
    const dayArb = fc.oneof(
      fc.constantFrom(...TRANSITIONS).chain((tr) => fc.integer({ min: -1, max: 1 }).map((d) => ({ zone: tr.zone, ms: tr.at + d * DAY }))),
      fc.tuple(fc.constantFrom(...DST_ZONES), fc.integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY })).map(([zone, d]) => ({
        zone: zone as string,
        ms: d * DAY
      }))
    );
    fc.assert(
      fc.property(dayArb, ({ zone, ms }) => {
        const d = utcAsWall(ms);
        const next = utcAsWall(ms + DAY);
        const start = wallToEpoch({ ...d, hour: 23, minute: 30 }, zone);
        const end = wallToEpoch({ ...next, hour: 0, minute: 45 }, zone);
        const isoDay = (w: WallTime) => `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
        expect(isoDateInZone(start, zone)).toBe(isoDay(d));
        expect(isoDateInZone(end, zone)).toBe(isoDay(next));
        expect(end - start).toBe(75 * MIN - (intlOffset(end, zone) - intlOffset(start, zone)) * MIN);
      }),
      { numRuns: RUNS }
    );
  });
});

describe.each(TODAYS)('importing times in a DST-change week with today = %s', (today) => {
  const realNow = Settings.now;
  beforeAll(() => {
    Settings.now = () => Date.parse(today);
  });
  afterAll(() => {
    Settings.now = realNow;
  });

  const schedPage = (dateLine: string, zoneName = 'Central Standard Time (UTC -6)', day = 'Sunday, November 3') =>
    [
      `Please note: This schedule is automatically displayed in ${zoneName}. To see the schedule in your preferred timezone, please select from the drop-down menu.`,
      day,
      '',
      'Fall Back Party - Ann Lee, Acme',
      dateLine,
      'Hall A',
      ''
    ].join('\n');

  it('a Sched time in Chicago\'s repeated hour takes the earlier offset (CDT), and nothing false is warned', () => {
    const parsed = parseSchedText(schedPage('Sunday November 3, 2024 1:30am - 2:30am CST'), {});
    expect(parsed.zone.zone).toBe('America/Chicago');
    expect(parsed.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2024-11-03T06:30:00.000Z', '2024-11-03T08:30:00.000Z']]);
    expect(parsed.sessions[0]?.start).toBe(wallToEpoch({ year: 2024, month: 11, day: 3, hour: 1, minute: 30 }, 'America/Chicago'));
    expect(parsed.warnings).toEqual([]);
  });

  it('a Sched time in Chicago\'s skipped hour moves forward by the gap', () => {
    const parsed = parseSchedText(schedPage('Sunday March 10, 2024 2:30am - 3:30am CDT', 'Central Daylight Time (UTC -5)', 'Sunday, March 10'), {});
    expect(parsed.zone.zone).toBe('America/Chicago');
    // 2:30 does not exist that night: read as 3:30 CDT, so the hour-long slot has no length left.
    expect(parsed.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2024-03-10T08:30:00.000Z', '2024-03-10T08:30:00.000Z']]);
    expect(parsed.warnings.every((w) => !/America\/(?!Chicago)|guess/i.test(w.message))).toBe(true);
  });

  it('plain text read in America/Chicago takes the earlier offset for 1:30 on the fall-back night', () => {
    const parsed = parseText('Sunday 3 November 2024\n\n1:30 - 2:30 Fall back party\n', { timeZone: 'America/Chicago' });
    expect(parsed.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2024-11-03T06:30:00.000Z', '2024-11-03T08:30:00.000Z']]);
    expect(parsed.warnings.every((w) => !/America\/(?!Chicago)|guess/i.test(w.message))).toBe(true);
  });

  it('an iCalendar event at 1:30 on Chicago\'s fall-back night agrees with the text importers (earlier offset)', () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:fall-back', 'SUMMARY:Fall back party',
      'DTSTART;TZID=America/Chicago:20241103T013000', 'DTEND;TZID=America/Chicago:20241103T023000', 'END:VEVENT', 'END:VCALENDAR', ''
    ].join('\r\n');
    const parsed = parseIcs(ics, {});
    expect(parsed.zone.zone).toBe('America/Chicago');
    expect(parsed.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2024-11-03T06:30:00.000Z', '2024-11-03T08:30:00.000Z']]);
    expect(parsed.warnings).toEqual([]);
  });

  it('a frab day with day_change 04:00 runs past midnight into the repeated hour of Berlin\'s fall-back night', () => {
    const xml = `<?xml version="1.0"?><schedule><conference><title>DST Con</title><time_zone_name>Europe/Berlin</time_zone_name><day_change>04:00</day_change></conference>
<day index="1" date="2024-10-26"><room name="A">
<event id="1"><start>23:30</start><duration>01:30</duration><title>Late</title></event>
<event id="2"><start>02:30</start><duration>00:30</duration><title>Repeated hour</title></event>
<event id="3"><start>03:30</start><duration>00:30</duration><title>After the change</title></event>
</room></day>
<day index="2" date="2024-03-30"><room name="A">
<event id="4"><start>02:30</start><duration>00:30</duration><title>Skipped hour</title></event>
</room></day></schedule>`;
    const parsed = parseFrabXml(xml, {});
    const rows = [...parsed.sessions]
      .sort((a, b) => a.start - b.start)
      .map((s) => [s.title, iso(s.start), iso(s.end), isoDateInZone(s.start, 'Europe/Berlin'), isoDateInZone(s.end, 'Europe/Berlin')]);
    expect(rows).toEqual([
      ['Skipped hour', '2024-03-31T01:30:00.000Z', '2024-03-31T02:00:00.000Z', '2024-03-31', '2024-03-31'],
      ['Late', '2024-10-26T21:30:00.000Z', '2024-10-26T23:00:00.000Z', '2024-10-26', '2024-10-27'],
      ['Repeated hour', '2024-10-27T00:30:00.000Z', '2024-10-27T01:00:00.000Z', '2024-10-27', '2024-10-27'],
      ['After the change', '2024-10-27T02:30:00.000Z', '2024-10-27T03:00:00.000Z', '2024-10-27', '2024-10-27']
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});
