// The code that reads files (parsers, zone decisions, the merge, friends' agendas) loads on demand
// (services/on-demand.ts): a start that only plans and exports never loads it, the first import
// does, and a first run imports the samples with every request waiting for them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/backend.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { CILIUM, KUBECON, ROOT, SEED_DIR, tempDir, tempServices } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Modules that only reading a file needs: if one is loaded at start, the boundary leaked. */
const FILE_READING = [
  '/src/main/import/pipeline.ts',
  '/src/main/import/merge.ts',
  '/src/main/import/parsers/',
  '/src/main/friends/read-agenda.ts',
  '/node_modules/chrono-node/',
  '/node_modules/htmlparser2/',
  '/node_modules/micromark',
  '/node_modules/ical.js/',
  '/node_modules/csv-parse/'
];
const readingCode = (urls: readonly string[]): string[] => urls.filter((url) => FILE_READING.some((part) => url.includes(part)));

describe('the file-reading code', () => {
  it('is not loaded by a start that plans, searches, finds clashes and exports, and is by the first import', async () => {
    const services = tempServices({ seeded: true });
    cleanups.push(services.cleanup);
    await services.ready;
    services.close(); // the probe opens the seeded database in its own process
    const probe = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', join(ROOT, 'tests', 'fixtures', 'on-demand', 'probe.ts'), services.dbPath, join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt')],
      { encoding: 'utf8', timeout: 60_000 }
    );
    expect(probe.stderr).toBe('');
    expect(probe.status).toBe(0);
    const { conferences, exported, start, afterImport } = JSON.parse(probe.stdout) as {
      conferences: number;
      exported: number;
      start: string[];
      afterImport: string[];
    };
    // It planned, found clashes and exported in both sample conferences.
    expect(conferences).toBe(2);
    expect(exported).toBe(6);
    // The probe saw the backend load: the services, the store, the .ics writer.
    expect(start.some((url) => url.endsWith('/src/main/services/api.ts'))).toBe(true);
    expect(start.some((url) => url.endsWith('/src/main/export/ics.ts'))).toBe(true);
    expect(readingCode(start)).toEqual([]);
    expect(readingCode(afterImport)).toEqual(expect.arrayContaining([expect.stringContaining('/src/main/import/pipeline.ts')]));
  });

  it('imports the samples on a first run, and a request sent at once waits for them', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const host = openBackend({ dbPath: join(dir, 'first.db'), seedDir: SEED_DIR, seedOnFirstRun: true });
    cleanups.push(() => host.close());
    const titles = (await host.api['conference.list']({})).map((c) => c.title);
    expect(titles.sort()).toEqual([CILIUM, KUBECON].sort());
    await expect(host.ready).resolves.toBeUndefined();
  });

  it('fails the first run, and every request, with the reason when a sample cannot be read', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const seeds = join(dir, 'seed');
    mkdirSync(seeds);
    writeFileSync(join(seeds, 'broken.json'), '{"schedule": ');
    const host = openBackend({ dbPath: join(dir, 'first.db'), seedDir: seeds, seedOnFirstRun: true });
    cleanups.push(() => host.close());
    const failure = await host.ready.then(
      () => null,
      (err: unknown) => err
    );
    expect(failure).toBeInstanceOf(ClashlessError);
    expect((failure as ClashlessError).code).toBe('parse-failed');
    await expect(host.api['conference.list']({})).rejects.toBe(failure);
  });
});
