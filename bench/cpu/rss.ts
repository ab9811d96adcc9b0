// Worker: rss_100k_mb. Resident memory of a fresh process that opened the services on the
// 100,000-session dataset and listed them (bench/cpu/rss-probe.ts), measured after a garbage
// collection with the list still held. Several probes; the first warms the OS file cache.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDataset } from '../lib/dataset.ts';
import { BENCH_DIR } from '../lib/paths.ts';
import { pastDeadline } from '../lib/run-plan.ts';
import { median, round } from '../lib/stats.ts';
import { runWorker } from '../lib/worker.ts';

interface Probe {
  rssMb: number;
  peakMb: number;
  heapMb: number;
  baseMb: number;
  sessions: number;
  listMs: number;
  caveat: string | null;
}

function probe(dbPath: string): Probe {
  const out = execFileSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', '--expose-gc', join(BENCH_DIR, 'cpu', 'rss-probe.ts'), dbPath],
    { encoding: 'utf8', timeout: 120_000 }
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as Probe;
}

await runWorker(async (ctx) => {
  await ctx.attempt(['rss_100k_mb'], () => {
    const dataset = ensureDataset(ctx.shared);
    if (dataset.built) ctx.note('rss: the commit worker left no dataset, so the rss worker built its own');
    probe(dataset.path); // warms the OS file cache; not counted
    const probes: Probe[] = [];
    do probes.push(probe(dataset.path));
    while (probes.length < 3 && !pastDeadline());
    const first = probes[0] as Probe;
    ctx.record(
      'rss_100k_mb',
      probes.map((p) => p.rssMb),
      {
        note: [
          `${first.sessions} sessions listed in ${round(median(probes.map((p) => p.listMs)))} ms`,
          `peak RSS ${round(median(probes.map((p) => p.peakMb)))} MB`,
          `JS heap ${round(median(probes.map((p) => p.heapMb)))} MB`,
          `the same process before opening the store: ${round(median(probes.map((p) => p.baseMb)))} MB (Node plus its TypeScript stripping, which the bundled app does not carry)`,
          first.caveat
        ]
          .filter(Boolean)
          .join('; ')
      }
    );
  });
}, { ownCpu: false }); // the work happens in the probe processes
