// RRULE expansion on wall-clock dates, bounded by construction.
//
// Why not ical.js's RecurIterator: it loops forever on rules no date satisfies
// ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30" never returns) and rolls impossible dates over
// ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" gives March 2). An importer runs in the app's main
// process on files from anywhere, so expansion here walks periods (year, month, week, day or a
// sub-day step) up to a limit the caller gives and filters candidate days by the BY* parts, the
// way RFC 5545 §3.3.10 describes. ical.js still parses the rule text into its parts.
import { wallKey, type Wall } from './time.ts';

export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
const FREQUENCIES: readonly Frequency[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

export interface RuleSpec {
  freq: Frequency;
  interval: number;
  count: number | null;
  /** Raw UNTIL value; the caller turns it into the series' wall clock. */
  until: unknown;
  byMonth: number[];
  byWeekNo: number[];
  byYearDay: number[];
  byMonthDay: number[];
  /** Weekday 0 = Monday … 6 = Sunday, with an ordinal (0 = every such day). */
  byDay: { n: number; weekday: number }[];
  byHour: number[];
  byMinute: number[];
  bySecond: number[];
  bySetPos: number[];
  /** Week start, 0 = Monday. */
  wkst: number;
}

const DAY_NAMES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : String(value).split(',');
}

function numbers(value: unknown, min: number, max: number, name: string): number[] {
  return list(value).map((item) => {
    const n = Number(item);
    if (!Number.isInteger(n) || n === 0 && min < 0 || n < min || n > max) throw new Error(`${name} value "${String(item)}" is out of range`);
    return n;
  });
}

/** ical.js's jCal recur object (or a similar plain object) → a checked rule. Throws with a reason. */
export function ruleFromJcal(value: Record<string, unknown>): RuleSpec {
  const get = (name: string): unknown => value[name] ?? value[name.toUpperCase()];
  const freq = String(get('freq') ?? '').toUpperCase() as Frequency;
  if (!FREQUENCIES.includes(freq)) throw new Error(`FREQ "${String(get('freq') ?? '')}" is not a frequency`);
  const interval = get('interval') === undefined ? 1 : Number(get('interval'));
  const countValue = get('count');
  const count = countValue === undefined ? null : Number(countValue);
  if (!Number.isInteger(interval) || interval < 1 || interval > 10_000) throw new Error(`INTERVAL "${String(get('interval'))}" is not a positive number`);
  if (count !== null && (!Number.isInteger(count) || count < 1)) throw new Error(`COUNT "${String(countValue)}" is not a positive number`);
  const byDay = list(get('byday')).map((item) => {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(String(item).trim());
    if (!match) throw new Error(`BYDAY value "${String(item)}" is not a weekday`);
    const n = match[1] ? Number(match[1]) : 0;
    if (Math.abs(n) > 53) throw new Error(`BYDAY value "${String(item)}" is out of range`);
    return { n, weekday: DAY_NAMES.indexOf((match[2] as string).toUpperCase()) };
  });
  const wkstValue = get('wkst');
  // ical.js gives WKST as a number (1 = Sunday … 7 = Saturday), a raw rule as "MO".
  const wkst =
    typeof wkstValue === 'number' && wkstValue >= 1 && wkstValue <= 7
      ? (wkstValue + 5) % 7
      : typeof wkstValue === 'string' && DAY_NAMES.includes(wkstValue.toUpperCase())
        ? DAY_NAMES.indexOf(wkstValue.toUpperCase())
        : 0;
  return {
    freq,
    interval,
    count,
    until: get('until'),
    byMonth: numbers(get('bymonth'), 1, 12, 'BYMONTH'),
    byWeekNo: numbers(get('byweekno'), -53, 53, 'BYWEEKNO'),
    byYearDay: numbers(get('byyearday'), -366, 366, 'BYYEARDAY'),
    byMonthDay: numbers(get('bymonthday'), -31, 31, 'BYMONTHDAY'),
    byDay,
    byHour: numbers(get('byhour'), 0, 23, 'BYHOUR'),
    byMinute: numbers(get('byminute'), 0, 59, 'BYMINUTE'),
    bySecond: numbers(get('bysecond'), 0, 60, 'BYSECOND').map((s) => Math.min(s, 59)),
    bySetPos: numbers(get('bysetpos'), -366, 366, 'BYSETPOS'),
    wkst
  };
}

