// The agenda as CSV (RFC 4180: CRLF rows, fields with comma, quote or line break quoted, quotes
// doubled) for spreadsheets. Times are wall-clock in the display zone, with UTC instants beside
// them so a script never has to guess the zone.
//
// Policy: a cell that starts with = + - @ (or a tab/CR) gets a leading apostrophe, so a session
// title like "=HYPERLINK(…)" from an imported schedule can never run as a spreadsheet formula.
import { toIsoUtc } from '../../shared/time.ts';
import { allDayDates, clock, eventDate, selectEvents, speakerLine, type AgendaEvent, type AgendaInput } from './agenda.ts';

export const CSV_COLUMNS = [
  'date',
  'start',
  'end',
  'title',
  'state',
  'priority',
  'venue',
  'room',
  'track',
  'speakers',
  'url',
  'note',
  'uid',
  'start_utc',
  'end_utc',
  'status'
] as const;

/** Neutralise spreadsheet formulas, then quote per RFC 4180 when needed. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(ev: AgendaEvent, zone: string): (string | number | null)[] {
  const allDay = ev.allDay ? allDayDates(ev, zone) : null;
  return [
    allDay ? allDay.first : eventDate(ev, zone),
    allDay ? '' : clock(ev.attendStart, zone),
    allDay ? '' : clock(ev.attendEnd, zone),
    ev.title,
    ev.state,
    ev.priority,
    ev.venue,
    ev.room,
    ev.track,
    ev.speakers.map(speakerLine).join('; '),
    ev.url,
    ev.note,
    ev.uid,
    toIsoUtc(ev.attendStart),
    toIsoUtc(ev.attendEnd),
    ev.status
  ];
}

/** Header plus one row per exported item, CRLF line endings, no byte-order mark. */
export function buildCsv(input: AgendaInput): string {
  const rows = [CSV_COLUMNS as readonly string[], ...selectEvents(input).map((ev) => row(ev, input.timeZone))];
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
