// CSV / spreadsheet schedules → ParsedSchedule.
//
// Columns are matched by header name in any order and case; what cannot be matched is named in
// a warning so the preview can offer a mapping (csvColumns + opts.columns). Rows are read
// leniently: a row that cannot be placed in time is skipped with a warning naming its line.
// Day/month order is decided across the whole file (a value above 12 settles it), never per row.
import type { CsvColumn, ParseOptions, ParsedSchedule, ParsedSession } from '../../../shared/domain.ts';
import { ClashlessError } from '../../../shared/contract.ts';
import { MINUTE } from '../../../shared/time.ts';
import { contentKey, uniqueKeys } from '../keys.ts';
import { makeWallConverter, WarningList } from './frab-common.ts';
import { cleanLine, cleanText } from './frab-text.ts';
import { decideZone, isUsableZone } from './frab-zone.ts';
import type { OffsetSample } from './frab-zone.ts';
import { mapColumns, readCsv } from './csv-read.ts';
import type { CsvField, CsvRecord } from './csv-read.ts';
import { numericDateParts, parseDurationText, parseMoment, parseSpeakers, splitRange } from './csv-values.ts';
import type { CalendarDate, CellMoment, DateOrder } from './csv-values.ts';

export type { CsvField } from './csv-read.ts';
export type { DateOrder } from './csv-values.ts';

export interface CsvParseOptions extends ParseOptions {
  /** How to read "11/12/2024" when the file cannot tell. */
  dateOrder?: DateOrder | undefined;
}

const FIELD_LABEL: Partial<Record<CsvField, string>> = { title: 'the title', start: 'the start time' };

/**
 * The person's choices keyed by header text. Built with Object.fromEntries, which defines own
 * properties, so a header named "__proto__" is just a header.
 */
function chosenColumns(columns: readonly CsvColumn[] | undefined): Record<string, CsvField | null> | undefined {
  return columns === undefined ? undefined : Object.fromEntries(columns.map((c) => [c.header, c.field]));
}

/** The header and the field each column is read as (guessed, or as chosen), for the preview's mapping step. */
export function csvColumns(text: string, chosen?: readonly CsvColumn[]): CsvColumn[] {
  const header = readCsv(text, 1).records[0]?.cells.map((c) => c.trim()) ?? [];
  const fields = mapColumns(header, chosenColumns(chosen));
  return header.map((h, i) => ({ header: h, field: fields[i] ?? null }));
}

/** Day/month order for the file: values above 12 decide; otherwise the option, else a convention with a warning. */
function decideDateOrder(cells: readonly string[], opts: CsvParseOptions, warnings: WarningList): DateOrder {
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
    const order = opts.dateOrder ?? (dayFirst >= monthFirst ? 'dmy' : 'mdy');
    warnings.add(null, `The dates mix day/month and month/day order (${dayFirst} vs ${monthFirst} rows); they were read as ${order === 'dmy' ? 'day/month' : 'month/day'}. Check them in the preview.`);
    return order;
  }
  if (dayFirst > 0) return 'dmy';
  if (monthFirst > 0) return 'mdy';
  if (opts.dateOrder) return opts.dateOrder;
  const order: DateOrder = ambiguous?.separator === '/' ? 'mdy' : 'dmy';
  if (ambiguous !== null) {
    warnings.add(
      null,
      `Dates such as “${ambiguous.text.slice(0, 40)}” could be day/month or month/day; they were read as ${order === 'dmy' ? 'day/month' : 'month/day'}. Choose the date order in the preview if that is wrong.`
    );
  }
  return order;
}

function mostCommon<T>(values: readonly T[]): T | null {
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

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function utcOf(date: CalendarDate, minutes: number, offset: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) + (minutes - offset) * MINUTE;
}

