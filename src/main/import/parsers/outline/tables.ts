// Tables of talks. Two shapes:
//   a list table — one talk per row, columns named Time / Title / Speakers / Room …
//     | EST time | UTC time | Session Title | Session Leader |     (the UTC column wins)
//   a grid — a time column and one column per room; a cell runs until the next row where its
//     column holds something else ("_previous session continues_" or a rowspan extends it).
//     | Time | Main | Munich 1/2 | …        <tr><td>09:30Matin</td><td rowspan="3">…
// Rows without a time are reported by title; placeholder cells ("Free") are not talks.
import { findWhen, type WhenPhrase } from '../prose/date-phrases.ts';
import type { ClockTime } from '../prose/date-tokens.ts';
import { parseSpeakerList, type NamedSpeaker } from '../prose/speaker-lists.ts';
import { newDraft, type DayRef, type Draft, type Untimed } from './draft.ts';
import { isWhenOnly, makeLine, type TextLine } from './lines.ts';
import { lineText, type Cell, type Line, type Row } from './model.ts';
import { cleanTitle, readTitle, type TitleParts } from './titles.ts';
import { dayOf } from './units.ts';

export interface TableCtx {
  day: DayRef | null;
  track: string | null;
  group: number;
}

type Role = 'time' | 'utc' | 'end' | 'date' | 'when' | 'title' | 'speakers' | 'room' | 'description' | 'ignore' | 'other';

const ROLE_TESTS: readonly [Role, RegExp][] = [
  ['when', /date\s*(?:&|and|\/)\s*time|date\/heure|datum\s*(?:&|und|\/)\s*zeit/i],
  ['end', /\b(?:end|ends|until|finish|bis|fin)\b/i],
  ['time', /\b(?:time|times|hour|hours|heure|horaire|uhrzeit|zeit|beginn|slot|when|start|starts|begin|from)\b/i],
  ['date', /\b(?:date|day|jour|tag|datum)\b/i],
  ['speakers', /speaker|presenter|leader|host|champion|moderator|author|orateur|intervenant|referent|\bwho\b|\bby\b|facilitator|referent/i],
  ['description', /abstract|description|summary|résumé/i],
  ['ignore', /issue|slides|link|video|notes?\b|url|material|recording|#|watch/i],
  ['title', /title|topic|session|talk|subject|\bwhat\b|titel|thema|sujet|activity|programme|program|\bevent\b|\bname\b/i],
  ['room', /place|room|location|where|venue|salle|raum|stage|\bhall\b|\bort\b/i]
];

const GENERIC_ROOM = /^(?:rooms?|places?|locations?|where|venues?|salles?|räume|raum|stages?|halls?|ort|lieu)\s*(?:[:(].{0,12})?$/iu;
const CONTINUES = /^[_*\s(]*(?:previous session continues|session continues|continues|continued|cont(?:inued|\.)?|″|"|〃|↓|\.\.\.|…)[_*\s)]*$/iu;
const PLACEHOLDER = /^(?:free|tbd|tba|\?|-|–|—|n\/a|open|available|frei|libre)$/i;

interface Slot {
  cell: Cell;
  origin: boolean;
  row: number;
}

/** Rows × columns with rowspan/colspan spread out; each position points at its cell. */
function layout(rows: readonly Row[]): (Slot | null)[][] {
  const grid: (Slot | null)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan && c + dc < 64; dc++) grid[r + dr]![c + dc] = { cell, origin: dr === 0, row: r };
      }
      c += cell.colspan;
    }
  });
  return grid;
}

function cellText(cell: Cell | undefined): string {
  return cell ? cell.lines.map((l) => lineText(l).trim()).filter((t) => t.length > 0).join(' ') : '';
}

