// Deciding a feed's time zone from what it says (a zone name) and what it shows (UTC offsets on
// event times). Shared by the frab XML, schedule JSON and CSV parsers.
//
// Policy, in order: the person's choice > the document's zone name when its event times agree
// with it > a zone consistent with every offset seen (a place the document names first, then a
// fixed offset, then a common conference zone) > the fallback (rule 'fallback'), which the import
// never commits without the person choosing a zone, as for every other format.
// A fixed offset is written as the IANA "Etc/GMT-1" form (sign inverted by POSIX convention),
// because luxon's "UTC+1" is not an IANA name: isValidZone() and Intl reject it.
import { FixedOffsetZone, IANAZone } from 'luxon';
import type { Zone } from 'luxon';
import type { ParseOptions, ZoneDecision } from '../../../../shared/domain.ts';
import { isValidZone } from '../../../../shared/time.ts';
import { nearestZoneForOffset } from '../../offset-zones.ts';

/** The wall-clock offset (minutes east of UTC) a document shows for one instant. */
export interface OffsetSample {
  ms: number;
  offset: number;
}

export interface ZoneEvidence {
  /** Zone name the document gives (time_zone_name, a zone column), or null. */
  named: string | null;
  /** Where that name was found, for messages ("time_zone_name"). */
  namedWhere: string;
  /** Free text that may name the place: conference title, city, venue, URLs. */
  placeText: string;
  samples: OffsetSample[];
}

const zoneObjects = new Map<string, Zone | null>();

function zoneObject(name: string): Zone | null {
  let zone = zoneObjects.get(name);
  if (zone === undefined) {
    zone = isValidZone(name) ? IANAZone.create(name) : (FixedOffsetZone.parseSpecifier(name) ?? null);
    zoneObjects.set(name, zone);
  }
  return zone;
}

/** A zone name the parsers can compute with: IANA, or luxon's fixed "UTC+5:30". */
export function isUsableZone(name: string): boolean {
  return zoneObject(name) !== null;
}

function offsetIn(zone: string, ms: number): number {
  return zoneObject(zone)?.offset(ms) ?? Number.NaN;
}

