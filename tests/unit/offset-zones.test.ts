// One rule names a fixed UTC offset as a zone for every reader (text, .ics, feeds). Checked
// against the tz database itself (Intl), not against a copy of the table.
import { describe, expect, it } from 'vitest';
import { nearestZoneForOffset, zoneForOffset } from '../../src/main/import/offset-zones.ts';
import { resolveZone } from '../../src/main/import/zones.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';
import { isValidZone, offsetMinutesAt } from '../../src/shared/time.ts';

const JAN = Date.UTC(2026, 0, 15, 12);
const JUL = Date.UTC(2026, 6, 15, 12);
const offsetsAllYear = (zone: string): number[] => [offsetMinutesAt(JAN, zone), offsetMinutesAt(JUL, zone)];

/** Every offset the tz database has in use, in minutes, with whether some zone keeps it all year. */
function offsetsInUse(): Map<number, { fixedSomewhere: boolean }> {
  const out = new Map<number, { fixedSomewhere: boolean }>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const [jan, jul] = offsetsAllYear(zone);
    for (const m of [jan!, jul!]) {
      const e = out.get(m) ?? { fixedSomewhere: false };
      if (jan === jul) e.fixedSomewhere = true;
      out.set(m, e);
    }
  }
  return out;
}

describe('zoneForOffset', () => {
  it('names every offset the tz database uses with a real zone that has it, fixed all year where any zone is', () => {
    for (const [minutes, { fixedSomewhere }] of offsetsInUse()) {
      const zone = zoneForOffset(minutes);
      if (minutes % 60 !== 0 && zone === null) continue; // checked below: only offsets with no standard-time zone
      expect(zone, `offset ${minutes}`).not.toBeNull();
      expect(isValidZone(zone!), zone!).toBe(true);
      expect(offsetsAllYear(zone!), `${zone} for ${minutes}`).toContain(minutes);
      if (fixedSomewhere) expect(offsetsAllYear(zone!), `${zone} for ${minutes}`).toEqual([minutes, minutes]);
    }
  });

  it('leaves unnamed only part-hour offsets that are some zone’s summer time, never its standard time', () => {
    const standard = new Set(Intl.supportedValuesOf('timeZone').map((z) => Math.min(...offsetsAllYear(z))));
    for (const minutes of offsetsInUse().keys()) {
      if (zoneForOffset(minutes) === null) expect(standard.has(minutes), `offset ${minutes}`).toBe(false);
    }
  });

  it('refuses offsets no zone has, and the nearest whole hour labels them for feeds', () => {
    expect(zoneForOffset(59)).toBeNull();
    expect(zoneForOffset(15 * 60)).toBeNull();
    expect(nearestZoneForOffset(59)).toBe('Etc/GMT-1');
    expect(nearestZoneForOffset(-1)).toBe('UTC');
    expect(nearestZoneForOffset(16 * 60)).toBe('Etc/GMT-14');
  });
});

describe('every reader uses the one rule', () => {
  it('a text that states only UTC+9:30 in January gets Darwin, which stays at +09:30 (Adelaide would read +10:30)', () => {
    const z = resolveZone('Talk 10:00 UTC+09:30 on 2026-01-20', {});
    expect(z).toMatchObject({ zone: 'Australia/Darwin', rule: 'utc-offset', guessed: true });
  });

  it('a feed whose times all carry +05:45 gets Kathmandu', () => {
    const json = JSON.stringify({
      schedule: {
        conference: {
          title: 'Offset Conf',
          days: [{ date: '2026-03-02', rooms: { Hall: [{ guid: 'a1', title: 'Talk', date: '2026-03-02T10:00:00+05:45', start: '10:00', duration: '00:30', room: 'Hall' }] } }]
        }
      }
    });
    const parsed = parseScheduleJson(json, {});
    expect(parsed.zone.zone).toBe('Asia/Kathmandu');
    expect(parsed.sessions[0]!.start).toBe(Date.UTC(2026, 2, 2, 4, 15));
  });
});
