// Wall clock → instant for every kind of zone an .ics file can name: the file's own VTIMEZONE
// rules (even under made-up TZIDs), IANA zones, and fixed offsets. All three share one
// conversion routine over an `offsetAt(instant)` function, with the same policy as
// shared/time.ts: a time skipped by a DST jump moves forward by the jump, a repeated time takes
// the earlier instant. Results are cached per zone, because conference feeds reuse a few hundred
// slot times thousands of times.
import { IANAZone } from 'luxon';
import { zoneForOffset } from '../../offset-zones.ts';
import { resolveZoneName, type ZoneNameKind } from '../../windows-zones.ts';
import { expandRule, ruleFromJcal } from './rrule.ts';
import { parseIcsTime, utcFields, wallAsUtc, wallKey, type Wall } from './time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Zoner {
  /** Offset in minutes east of UTC at an instant. */
  offsetAt(ms: number): number;
  /** The instant of a wall-clock time in this zone. */
  toEpoch(w: Wall): number;
  /** The wall-clock time of an instant in this zone. */
  wallOf(ms: number): Wall;
}

function makeZoner(offsetAt: (ms: number) => number): Zoner {
  const cache = new Map<number, number>();
  const toEpoch = (w: Wall): number => {
    const key = wallKey(w);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const local = wallAsUtc(w);
    const before = offsetAt(local - DAY);
    const after = offsetAt(local + DAY);
    const early = local - before * MINUTE;
    let result: number;
    if (before === after && offsetAt(early) === before) {
      result = early;
    } else {
      const late = local - after * MINUTE;
      const earlyOk = offsetAt(early) === before;
      const lateOk = offsetAt(late) === after;
      if (earlyOk && lateOk) result = Math.min(early, late);
      else if (lateOk) result = late;
      // Either the early reading fits, or the time falls in a gap: reading it with the offset
      // from before the jump lands after the jump, i.e. moved forward by it.
      else result = early;
    }
    cache.set(key, result);
    return result;
  };
  return { offsetAt, toEpoch, wallOf: (ms) => utcFields(ms + offsetAt(ms) * MINUTE) };
}

export function fixedZoner(offsetMinutes: number): Zoner {
  return makeZoner(() => offsetMinutes);
}

export const UTC_ZONER = fixedZoner(0);

/**
 * An IANA zone through luxon (ICU data); offsets cached per quarter hour, where transitions fall.
 * Its wall clock → instant is makeZoner's, not shared/time.ts's wallToEpoch: a file's own
 * VTIMEZONE rules have no luxon zone, so all three kinds share one routine, and
 * tests/unit/ics-zoner.test.ts proves this one agrees with wallToEpoch across DST changes.
 */
