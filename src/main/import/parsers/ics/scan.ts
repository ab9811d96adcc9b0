// First pass over an .ics text: repair the few malformations real exporters produce, then cut
// the text into component blocks (VEVENT, VTIMEZONE, …) with the line each one starts on.
// Parsing block by block is what lets one broken event cost a warning instead of the file, and
// it gives every warning a line number. The scan is linear and allocates only per block.
import type { ImportWarning } from '../../../../shared/domain.ts';

export interface IcsBlock {
  /** Upper-case component name: VEVENT, VTIMEZONE, VTODO … */
  name: string;
  /** The component's text from its BEGIN line to its END line, line endings as in the file. */
  text: string;
  /** 1-based line of the BEGIN line. */
  line: number;
  /** Index into ScanResult.calendars of the VCALENDAR it sits in. */
  calendar: number;
}

export interface CalendarInfo {
  line: number;
  /** Calendar-level properties by upper-case name: the first value, text-unescaped. */
  props: Map<string, string>;
}

export interface ScanResult {
  blocks: IcsBlock[];
  calendars: CalendarInfo[];
  warnings: ImportWarning[];
}

/**
 * BOM, CR-only line ends, and line-preserving repairs (the line count never changes, so line
 * numbers stay those of the person's file). CRLF is left alone: the scanner and both readers
 * handle it, and not rewriting megabytes of text keeps big feeds fast. Repairs:
 * - `VALUE=DATE` on a value that carries a time ("DTSTART;VALUE=DATE:20110804T120000"): the time
 *   is real, so the parameter goes and the value is read as a date-time.
 * - a quoted TZID that swallowed the value (`DTSTART;TZID="W. Europe Standard Time:20200609T090000"`).
 * - an unquoted Windows label TZID whose own colon splits the line (`TZID=(UTC+07:00) Bangkok:…`).
 */
export function prepareIcsText(raw: string): { text: string; repairs: number } {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Old Mac files break lines with CR alone. Other stray CRs (a CR before CRLF is common) are
  // left in place: lines end at LF, values are trimmed, and text fields drop CRs.
  if (text.includes('\r') && !text.includes('\n')) text = text.replace(/\r/g, '\n');
  let repairs = 0;
  const repaired = (replacement: string): string => {
    repairs++;
    return replacement;
  };
  // Exporters write parameters in upper case; one substring search per repair keeps this pass
  // to a few milliseconds on megabyte feeds.
  if (text.includes('VALUE=DATE')) {
    text = text.replace(/;VALUE=DATE((?:;[^:\r\n]*)?):(\d{8}T\d{4,6}Z?)(?=\r?\n|$)/g, (_m, params: string, value: string) =>
      repaired(`${params}:${value}`)
    );
  }
  const odd = oddTzids(text);
  if (odd.quoted) {
    text = text.replace(/;TZID="([^"\r\n:]*):([^"\r\n]*)"[ \t]*(?=\r?\n|$)/g, (_m, zone: string, value: string) =>
      repaired(`;TZID="${zone}":${value}`)
    );
  }
  if (odd.label) {
    text = text.replace(/;TZID=(\((?:UTC|GMT)[+-]\d\d:\d\d\)[^";:\r\n]*)([;:])/g, (_m, zone: string, next: string) =>
      repaired(`;TZID="${zone}"${next}`)
    );
  }
  return { text, repairs };
}

/** Whether any TZID parameter is quoted (it might hold its value) or an unquoted "(UTC…" label. */
function oddTzids(text: string): { quoted: boolean; label: boolean } {
  let quoted = false;
  let label = false;
  for (let at = text.indexOf('TZID=', 0); at >= 0 && !(quoted && label); at = text.indexOf('TZID=', at + 5)) {
    const next = text.charCodeAt(at + 5);
    if (next === 34) quoted = true; // "
    else if (next === 40) label = true; // (
  }
  return { quoted, label };
}

/** RFC 5545 TEXT unescaping for the calendar-level values read here without ical.js. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

/** "NAME;PARAM=x:value" → [NAME, value], splitting at the first colon outside quotes. */
function splitContentLine(line: string): [string, string] | null {
  let inQuotes = false;
  let nameEnd = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ';' && nameEnd < 0) nameEnd = i;
    else if (!inQuotes && ch === ':') {
      const name = line.slice(0, nameEnd < 0 ? i : nameEnd).trim().toUpperCase();
      return name ? [name, line.slice(i + 1)] : null;
    }
  }
  return null;
}

const COMPONENT_NAME = /^[A-Za-z0-9-]+$/;

/** "BEGIN:VEVENT" / "end:vevent" (any case, trailing space allowed) → what it opens or closes. */
function componentLine(text: string, start: number, end: number): { begin: boolean; name: string } | null {
  let nameStart: number;
  let begin: boolean;
  if (text.startsWith('BEGIN:', start) || (text.charCodeAt(start + 5) === 58 && text.slice(start, start + 5).toUpperCase() === 'BEGIN')) {
    begin = true;
    nameStart = start + 6;
  } else if (text.startsWith('END:', start) || (text.charCodeAt(start + 3) === 58 && text.slice(start, start + 3).toUpperCase() === 'END')) {
    begin = false;
    nameStart = start + 4;
  } else return null;
  let nameEnd = end;
  for (let c = text.charCodeAt(nameEnd - 1); nameEnd > nameStart && (c === 32 || c === 9 || c === 13); c = text.charCodeAt(nameEnd - 1)) nameEnd--;
  if (nameEnd <= nameStart) return null;
  const name = text.slice(nameStart, nameEnd);
  return COMPONENT_NAME.test(name) ? { begin, name: name.toUpperCase() } : null;
}

