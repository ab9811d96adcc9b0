// The .ics reader converts wall clock → instant with its own routine (it must also serve a file's
// VTIMEZONE rules, which have no luxon zone). For IANA zones it must agree with the one converter
// every other reader uses, shared/time.ts's wallToEpoch over luxon, including at DST changes.
import { describe, expect, it } from 'vitest';
import { fixedZoner, ianaZoner } from '../../src/main/import/parsers/ics/zones.ts';
import { epochToWall, MINUTE, wallConverter, wallToEpoch } from '../../src/shared/time.ts';

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Denver', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Europe/Dublin', 'UTC'];

/** Every wall time at a quarter hour within three hours of each of the zone's 2026 transitions. */
function wallsAroundTransitions(zone: string): { year: number; month: number; day: number; hour: number; minute: number }[] {
  const out: { year: number; month: number; day: number; hour: number; minute: number }[] = [];
  let prev = epochToWall(Date.UTC(2026, 0, 1), zone).offsetMinutes;
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * MINUTE) {
    const off = epochToWall(t, zone).offsetMinutes;
    if (off !== prev) {
      for (let u = t - 3 * 60 * MINUTE; u <= t + 3 * 60 * MINUTE; u += 15 * MINUTE) {
        const w = epochToWall(u, zone);
        out.push({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute });
        // and the same wall clock shifted by the jump, which lands in the gap or the repeated hour
        const g = epochToWall(u + (off - prev) * MINUTE, zone);
        out.push({ year: g.year, month: g.month, day: g.day, hour: g.hour, minute: g.minute });
      }
      prev = off;
    }
  }
  out.push({ year: 2026, month: 7, day: 1, hour: 10, minute: 0 });
  return out;
}

describe('the .ics zoner agrees with wallToEpoch', () => {
  it.each(ZONES)('%s: every wall time near a DST change, including skipped and repeated ones', (zone) => {
    const zoner = ianaZoner(zone);
    const walls = wallsAroundTransitions(zone);
    expect(walls.length).toBeGreaterThan(0);
    for (const w of walls) {
      expect(zoner.toEpoch({ ...w, second: 0 }), `${zone} ${JSON.stringify(w)}`).toBe(wallToEpoch(w, zone));
    }
  });

  it('a fixed offset reads wall times at that offset', () => {
    expect(fixedZoner(330).toEpoch({ year: 2026, month: 3, day: 2, hour: 10, minute: 0, second: 0 })).toBe(Date.UTC(2026, 2, 2, 4, 30));
  });
});

describe('wallConverter', () => {
  it('is wallToEpoch, with minutes past midnight rolling into the next days', () => {
    const convert = wallConverter('Europe/Berlin');
    expect(convert(2026, 3, 28, 25 * 60 + 30)).toBe(wallToEpoch({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/Berlin'));
    // 02:30 on 29 March 2026 does not exist in Berlin: moved forward by the jump, as wallToEpoch does
    expect(convert(2026, 3, 29, 150)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(convert(2026, 12, 31, 24 * 60)).toBe(Date.UTC(2026, 11, 31, 23, 0));
    expect(convert(2026, 3, 29, 150)).toBe(convert(2026, 3, 28, 1440 + 150));
  });
});