export function ianaZoner(name: string): Zoner {
  const zone = IANAZone.create(name);
  const offsets = new Map<number, number>();
  return makeZoner((ms) => {
    const bucket = Math.floor(ms / (15 * MINUTE));
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zone.offset(bucket * 15 * MINUTE);
      offsets.set(bucket, offset);
    }
    return offset;
  });
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** "+01:00" / "+0100" / "-0530" → minutes. */
function parseUtcOffset(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^([+-])(\d\d):?(\d\d)(?::?\d\d)?$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

type JcalProperty = [string, Record<string, unknown>, string, ...unknown[]];
type JcalComponent = [string, JcalProperty[], JcalComponent[]];

function firstValue(props: JcalProperty[], name: string): unknown {
  const prop = props.find((p) => p[0] === name);
  return prop ? prop[3] : undefined;
}

/** Enough transitions per observance for centuries of yearly rules; bounds hostile daily ones. */
const MAX_TRANSITIONS = 4000;

/**
 * A VTIMEZONE's rules as a zone. Transitions are expanded from each STANDARD/DAYLIGHT
 * observance (DTSTART, RRULE with UNTIL or COUNT, RDATE) up to `untilYear`. Returns null when the
 * component has no usable observance.
 */
export function vtimezoneZoner(component: JcalComponent, untilYear: number): Zoner | null {
  const transitions: Transition[] = [];
  for (const observance of component[2]) {
    const kind = observance[0];
    if (kind !== 'standard' && kind !== 'daylight') continue;
    const props = observance[1];
    const from = parseUtcOffset(firstValue(props, 'tzoffsetfrom'));
    const to = parseUtcOffset(firstValue(props, 'tzoffsetto'));
    const start = parseIcsTime(firstValue(props, 'dtstart'), null);
    if (from === null || to === null || !start) continue;
    const push = (w: Wall): void => {
      transitions.push({ at: wallAsUtc(w) - from * MINUTE, from, to });
    };
    for (const prop of props) {
      if (prop[0] !== 'rdate') continue;
      for (const value of prop.slice(3)) {
        const time = parseIcsTime(Array.isArray(value) ? value[0] : value, null);
        if (time) push(time.date ? { ...time, hour: start.hour, minute: start.minute, second: start.second } : time);
      }
    }
    const rule = firstValue(props, 'rrule');
    let expanded = false;
    if (rule && typeof rule === 'object') {
      try {
        expandObservance(rule as Record<string, unknown>, start, from, untilYear, push);
        expanded = true;
      } catch {
        // An unusable rule leaves the observance's DTSTART and RDATEs.
      }
    }
    if (!expanded) push(start);
  }
  if (transitions.length === 0) return null;
  transitions.sort((a, b) => a.at - b.at);
  const first = transitions[0] as Transition;
  return makeZoner((ms) => {
    if (ms < first.at) return first.from;
    let lo = 0;
    let hi = transitions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((transitions[mid] as Transition).at <= ms) lo = mid;
      else hi = mid - 1;
    }
    return (transitions[lo] as Transition).to;
  });
}

function expandObservance(
  value: Record<string, unknown>,
  start: Wall,
  from: number,
  untilYear: number,
  push: (w: Wall) => void
): void {
  const rule = ruleFromJcal(value);
  const until = parseIcsTime(rule.until, null);
  // UNTIL in UTC is an instant; moved onto the observance's wall clock (which runs at TZOFFSETFROM
  // up to the transition) it can be compared like a floating UNTIL.
  const untilWall = until ? (until.utc ? utcFields(wallAsUtc(until) + from * MINUTE) : until) : null;
  const stopAfter: Wall = { year: untilYear, month: 12, day: 31, hour: 23, minute: 59, second: 59 };
  let count = 0;
  expandRule(rule, start, false, untilWall, { stopAfter, maxSteps: 1_000_000 }, (w) => {
    push(w);
    return ++count < MAX_TRANSITIONS;
  });
}

/** Zones tried first when naming a custom VTIMEZONE: where conferences usually are. */
const COMMON_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'America/Sao_Paulo',
  'America/Mexico_City', 'America/Bogota', 'America/Santiago', 'America/Argentina/Buenos_Aires',
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Berlin', 'Europe/Paris', 'Europe/Amsterdam',
  'Europe/Brussels', 'Europe/Madrid', 'Europe/Rome', 'Europe/Prague', 'Europe/Athens', 'Europe/Helsinki',
  'Europe/Istanbul', 'Europe/Moscow', 'Asia/Jerusalem', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Bangkok',
  'Asia/Singapore', 'Asia/Shanghai', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Perth', 'Australia/Brisbane',
  'Australia/Adelaide', 'Australia/Sydney', 'Pacific/Auckland', 'Africa/Johannesburg', 'Africa/Lagos', 'UTC'
];

/**
 * An IANA zone whose offsets agree with a custom VTIMEZONE on the 1st and 15th of every month of
 * the given year (enough to tell US from EU daylight-saving dates). Null when none agrees.
 */