/** "+01:00", "-03:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Places conference feeds name (title, city, venue, site domain) → their zone. Only used to pick
// among zones that already match the document's offsets, so a wrong hint cannot move a session.
const PLACE_ZONES: readonly [RegExp, string][] = [
  [/\b(berlin|hamburg|leipzig|munich|m[uü]nchen|k[oö]ln|cologne|frankfurt|karlsruhe|chaos|ccc)\b|\.de\b/, 'Europe/Berlin'],
  [/\b(brussels|bruxelles|fosdem)\b|\.be\b/, 'Europe/Brussels'],
  [/\b(amsterdam|rotterdam|utrecht)\b|\.nl\b/, 'Europe/Amsterdam'],
  [/\b(paris|lyon|lille|toulouse)\b|\.fr\b/, 'Europe/Paris'],
  [/\b(z[uü]rich|bern|geneva|luzern|lucerne)\b|\.ch\b/, 'Europe/Zurich'],
  [/\b(vienna|wien|graz)\b|\.at\b/, 'Europe/Vienna'],
  [/\b(prague|praha|brno)\b|\.cz\b/, 'Europe/Prague'],
  [/\b(london|manchester|edinburgh)\b|\.uk\b/, 'Europe/London'],
  [/\b(dublin)\b|\.ie\b/, 'Europe/Dublin'],
  [/\b(lisbon|lisboa|porto)\b|\.pt\b/, 'Europe/Lisbon'],
  [/\b(madrid|barcelona|valencia)\b|\.es\b/, 'Europe/Madrid'],
  [/\b(rome|roma|milan|milano|bologna)\b|\.it\b/, 'Europe/Rome'],
  [/\b(copenhagen)\b|\.dk\b/, 'Europe/Copenhagen'],
  [/\b(stockholm|gothenburg)\b|\.se\b/, 'Europe/Stockholm'],
  [/\b(helsinki)\b|\.fi\b/, 'Europe/Helsinki'],
  [/\b(warsaw|krakow|krak[oó]w)\b|\.pl\b/, 'Europe/Warsaw'],
  [/\b(kochi|kolkata|bangalore|bengaluru|mumbai|delhi|india)\b|\.in\b/, 'Asia/Kolkata'],
  [/\b(tokyo|osaka)\b|\.jp\b/, 'Asia/Tokyo'],
  [/\b(singapore)\b|\.sg\b/, 'Asia/Singapore'],
  [/\b(new york|boston|washington|atlanta|toronto|montreal)\b/, 'America/New_York'],
  [/\b(chicago|austin|dallas)\b/, 'America/Chicago'],
  [/\b(denver|salt lake)\b/, 'America/Denver'],
  [/\b(san francisco|seattle|los angeles|portland|vancouver)\b/, 'America/Los_Angeles'],
  [/\b(sydney|canberra)\b/, 'Australia/Sydney'],
  [/\b(melbourne)\b/, 'Australia/Melbourne'],
  [/\b(adelaide)\b/, 'Australia/Adelaide'],
  [/\b(auckland|wellington)\b|\.nz\b/, 'Pacific/Auckland']
];

// Tried when the offsets change during the document (DST) or are not whole hours.
const COMMON_ZONES: readonly string[] = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Helsinki',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Kabul',
  'Asia/Yangon',
  'Australia/Adelaide',
  'Australia/Darwin',
  'Australia/Sydney',
  'America/St_Johns',
  'Pacific/Auckland'
];

function placeZones(text: string): string[] {
  const lower = text.slice(0, 4000).toLowerCase();
  const zones: string[] = [];
  for (const [pattern, zone] of PLACE_ZONES) if (pattern.test(lower) && !zones.includes(zone)) zones.push(zone);
  return zones;
}

/** One sample per hour and offset: enough to test a zone, and cheap to test many zones. */
function thinSamples(samples: readonly OffsetSample[]): OffsetSample[] {
  const seen = new Set<string>();
  const out: OffsetSample[] = [];
  for (const s of samples) {
    const id = `${Math.floor(s.ms / 3_600_000)}|${s.offset}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(s);
    }
  }
  return out;
}

function countMismatches(zone: string, samples: readonly OffsetSample[]): number {
  let bad = 0;
  for (const s of samples) if (offsetIn(zone, s.ms) !== s.offset) bad++;
  return bad;
}

function offsetList(samples: readonly OffsetSample[]): string {
  const distinct = [...new Set(samples.map((s) => s.offset))].sort((a, b) => a - b);
  return distinct.map(formatOffset).join(' and ');
}

function fromOffsets(samples: readonly OffsetSample[], placeText: string): ZoneDecision {
  const offsets = offsetList(samples);
  for (const zone of placeZones(placeText)) {
    if (countMismatches(zone, samples) === 0) {
      return {
        zone,
        rule: 'place',
        detail: `Event times carry ${offsets}, which match ${zone}, the zone of the place the file names`,
        guessed: false
      };
    }
  }
  const distinct = new Set(samples.map((s) => s.offset));
  const only = distinct.size === 1 ? samples[0]?.offset : undefined;
  if (only !== undefined && only % 60 === 0) {
    const zone = nearestZoneForOffset(only);
    return { zone, rule: 'utc-offset', detail: `Event times carry ${offsets}: fixed offset UTC${formatOffset(only)} (${zone})`, guessed: false };
  }
  for (const zone of COMMON_ZONES) {
    if (countMismatches(zone, samples) === 0) {
      return { zone, rule: 'utc-offset', detail: `Event times carry ${offsets}, which match ${zone}`, guessed: false };
    }
  }
  // Offsets no single zone explains: keep the most frequent one; every dated time is still exact.
  const freq = new Map<number, number>();
  for (const s of samples) freq.set(s.offset, (freq.get(s.offset) ?? 0) + 1);
  const best = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const zone = nearestZoneForOffset(best);
  return { zone, rule: 'utc-offset', detail: `Event times carry ${offsets}; most use ${formatOffset(best)}`, guessed: true };
}

/**
 * Decide the zone. `warn` receives document-level warnings (zone name disagreeing with offsets,
 * unknown names, fallback).
 */
export function decideZone(evidence: ZoneEvidence, opts: ParseOptions, warn: (message: string) => void): ZoneDecision {
  const chosen = opts.timeZone?.trim();
  if (chosen) {
    if (isUsableZone(chosen)) return { zone: chosen, rule: 'option', detail: `Chosen: ${chosen}`, guessed: false };
    warn(`The time zone “${chosen}” is not one I know; the zone is decided from the file instead.`);
  }
  const samples = thinSamples(evidence.samples);
  const named = evidence.named?.trim() || null;
  if (named !== null) {
    if (!isUsableZone(named)) {
      warn(`The file's ${evidence.namedWhere} “${named}” is not a time zone I know; it was ignored.`);
    } else {
      const bad = countMismatches(named, samples);
      if (bad * 2 <= samples.length || samples.length === 0) {
        if (bad > 0) {
          warn(`Some event times (${bad} of ${samples.length} checked) do not match the file's zone ${named}; their own offsets were kept.`);
        }
        return { zone: named, rule: 'zone-name', detail: `${evidence.namedWhere} “${named}”`, guessed: false };
      }
      const decision = fromOffsets(samples, evidence.placeText);
      warn(
        `The file's ${evidence.namedWhere} says ${named}, but its event times are at ${offsetList(samples)}; ` +
          `the times were read from their offsets and the zone set to ${decision.zone}.`
      );
      return decision;
    }
  }
  if (samples.length > 0) {
    const decision = fromOffsets(samples, evidence.placeText);
    if (decision.guessed) warn(`${decision.detail}. Choose the conference's time zone in the preview.`);
    return decision;
  }
  const fallback = opts.fallbackZone && isUsableZone(opts.fallbackZone) ? opts.fallbackZone : 'UTC';
  // The same rule as every format: no stated zone, no silent default. The preview asks and the
  // commit refuses ('zone-required') until a zone is chosen; meanwhile times are shown in `fallback`.
  warn(
    `This file names no time zone (no zone name, no UTC offsets on its times). Choose the conference's zone before importing ` +
      `(in the preview, or --tz on the command line); until then its times are shown as ${fallback}.`
  );
  return { zone: fallback, rule: 'fallback', detail: `Nothing in the file names a zone or a UTC offset; shown as ${fallback} until a zone is chosen`, guessed: true };
}