interface OpenComponent {
  name: string;
  offset: number;
  line: number;
}

/** Cut prepared text into component blocks; structural problems become located warnings. */
export function scanIcs(text: string): ScanResult {
  const blocks: IcsBlock[] = [];
  const calendars: CalendarInfo[] = [];
  const warnings: ImportWarning[] = [];
  // stack[0] is the VCALENDAR (or null for components outside any), stack[1] the block's own component.
  let inCalendar = false;
  const stack: OpenComponent[] = [];
  let calendarProps: Map<string, string> | null = null;
  let pendingProp: string | null = null;

  const flushProp = (): void => {
    if (pendingProp === null || !calendarProps) return;
    const parts = splitContentLine(pendingProp);
    if (parts && !calendarProps.has(parts[0])) calendarProps.set(parts[0], unescapeText(parts[1]).trim());
    pendingProp = null;
  };
  const currentCalendar = (line: number): number => {
    if (calendars.length === 0) calendars.push({ line, props: new Map() });
    return calendars.length - 1;
  };
  const closeBlock = (endOffset: number, synthetic: boolean): void => {
    const top = stack[0];
    if (!top) return;
    let body = text.slice(top.offset, endOffset);
    // An unclosed block gets its END lines written for it, innermost first.
    if (synthetic) body += stack.map((open) => `\nEND:${open.name}`).reverse().join('');
    blocks.push({ name: top.name, text: body, line: top.line, calendar: currentCalendar(top.line) });
    stack.length = 0;
  };

  let pos = 0;
  let lineNo = 0;
  const length = text.length;
  while (pos < length) {
    let newline = text.indexOf('\n', pos);
    if (newline < 0) newline = length;
    // Where the line's content ends: before the CR of a CRLF.
    const lineEnd = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    lineNo++;
    let first = text.charCodeAt(pos);
    // Only the very first line may carry stray indentation (seen in the wild); elsewhere a
    // leading space means a folded continuation.
    let start = pos;
    if (lineNo === 1) {
      while (start < newline && (first === 32 || first === 9)) first = text.charCodeAt(++start);
    }
    const lower = first | 32;
    const match = lower === 98 || lower === 101 ? componentLine(text, start, lineEnd) : null; // b, e
    if (match) {
      const { begin, name } = match;
      if (begin && name === 'VCALENDAR') {
        if (stack.length > 0) {
          warnings.push({ line: stack[0]?.line ?? lineNo, message: `BEGIN:${stack[0]?.name} is not closed before a new calendar starts on line ${lineNo}; read up to there.` });
          closeBlock(pos - 1, true);
        }
        flushProp();
        inCalendar = true;
        calendarProps = new Map();
        calendars.push({ line: lineNo, props: calendarProps });
      } else if (begin) {
        const top = stack[0];
        if (top && stack.length === 1 && name === top.name && (name === 'VEVENT' || name === 'VTODO' || name === 'VTIMEZONE')) {
          // A second BEGIN:VEVENT inside a VEVENT: the first one lost its END line.
          warnings.push({ line: top.line, message: `BEGIN:${top.name} on line ${top.line} has no END:${top.name}; read up to line ${lineNo - 1}.` });
          closeBlock(pos - 1, true);
        }
        if (stack.length === 0) {
          flushProp();
          if (!inCalendar) currentCalendar(lineNo);
        }
        stack.push({ name, offset: pos, line: lineNo });
      } else if (name === 'VCALENDAR') {
        if (stack.length > 0) {
          warnings.push({ line: stack[0]?.line ?? lineNo, message: `BEGIN:${stack[0]?.name} on line ${stack[0]?.line} has no END:${stack[0]?.name}; read up to line ${lineNo - 1}.` });
          closeBlock(pos - 1, true);
        }
        flushProp();
        inCalendar = false;
        calendarProps = null;
      } else {
        const depth = stack.findLastIndex((open) => open.name === name);
        if (depth < 0) {
          // A stray END line changes nothing; a warning would only be noise unless it is inside a block.
          if (stack.length > 0) warnings.push({ line: lineNo, message: `END:${name} without a matching BEGIN; ignored.` });
        } else if (depth === 0) {
          closeBlock(lineEnd, false);
        } else {
          stack.length = depth;
        }
      }
    } else if (stack.length === 0 && inCalendar) {
      // Calendar-level property (X-WR-CALNAME, X-WR-TIMEZONE, PRODID …), possibly folded.
      const line = text.slice(pos, lineEnd);
      if ((first === 32 || first === 9) && pendingProp !== null) pendingProp += line.slice(1);
      else {
        flushProp();
        pendingProp = line;
      }
    }
    pos = newline + 1;
  }
  flushProp();
  if (stack.length > 0) {
    const top = stack[0] as OpenComponent;
    warnings.push({ line: top.line, message: `The file ends inside BEGIN:${top.name} (line ${top.line}); it was read up to the end.` });
    closeBlock(length, true);
  }
  return { blocks, calendars, warnings };
}
