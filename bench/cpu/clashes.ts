// Worker: clashes_10k_ms. The sweep-line engine against the naive O(n²) check on the same
// 10,000-item plan (one week, travel buffers between venues, levels and rooms), alternated run
// by run; both must find the same clashes or the figure is not reported.
import { performance } from 'node:perf_hooks';
import { findClashes, naiveClashes } from '../../src/shared/clashes.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';
import { generatePlan } from '../../tests/fixtures/generate-plan.ts';
import { repeatPair } from '../lib/run-plan.ts';
import { median } from '../lib/stats.ts';
import { runWorker } from '../lib/worker.ts';

const ITEMS = 10_000;

await runWorker(async (ctx) => {
  await ctx.attempt(['clashes_10k_ms'], () => {
    const items = generatePlan(ITEMS, 2024);
    const travel = createTravelLookup();
    const engine = findClashes(items, travel);
    const naive = naiveClashes(items, travel);
    if (JSON.stringify(engine) !== JSON.stringify(naive)) {
      throw new Error(`the engine found ${engine.length} clashes and the naive check ${naive.length}: not timing a wrong answer`);
    }
    const pair = repeatPair(
      { warmup: 2, runs: 9, maxMs: 20_000 },
      () => {
        const t0 = performance.now();
        findClashes(items, travel);
        return performance.now() - t0;
      },
      () => {
        const t0 = performance.now();
        naiveClashes(items, travel);
        return performance.now() - t0;
      }
    );
    ctx.record('clashes_10k_ms', pair.ours, {
      peer: pair.peer,
      ratio: median(pair.peer) / median(pair.ours),
      note: `${engine.length} clashes among ${ITEMS} items (${items.filter((i) => i.state === 'going').length} going)`
    });
  });
});
