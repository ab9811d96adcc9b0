// "My conference": the trip report people write by hand after a conference. What was attended (by
// day, with rating and private note), what is left to watch later (missed sessions and backups not
// attended, with the recording when the schedule has one), and totals. This file builds the model
// and its Markdown; report-html.ts renders the same model as a printable page.
//
// Policy: the report reads AgendaEvent (agenda.ts) like every export, so a title, place or time can
// never differ between the agenda and the report. Personal blocks are not talks and never appear.
// Which sessions are "watch later" is the one rule in shared/watch-later.ts.
import { isWatchLater, ratingStars } from '../../shared/watch-later.ts';
import { RATING_MAX } from '../../shared/domain.ts';
import { escapeMarkdown } from './markdown.ts';
import { conferenceTitle } from './print-html.ts';
import {
  dayHeading,
  eventDate,
  groupByDay,
  selectEvents,
  speakerLine,
  timeRange,
  zoneLabel,
  type AgendaDay,
  type AgendaEvent,
  type AgendaInput
} from './agenda.ts';

export interface ReportTotals {
  attended: number;
  missed: number;
  watchLater: number;
  /** Sessions to watch later whose recording the schedule links. */
  withRecording: number;
  rated: number;
  /** Mean rating of the rated sessions, one decimal; null when none is rated. */
  averageRating: number | null;
  /** Planned sessions (going or maybe) not marked attended or missed yet. */
  unmarked: number;
}

export interface ReportModel {
  title: string;
  zone: string;
  /** "All times …" text. */
  zoneText: string;
  attended: AgendaDay[];
  watchLater: AgendaEvent[];
  totals: ReportTotals;
}

export function buildReportModel(input: AgendaInput): ReportModel {
  const zone = input.timeZone;
  const events = selectEvents({ ...input, includeBlocks: false });
  const attended = events.filter((e) => e.outcome === 'attended');
  const watchLater = events.filter((e) => isWatchLater({ kind: e.kind, state: e.state, outcome: e.outcome }));
  const rated = events.filter((e) => e.rating !== null);
  const sum = rated.reduce((n, e) => n + (e.rating ?? 0), 0);
  const first = events[0];
  return {
    title: conferenceTitle(input.calendarName),
    zone,
    zoneText: zoneLabel(zone, first ? first.attendStart : input.now),
    attended: groupByDay(attended, zone, input.dayBoundaryMinutes),
    watchLater,
    totals: {
      attended: attended.length,
      missed: events.filter((e) => e.outcome === 'missed').length,
      watchLater: watchLater.length,
      withRecording: watchLater.filter((e) => e.recordingUrl !== null).length,
      rated: rated.length,
      averageRating: rated.length > 0 ? Math.round((sum / rated.length) * 10) / 10 : null,
      unmarked: events.filter((e) => e.outcome === null && e.state !== 'backup').length
    }
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Attended 5 sessions and missed 2. 3 to watch later, 2 with a recording. …": the report's summary. */
export function totalsSentence(t: ReportTotals): string {
  const parts = [`Attended ${count(t.attended, 'session')} and missed ${t.missed}.`];
  parts.push(`${t.watchLater} to watch later${t.watchLater > 0 ? `, ${t.withRecording} with a recording` : ''}.`);
  if (t.averageRating !== null) parts.push(`Rated ${t.rated}, on average ${t.averageRating} of ${RATING_MAX}.`);
  if (t.unmarked > 0) parts.push(`${count(t.unmarked, 'planned session')} not marked yet.`);
  return parts.join(' ');
}

/** "4/5 ★★★★☆", or '' when not rated. */
export function ratingText(rating: number | null): string {
  return rating === null ? '' : `${rating}/${RATING_MAX} ${ratingStars(rating, RATING_MAX)}`;
}

/** "Saturday, February 6, 2021, 10:00–10:50": when a watch-later session ran. */
export function whenText(ev: AgendaEvent, zone: string): string {
  return `${dayHeading(eventDate(ev, zone), zone)}, ${timeRange(ev, zone)}`;
}

/** A web address as a Markdown autolink (characters that would end it are percent-encoded). */
function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function facts(ev: AgendaEvent): string {
  const bits = [ev.location, ev.speakers.map(speakerLine).join(', ')].filter((b) => b.length > 0);
  return bits.length > 0 ? ` — ${escapeMarkdown(bits.join(' — '))}` : '';
}

function attendedLines(ev: AgendaEvent, zone: string): string[] {
  const rating = ratingText(ev.rating);
  const lines = [`- **${timeRange(ev, zone)}** ${escapeMarkdown(ev.title)}${facts(ev)}${rating ? ` — ${rating}` : ''}`];
  if (ev.note) lines.push(`  - Note: ${escapeMarkdown(ev.note)}`);
  if (ev.recordingUrl) lines.push(`  - Recording: ${autolink(ev.recordingUrl)}`);
  return lines;
}

function watchLaterLines(ev: AgendaEvent, zone: string): string[] {
  const why = ev.outcome === 'missed' ? 'missed' : 'backup';
  const lines = [`- ${escapeMarkdown(ev.title)} _(${why})_ — ${escapeMarkdown(whenText(ev, zone))}${facts(ev)}`];
  lines.push(ev.recordingUrl ? `  - Recording: ${autolink(ev.recordingUrl)}` : '  - No recording yet');
  if (ev.rating !== null) lines.push(`  - Rating: ${ratingText(ev.rating)}`);
  if (ev.note) lines.push(`  - Note: ${escapeMarkdown(ev.note)}`);
  return lines;
}

/** The report as Markdown. */
export function buildReportMarkdown(input: AgendaInput): string {
  const model = buildReportModel(input);
  const zone = model.zone;
  const out = [`# My conference: ${escapeMarkdown(model.title) || 'Clashless'}`, '', `All times ${model.zoneText}.`, '', totalsSentence(model.totals), ''];
  out.push('## Attended', '');
  if (model.attended.length === 0) out.push('_Nothing marked attended yet._', '');
  for (const day of model.attended) {
    out.push(`### ${day.heading}`, '');
    for (const ev of day.events) out.push(...attendedLines(ev, zone));
    out.push('');
  }
  out.push('## Watch later', '');
  if (model.watchLater.length === 0) out.push('_Nothing to watch later._', '');
  else out.push(...model.watchLater.flatMap((ev) => watchLaterLines(ev, zone)), '');
  return out.join('\n');
}
