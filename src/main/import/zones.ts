// Decide which time zone a document's wall-clock times are in, and say how.
//
// Evidence is weighed, not grabbed. Each piece has a kind, a strength, the zones it supports and
// the text and line it came from (ZoneEvidence):
//   - stated: an IANA name, a UTC offset, a zone abbreviation or spelled-out zone ("CST",
//     "Mountain Standard Time", "(UTC -7)"). The document says its zone: these decide, in that
//     order, and the decision is not a guess (ambiguous abbreviations excepted, see below).
//   - venue: a place named as where the event is ("in Chicago", "held at the Austria Center
//     Vienna", "Venue: Salt Palace", a convention centre's own name).
//   - series: a conference edition with a known city (conference-series.ts: "KubeCon EU 2023").
//   - mention: a city named anywhere else.
// A place inside an organisation's name ("New York Times", "Technische Universität Wien", "Bank of
// America") is not evidence at all, unless the organisation itself is named as the venue.
//
// Rule: never `guessed: false` on a zone the document does not state. Without a stated zone the
// strongest place evidence only proposes one (rule 'place', guessed, every candidate listed with
// its reason in `candidates`), and the import asks before it saves (zoneNeedsConfirmation). Ambiguous
// abbreviations (CST, IST, BST, MST …) are settled by context words, places and the season of the
// document's dates; `guessed` stays true when only weak context decided.
import type { ZoneDecision, ZoneProposal } from '../../shared/domain.ts';
import { ClashlessError } from '../../shared/contract.ts';
import { isValidZone, offsetMinutesAt } from '../../shared/time.ts';
import {
  EVIDENCE_STRENGTH,
  gather,
  LONG_BY_NAME,
  type Evidence,
  type Hit,
  type PlaceEvidence,
  type ZoneEvidence
} from './zone-evidence.ts';
import { zoneForOffset } from './offset-zones.ts';
import { ABBREVIATIONS, REGION_WORDS, type ZoneCandidate } from './zone-names.ts';

export interface ResolveZoneOptions {
  /** The zone the person chose (preview picker, --tz). Wins; must be a valid IANA name. */
  timeZone?: string | undefined;
  /** Used when nothing in the document decides. Default "UTC". */
  fallbackZone?: string | undefined;
  /**
   * A zone the format carries outside the body (X-WR-TIMEZONE, time_zone_name) or extra context
   * such as a conference name. A valid IANA name counts as the document naming its zone.
   */
  hint?: string | undefined;
}

/** Zones an abbreviation may stand for, most likely first ([] when unknown). For the zone picker. */
export function abbreviationCandidates(abbr: string): string[] {
  const key = abbr.trim().toUpperCase();
  const list = Object.prototype.hasOwnProperty.call(ABBREVIATIONS, key) ? ABBREVIATIONS[key] : undefined;
  return list ? [...new Set(list.map((c) => c.zone))] : [];
}


/** Noon UTC of each dated line, or mid-January and mid-July when the document has no dates. */
function sampleInstants(ev: Evidence): number[] {
  if (ev.dates.length === 0) return [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)];
  return ev.dates.map((d) => Date.UTC(d.date.year, d.date.month - 1, d.date.day, 12));
}

function sameOffsets(a: string, b: string, at: readonly number[]): boolean {
  return at.every((t) => offsetMinutesAt(t, a) === offsetMinutesAt(t, b));
}

/** "on line 21", or "in the title (line 4)" for a front-matter title, a heading or line 1. */
function where(ev: Evidence, line: number): string {
  const text = ev.index.lineText(line).trim();
  if ((line === 1 && ev.index.lineCount > 3) || /^title\s*:/i.test(text) || /^#\s/.test(text)) return `in the title (line ${line})`;
  return `on line ${line}`;
}

function quote(hit: Hit, ev: Evidence): string {
  return `“${hit.text}” ${where(ev, hit.line)}`;
}

function most<T extends Hit>(map: Map<string | number, T>, score: (h: T) => number = (h) => h.count): T | null {
  let best: T | null = null;
  for (const h of map.values()) {
    if (!best || score(h) > score(best) || (score(h) === score(best) && h.line < best.line)) best = h;
  }
  return best;
}

interface Choice {
  zone: string;
  guessed: boolean;
  /** The word that named the zone. */
  hit: Hit;
  /** What decided, as "“CST” on line 182, with “North America” on line 21". */
  because: string;
}

/**
 * A venue, edition or city whose zone keeps the same clock as `zone` (CET + "Brussels" →
 * Europe/Brussels, CEST + "KubeCon EU 2023" → Europe/Amsterdam); the strongest first.
 */
function refineByPlace(zone: string, ev: Evidence): { zone: string; place: PlaceEvidence | null } {
  const year = ev.dates[0]?.date.year ?? 2024;
  const probe = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12), ...sampleInstants(ev).slice(0, 4)];
  for (const p of ev.places) {
    if (p.zone !== zone && isValidZone(p.zone) && sameOffsets(p.zone, zone, probe)) return { zone: p.zone, place: p };
    if (p.zone === zone) return { zone, place: p };
  }
  return { zone, place: null };
}

