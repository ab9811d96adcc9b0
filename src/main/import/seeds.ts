// The bundled sample schedules, imported through the real importers: on a first run (backend.ts,
// which loads this on demand) and by `clashless seed`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { decodeBytes } from './decode.ts';
import { mergeSchedule } from './merge.ts';
import { parseImport } from './pipeline.ts';

/** Import every schedule in the seed folder (sorted by name). */
export function importSeeds(db: Db, seedDir: string, now: number): { file: string; sessions: number }[] {
  const files = readdirSync(seedDir)
    .filter((f) => !f.startsWith('.') && !f.toLowerCase().endsWith('.md.license'))
    .sort();
  const out: { file: string; sessions: number }[] = [];
  for (const file of files) {
    const text = decodeBytes(readFileSync(join(seedDir, file)), { name: file });
    const parsed = parseImport(text, { fileName: file, fallbackZone: 'UTC' });
    mergeSchedule(db, { schedule: parsed, rawText: text, fileName: file, now });
    out.push({ file, sessions: parsed.sessions.length });
  }
  return out;
}
