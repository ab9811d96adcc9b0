// CSV / spreadsheet schedules → ParsedSchedule.
//
// Columns are matched by header name (English, German, French, Spanish) in any order, case and
// accents; a column that is no session field is kept on each session as an extra detail and named
// in a warning, so the preview can offer a mapping (csvColumns + opts.columns). Rows are read
// leniently: a row that cannot be placed in time is skipped with a warning naming its line. A CSV
// that gives no session at all is an error saying why. How dates and times are written is decided
// across the whole column, never per row (csv/dates.ts): day/month order (a value above 12 settles
// it), the year of dates written without one, day numbers, spreadsheet day fractions. A zone
// column may name zones as people write them ("NZDT UTC+13", csv/zones.ts).
import type { CsvColumn, ImportWarning, ParseOptions, ParsedSchedule, ParsedSession } from '../../../../shared/domain.ts';
import { ClashlessError } from '../../../../shared/contract.ts';
import { MINUTE, wallConverter, type WallConverter } from '../../../../shared/time.ts';
import { contentKey, uniqueKeys } from '../../keys.ts';
import { Warnings } from '../../warnings.ts';
import { cleanLine, cleanText } from '../frab/text.ts';
import { decideZone } from '../frab/zone.ts';
import type { OffsetSample } from '../frab/zone.ts';
import { mapColumns, readCsv } from './read.ts';
import type { CsvField, CsvRecord } from './read.ts';
import { parseDayFraction, parseDurationText, parseMoment, parseSpeakers, splitRange, yearlessDate } from './values.ts';
import type { CalendarDate, CellMoment, DateOrder } from './values.ts';
import { addDays, dayNumberDates, decideDateOrder, decideYear, mostCommon, usesDayFractions } from './dates.ts';
import { columnZones } from './zones.ts';

export type { CsvField } from './read.ts';
export type { DateOrder } from './values.ts';

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

function utcOf(date: CalendarDate, minutes: number, offset: number): number {
  return Date.UTC(date.year, date.month - 1, date.day) + (minutes - offset) * MINUTE;
}

/** Longest extra detail kept from one cell. */
const MAX_EXTRA = 4000;

/** Every row was skipped: say so with the first reasons, instead of an empty import. */
function noSessions(rowCount: number, headerLine: number, warnings: readonly ImportWarning[]): ClashlessError {
  const reasons = warnings.filter((w) => w.line !== null && w.line > headerLine).slice(0, 3);
  const first = reasons[0];
  const why = reasons.map((w) => w.message.replace(/^Line \d+: /, `line ${w.line}: `)).join(' ');
  return new ClashlessError(
    'parse-failed',
    `None of the ${rowCount} rows of the CSV could be read as a session.${why ? ` ${why}` : ''}`,
    first ? `line ${first.line}` : undefined
  );
}

