// How the travel editor keys a pair of places. Reading a typed walking time is shared with the
// command line, so it lives in shared/travel.ts; it is re-exported here for the editor. Pure.
export { MAX_TRAVEL_MINUTES, parseMinutes } from '../../../../shared/travel.ts';

export function pairKey(entry: { from: string; to: string }): string {
  return `${entry.from}\u0000${entry.to}`;
}
