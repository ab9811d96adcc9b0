// An import's commit returns once the import is in the WAL (synced there: synchronous FULL);
// copying the WAL into the database file (a checkpoint) comes after the answer (store/connection.ts,
// deferCheckpoints; the import worker calls it). Proven with real files and processes: the database
// file holds nothing of the import until the checkpoint runs, an import killed before it is
// recovered whole from the WAL when the database is opened again, and the import worker does copy
// its WAL once it has answered. (A process kill leaves the system's file cache; that the WAL sync
// reaches the disk is SQLite's part, tested by SQLite.)
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/backend.ts';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { WORKER_IMPORT_CHARS } from '../../src/main/services/api.ts';
import { connect, deferCheckpoints, quickCheck } from '../../src/main/store/connection.ts';
import { openStore } from '../../src/main/store/open.ts';
import { generateIcs } from '../fixtures/generate-ics.ts';
import { ROOT, SEED_DIR, tempDir } from './helpers.ts';

const NOW = Date.UTC(2026, 0, 1);
const tmp = tempDir('clashless-checkpoint-');
afterAll(() => tmp.cleanup());

const size = (path: string): number => statSync(path).size;
const sessionCount = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM session').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the checkpoint after an import', () => {
  const text = generateIcs(2000, 4);
  const schedule = parseImport(text, { format: 'ics' });

  it('leaves the database file untouched until it runs, while every connection already reads the import', () => {
    const results: Record<string, { atCommit: number; afterCheckpoint: number; before: number }> = {};
    for (const deferred of [false, true]) {
      const path = join(tmp.dir, `defer-${deferred}.db`);
      openStore(path, { now: NOW }).db.close();
      const db = connect(path);
      // A low threshold, so that without the deferral even this import is checkpointed at its commit.
      db.pragma('wal_autocheckpoint = 10');
      const checkpoint = deferred ? deferCheckpoints(db) : () => db.pragma('wal_checkpoint(PASSIVE)');
      const before = size(path);
      mergeSchedule(db, { schedule, rawText: text, fileName: 'big.ics', now: NOW });
      const atCommit = size(path);
      expect(sessionCount(path)).toBe(schedule.sessions.length);
      checkpoint();
      results[String(deferred)] = { before, atCommit, afterCheckpoint: size(path) };
      db.close();
    }
    // Without the deferral the commit itself copied the pages; with it, only the checkpoint does.
    expect(results['false']!.atCommit).toBeGreaterThan(results['false']!.before * 2);
    expect(results['true']!.atCommit).toBe(results['true']!.before);
    expect(results['true']!.afterCheckpoint).toBeGreaterThan(results['true']!.before * 2);
  });

  it('an import killed after its commit and before the checkpoint is recovered whole when the database is opened again', async () => {
    const path = join(tmp.dir, 'killed.db');
    openStore(path, { now: NOW }).db.close();
    const before = size(path);
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', join(ROOT, 'tests', 'fixtures', 'deferred-commit.ts'), path, '2000'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const committed = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /committed (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`the child exited (code ${code}) before committing: ${stderr}`)));
    });
    // At the kill, the import is in the WAL only.
    expect(size(path)).toBe(before);
    expect(size(`${path}-wal`)).toBeGreaterThan(before);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const { db } = openStore(path, { now: NOW });
    try {
      expect(quickCheck(db)).toBeNull();
      expect(committed).toBe(parseImport(generateIcs(2000, 5), { format: 'ics' }).sessions.length);
      expect(db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(committed);
      expect(db.prepare("SELECT count(*) FROM session_fts WHERE session_fts MATCH 'talk*'").pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 60_000);

  it('the import worker copies its WAL into the database file once it has answered', async () => {
    const { dir, cleanup } = tempDir();
    const dbPath = join(dir, 'w.db');
    const host = openBackend({
      dbPath,
      seedDir: SEED_DIR,
      seedOnFirstRun: false,
      importWorker: join(ROOT, 'src', 'main', 'import', 'import-worker.ts')
    });
    try {
      await host.ready;
      const big = generateIcs(4000, 3);
      expect(big.length).toBeGreaterThan(WORKER_IMPORT_CHARS);
      host.api['plan.list']({}); // the services' connection is open and idle: it never checkpoints on its own
      const before = size(dbPath);
      const report = await host.api['import.commit']({ text: big, fileName: 'big.ics' });
      expect(report.added).toBe(parseImport(big, { format: 'ics' }).sessions.length);
      // The worker checkpoints after its answer; nothing else writes here. Wait until the file has
      // grown and then stayed the same for half a second (the copy is done, the worker closing).
      const deadline = Date.now() + 20_000;
      let last = -1;
      let stableSince = Date.now();
      while (Date.now() < deadline) {
        const now = size(dbPath);
        if (now !== last) [last, stableSince] = [now, Date.now()];
        else if (now > before * 2 && Date.now() - stableSince > 500) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(size(dbPath)).toBeGreaterThan(before * 2);
      expect(readFileSync(dbPath).includes(Buffer.from('big.ics'))).toBe(true);
    } finally {
      host.close();
      cleanup();
    }
  }, 60_000);
});
