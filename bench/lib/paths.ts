// Where the bench finds the project, its fixtures and a scratch folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_DIR = join(ROOT, 'bench');
export const PEER_FIXTURES = join(ROOT, 'tests', 'fixtures', 'peer');
export const FIXTURE_38C3 = join(PEER_FIXTURES, 'frab-xml', '38c3_2025-12-06.xml');
export const SEED_DIR = join(ROOT, 'seed');
export const RESULTS_FILE = join(BENCH_DIR, 'results.json');

/** A scratch folder under the system temp dir; the caller removes it with the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `clashless-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An error as one line a person can act on, with the project path shortened. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.replaceAll(ROOT, '').replaceAll('file://', '');
}
