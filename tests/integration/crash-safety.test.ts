// Crash safety: a child process imports large schedules and edits the plan through the real
// services while we kill it with SIGKILL at random moments. After every kill the database must be
// intact and hold the state before or after each transaction — never half an import or half an edit.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { crashVariant, PLAN_BATCH, VARIANT_COUNT } from '../fixtures/crash-variants.ts';
import { ROOT, tempDir } from './helpers.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const tmp = tempDir('clashless-crash-');
// A worker still running when the test ends (it timed out on a busy machine) is killed here, or it
// would go on importing in the background long after the run.
const running = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  tmp.cleanup();
});

/** Deterministic pseudo-random delays, so a failure can be replayed. */
function delays(seed: number, n: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % 700;
  });
}

function runUntilKilled(dbPath: string, firstRound: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', join(ROOT, 'tests', 'fixtures', 'crash-worker.ts'), dbPath, String(firstRound)],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    running.add(child);
    let rounds = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      rounds += d.toString().split('\n').filter((l) => l.startsWith('round')).length;
      // Kill at a random moment after the worker has proven it is running.
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (signal === 'SIGKILL') resolve(rounds);
      else reject(new Error(`worker exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  const expected = new Map<string, number>();
  for (let k = 0; k < VARIANT_COUNT; k++) {
    const v = crashVariant(k);
    expected.set(v.fileName, parseImport(v.text, { format: 'ics' }).sessions.length);
  }

  it(`survives ${KILLS} SIGKILLs with no corruption and no partial transaction`, async () => {
    const dbPath = join(tmp.dir, 'crash.db');
    let round = 0;
    let corrupt = 0;
    let partial = 0;
    for (const delay of delays(20241113, KILLS)) {
      round += await runUntilKilled(dbPath, round, delay);
      const db = new Database(dbPath);
      try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') corrupt++;
        const latest = db.prepare('SELECT file_name FROM source ORDER BY id DESC LIMIT 1').get() as { file_name: string } | undefined;
        if (latest) {
          const live = (db.prepare("SELECT count(*) AS n FROM session WHERE status != 'removed'").get() as { n: number }).n;
          if (live !== expected.get(latest.file_name)) partial++;
          // The search index must match its content table exactly (FTS5 checks this itself).
          try {
            db.prepare("INSERT INTO session_fts (session_fts) VALUES ('integrity-check')").run();
          } catch {
            partial++;
          }
        }
        const planned = (db.prepare('SELECT count(*) AS n FROM plan_item').get() as { n: number }).n;
        if (planned % PLAN_BATCH !== 0) partial++;
      } finally {
        db.close();
      }
    }
    expect({ kills: KILLS, corrupt, partial }).toEqual({ kills: KILLS, corrupt: 0, partial: 0 });
    expect(round).toBeGreaterThan(0);
  });
});
