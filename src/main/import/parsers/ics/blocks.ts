// Parsing of the scanned blocks, each on its own so one bad event costs a warning rather than
// the file. Ordinary events go through the fast reader (ics/fastread.ts); everything else, and
// every event the fast reader finds unusual, through ICAL.parse.
import ICAL from 'ical.js';
import { fastReadEvent } from './fastread.ts';
import type { IcsBlock, ScanResult } from './scan.ts';
import type { JcalComponent } from './zones.ts';

export type ParsedBlock = { component: JcalComponent; note: string | null } | { error: string };

/**
 * What to tell a person about a block ical.js could not read. Its parser errors ("invalid line
 * (no token ...)") are readable; internal failures (TypeError, messages naming "undefined") are not,
 * and say nothing the person can act on, so they become one plain sentence.
 */
function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof TypeError || err instanceof RangeError || /undefined|null|\[object /.test(message)) {
    return 'its lines do not form a valid iCalendar component (a property is empty or a BEGIN/END is out of place)';
  }
  return message.length > 160 ? message.slice(0, 157) + '…' : message;
}

const RECURRENCE_LINE = /^(RRULE|EXRULE|RDATE|EXDATE)[;:][^\n]*(?:\n[ \t][^\n]*)*\n?/gim;
const HAS_RECURRENCE_LINE = /^(RRULE|EXRULE|RDATE|EXDATE)[;:]/im;
const BLANK_LINE = /\n[ \t\r]*\n/;
const BLANK_LINES = /\r?\n(?:[ \t\r]*\n)+/g;

function isComponent(value: unknown): value is JcalComponent {
  return Array.isArray(value) && typeof value[0] === 'string' && Array.isArray(value[1]) && Array.isArray(value[2]);
}

/** Parse one block with ical.js; a VEVENT whose recurrence lines break the parse is retried without them. */
function parseBlock(block: IcsBlock): ParsedBlock {
  const attempt = (text: string): JcalComponent | null => {
    const parsed: unknown = ICAL.parse(text);
    return isComponent(parsed) ? parsed : null;
  };
  // Blank lines are not iCalendar, but a stray CR before CRLF makes them, often in the middle of
  // a folded DESCRIPTION; dropping them lets the fold continue as its writer meant.
  const text = BLANK_LINE.test(block.text) ? block.text.replace(BLANK_LINES, '\n') : block.text;
  try {
    const component = attempt(text);
    return component ? { component, note: null } : { error: 'it is empty' };
  } catch (err) {
    if (block.name === 'VEVENT' && HAS_RECURRENCE_LINE.test(text)) {
      try {
        const component = attempt(text.replace(RECURRENCE_LINE, ''));
        if (component) {
          return { component, note: `its recurrence lines could not be read (${errorText(err)}); imported as a single event.` };
        }
      } catch {
        // fall through to the original error, which names the real problem
      }
    }
    return { error: errorText(err) };
  }
}

/** One result per scanned block, in order: plain events by the fast reader, the rest by ical.js. */
export function parseBlocks(scan: ScanResult): ParsedBlock[] {
  return scan.blocks.map((block) => {
    if (block.name === 'VEVENT') {
      const component = fastReadEvent(block.text);
      if (component) return { component, note: null };
    }
    return block.name === 'VEVENT' || block.name === 'VTIMEZONE' ? parseBlock(block) : { error: 'not read' };
  });
}