function roleOf(name: string): Role {
  if (name.trim().length === 0) return 'other';
  for (const [role, re] of ROLE_TESTS) {
    if (!re.test(name)) continue;
    if (role === 'time' && /\b(?:utc|gmt|z)\b/i.test(name) && !/[+-−]\s?\d/.test(name)) return 'utc';
    return role;
  }
  return 'other';
}

interface Cols {
  roles: Role[];
  names: string[];
}

function timeOf(text: string): WhenPhrase | null {
  const line = makeLine({ spans: [{ text, url: null, strong: false, emphasis: false, code: false }], line: 1 }, { compact: true });
  const p = line.phrases.find((x) => x.start !== null);
  return p && isWhenOnly(line) ? p : null;
}

function columns(rows: readonly Row[], grid: (Slot | null)[][], headerRows: number, body: readonly number[]): Cols {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const names: string[] = [];
  const roles: Role[] = [];
  for (let c = 0; c < width; c++) {
    const name = headerRows > 0 ? cellText(grid[headerRows - 1]?.[c]?.cell) : '';
    names.push(name);
    let role = roleOf(name);
    if (role === 'other' || role === 'ignore') {
      const values = body.map((r) => cellText(grid[r]?.[c]?.cell)).filter((v) => v.length > 0);
      const timed = values.filter((v) => timeOf(v) !== null).length;
      if (values.length > 0 && timed / values.length >= 0.6) role = 'time';
      else if (headerRows === 0 && role === 'other') role = 'other';
    }
    roles.push(role);
  }
  void rows;
  return { roles, names };
}

function firstOf(cols: Cols, role: Role): number {
  return cols.roles.indexOf(role);
}

function lineOfCell(cell: Cell | undefined, fallback: number): number {
  return cell?.lines[0]?.line ?? fallback;
}

/** The title of a cell (its first line) and the people on the lines below it. */
function cellTitle(cell: Cell | undefined, bareName: boolean): { parts: TitleParts; more: NamedSpeaker[] } | null {
  if (!cell || cell.lines.length === 0) return null;
  // The first line that reads as a title ("S" badges and icons before it are not).
  let at = 0;
  let parts: TitleParts | null = null;
  for (; at < cell.lines.length && parts === null; at++) parts = readTitle(cell.lines[at]!.spans, { bareName });
  if (!parts) return null;
  const more: NamedSpeaker[] = [];
  for (const l of cell.lines.slice(at)) {
    const list = parseSpeakerList(lineText(l), { namesOnly: true });
    if (list) more.push(...list.speakers);
  }
  return { parts, more };
}

function speakersOf(cell: Cell | undefined): NamedSpeaker[] {
  const text = cellText(cell);
  return text.length > 0 ? (parseSpeakerList(text, { namesOnly: true })?.speakers ?? []) : [];
}

function blankDraft(title: TitleParts, p: WhenPhrase, text: string, line: number, ctx: TableCtx, day: DayRef | null): Draft {
  return newDraft(title, p, ctx, {
    speakers: title.speakers,
    room: title.room,
    venue: null,
    line,
    whenLine: line,
    whenText: text,
    day: p.date !== null || p.weekday !== null ? dayOf(p, line) : day,
    source: 'row',
    titleFrom: null
  });
}

export interface TableResult {
  drafts: Draft[];
  untimed: Untimed[];
}