// Day arithmetic on "day numbers" (days since 1970-01-01), which sidesteps Date objects in loops.
const dayNumber = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
const weekdayOf = (dn: number): number => (((dn + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const daysInYear = (y: number): number => (dayNumber(y + 1, 1, 1) - dayNumber(y, 1, 1));
function fromDayNumber(dn: number): { year: number; month: number; day: number } {
  const d = new Date(dn * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** RFC 5545 week number: weeks start on WKST, week 1 is the first with at least four days in the year. */
function weekNumber(dn: number, wkst: number): { week: number; weeks: number } {
  const weekStart = dn - ((weekdayOf(dn) - wkst + 7) % 7);
  const anchorYear = fromDayNumber(weekStart + 3).year;
  const firstWeekStart = (year: number): number => {
    const jan4 = dayNumber(year, 1, 4);
    return jan4 - ((weekdayOf(jan4) - wkst + 7) % 7);
  };
  const week = Math.floor((weekStart - firstWeekStart(anchorYear)) / 7) + 1;
  const weeks = Math.round((firstWeekStart(anchorYear + 1) - firstWeekStart(anchorYear)) / 7);
  return { week, weeks };
}

interface Period {
  /** Candidate days (day numbers) of the period, ascending. */
  days: number[];
  /** First day number of the period, for stopping. */
  first: number;
}

function matchesPosition(value: number, size: number, wanted: number[]): boolean {
  return wanted.some((w) => (w > 0 ? value === w : value === size + w + 1));
}

function dayFilter(rule: RuleSpec, start: Wall): (dn: number) => boolean {
  const noDayParts = rule.byWeekNo.length + rule.byYearDay.length + rule.byMonthDay.length + rule.byDay.length === 0;
  const startWeekday = weekdayOf(dayNumber(start.year, start.month, start.day));
  const byMonthDay = noDayParts && (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') ? [start.day] : rule.byMonthDay;
  const byMonth = noDayParts && rule.freq === 'YEARLY' && rule.byMonth.length === 0 ? [start.month] : rule.byMonth;
  const byDay = noDayParts && rule.freq === 'WEEKLY' ? [{ n: 0, weekday: startWeekday }] : rule.byDay;
  // Ordinals ("2SU", "-1SU") count within the month for MONTHLY or a YEARLY rule with BYMONTH,
  // within the year for a plain YEARLY rule, and mean nothing for shorter frequencies.
  const ordinalScope = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && rule.byMonth.length > 0) ? 'month' : rule.freq === 'YEARLY' ? 'year' : 'none';
  return (dn) => {
    const { year, month, day } = fromDayNumber(dn);
    if (byMonth.length > 0 && !byMonth.includes(month)) return false;
    if (rule.byWeekNo.length > 0) {
      const { week, weeks } = weekNumber(dn, rule.wkst);
      if (!matchesPosition(week, weeks, rule.byWeekNo)) return false;
    }
    if (rule.byYearDay.length > 0 && !matchesPosition(dn - dayNumber(year, 1, 1) + 1, daysInYear(year), rule.byYearDay)) return false;
    if (byMonthDay.length > 0 && !matchesPosition(day, daysInMonth(year, month), byMonthDay)) return false;
    if (byDay.length > 0) {
      const weekday = weekdayOf(dn);
      const ok = byDay.some(({ n, weekday: wanted }) => {
        if (wanted !== weekday) return false;
        if (n === 0 || ordinalScope === 'none') return true;
        const [index, size] =
          ordinalScope === 'month' ? [day, daysInMonth(year, month)] : [dn - dayNumber(year, 1, 1) + 1, daysInYear(year)];
        return n > 0 ? Math.floor((index - 1) / 7) + 1 === n : Math.floor((size - index) / 7) + 1 === -n;
      });
      if (!ok) return false;
    }
    return true;
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** The k-th period's days for day-or-longer frequencies. */
function periodDays(rule: RuleSpec, start: Wall, k: number): Period {
  const step = k * rule.interval;
  switch (rule.freq) {
    case 'YEARLY': {
      const year = start.year + step;
      const noDayParts = rule.byWeekNo.length + rule.byYearDay.length + rule.byMonthDay.length + rule.byDay.length === 0;
      const months =
        rule.byMonth.length > 0 ? [...new Set(rule.byMonth)].sort((a, b) => a - b) : noDayParts ? [start.month] : range(1, 12);
      const days = months.flatMap((m) => range(dayNumber(year, m, 1), dayNumber(year, m, daysInMonth(year, m))));
      return { days, first: dayNumber(year, 1, 1) };
    }
    case 'MONTHLY': {
      const monthIndex = start.year * 12 + (start.month - 1) + step;
      const year = Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const first = dayNumber(year, month, 1);
      return { days: range(first, first + daysInMonth(year, month) - 1), first };
    }
    case 'WEEKLY': {
      const startDn = dayNumber(start.year, start.month, start.day);
      const first = startDn - ((weekdayOf(startDn) - rule.wkst + 7) % 7) + 7 * step;
      return { days: range(first, first + 6), first };
    }
    default: {
      const first = dayNumber(start.year, start.month, start.day) + step;
      return { days: [first], first };
    }
  }
}

export interface ExpandLimits {
  /** Stop at the first candidate after this wall time (the caller's window end in the series' zone). */
  stopAfter: Wall;
  /** Most iteration steps (periods and candidates), against hostile rules. */
  maxSteps: number;
}

/**
 * Call `visit` with each occurrence's wall time in order, starting with DTSTART itself (RFC 5545
 * counts it as the first instance even when the rule would not produce it). `until` is in the
 * series' wall clock. Returns 'steps' when the step limit ended the walk.
 */
export function expandRule(
  rule: RuleSpec,
  start: Wall,
  isDate: boolean,
  until: Wall | null,
  limits: ExpandLimits,
  visit: (w: Wall) => boolean
): 'done' | 'steps' {
  const startKey = wallKey(start);
  const untilKey = until ? wallKey(until) : Infinity;
  const stopKey = wallKey(limits.stopAfter);
  let emitted = 0;
  let steps = 0;
  const take = (w: Wall): boolean => {
    emitted++;
    if (!visit(w)) return false;
    return rule.count === null || emitted < rule.count;
  };
  // DTSTART is an instance even when UNTIL falls before it: a series never vanishes entirely.
  if (startKey > stopKey || !take(start) || startKey >= untilKey) return 'done';

  const hours = isDate ? [0] : rule.byHour.length > 0 ? [...rule.byHour].sort((a, b) => a - b) : [start.hour];
  const minutes = isDate ? [0] : rule.byMinute.length > 0 ? [...rule.byMinute].sort((a, b) => a - b) : [start.minute];
  const seconds = isDate ? [0] : rule.bySecond.length > 0 ? [...rule.bySecond].sort((a, b) => a - b) : [start.second];
  let lastKey = startKey;
  const accept = (w: Wall): 'next' | 'stop' => {
    const key = wallKey(w);
    // Candidates come in order; equal ones (a BYHOUR listed twice) are one occurrence.
    if (key <= lastKey) return 'next';
    lastKey = key;
    if (key > untilKey || key > stopKey) return 'stop';
    return take(w) ? 'next' : 'stop';
  };

  if (rule.freq === 'HOURLY' || rule.freq === 'MINUTELY' || rule.freq === 'SECONDLY') {
    if (isDate) return 'done';
    const unit = rule.freq === 'HOURLY' ? 3_600_000 : rule.freq === 'MINUTELY' ? 60_000 : 1000;
    const base = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second);
    const filter = dayFilter({ ...rule, freq: 'DAILY' }, start);
    for (let k = 1; ; k++) {
      if (++steps > limits.maxSteps) return 'steps';
      const d = new Date(base + k * rule.interval * unit);
      const w: Wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
      if (wallKey(w) > stopKey || wallKey(w) > untilKey) return 'done';
      if (rule.byHour.length > 0 && !rule.byHour.includes(w.hour)) continue;
      if (rule.byMinute.length > 0 && !rule.byMinute.includes(w.minute)) continue;
      if (rule.bySecond.length > 0 && !rule.bySecond.includes(w.second)) continue;
      if (!filter(Math.floor(Date.UTC(w.year, w.month - 1, w.day) / DAY_MS))) continue;
      if (accept(w) === 'stop') return 'done';
    }
  }

  const filter = dayFilter(rule, start);
  const stopDay = dayNumber(limits.stopAfter.year, limits.stopAfter.month, limits.stopAfter.day);
  for (let k = 0; ; k++) {
    const period = periodDays(rule, start, k);
    if (period.first > stopDay) return 'done';
    steps += 1 + period.days.length;
    if (steps > limits.maxSteps) return 'steps';
    const candidates: Wall[] = [];
    for (const dn of period.days) {
      if (!filter(dn)) continue;
      const { year, month, day } = fromDayNumber(dn);
      for (const hour of hours) for (const minute of minutes) for (const second of seconds) candidates.push({ year, month, day, hour, minute, second });
    }
    const chosen =
      rule.bySetPos.length > 0
        ? candidates.filter((_w, i) => matchesPosition(i + 1, candidates.length, rule.bySetPos))
        : candidates;
    for (const w of chosen) if (accept(w) === 'stop') return 'done';
  }
}