export function ianaMatchingRules(zoner: Zoner, year: number): string | null {
  const samples: number[] = [];
  for (let month = 0; month < 12; month++) samples.push(Date.UTC(year, month, 1, 12), Date.UTC(year, month, 15, 12));
  const expected = samples.map((ms) => zoner.offsetAt(ms));
  const matches = (name: string): boolean => {
    const zone = IANAZone.create(name);
    return zone.isValid && samples.every((ms, i) => zone.offset(ms) === expected[i]);
  };
  return COMMON_ZONES.find(matches) ?? Intl.supportedValuesOf('timeZone').find(matches) ?? null;
}

export type ZoneSource = 'vtimezone' | ZoneNameKind;

export interface ResolvedZone {
  zoner: Zoner;
  /** IANA name to show and store; null when no IANA zone could be named for a custom VTIMEZONE. */
  readonly iana: string | null;
  source: ZoneSource;
  /** False when `iana` was inferred (rules matched, a city in a label, an offset). */
  exact: boolean;
}

export interface VtimezoneEntry {
  component: JcalComponent;
  line: number;
}

/** TZID text as a lookup key: quotes, surrounding space and backslash escapes do not matter. */
export function normaliseTzid(tzid: string): string {
  return tzid
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\\([,;\\])/g, '$1')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Resolve TZIDs in the order formats.md gives: the file's VTIMEZONE, then the name itself (IANA,
 * Windows id, Windows label, offset). Cached per TZID; `sampleYear` picks the year used to name
 * a custom VTIMEZONE after an IANA zone.
 */
export function createZoneResolver(
  vtimezones: Map<string, VtimezoneEntry>,
  untilYear: number,
  sampleYear: number
): (tzid: string) => ResolvedZone | null {
  const cache = new Map<string, ResolvedZone | null>();
  const ianaZoners = new Map<string, Zoner>();
  const zonerForName = (iana: string, offsetMinutes: number | null): Zoner => {
    if (offsetMinutes !== null) return fixedZoner(offsetMinutes);
    let zoner = ianaZoners.get(iana);
    if (!zoner) {
      zoner = ianaZoner(iana);
      ianaZoners.set(iana, zoner);
    }
    return zoner;
  };
  const rawCache = new Map<string, ResolvedZone | null>();
  const resolveNormalised = (tzid: string): ResolvedZone | null => {
    const key = normaliseTzid(tzid);
    if (cache.has(key)) return cache.get(key) ?? null;
    let resolved: ResolvedZone | null = null;
    const byName = resolveZoneName(tzid);
    const entry = vtimezones.get(key);
    const zoner = entry ? vtimezoneZoner(entry.component, untilYear) : null;
    if (zoner) {
      // The rules come from the file; the IANA name is only a label for them. Mozilla writes the
      // real zone in X-LIC-LOCATION, which beats guessing from the rules.
      const location = firstValue(entry?.component[1] ?? [], 'x-lic-location');
      const fromLocation = typeof location === 'string' ? resolveZoneName(location) : null;
      const named = byName ?? fromLocation;
      // Matching rules against every IANA zone takes tens of milliseconds: only when asked.
      let guessed: { zone: string | null } | undefined;
      resolved = {
        zoner,
        source: 'vtimezone',
        exact: named ? named.exact : false,
        get iana(): string | null {
          if (named) return named.zone;
          guessed ??= { zone: ianaMatchingRules(zoner, sampleYear) ?? zoneForOffset(zoner.offsetAt(Date.UTC(sampleYear, 0, 15))) };
          return guessed.zone;
        }
      };
    } else if (byName) {
      resolved = {
        zoner: zonerForName(byName.zone, byName.offsetMinutes),
        iana: byName.zone,
        source: byName.kind,
        exact: byName.exact
      };
    }
    cache.set(key, resolved);
    return resolved;
  };
  return (tzid: string) => {
    let resolved = rawCache.get(tzid);
    if (resolved === undefined) {
      resolved = resolveNormalised(tzid);
      rawCache.set(tzid, resolved);
    }
    return resolved;
  };
}

export type { JcalComponent, JcalProperty };
