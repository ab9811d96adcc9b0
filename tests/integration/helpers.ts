// Shared helpers for integration tests: temp databases and the bundled seed folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServices } from '../../src/main/services.ts';
import type { ServiceHost } from '../../src/main/service-host.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_DIR = join(ROOT, 'seed');
export { PEER_DIR } from '../fixtures/paths.ts';

export function tempDir(prefix = 'clashless-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Services over a fresh temporary database; `seeded` imports the two sample schedules. */
export function tempServices(opts: { seeded?: boolean; now?: () => number } = {}): ServiceHost & { dbPath: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'test.db');
  const host = openServices({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: opts.seeded ?? false, ...(opts.now ? { now: opts.now } : {}) });
  return Object.assign(host, {
    dbPath,
    cleanup: () => {
      host.close();
      cleanup();
    }
  });
}