export function parseCsv(text: string, opts: CsvParseOptions): ParsedSchedule {
  const warnings = new Warnings();
  const doc = readCsv(text);
  const [headerRecord, ...rows] = doc.records;
  if (headerRecord === undefined) throw new ClashlessError('empty', 'The CSV is empty: it has no header row and no sessions.', 'line 1');
  for (const p of doc.problems) warnings.add(p.line, p.message);
  const header = headerRecord.cells.map((c) => c.trim());
  const fields = mapColumns(header, chosenColumns(opts.columns));
  const column = (field: CsvField): number => fields.indexOf(field);
  const at = (record: CsvRecord, field: CsvField): string => {
    const i = column(field);
    return i === -1 ? '' : (record.cells[i] ?? '').trim();
  };
  // Columns that are no session field stay with each session as extra details (header → cell).
  const extras = header.flatMap((h, i) => (h !== '' && fields[i] === null ? [{ header: h, index: i }] : []));
  if (extras.length > 0) {
    warnings.add(
      headerRecord.line,
      `Columns kept as extra details, not as session fields: ${extras.slice(0, 20).map((e) => `“${e.header.slice(0, 40)}”`).join(', ')}` +
        `${extras.length > 20 ? ` and ${extras.length - 20} more` : ''}. Choose a field for them in the preview if one fits.`
    );
  }

  const dateCells = rows.flatMap((r) => [at(r, 'date'), at(r, 'start'), at(r, 'end'), at(r, 'endDate')]).filter((c) => c !== '');
  const order = decideDateOrder(dateCells, opts.dateOrder, warnings);
  const yearHint = decideYear(dateCells, opts.fileName, warnings);
  // Times written as spreadsheet day fractions ("0.7291666" = 17:30), decided on the start column.
  const fractions = usesDayFractions(rows.map((r) => at(r, 'start')));
  const moment = (cell: string): CellMoment | null => {
    if (cell === '') return null;
    const fraction = fractions ? parseDayFraction(cell) : null;
    return fraction !== null ? { date: null, minutes: fraction, offset: null } : parseMoment(cell, order, yearHint);
  };

  // The start may live in the date column ("2024-11-13 10:00") when there is no start column.
  let startField: CsvField = 'start';
  const headerWhere = `line ${headerRecord.line}`;
  if (column('title') === -1) throw new ClashlessError('parse-failed', `The CSV has no column for ${FIELD_LABEL.title}; choose one in the preview.`, headerWhere);
  if (column('start') === -1) {
    const withTimes = rows.slice(0, 20).some((r) => (moment(at(r, 'date'))?.minutes ?? null) !== null);
    if (column('date') === -1 || !withTimes) {
      throw new ClashlessError('parse-failed', `The CSV has no column for ${FIELD_LABEL.start}; choose one in the preview.`, headerWhere);
    }
    startField = 'date';
  }
  if (rows.length === 0) {
    throw new ClashlessError('parse-failed', `The CSV has a header row but no rows below it, so there are no sessions to import.`, headerWhere);
  }
  // A date column of day numbers ("Tag": 0 … 4) counts from day 1 of the edition the file names,
  // unless the start cells carry their own dates.
  const dayNumber =
    startField === 'date' || rows.some((r) => moment(at(r, 'start'))?.date) ? null : dayNumberDates(rows.map((r) => at(r, 'date')), header[column('date')] ?? '', text, opts.fileName, headerWhere, warnings);
  const dateOf = (cell: string): CalendarDate | null => (dayNumber ? dayNumber(cell) : (moment(cell)?.date ?? null));

  // Zone: the person's choice > the zone column > offsets in the cells > fallback.
  const zoneCells = columnZones(rows.map((r) => at(r, 'timeZone')));
  const zoneNames = rows.flatMap((r) => zoneCells.get(at(r, 'timeZone')) ?? []);
  const samples: OffsetSample[] = [];
  for (const r of rows) {
    const m = moment(at(r, startField));
    const date = m?.date ?? dateOf(at(r, 'date'));
    if (m && m.offset !== null && m.minutes !== null && date) samples.push({ ms: utcOf(date, m.minutes, m.offset), offset: m.offset });
  }
  const zoneWarnings: string[] = [];
  if (zoneCells.unknown.length > 0) {
    zoneWarnings.push(`The time zone column says ${zoneCells.unknown.slice(0, 3).map((z) => `“${z.slice(0, 40)}”`).join(', ')}, which names no zone I can be sure of; those rows use the file's zone.`);
  }
  const zone = decideZone(
    { named: mostCommon(zoneNames), namedWhere: zoneCells.where(mostCommon(zoneNames)), placeText: `${opts.fileName ?? ''} ${rows.slice(0, 50).map((r) => at(r, 'venue')).join(' ')}`, samples },
    opts,
    (m) => zoneWarnings.push(m)
  );
  const converters = new Map<string, WallConverter>();
  const instant = (date: CalendarDate, minutes: number, offset: number | null, rowZone: string): number => {
    if (offset !== null) return utcOf(date, minutes, offset);
    let convert = converters.get(rowZone);
    if (!convert) converters.set(rowZone, (convert = wallConverter(rowZone)));
    return convert(date.year, date.month, date.day, minutes);
  };

  const hasEnd = column('end') !== -1 || column('duration') !== -1;
  const trackNames = new Set(rows.map((r) => at(r, 'track').toLowerCase()).filter((t) => t !== ''));
  let zeroLength = 0;
  const sessions: ParsedSession[] = [];
  for (const r of rows) {
    const title = cleanLine(at(r, 'title'));
    // A row with one cell filled and no title is a heading between rows (",\"Tag 2\",,,"), not a session.
    if (title === null && at(r, startField) === '' && r.cells.filter((c) => c.trim() !== '').length === 1) continue;
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
    const date = startM.date ?? (startField === 'date' ? null : dateOf(dateCell));
    if (date === null) {
      const why =
        dateCell === '' ? 'it has no date'
        : yearlessDate(dateCell) !== null ? `“${dateCell.slice(0, 40)}” gives no year, and neither the other dates nor the file name do`
        : `“${dateCell.slice(0, 40)}” is not a date I can read`;
      warnings.add(r.line, `Line ${r.line}: ${why}; “${title}” was skipped.`);
      continue;
    }
    const cellZone = zoneCells.get(at(r, 'timeZone'));
    const rowZone = zone.rule !== 'option' && cellZone !== undefined ? cellZone : zone.zone;
    const allDay = startM.minutes === null;
    const start = instant(date, startM.minutes ?? 0, startM.offset, rowZone);
    if (!Number.isFinite(start)) {
      warnings.add(r.line, `Line ${r.line}: the start of “${title}” cannot be placed in time; the row was skipped.`);
      continue;
    }

    let end = Number.NaN;
    const endM = moment(endText);
    const endDate = endM?.date ?? (at(r, 'endDate') === '' ? null : (moment(at(r, 'endDate'))?.date ?? null));
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
      if (endText !== '' && endM === null) {
        warnings.add(r.line, `Line ${r.line}: “${endText.slice(0, 40)}” is not an end time I can read; “${title}” is shown as 0 minutes long.`);
      } else if (endText !== '' || at(r, 'duration') !== '') {
        warnings.add(r.line, `Line ${r.line}: the end or duration of “${title}” cannot be read or is before its start; it is shown as 0 minutes.`);
      } else zeroLength++;
      end = start;
    }
    // A name that is also a track of the file ("Haecksen" in the "haecksen" cluster) is a group, not a person.
    const speakers = parseSpeakers(at(r, 'speakers')).filter((p) => !trackNames.has(p.name.toLowerCase()));
    const id = at(r, 'id');
    // Object.fromEntries defines own properties, so a header named "__proto__" is just a header.
    const attributes: Record<string, string> = Object.fromEntries(
      extras.flatMap((e) => {
        const value = cleanText(r.cells[e.index] ?? '');
        return value === null ? [] : [[e.header, value.slice(0, MAX_EXTRA)]];
      })
    );
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
      attributes,
      line: r.line
    });
  }
  if (zeroLength > 0 && !hasEnd) warnings.add(null, 'The CSV has no end or duration column, so sessions are shown as 0 minutes long. Choose one in the preview.');
  else if (zeroLength > 0) warnings.add(null, `${zeroLength} sessions have no end or duration and are shown as 0 minutes long.`);
  if (sessions.length === 0) throw noSessions(rows.length, headerRecord.line, warnings.finish());

  const all = warnings.finish();
  all.unshift(...zoneWarnings.map((message) => ({ line: null, message })));
  return {
    format: 'csv',
    conference: { title: opts.fileName?.replace(/\.[^.]+$/, '').trim() || 'Imported schedule', timeZone: zone.zone, acronym: null },
    zone,
    sessions: uniqueKeys(sessions),
    warnings: all
  };
}
