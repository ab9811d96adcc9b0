// Raw events → sessions: place every time with its zone, keep the newest copy of each UID,
// decide the conference's dates, expand series inside them and apply RECURRENCE-ID overrides,
// which are grouped by UID here (never ICAL.Event, whose per-event sibling scan is quadratic).
// Written as flat loops over one array of items: this runs once per event on feeds of 10,000+.
import type { ParsedSession } from '../../../../shared/domain.ts';
import { contentKey } from '../../keys.ts';
import { describeTime, type RawEvent } from './event.ts';
import { expandSeries } from './recur.ts';
import { splitLocation } from './text.ts';
import { addDays, compactUtc, parseIcsTime, wallAsUtc, type IcsTime, type Wall } from './time.ts';
import type { Zoner } from './zones.ts';

const DAY = 86_400_000;
/** Occurrences one series may add; more means a rule that is not a conference schedule. */
export const MAX_OCCURRENCES_PER_SERIES = 1000;
/** Occurrences all series together may add. */
export const MAX_OCCURRENCES_TOTAL = 50_000;
/** Days a file of only series is expanded for, counted from its first occurrence's day. */
export const SERIES_ONLY_WINDOW_DAYS = 60;

export interface SessionContext {
  /** The conference zone: floating times and all-day dates. */
  conf: Zoner;
  /** Zone for a time value (its TZID's, UTC, or the conference's), warning about unknown TZIDs. */
  zonerFor: (t: IcsTime, line: number) => Zoner;
  warn: (line: number | null, message: string) => void;
}

interface Item {
  ev: RawEvent;
  start: number;
  end: number;
  dropped: boolean;
  /** For RECURRENCE-ID overrides: the original occurrence's instant. */
  recurrence: number;
  /** A master whose occurrences are expanded (RRULE, RDATE, or overrides refer to it). */
  series: boolean;
}

const midnight = (w: Wall): Wall => ({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0 });

function stampOf(ev: RawEvent): number {
  const time = parseIcsTime(ev.stampValue, null);
  return time ? wallAsUtc(time) : 0;
}

/** Why `candidate` replaces `kept` (same UID): higher SEQUENCE, later DTSTAMP, later in the file. */
function newerReason(candidate: RawEvent, kept: RawEvent): string | null {
  if (candidate.sequence !== kept.sequence) return candidate.sequence > kept.sequence ? 'higher SEQUENCE' : null;
  const a = stampOf(candidate);
  const b = stampOf(kept);
  if (a !== b) return a > b ? 'later DTSTAMP' : null;
  return 'same SEQUENCE and DTSTAMP, later in the file';
}

const titleOf = (ev: RawEvent, master?: RawEvent): string => ev.title ?? master?.title ?? 'Untitled event';