/** Abbreviations whose standard-time spelling in summer points at a zone without DST. */
const STANDARD_ALL_YEAR: Readonly<Record<string, { dst: string; noDst: string }>> = {
  MST: { dst: 'America/Denver', noDst: 'America/Phoenix' },
  AEST: { dst: 'Australia/Sydney', noDst: 'Australia/Brisbane' }
};

function scoreCandidate(c: ZoneCandidate, ev: Evidence): { score: number; strong: Hit[]; weak: Hit[] } {
  const strong: Hit[] = [];
  const weak: Hit[] = [];
  const words = REGION_WORDS[c.region];
  if (words) {
    for (const w of words.strong) {
      const hit = ev.regionWords.get(w);
      if (hit) strong.push(hit);
    }
    for (const w of words.weak) {
      const hit = ev.regionWords.get(w);
      if (hit) weak.push(hit);
    }
  }
  for (const p of ev.places) {
    if (p.zone !== c.zone && (p.region !== c.region || c.region === 'other')) continue;
    // An edition leans (its region words already count); a venue or a city settles.
    if (p.kind === 'series') weak.push(p);
    else strong.push(p);
  }
  return { score: strong.length * 3 + weak.length, strong, weak };
}

function byAbbreviation(ev: Evidence): Choice | null {
  const long = most(ev.longNames);
  if (long) {
    const zone = LONG_BY_NAME.get(long.text) ?? 'UTC';
    const refined = refineByPlace(zone, ev);
    let also = refined.place && refined.zone !== zone ? `, with ${quote(refined.place, ev)}` : '';
    const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
    if (abbr && abbreviationCandidates(abbr.text).includes(zone)) also += ` and ${quote(abbr, ev)}`;
    return { zone: refined.zone, guessed: false, hit: long, because: `${quote(long, ev)}${also}` };
  }
  // Abbreviations written next to a time count most; plain mentions break ties.
  const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
  if (!abbr) return null;
  const candidates = ABBREVIATIONS[abbr.text] ?? [];
  const first = candidates[0];
  if (!first) return null;
  if (candidates.length === 1) {
    const refined = refineByPlace(first.zone, ev);
    const also = refined.place && refined.zone !== first.zone ? `, with ${quote(refined.place, ev)}` : '';
    return { zone: refined.zone, guessed: false, hit: abbr, because: `${quote(abbr, ev)}${also}` };
  }
  const scored = candidates.map((c) => ({ c, ...scoreCandidate(c, ev) }));
  const seasonal = STANDARD_ALL_YEAR[abbr.text];
  let seasonClue = '';
  if (seasonal && ev.dates.length > 0) {
    const summer = ev.dates.find((d) => {
      const t = Date.UTC(d.date.year, d.date.month - 1, d.date.day, 12);
      return offsetMinutesAt(t, seasonal.dst) !== offsetMinutesAt(t, seasonal.noDst);
    });
    const alt = scored.find((s) => s.c.zone === seasonal.noDst);
    if (summer && alt) {
      alt.score += 1;
      seasonClue = `a date on line ${summer.line} when ${seasonal.dst} is on daylight time`;
    }
  }
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score) best = s;
  const clues = [...best.strong, ...best.weak]
    .filter((h, i, all) => all.findIndex((o) => o.text === h.text) === i)
    .slice(0, 2)
    .map((h) => quote(h, ev));
  if (seasonClue && best.c.zone === seasonal?.noDst) clues.push(seasonClue);
  const samples = sampleInstants(ev);
  const agree = ev.dates.length > 0 && candidates.every((c) => sameOffsets(c.zone, best.c.zone, samples));
  const guessed = best.strong.length === 0 && !agree;
  const refined = refineByPlace(best.c.zone, ev);
  const others = candidates.filter((c) => c.zone !== best.c.zone).map((c) => c.zone);
  let because = quote(abbr, ev);
  if (clues.length > 0) because += `, with ${clues.join(' and ')}`;
  else if (agree) because += ` (the same clock as ${others.join(', ')} on the document's dates)`;
  else because += ` (no other clue; could also be ${others.join(' or ')})`;
  if (refined.place && refined.zone !== best.c.zone) because += `, in ${refined.place.text}`;
  return { zone: refined.zone, guessed, hit: abbr, because };
}