export function readTable(table: { rows: Row[]; line: number }, ctx: TableCtx): TableResult {
  const rows = table.rows;
  const grid = layout(rows);
  let headerRows = 0;
  let day = ctx.day;
  while (headerRows < rows.length && rows[headerRows]!.cells.length > 0 && rows[headerRows]!.cells.every((c) => c.header)) {
    // A header spanning the table that is a date ("Thursday, September 2nd, 2021") is the table's day.
    const row = rows[headerRows]!;
    const only = row.cells.length === 1 ? row.cells[0] : undefined;
    const line = only ? readLine(only.lines[0]) : null;
    const p = line?.phrases[0];
    if (only && line && p && isWhenOnly(line) && p.start === null) day = dayOf(p, line.line) ?? day;
    headerRows++;
    if (headerRows > 3) break;
  }
  const body = rows.map((_, i) => i).filter((i) => i >= headerRows);
  const named = row0Names(rows, headerRows);
  const cols = columns(rows, grid, named, body);
  const time = cols.roles.indexOf('utc') >= 0 ? cols.roles.indexOf('utc') : firstOf(cols, 'time') >= 0 ? firstOf(cols, 'time') : firstOf(cols, 'when');
  if (time < 0) return { drafts: [], untimed: [] };
  const titleCol = firstOf(cols, 'title');
  // Columns named after a room ("Main", "Hall A", "Munich 1/2"), not the word "Room" itself.
  const others = cols.roles
    .map((r, i) => ((r === 'other' || (r === 'room' && !GENERIC_ROOM.test(cols.names[i]!.trim()))) && i !== time ? i : -1))
    .filter((i) => i >= 0);
  if (titleCol < 0 && others.length >= 1 && named > 0) return readGrid(rows, grid, body, cols, time, others, ctx, day);
  return readList(rows, grid, body, cols, time, titleCol, others, ctx, day);
}

function row0Names(rows: readonly Row[], headerRows: number): number {
  // A lone spanning header (a date) names no columns.
  if (headerRows === 0) return 0;
  return rows[headerRows - 1]!.cells.length >= 2 ? headerRows : 0;
}

function readLine(l: Line | undefined): TextLine | null {
  return l ? makeLine(l, { compact: true }) : null;
}

function readList(rows: readonly Row[], grid: (Slot | null)[][], body: readonly number[], cols: Cols, time: number, titleCol: number, others: readonly number[], ctx: TableCtx, day: DayRef | null): TableResult {
  const drafts: Draft[] = [];
  const untimed: Untimed[] = [];
  const local = cols.roles.findIndex((r, i) => (r === 'time' || r === 'when') && i !== time);
  const dateCol = firstOf(cols, 'date');
  const endCol = firstOf(cols, 'end');
  const speakerCol = firstOf(cols, 'speakers');
  const roomCol = firstOf(cols, 'room');
  const descCol = firstOf(cols, 'description');
  for (const r of body) {
    const at = (c: number): Cell | undefined => (c >= 0 ? grid[r]?.[c]?.cell : undefined);
    let titleCell = at(titleCol);
    let kindCell: Cell | undefined;
    if (titleCol < 0) {
      // No title column: the cell with the longest first line is the title, a short one the kind.
      const cand = others.map((c) => at(c)).filter((c): c is Cell => c !== undefined && c.lines.length > 0 && !/^\(.*\)$/.test(lineText(c.lines[0]!).trim()));
      cand.sort((a, b) => lineText(b.lines[0]!).length - lineText(a.lines[0]!).length);
      titleCell = cand[0];
      kindCell = cand[1];
    }
    const named = cellTitle(titleCell, speakerCol < 0 && titleCol < 0);
    const line = lineOfCell(titleCell, rows[r]!.line);
    if (!named || PLACEHOLDER.test(named.parts.title)) continue;
    const timeText = cellText(at(time));
    const p = timeOf(timeText) ?? findWhen(timeText, { compact: true }).find((x) => x.start !== null) ?? null;
    if (!p || p.start === null) {
      untimed.push({ title: named.parts.title, line, why: 'a table row without a time' });
      continue;
    }
    const dateText = cellText(at(dateCol));
    const dp = dateText.length > 0 ? findWhen(dateText)[0] : undefined;
    const d = blankDraft(named.parts, p, timeText, line, ctx, dp ? (dayOf(dp, line) ?? day) : day);
    if (cols.roles[time] === 'utc') {
      d.utc = true;
      const lp = local >= 0 ? timeOf(cellText(at(local))) : null;
      d.localStart = lp?.start ?? null;
    }
    const endText = cellText(at(endCol));
    const ep = endText.length > 0 ? timeOf(endText) : null;
    if (ep?.start && d.when.end === null) d.structuralEnd = ep.start;
    if (speakerCol >= 0) d.speakers = speakersOf(at(speakerCol));
    else if (d.speakers.length === 0) d.speakers = named.more;
    if (roomCol >= 0) d.room = cleanTitle(cellText(at(roomCol))) || null;
    if (kindCell && kindCell !== titleCell) d.type = cleanTitle(lineText(kindCell.lines[0]!)) || null;
    const desc = cellText(at(descCol));
    if (desc.length > 0) d.description.push(desc);
    drafts.push(d);
  }
  return { drafts, untimed };
}

