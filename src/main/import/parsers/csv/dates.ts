// How a CSV's date and time columns are written, decided across the whole column (never per row):
// day/month order, the year of dates written without one, day numbers ("Tag 0 … 4") instead of
// dates, and spreadsheet day fractions ("0.7291666" = 17:30) instead of clock times.
import { ClashlessError } from '../../../../shared/contract.ts';
import { findSeriesEditions } from '../../conference-series.ts';
import type { Warnings } from '../../warnings.ts';
import { numericDateParts, parseDayFraction, weekdayOf, yearlessDate } from './values.ts';
import type { CalendarDate, DateOrder } from './values.ts';

export function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const orderName = (order: DateOrder): string => (order === 'dmy' ? 'day/month' : 'month/day');

/** Day/month order for the file: values above 12 decide; otherwise the option, else a convention with a warning. */
export function decideDateOrder(cells: readonly string[], chosen: DateOrder | undefined, warnings: Warnings): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous: { text: string; separator: string } | null = null;
  for (const cell of cells) {
    const parts = cell.length > 40 ? null : numericDateParts(cell.trim().split(/[\sT]/)[0] ?? '');
    if (!parts || parts.separator === '.') continue;
    if (parts.a > 12 && parts.b <= 12) dayFirst++;
    else if (parts.b > 12 && parts.a <= 12) monthFirst++;
    else if (parts.a !== parts.b) ambiguous ??= { text: cell.trim(), separator: parts.separator };
  }
  if (dayFirst > 0 && monthFirst > 0) {
    const order = chosen ?? (dayFirst >= monthFirst ? 'dmy' : 'mdy');
    warnings.add(null, `The dates mix day/month and month/day order (${dayFirst} vs ${monthFirst} rows); they were read as ${orderName(order)}. Check them in the preview.`);
    return order;
  }
  if (dayFirst > 0) return 'dmy';
  if (monthFirst > 0) return 'mdy';
  if (chosen) return chosen;
  const order: DateOrder = ambiguous?.separator === '/' ? 'mdy' : 'dmy';
  if (ambiguous !== null) {
    warnings.add(
      null,
      `Dates such as “${ambiguous.text.slice(0, 40)}” could be day/month or month/day; they were read as ${orderName(order)}. Choose the date order in the preview if that is wrong.`
    );
  }
  return order;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * The year for dates written without one ("Monday, March 14"): the year the other dates give;
 * else a year in the file name, when the weekdays written with the dates agree with it; else the
 * year nearest to it (or to this year) in which they do, with a warning. Null when nothing tells.
 */
export function decideYear(cells: readonly string[], fileName: string | undefined, warnings: Warnings): number | null {
  const stated = mostCommon(cells.flatMap((c) => (c.length > 80 ? [] : (c.match(YEAR) ?? []))).map(Number));
  if (stated !== null) return stated;
  const yearless = cells.filter((c) => c.length <= 80 && yearlessDate(c) !== null);
  const first = yearless[0];
  if (first === undefined) return null;
  const samples = yearless.flatMap((c) => {
    const date = yearlessDate(c);
    const weekday = weekdayOf(c);
    return date !== null && weekday !== null ? [{ ...date, weekday }] : [];
  });
  const fits = (year: number): boolean => samples.every((s) => new Date(Date.UTC(year, s.month - 1, s.day)).getUTCDay() === s.weekday);
  const fileYear = mostCommon((fileName ?? '').match(YEAR) ?? []);
  const named = fileYear === null ? null : Number(fileYear);
  if (named !== null && fits(named)) {
    const agree = samples.length > 0 ? ', and the weekdays written with the dates agree' : '';
    warnings.add(null, `Dates such as “${first.trim()}” give no year; ${named} was taken from the file name “${fileName ?? ''}”${agree}. Check the dates in the preview.`);
    return named;
  }
  if (samples.length === 0) return null;
  const near = named ?? new Date().getUTCFullYear();
  for (let d = 0; d <= 30; d++) {
    for (const year of d === 0 ? [near] : [near - d, near + d]) {
      if (!fits(year)) continue;
      const from = named === null ? '' : ` (the file name says ${named}, but the weekdays do not fit it)`;
      warnings.add(null, `Dates such as “${first.trim()}” give no year; ${year} is the nearest year in which their weekdays fit${from}. Check the dates in the preview.`);
      return year;
    }
  }
  return null;
}

/**
 * A date column holding day numbers ("0", "1" … "4") instead of dates: the date of each number,
 * counted from day 1 of the conference edition the file names (conference-series.ts: "36C3").
 * Null when the column holds something else. When the file names no edition whose days are
 * known, the sessions cannot be placed in time: a parse-failed error says so.
 */
export function dayNumberDates(cells: readonly string[], header: string, text: string, fileName: string | undefined, where: string, warnings: Warnings): ((n: string) => CalendarDate | null) | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0 || !filled.every((c) => /^\d{1,2}$/.test(c))) return null;
  const numbers = filled.map(Number);
  const low = numbers.reduce((a, b) => Math.min(a, b));
  const high = numbers.reduce((a, b) => Math.max(a, b));
  const span = low === high ? `${low}` : `${low} to ${high}`;
  const sample = text.slice(0, 1_000_000);
  const edition = [...findSeriesEditions(`${sample}\n${fileName ?? ''}`, [])].find((m) => m.edition.firstDay !== undefined);
  const firstDay = edition?.edition.firstDay;
  if (!edition || firstDay === undefined) {
    throw new ClashlessError(
      'parse-failed',
      `The “${header}” column numbers the days (${span}) but the file does not say which dates they are, so the sessions cannot be placed in time. Add the dates (a date column, or dates in “${header}”) and import again.`,
      where
    );
  }
  const [year = 0, month = 1, day = 1] = firstDay.split('-').map(Number);
  const dayOne: CalendarDate = { year, month, day };
  const line = edition.index < sample.length ? `line ${sample.slice(0, edition.index).split(/\r\n|\r|\n/).length}` : 'the file name';
  warnings.add(
    null,
    `The “${header}” column numbers the days (${span}) without dates; they were read as days of ${edition.edition.name} (“${edition.text}” on ${line}), ` +
      `day 1 being ${firstDay}. Check the dates in the preview.`
  );
  return (n: string) => (/^\d{1,2}$/.test(n) ? addDays(dayOne, Number(n) - 1) : null);
}

/** A time column written as spreadsheet day fractions ("0.75" = 18:00): most of its filled cells are. */
export function usesDayFractions(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  const fractions = filled.filter((c) => parseDayFraction(c) !== null).length;
  return fractions > 0 && fractions * 2 >= filled.length;
}
