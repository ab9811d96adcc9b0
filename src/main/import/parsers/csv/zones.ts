// A CSV's time zone column, cell by cell: an IANA name ("Europe/Berlin") or a fixed offset is used
// as written; otherwise the cell is read as people write zones ("NZDT UTC+13", "CET", "UTC-5")
// by the zone resolver every format uses (zones.ts). A cell it cannot read with certainty (an
// ambiguous abbreviation, a place) names no zone, and the file's zone is decided without it.
import { resolveZone } from '../../zones.ts';
import { isUsableZone } from '../frab/zone.ts';

/** Longest zone cell read; distinct cells resolved at most (a zone column repeats a few values). */
const MAX_CELL = 80;
const MAX_DISTINCT = 50;

const STATED_RULES: ReadonlySet<string> = new Set(['zone-name', 'utc-offset', 'abbreviation', 'utc']);

export interface ColumnZones {
  /** The zone a cell names, or undefined when it names none (empty, unknown, ambiguous). */
  get(cell: string): string | undefined;
  /** How a zone was found, for the zone decision's detail: `time zone column (“NZDT UTC+13”)`. */
  where(zone: string | null): string;
  /** Filled cells that name no zone. */
  unknown: string[];
}

export function columnZones(cells: readonly string[]): ColumnZones {
  const zones = new Map<string, string | undefined>();
  const unknown: string[] = [];
  for (const cell of cells) {
    if (cell === '' || zones.has(cell)) continue;
    let zone: string | undefined;
    if (isUsableZone(cell)) zone = cell;
    else if (cell.length <= MAX_CELL && zones.size < MAX_DISTINCT) {
      const decision = resolveZone(cell);
      if (!decision.guessed && STATED_RULES.has(decision.rule)) zone = decision.zone;
    }
    zones.set(cell, zone);
    if (zone === undefined) unknown.push(cell);
  }
  return {
    get: (cell) => zones.get(cell),
    where: (zone) => {
      const cell = [...zones.entries()].find(([text, z]) => z === zone && text !== zone)?.[0];
      return cell === undefined ? 'time zone column' : `time zone column (“${cell.slice(0, MAX_CELL)}”)`;
    },
    unknown
  };
}