/** Why a place-kind piece of evidence points at its zone, citing the text. */
function reasonOf(p: PlaceEvidence, ev: Evidence): string {
  if (p.kind === 'venue') return p.phrase === null || p.phrase === p.text ? `${quote(p, ev)}, the venue` : `${quote(p, ev)}, where it is held (“${p.phrase}”)`;
  if (p.kind !== 'series' || p.fact === null) return quote(p, ev);
  const year = p.yearFromDates ? ', with the document’s dates in that year' : '';
  return `${p.fact} (${quote(p, ev)}${year})`;
}

interface PlaceChoice {
  zone: string;
  /** The strongest piece of evidence for it. */
  hit: PlaceEvidence;
  /** Every zone the places point at, the proposed one first, each with its reason. */
  candidates: ZoneProposal[];
  /** Its reasons, as "“in Chicago” on line 4 and “Chicago” in the title (line 1)". */
  because: string;
  /** Other zones pointed at that do not keep the same clock. */
  conflicts: boolean;
}

/**
 * Weigh venues, editions and cities: the zone with the most weight is proposed, every other one
 * is listed. Never a stated zone, so the caller marks it guessed.
 */
function byPlace(ev: Evidence): PlaceChoice | null {
  const zones = new Map<string, { zone: string; score: number; items: PlaceEvidence[] }>();
  for (const p of ev.places) {
    if (!isValidZone(p.zone)) continue;
    let entry = zones.get(p.zone);
    if (!entry) {
      entry = { zone: p.zone, score: 0, items: [] };
      zones.set(p.zone, entry);
    }
    entry.score += p.strength + (p.count > 1 ? 0.5 : 0);
    entry.items.push(p);
  }
  // ev.places is sorted strongest first, so items[0] is each zone's strongest piece.
  const ranked = [...zones.values()].sort(
    (a, b) => b.score - a.score || b.items[0]!.strength - a.items[0]!.strength || a.items[0]!.line - b.items[0]!.line
  );
  const top = ranked[0];
  if (!top) return null;
  const samples = sampleInstants(ev);
  const candidates = ranked.map((z) => ({ zone: z.zone, place: z.items[0]!.place, reason: reasonOf(z.items[0]!, ev) }));
  const because = top.items
    .slice(0, 2)
    .map((p) => reasonOf(p, ev))
    .join(' and ');
  const conflicts = ranked.slice(1).some((z) => !sameOffsets(z.zone, top.zone, samples));
  return { zone: top.zone, hit: top.items[0]!, candidates, because, conflicts };
}

/** " (not counted: “New York Times” on line 3, an organisation’s name)", or "". */
function organisationsNote(ev: Evidence): string {
  const names = [...ev.organisations.values()].slice(0, 3).map((h) => quote(h, ev));
  if (names.length === 0) return '';
  return ` (not counted: ${names.join(', ')}, ${names.length === 1 ? 'an organisation’s name' : 'organisations’ names'})`;
}

/**
 * A stated zone wins over places; when a venue or an edition points at another clock, the
 * decision says so, so the person can notice a schedule re-timed for another audience.
 */
function placeConflictNote(zone: string, ev: Evidence): string {
  const samples = sampleInstants(ev);
  const other = ev.places.find((p) => p.kind !== 'mention' && isValidZone(p.zone) && !sameOffsets(p.zone, zone, samples));
  return other ? ` (the document also points at ${other.zone}: ${reasonOf(other, ev)}; its stated zone is used)` : '';
}

function byOffset(ev: Evidence): ZoneDecision | null {
  if (ev.offsets.size === 0) return null;
  const offset = most(ev.offsets as Map<string | number, Hit>);
  if (!offset) return null;
  const values = new Set<number>(ev.offsets.keys());
  const samples = sampleInstants(ev);
  const fits = (zone: string): boolean => samples.some((t) => values.has(offsetMinutesAt(t, zone)));

  const named = byAbbreviation(ev);
  const options: { zone: string; hit: Hit; because: string }[] = [];
  if (named) options.push(named);
  const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
  if (abbr) for (const c of ABBREVIATIONS[abbr.text] ?? []) options.push({ zone: c.zone, hit: abbr, because: quote(abbr, ev) });
  for (const p of ev.places) options.push({ zone: p.zone, hit: p, because: reasonOf(p, ev) });
  for (const o of options) {
    if (!isValidZone(o.zone) || !fits(o.zone)) continue;
    const refined = refineByPlace(o.zone, ev);
    const joined = o.hit.line === offset.line ? `“${offset.text}” with ${o.because}` : `${quote(offset, ev)} with ${o.because}`;
    return { zone: refined.zone, rule: 'utc-offset', guessed: false, detail: `${joined} → ${refined.zone}${placeConflictNote(refined.zone, ev)}` };
  }
  const [value] = [...ev.offsets.entries()].find(([, h]) => h === offset) ?? [0];
  const zone = zoneForOffset(value);
  if (!zone || !isValidZone(zone)) return null;
  return {
    zone,
    rule: 'utc-offset',
    guessed: true,
    detail: `${quote(offset, ev)} with no place or zone name to go with it → fixed offset ${zone}${placeConflictNote(zone, ev)}`
  };
}

