// Recurrence expansion for one series, limited to the conference's dates. Rules iterate on the
// wall clock of the series' own zone (ics/rrule.ts) and each occurrence is then placed with that
// zone's rules, which is what RFC 5545 means and keeps a 10:00 talk at 10:00 across a DST
// change. UNTIL in UTC is first moved onto that wall clock.
import type { RawEvent } from './event.ts';
import { expandRule, ruleFromJcal, type RuleSpec } from './rrule.ts';
import { addDays, describeWall, parseIcsTime, wallAsUtc, wallKey, type IcsTime, type Wall } from './time.ts';
import type { Zoner } from './zones.ts';

export interface Occurrence {
  /** The occurrence's original start (its RECURRENCE-ID as an instant). */
  startMs: number;
  /** Its wall clock in the series' zone (midnight for all-day series). */
  wall: Wall;
}

export interface ExpansionContext {
  /** Zone of the series' DTSTART (the conference zone for DATE and floating starts). */
  zoner: Zoner;
  /** Instant of any date or time value with its own TZID (for RDATE and EXDATE). */
  instant: (t: IcsTime) => number;
  windowStart: number;
  windowEnd: number;
  /** Most occurrences to keep for this series. */
  limit: number;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** True when `limit` cut the series short. */
  capped: boolean;
  notes: string[];
}

/** Iteration steps allowed per series: far more than any real conference needs, bounded for hostile rules. */
const MAX_STEPS = 200_000;

function untilFor(rule: RuleSpec, start: IcsTime, zoner: Zoner): Wall | null {
  const until = parseIcsTime(rule.until, null);
  if (!until) return null;
  if (until.utc && !start.utc) return zoner.wallOf(wallAsUtc(until));
  // A DATE UNTIL on a timed series includes that whole day.
  if (until.date && !start.date) return { ...until, hour: 23, minute: 59, second: 59 };
  return until;
}

function ruleOccurrences(master: RawEvent, value: Record<string, unknown>, ctx: ExpansionContext, notes: string[]): { list: Occurrence[]; capped: boolean } {
  const list: Occurrence[] = [];
  const start = master.start;
  let rule: RuleSpec;
  try {
    rule = ruleFromJcal(value);
  } catch (err) {
    notes.push(`its RRULE could not be used (${err instanceof Error ? err.message : 'invalid rule'}); only its first date was imported.`);
    const startMs = ctx.zoner.toEpoch(start);
    if (startMs >= ctx.windowStart && startMs < ctx.windowEnd) list.push({ startMs, wall: start });
    return { list, capped: false };
  }
  let capped = false;
  // One day past the window on the series' wall clock: offsets never differ by more than that.
  const stopAfter = addDays(ctx.zoner.wallOf(ctx.windowEnd), 1);
  const status = expandRule(rule, start, start.date, untilFor(rule, start, ctx.zoner), { stopAfter, maxSteps: MAX_STEPS }, (wall) => {
    const startMs = ctx.zoner.toEpoch(wall);
    if (startMs >= ctx.windowEnd) return false;
    if (startMs < ctx.windowStart) return true;
    if (list.length >= ctx.limit) {
      capped = true;
      return false;
    }
    list.push({ startMs, wall });
    return true;
  });
  if (status === 'steps') notes.push(`its RRULE was expanded for ${MAX_STEPS.toLocaleString('en-US')} steps and then stopped.`);
  return { list, capped };
}

/**
 * The occurrences of a series inside the window, in time order: DTSTART and RRULE, plus RDATE,
 * minus EXDATE. An EXDATE that matches no occurrence as an instant but does match one on the wall
 * clock (Outlook writes EXDATEs in another zone than DTSTART) is applied with a note.
 */
export function expandSeries(master: RawEvent, ctx: ExpansionContext): Expansion {
  const notes: string[] = [];
  let { list, capped } = master.rrule
    ? ruleOccurrences(master, master.rrule, ctx, notes)
    : { list: [] as Occurrence[], capped: false };
  if (!master.rrule) {
    const startMs = ctx.zoner.toEpoch(master.start);
    if (startMs >= ctx.windowStart && startMs < ctx.windowEnd) list.push({ startMs, wall: master.start });
  }

  const seen = new Set(list.map((o) => o.startMs));
  for (const rdate of master.rdates) {
    const startMs = ctx.instant(rdate);
    if (seen.has(startMs) || startMs < ctx.windowStart || startMs >= ctx.windowEnd) continue;
    if (list.length >= ctx.limit) {
      capped = true;
      break;
    }
    seen.add(startMs);
    list.push({ startMs, wall: rdate });
  }

  if (master.exdates.length > 0 && list.length > 0) {
    const excluded = new Set<number>();
    const byWall = new Map<number, number>();
    const byDate = new Map<string, number[]>();
    for (const o of list) {
      byWall.set(wallKey(o.wall), o.startMs);
      const day = describeWall({ ...o.wall, date: true });
      byDate.set(day, [...(byDate.get(day) ?? []), o.startMs]);
    }
    for (const ex of master.exdates) {
      if (ex.date && !master.start.date) {
        // A DATE EXDATE on a timed series removes that day's occurrences.
        for (const ms of byDate.get(describeWall({ ...ex, date: true })) ?? []) excluded.add(ms);
        continue;
      }
      const ms = ctx.instant(ex);
      if (seen.has(ms)) {
        excluded.add(ms);
        continue;
      }
      const sameWall = byWall.get(wallKey(ex));
      if (sameWall !== undefined) {
        excluded.add(sameWall);
        notes.push(`EXDATE ${describeWall(ex)}${ex.tzid ? ` (${ex.tzid})` : ''} matches no occurrence exactly; it was applied to the occurrence at the same local time.`);
      }
    }
    list = list.filter((o) => !excluded.has(o.startMs));
  }
  list.sort((a, b) => a.startMs - b.startMs);
  return { occurrences: list, capped, notes };
}
