// The printable agenda: one self-contained HTML document, one printed page (or more) per day.
//
// Policy: the app's CSP allows no scripts and no outside resources, so the document carries its
// CSS inline, uses only system fonts and loads nothing. Every text colour keeps 4.5:1 against its
// background (small print included), and the days sit in a <main> landmark. Every piece of text
// from a schedule goes through escapeHtml: imported titles are untrusted input.
import {
  groupByDay,
  selectEvents,
  speakerLine,
  stateLabel,
  statusLabel,
  clock,
  timeRange,
  zoneLabel,
  type AgendaDay,
  type AgendaEvent,
  type AgendaInput,
  clashList
} from './agenda.ts';

export type PaperSize = 'A4' | 'Letter';

export interface PrintOptions {
  /** Default: Letter for zones in the Americas that use it, A4 elsewhere. */
  paper?: PaperSize;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** US, Canada and Mexico print on Letter; a sensible default the caller can override. */
export function defaultPaper(zone: string): PaperSize {
  return /^(America\/|US\/|Canada\/|Mexico\/)/.test(zone) ? 'Letter' : 'A4';
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:10.5pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fff}
.day{padding:0}
.day+.day{break-before:page}
.day-head{border-bottom:2px solid #1d1d1f;padding-bottom:8px;margin-bottom:4px}
.day-meta{display:flex;justify-content:space-between;align-items:baseline;gap:16px;font-size:8.5pt;color:#5a5a60}
.conf{margin:0;letter-spacing:.05em;text-transform:uppercase;font-weight:600}
.zone{margin:0;text-align:right}
h1{margin:4px 0 0;font-size:20pt;line-height:1.15;font-weight:700}
table{width:100%;border-collapse:collapse}
thead th{font-size:7.5pt;text-transform:uppercase;letter-spacing:.06em;color:#5a5a60;font-weight:600;text-align:left;padding:6px 8px 4px;border-bottom:1px solid #c9c9ce}
tbody tr{break-inside:avoid}
tbody td{padding:8px;border-bottom:1px solid #e3e3e7;vertical-align:top}
td.time{width:5.6em;white-space:nowrap;font-variant-numeric:tabular-nums}
td.time .from{display:block;font-weight:700;font-size:11pt}
td.time .to{display:block;color:#6e6e73;font-size:9pt}
td.where{width:27%;color:#3a3a3f;font-size:9.5pt}
td.where .venue{display:block;color:#6e6e73;font-size:8.5pt}
.title{font-weight:600;font-size:11pt;line-height:1.3}
.speakers{color:#3a3a3f;margin-top:2px}
.line{margin-top:4px;font-size:9pt}
.split{color:#1f4f8f}
.note{color:#3a3a3f;font-style:italic;white-space:pre-wrap}
.clash{color:#a23a0a;font-weight:600}
.badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;font-size:7.5pt;font-weight:700;letter-spacing:.04em;text-transform:uppercase;vertical-align:2px;border:1px solid currentColor}
.badge.backup{color:#8a5a00;background:#fff4d6}
.badge.maybe{color:#55555a;background:#f0f0f2;border-style:dashed}
.badge.cancelled{color:#b3261e;background:#fde7e5}
.badge.must{color:#1f4f8f;background:#e6eef9}
tr.state-backup td,tr.state-maybe td{background:#fbfbfc}
tr.state-maybe .title,tr.state-backup .title{font-weight:500}
tr.off .title{text-decoration:line-through;color:#6e6e73}
tr.block .title{font-style:italic;font-weight:500}
tr.block td.time{color:#55555a}
.empty{padding:24px 8px;color:#6e6e73}
.foot{margin-top:10px;font-size:8pt;color:#5a5a60;display:flex;justify-content:space-between}
@media screen{
  body{background:#e8e6e1;padding:28px 12px}
  .day{background:#fff;max-width:820px;margin:0 auto 28px;padding:34px 40px 26px;box-shadow:0 1px 3px rgba(0,0,0,.12),0 8px 24px rgba(0,0,0,.06);border-radius:3px}
}
`;

function timeCell(ev: AgendaEvent, zone: string): string {
  if (ev.allDay) return `<td class="time"><span class="from">${escapeHtml(timeRange(ev, zone))}</span></td>`;
  return (
    `<td class="time"><span class="from">${clock(ev.attendStart, zone)}</span>` +
    `<span class="to">– ${clock(ev.attendEnd, zone)}</span></td>`
  );
}

function badges(ev: AgendaEvent): string {
  const out: string[] = [];
  const status = statusLabel(ev.status);
  if (status) out.push(`<span class="badge cancelled">${escapeHtml(ev.status === 'removed' ? 'Removed' : status)}</span>`);
  const state = stateLabel(ev.state);
  if (state) out.push(`<span class="badge ${ev.state}">${escapeHtml(state)}</span>`);
  if (ev.priority >= 5 && ev.status === 'scheduled') out.push('<span class="badge must">Must see</span>');
  return out.join('');
}

function eventRow(ev: AgendaEvent, zone: string): string {
  const classes = [`state-${ev.state}`];
  if (ev.status !== 'scheduled') classes.push('off');
  if (ev.kind === 'block') classes.push('block');
  const lines: string[] = [`<div class="title">${escapeHtml(ev.title)}${badges(ev)}</div>`];
  if (ev.speakers.length > 0) lines.push(`<div class="speakers">${escapeHtml(ev.speakers.map(speakerLine).join(', '))}</div>`);
  if (ev.split) {
    const whole = `${clock(ev.start, zone)}–${clock(ev.end, zone)}`;
    lines.push(`<div class="line split">Split time: attending ${clock(ev.attendStart, zone)}–${clock(ev.attendEnd, zone)} of ${whole}</div>`);
  }
  if (ev.note) lines.push(`<div class="line note">${escapeHtml(ev.note)}</div>`);
  if (ev.clashesWith.length > 0) {
    lines.push(`<div class="line clash">⚠ clashes with ${escapeHtml(clashList(ev.clashesWith))}</div>`);
  }
  const room = ev.room ? escapeHtml(ev.room) : '';
  const venue = ev.venue ? `<span class="venue">${escapeHtml(ev.venue)}</span>` : '';
  return (
    `<tr class="${classes.join(' ')}">${timeCell(ev, zone)}` +
    `<td class="what">${lines.join('')}</td><td class="where">${room}${venue}</td></tr>`
  );
}

/** The calendar name without the app's own prefix: the page footer already says Clashless. */
export function conferenceTitle(calendarName: string): string {
  return calendarName.replace(/^Clashless\s*[—–-]\s*/, '') || calendarName;
}

function daySection(day: AgendaDay | null, input: AgendaInput, zoneText: string): string {
  const zone = input.timeZone;
  const heading = day ? day.heading : 'Agenda';
  const rows = day
    ? day.events.map((ev) => eventRow(ev, zone)).join('\n')
    : '<tr><td class="empty" colspan="3">Nothing planned yet.</td></tr>';
  const count = day ? day.events.length : 0;
  return `<section class="day">
<header class="day-head"><div class="day-meta"><p class="conf">${escapeHtml(conferenceTitle(input.calendarName))}</p>
<p class="zone">All times ${escapeHtml(zoneText)}</p></div><h1>${escapeHtml(heading)}</h1></header>
<table><thead><tr><th>Time</th><th>Session</th><th>Room</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<footer class="foot"><span>${count} ${count === 1 ? 'item' : 'items'}</span><span>Clashless</span></footer>
</section>`;
}

/** A complete printable HTML document of the agenda, one page per day. */
export function buildPrintHtml(input: AgendaInput, options: PrintOptions = {}): string {
  const events = selectEvents(input);
  const paper = options.paper ?? defaultPaper(input.timeZone);
  const first = events[0];
  const zoneText = zoneLabel(input.timeZone, first ? first.attendStart : input.now);
  const days = groupByDay(events, input.timeZone, input.dayBoundaryMinutes);
  const body = days.length > 0 ? days.map((d) => daySection(d, input, zoneText)).join('\n') : daySection(null, input, zoneText);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.calendarName)}</title>
<style>
@page{size:${paper};margin:14mm 12mm 14mm}
${STYLE.trim()}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