/**
 * Decide the zone of a document's wall-clock times. Throws ClashlessError('bad-request') when
 * `opts.timeZone` is not a zone name this computer knows.
 */
export function resolveZone(text: string, opts: ResolveZoneOptions = {}): ZoneDecision {
  if (opts.timeZone !== undefined && opts.timeZone !== '') {
    const zone = opts.timeZone.trim();
    if (!isValidZone(zone)) {
      throw new ClashlessError(
        'bad-request',
        `Unknown time zone “${opts.timeZone}”. Use an IANA zone name such as “America/Chicago” or “Europe/Berlin”.`,
        'field timeZone'
      );
    }
    return { zone, rule: 'option', guessed: false, detail: `Chosen in the import options → ${zone}` };
  }
  const hint = opts.hint?.trim();
  if (hint && isValidZone(hint) && hint.includes('/')) {
    return { zone: hint, rule: 'zone-name', guessed: false, detail: `The file names its zone “${hint}” → ${hint}` };
  }
  const ev = gather(text, hint);
  const named = most(ev.zoneNames);
  if (named) {
    const others = ev.zoneNames.size > 1 ? ` (of ${ev.zoneNames.size} zone names in the document, the most frequent)` : '';
    return { zone: named.text, rule: 'zone-name', guessed: ev.zoneNames.size > 1, detail: `${quote(named, ev)}${others} → ${named.text}` };
  }
  const offset = byOffset(ev);
  if (offset) return offset;
  const abbr = byAbbreviation(ev);
  if (abbr) {
    const rule = abbr.zone === 'UTC' ? 'utc' : 'abbreviation';
    return { zone: abbr.zone, rule, guessed: abbr.guessed, detail: `${abbr.because} → ${abbr.zone}${placeConflictNote(abbr.zone, ev)}` };
  }
  // Nothing states the zone: places only propose one, and the person confirms it.
  const place = byPlace(ev);
  if (place) {
    const others = place.candidates.slice(1).map((c) => `${c.reason} → ${c.zone}`);
    const also = others.length === 0 ? '' : place.conflicts ? ` (but also ${others.join('; ')})` : ` (also ${others.join('; ')})`;
    return {
      zone: place.zone,
      rule: 'place',
      guessed: true,
      detail: `${place.because} → ${place.zone}${also}${organisationsNote(ev)}`,
      candidates: place.candidates
    };
  }
  const fallback = opts.fallbackZone && isValidZone(opts.fallbackZone) ? opts.fallbackZone : 'UTC';
  return {
    zone: fallback,
    rule: 'fallback',
    guessed: true,
    detail: `Nothing in the document names a time zone, a UTC offset, a zone abbreviation or a known city; the times were read as ${fallback}${organisationsNote(ev)}`
  };
}

/**
 * Every piece of zone evidence in a document, strongest first: what resolveZone weighs. Places
 * inside organisation names are not in it.
 */
export function collectZoneEvidence(text: string): ZoneEvidence[] {
  const ev = gather(text, undefined);
  const out: ZoneEvidence[] = [];
  for (const h of ev.zoneNames.values()) out.push({ kind: 'zone-name', strength: EVIDENCE_STRENGTH['zone-name'], zones: [h.text], text: h.text, line: h.line, count: h.count });
  for (const [minutes, h] of ev.offsets) {
    const zone = zoneForOffset(minutes);
    out.push({ kind: 'offset', strength: EVIDENCE_STRENGTH.offset, zones: zone ? [zone] : [], text: h.text, line: h.line, count: h.count });
  }
  for (const h of ev.longNames.values()) {
    const zone = LONG_BY_NAME.get(h.text);
    out.push({ kind: 'zone-word', strength: EVIDENCE_STRENGTH['zone-word'], zones: zone ? [zone] : [], text: h.text, line: h.line, count: h.count });
  }
  for (const h of ev.abbreviations.values()) {
    out.push({ kind: 'zone-word', strength: EVIDENCE_STRENGTH['zone-word'], zones: abbreviationCandidates(h.text), text: h.text, line: h.line, count: h.count });
  }
  for (const p of ev.places) out.push({ kind: p.kind, strength: p.strength, zones: [p.zone], text: p.phrase ?? p.text, line: p.line, count: p.count });
  return out.sort((a, b) => b.strength - a.strength || a.line - b.line);
}
