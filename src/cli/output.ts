// What every `clashless` command writes with: the I/O it is handed, JSON documents, and the short
// day and time forms of its text lines (always in the conference's own zone).
import { epochToWall } from '../shared/time.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, or null as soon as it is longer than `limit` bytes (never read whole first). */
  readStdin(limit: number): Buffer | null;
}

export function print(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function hhmm(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** "Wed 2024-11-13". */
export function day(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return `${names[w.weekday - 1]} ${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** "Wed 2024-11-13 11:30–12:05". */
export function slot(start: number, end: number, zone: string): string {
  return `${day(start, zone)} ${hhmm(start, zone)}–${hhmm(end, zone)}`;
}
