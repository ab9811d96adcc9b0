// The agenda as Markdown: a heading per day in the display zone, one line per item, readable
// both raw (in a notes app or chat) and rendered.
import {
  groupByDay,
  selectEvents,
  speakerLine,
  splitTimeSentence,
  stateLabel,
  statusLabel,
  timeRange,
  zoneLabel,
  type AgendaEvent,
  type AgendaInput,
  clashList
} from './agenda.ts';

/**
 * Escape what would change meaning when rendered (emphasis, links, inline HTML, code). The pipe
 * is left alone: it only matters inside tables, and rooms like "Level 1 | 155 EF" read better bare.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>~#])/g, '\\$1');
}

function eventLine(ev: AgendaEvent, zone: string): string[] {
  const title = escapeMarkdown(ev.title);
  const status = statusLabel(ev.status);
  const state = stateLabel(ev.state);
  let head = `- **${timeRange(ev, zone)}** ${status ? `~~${title}~~ **(${status.toLowerCase()})**` : title}`;
  if (state) head += ` _(${state.toLowerCase()})_`;
  if (ev.location) head += ` — ${escapeMarkdown(ev.location)}`;
  if (ev.speakers.length > 0) head += ` — ${escapeMarkdown(ev.speakers.map(speakerLine).join(', '))}`;
  if (ev.clashesWith.length > 0) head += ` ⚠ clashes with ${escapeMarkdown(clashList(ev.clashesWith))}`;
  const lines = [head];
  const split = splitTimeSentence(ev, zone);
  if (split) lines.push(`  - ${split}`);
  if (ev.note) lines.push(`  - Note: ${escapeMarkdown(ev.note)}`);
  return lines;
}

/** "# Calendar name", the zone, then "## Wednesday, November 13, 2024" sections. */
export function buildMarkdown(input: AgendaInput): string {
  const zone = input.timeZone;
  const events = selectEvents(input);
  const out: string[] = [`# ${escapeMarkdown(input.calendarName) || 'Agenda'}`, ''];
  const first = events[0];
  out.push(`All times ${zoneLabel(zone, first ? first.attendStart : input.now)}.`, '');
  if (events.length === 0) {
    out.push('_Nothing planned yet._', '');
    return out.join('\n');
  }
  for (const day of groupByDay(events, zone, input.dayBoundaryMinutes)) {
    out.push(`## ${day.heading}`, '');
    for (const ev of day.events) out.push(...eventLine(ev, zone));
    out.push('');
  }
  return out.join('\n');
}