export function parseCsv(text: string, opts: CsvParseOptions): ParsedSchedule {
  const warnings = new WarningList();
  const doc = readCsv(text);
  const [headerRecord, ...rows] = doc.records;
  if (headerRecord === undefined) throw new ClashlessError('empty', 'The CSV is empty: it has no header row and no sessions.', 'line 1');
  const header = headerRecord.cells.map((c) => c.trim());
  const fields = mapColumns(header, chosenColumns(opts.columns));
  const column = (field: CsvField): number => fields.indexOf(field);
  const at = (record: CsvRecord, field: CsvField): string => {
    const i = column(field);
    return i === -1 ? '' : (record.cells[i] ?? '').trim();
  };
  if (doc.unclosedQuoteLine !== null) {
    warnings.add(doc.unclosedQuoteLine, `A quoted field opened on line ${doc.unclosedQuoteLine} never closes; everything after it was read into that field. Check the quotes.`);
  }
  const unknown = header.filter((h, i) => h !== '' && fields[i] === null);
  if (unknown.length > 0) {
    warnings.add(1, `Columns not imported: ${unknown.map((h) => `“${h.slice(0, 40)}”`).join(', ')}. Choose a field for them in the preview if they matter.`);
  }

  const dateCells = rows.flatMap((r) => [at(r, 'date'), at(r, 'start'), at(r, 'end'), at(r, 'endDate')]).filter((c) => c !== '');
  const order = decideDateOrder(dateCells, opts, warnings);
  const years = dateCells.flatMap((c) => (c.length > 80 ? [] : (c.match(/\b(?:19|20)\d{2}\b/g) ?? []))).map(Number);
  const yearHint = mostCommon(years);
  const moment = (cell: string): CellMoment | null => (cell === '' ? null : parseMoment(cell, order, yearHint));

  // The start may live in the date column ("2024-11-13 10:00") when there is no start column.
  let startField: CsvField = 'start';
  if (column('title') === -1) throw new ClashlessError('parse-failed', `The CSV has no column for ${FIELD_LABEL.title}; choose one in the preview.`, 'line 1');
  if (column('start') === -1) {
    const withTimes = rows.slice(0, 20).some((r) => (moment(at(r, 'date'))?.minutes ?? null) !== null);
    if (column('date') === -1 || !withTimes) {
      throw new ClashlessError('parse-failed', `The CSV has no column for ${FIELD_LABEL.start}; choose one in the preview.`, 'line 1');
    }
    startField = 'date';
  }

  // Zone: the person's choice > the zone column > offsets in the cells > fallback.
  const zoneNames = rows.map((r) => at(r, 'timeZone')).filter((z) => z !== '' && isUsableZone(z));
  const samples: OffsetSample[] = [];
  for (const r of rows) {
    const m = moment(at(r, startField));
    const date = m?.date ?? moment(at(r, 'date'))?.date ?? null;
    if (m && m.offset !== null && m.minutes !== null && date) samples.push({ ms: utcOf(date, m.minutes, m.offset), offset: m.offset });
  }
  const zoneWarnings: string[] = [];
  const zone = decideZone(
    { named: mostCommon(zoneNames), namedWhere: 'time zone column', placeText: `${opts.fileName ?? ''} ${rows.slice(0, 50).map((r) => at(r, 'venue')).join(' ')}`, samples },
    opts,
    (m) => zoneWarnings.push(m)
  );
  const converters = new Map<string, ReturnType<typeof makeWallConverter>>();
  const instant = (date: CalendarDate, minutes: number, offset: number | null, rowZone: string): number => {
    if (offset !== null) return utcOf(date, minutes, offset);
    let convert = converters.get(rowZone);
    if (!convert) converters.set(rowZone, (convert = makeWallConverter(rowZone)));
    return convert(date.year, date.month, date.day, minutes);
  };

  const hasEnd = column('end') !== -1 || column('duration') !== -1;
  let zeroLength = 0;
  const sessions: ParsedSession[] = [];
  for (const r of rows) {
    const title = cleanLine(at(r, 'title'));
    if (title === null) {
      warnings.add(r.line, `Line ${r.line}: no title; the row was skipped.`);
      continue;
    }
    let startText = at(r, startField);
    let endText = at(r, 'end');
    const range = endText === '' ? splitRange(startText) : null;
    if (range) [startText, endText] = range;
    const startM = moment(startText);
    if (startM === null) {
      warnings.add(r.line, `Line ${r.line}: “${startText.slice(0, 40)}” is not a start I can read; “${title}” was skipped.`);
      continue;
    }
    const dateCell = at(r, 'date');
    const date = startM.date ?? (startField === 'date' ? null : moment(dateCell)?.date ?? null);
    if (date === null) {
      const why = dateCell === '' ? 'it has no date' : `“${dateCell.slice(0, 40)}” is not a date I can read`;
      warnings.add(r.line, `Line ${r.line}: ${why}; “${title}” was skipped.`);
      continue;
    }
    const zoneCell = at(r, 'timeZone');
    const rowZone = zone.rule !== 'option' && zoneCell !== '' && isUsableZone(zoneCell) ? zoneCell : zone.zone;
    const allDay = startM.minutes === null;
    const start = instant(date, startM.minutes ?? 0, startM.offset, rowZone);
    if (!Number.isFinite(start)) {
      warnings.add(r.line, `Line ${r.line}: the start of “${title}” cannot be placed in time; the row was skipped.`);
      continue;
    }

    let end = Number.NaN;
    const endM = moment(endText);
    const endDate = endM?.date ?? moment(at(r, 'endDate'))?.date ?? null;
    if (allDay) {
      end = instant(addDays(endDate ?? date, 1), 0, null, rowZone);
    } else if (endM !== null && endM.minutes !== null) {
      end = instant(endDate ?? date, endM.minutes, endM.offset ?? startM.offset, rowZone);
      // "22:00 – 01:00" with no end date runs past midnight.
      if (end < start && endDate === null) end = instant(addDays(date, 1), endM.minutes, endM.offset ?? startM.offset, rowZone);
    } else if (at(r, 'duration') !== '') {
      const minutes = parseDurationText(at(r, 'duration'));
      if (minutes !== null) end = start + minutes * MINUTE;
    }
    if (!Number.isFinite(end) || end < start) {
      if (endText !== '' || at(r, 'duration') !== '') {
        warnings.add(r.line, `Line ${r.line}: the end or duration of “${title}” cannot be read or is before its start; it is shown as 0 minutes.`);
      } else zeroLength++;
      end = start;
    }
    const speakers = parseSpeakers(at(r, 'speakers'));
    const id = at(r, 'id');
    sessions.push({
      key: id !== '' ? `csv:${id}` : contentKey(title, speakers.map((s) => s.name)),
      title,
      description: cleanText(at(r, 'description')),
      start,
      end,
      allDay,
      venue: cleanLine(at(r, 'venue')),
      room: cleanLine(at(r, 'room')),
      track: cleanLine(at(r, 'track')),
      type: cleanLine(at(r, 'type')),
      url: cleanLine(at(r, 'url')),
      status: /cancel/i.test(at(r, 'status')) || /^\s*\[?(?:cancell?ed)\]?\s*[:\-–]/i.test(title) ? 'cancelled' : 'scheduled',
      speakers,
      attributes: {},
      line: r.line
    });
  }
  if (zeroLength > 0 && !hasEnd) warnings.add(null, 'The CSV has no end or duration column, so sessions are shown as 0 minutes long. Choose one in the preview.');
  else if (zeroLength > 0) warnings.add(null, `${zeroLength} sessions have no end or duration and are shown as 0 minutes long.`);
  if (rows.length === 0) warnings.add(null, 'The CSV has a header but no sessions.');

  const all = warnings.done();
  all.unshift(...zoneWarnings.map((message) => ({ line: null, message })));
  return {
    format: 'csv',
    conference: { title: opts.fileName?.replace(/\.[^.]+$/, '').trim() || 'Imported schedule', timeZone: zone.zone, acronym: null },
    zone,
    sessions: uniqueKeys(sessions),
    warnings: all
  };
}