interface Open {
  draft: Draft;
  cell: Cell;
  text: string;
}

function readGrid(rows: readonly Row[], grid: (Slot | null)[][], body: readonly number[], cols: Cols, time: number, rooms: readonly number[], ctx: TableCtx, day: DayRef | null): TableResult {
  const drafts: Draft[] = [];
  const open = new Map<number, Open>();
  const times: { r: number; start: ClockTime; p: WhenPhrase; text: string }[] = [];
  for (const r of body) {
    const text = cellText(grid[r]?.[time]?.cell);
    const p = timeOf(text);
    if (p?.start) times.push({ r, start: p.start, p, text });
  }
  const close = (c: number, end: ClockTime | null): void => {
    const o = open.get(c);
    if (o && end) o.draft.structuralEnd ??= end;
    open.delete(c);
  };
  for (const t of times) {
    const seen = new Set<Cell>();
    for (const c of rooms) {
      const slot = grid[t.r]?.[c] ?? null;
      const o = open.get(c);
      if (slot && !slot.origin) {
        if (o?.cell !== slot.cell) close(c, t.start);
        continue;
      }
      const text = slot ? cellText(slot.cell) : '';
      if (o && slot && (CONTINUES.test(text) || (text === o.text && o.cell !== slot.cell))) continue;
      if (!(o && slot && seen.has(slot.cell) && o.cell === slot.cell)) close(c, t.start);
      if (!slot || text.length === 0 || CONTINUES.test(text) || seen.has(slot.cell)) continue;
      seen.add(slot.cell);
      const named = cellTitle(slot.cell, true);
      if (!named || PLACEHOLDER.test(named.parts.title)) continue;
      const spanned = rooms.filter((rc) => grid[t.r]?.[rc]?.cell === slot.cell);
      const d = blankDraft(named.parts, t.p, t.text, lineOfCell(slot.cell, rows[t.r]!.line), ctx, day);
      d.room = spanned.length > 1 ? null : cleanTitle(cols.names[c] ?? '') || null;
      if (d.speakers.length === 0) d.speakers = named.more;
      drafts.push(d);
      for (const rc of spanned) {
        close(rc, t.start);
        open.set(rc, { draft: d, cell: slot.cell, text });
      }
    }
  }
  // Sessions still open at the end of the grid last one step of the grid.
  const step = gridStep(times.map((t) => t.start));
  const lastTime = times[times.length - 1]?.start;
  for (const c of [...open.keys()]) close(c, lastTime && step ? addMinutes(lastTime, step) : null);
  return { drafts, untimed: [] };
}

function minutesOf(t: ClockTime): number {
  return t.hour * 60 + t.minute;
}

function addMinutes(t: ClockTime, m: number): ClockTime {
  const total = (minutesOf(t) + m) % (24 * 60);
  return { hour: Math.floor(total / 60), minute: total % 60 };
}

/** The most common step between rows, in minutes. */
function gridStep(starts: readonly ClockTime[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < starts.length; i++) {
    const d = minutesOf(starts[i]!) - minutesOf(starts[i - 1]!);
    if (d > 0 && d <= 240) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [d, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = d;
  return best;
}
