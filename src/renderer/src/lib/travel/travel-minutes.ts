// What the travel editor reads from a typed walking time, and how it keys a pair of places. Pure.
export const MAX_TRAVEL_MINUTES = 24 * 60;

/** A valid minutes value from what was typed, or a sentence saying what is wrong. */
export function parseMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter whole minutes, like 10.' };
  const minutes = Number(trimmed);
  if (minutes > MAX_TRAVEL_MINUTES) return { ok: false, message: `At most ${MAX_TRAVEL_MINUTES} minutes (a day).` };
  return { ok: true, minutes };
}

export function pairKey(entry: { from: string; to: string }): string {
  return `${entry.from}\u0000${entry.to}`;
}
