// One memory probe, run as its own process so nothing else lives in its heap: open the services
// on the 100,000-session dataset, list every session of the conference as the renderer asks
// (session.summaries with limit 100,000) and keep the list, then report resident memory. Prints one
// JSON line: { rssMb, peakMb, heapMb, baseMb, sessions, listMs, caveat }.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describeError, SEED_DIR } from '../lib/paths.ts';

const MB = 1024 * 1024;

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** RSS with the code loaded but nothing opened: Node itself plus its TypeScript stripping. */
function baselineMb(): number {
  gc?.();
  return process.memoryUsage().rss / MB;
}

async function listEverything(dbPath: string): Promise<{ held: unknown[]; sessions: number; caveat: string | null; baseMb: number }> {
  try {
    const { openBackend } = await import('../../src/main/backend.ts');
    const baseMb = baselineMb();
    const host = openBackend({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: false });
    const held: unknown[] = [];
    let sessions = 0;
    for (const c of await host.api['conference.list']({})) {
      const list = await host.api['session.summaries']({ conferenceId: c.id, limit: 100_000 });
      sessions += list.length;
      held.push(list, await host.api['plan.list']({ conferenceId: c.id }));
    }
    held.push(host);
    return { held, sessions, caveat: null, baseMb };
  } catch (err) {
    const why = describeError(err);
    const { openStore } = await import('../../src/main/store/open.ts');
    const { listConferences, listSessionSummaries } = await import('../../src/main/store/sessions.ts');
    const baseMb = baselineMb();
    const { db } = openStore(dbPath);
    const held: unknown[] = [db];
    let sessions = 0;
    for (const c of listConferences(db)) {
      const list = listSessionSummaries(db, { conferenceId: c.id, limit: 100_000 });
      sessions += list.length;
      held.push(list);
    }
    return { held, sessions, baseMb, caveat: `backend.ts could not load (${why}); measured openStore + listSessionSummaries instead` };
  }
}

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: rss-probe.ts DB_PATH');
const t0 = performance.now();
const result = await listEverything(dbPath);
const listMs = performance.now() - t0;
gc?.();
const usage = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    rssMb: usage.rss / MB,
    peakMb: peakRssMb(),
    heapMb: usage.heapUsed / MB,
    baseMb: result.baseMb,
    sessions: result.sessions,
    listMs,
    held: result.held.length,
    caveat: result.caveat
  }) + '\n'
);