export function buildSessions(events: RawEvent[], ctx: SessionContext): ParsedSession[] {
  const { conf, zonerFor, warn } = ctx;
  const instant = (t: IcsTime, line: number): number =>
    t.utc ? wallAsUtc(t) : zonerFor(t, line).toEpoch(t.date ? midnight(t) : t);

  // Spans, then one copy per UID (and per UID + RECURRENCE-ID).
  const items: Item[] = [];
  const kept = new Map<string, Item>();
  const overrides = new Map<string, Map<number, Item>>();
  for (const ev of events) {
    const start = instant(ev.start, ev.line);
    let end: number;
    if (ev.end) end = instant(ev.end, ev.line);
    else if (ev.duration) {
      const base = ev.start.date ? midnight(ev.start) : ev.start;
      end = zonerFor(ev.start, ev.line).toEpoch(addDays(base, ev.duration.days)) + ev.duration.seconds * 1000;
    } else end = ev.start.date ? conf.toEpoch(addDays(midnight(ev.start), 1)) : start;
    const item: Item = { ev, start, end, dropped: false, recurrence: start, series: false };
    items.push(item);
    const uid = ev.uid;
    if (uid === null) continue;
    let group: Map<number, Item> | undefined;
    let previous: Item | undefined;
    if (ev.recurrenceId) {
      item.recurrence = instant(ev.recurrenceId, ev.line);
      group = overrides.get(uid);
      if (!group) overrides.set(uid, (group = new Map()));
      previous = group.get(item.recurrence);
    } else previous = kept.get(uid);
    if (previous) {
      const reason = newerReason(ev, previous.ev);
      const [winner, loser] = reason ? [item, previous] : [previous, item];
      loser.dropped = true;
      const why = reason ?? (ev.sequence !== previous.ev.sequence ? 'higher SEQUENCE' : 'later DTSTAMP');
      const which = ev.recurrenceId ? ` (RECURRENCE-ID ${describeTime(ev.recurrenceId)})` : '';
      warn(loser.ev.line, `UID "${uid}"${which} appears again on line ${winner.ev.line}; kept the copy on line ${winner.ev.line} (${why}).`);
      if (!reason) continue;
    }
    if (group) group.set(item.recurrence, item);
    else kept.set(uid, item);
  }
  for (const item of items) item.series = !item.ev.recurrenceId && (item.ev.rrule !== null || item.ev.rdates.length > 0);
  // A single event that overrides refer to is a series of one, so they can replace it.
  for (const uid of overrides.keys()) {
    const master = kept.get(uid);
    if (master) master.series = true;
  }
  const masterOf = (ev: RawEvent): Item | undefined => {
    const master = ev.uid === null ? undefined : kept.get(ev.uid);
    return master?.series ? master : undefined;
  };

  // The conference's dates: from the earliest event or first occurrence to the latest, or
  // SERIES_ONLY_WINDOW_DAYS days when the file has nothing but series.
  let earliest = Infinity;
  let latest = -Infinity;
  let singles = 0;
  for (const item of items) {
    if (item.dropped || (item.ev.recurrenceId && masterOf(item.ev))) continue;
    earliest = Math.min(earliest, item.start);
    latest = Math.max(latest, item.end, item.start);
    if (item.ev.rrule === null && item.ev.rdates.length === 0) singles++;
  }
  if (!Number.isFinite(earliest)) return [];
  const windowStart = conf.toEpoch(midnight(conf.wallOf(earliest)));
  const windowEnd = conf.toEpoch(
    singles > 0 ? addDays(midnight(conf.wallOf(latest)), 1) : addDays(midnight(conf.wallOf(earliest)), SERIES_ONLY_WINDOW_DAYS)
  );

  // Sessions in file order; a series' occurrences in time order at the master's place.
  const sessions: ParsedSession[] = [];
  const emit = (ev: RawEvent, key: string, start: number, end: number, allDay: boolean, master?: Item): void => {
    if (end < start) {
      warn(ev.line, `"${titleOf(ev, master?.ev)}" ends before it starts; ${master ? "the series' length" : 'zero length'} was used.`);
      end = start + (master ? Math.max(0, master.end - master.start) : 0);
    }
    const status = ev.status ?? master?.ev.status ?? null;
    const place = splitLocation(ev.location ?? master?.ev.location ?? null);
    sessions.push({
      key,
      title: titleOf(ev, master?.ev),
      description: ev.description ?? master?.ev.description ?? null,
      start,
      end,
      allDay,
      venue: place.venue,
      room: place.room,
      track: ev.categories ?? master?.ev.categories ?? null,
      type: null,
      url: ev.url ?? master?.ev.url ?? null,
      status: status === 'CANCELLED' ? 'cancelled' : 'scheduled',
      speakers: [],
      attributes: status === 'TENTATIVE' ? { Status: 'Tentative' } : {},
      line: ev.line
    });
  };
  const baseKey = (ev: RawEvent, master?: RawEvent): string => ev.uid ?? master?.uid ?? contentKey(titleOf(ev, master), []);
  const emitOverride = (item: Item, master?: Item): void =>
    emit(item.ev, `${baseKey(item.ev, master?.ev)}@${compactUtc(item.recurrence)}`, item.start, item.end, item.ev.start.date, master);

  let budget = MAX_OCCURRENCES_TOTAL;
  let totalCapWarned = false;
  for (const item of items) {
    const ev = item.ev;
    if (item.dropped) continue;
    if (ev.recurrenceId) {
      // Overrides of a series are placed with it; one without its series stands alone.
      if (!masterOf(ev)) emitOverride(item);
      continue;
    }
    if (!item.series) {
      emit(ev, baseKey(ev), item.start, item.end, ev.start.date);
      continue;
    }
    const expansion = expandSeries(ev, {
      zoner: zonerFor(ev.start, ev.line),
      instant: (t) => instant(t, ev.line),
      windowStart,
      windowEnd,
      limit: Math.min(MAX_OCCURRENCES_PER_SERIES, budget)
    });
    for (const note of expansion.notes) warn(ev.line, `"${titleOf(ev)}": ${note}`);
    if (expansion.capped && budget >= MAX_OCCURRENCES_PER_SERIES) {
      const each = MAX_OCCURRENCES_PER_SERIES.toLocaleString('en-US');
      warn(ev.line, `"${titleOf(ev)}" repeats more than ${each} times within the conference's dates; only the first ${each} were imported.`);
    } else if (expansion.capped && !totalCapWarned) {
      totalCapWarned = true;
      const total = MAX_OCCURRENCES_TOTAL.toLocaleString('en-US');
      warn(ev.line, `"${titleOf(ev)}" and later series were cut: the file repeats more than ${total} times within the conference's dates.`);
    }
    budget -= expansion.occurrences.length;
    const group = ev.uid === null ? undefined : overrides.get(ev.uid);
    const used = new Set<number>();
    const length = item.end - item.start;
    const lengthDays = Math.round(length / DAY);
    const base = baseKey(ev);
    for (const occurrence of expansion.occurrences) {
      const override = group?.get(occurrence.startMs);
      if (override && !override.dropped) {
        used.add(occurrence.startMs);
        emitOverride(override, item);
        continue;
      }
      const end = ev.start.date ? conf.toEpoch(addDays(occurrence.wall, lengthDays)) : occurrence.startMs + length;
      emit(ev, `${base}@${compactUtc(occurrence.startMs)}`, occurrence.startMs, end, ev.start.date);
    }
    if (!group) continue;
    // Overrides whose original date the rule does not produce (moved out of the pattern) still
    // happened: keep them when they fall in the conference's dates and were not excluded.
    const excluded = new Set(ev.exdates.map((x) => instant(x, ev.line)));
    for (const [recurrence, override] of group) {
      if (used.has(recurrence) || override.dropped || excluded.has(recurrence)) continue;
      if (override.start >= windowStart && override.start < windowEnd) emitOverride(override, item);
    }
  }
  return sessions;
}
