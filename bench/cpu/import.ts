// Worker: import_38c3_ms, import_ics_10k_ms and parse_ics_10k_ms (with raw ICAL.parse as peer).
// An import here is what "Import" does after the file is read: parse (with the zone decision)
// and commit with the search index into a fresh database. Opening the database is not timed.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { generateIcs } from '../../tests/fixtures/generate-ics.ts';
import { loadParseStep, type ParseStep } from '../lib/parse.ts';
import { FIXTURE_38C3 } from '../lib/paths.ts';
import { repeat, repeatPair } from '../lib/run-plan.ts';
import { median, round } from '../lib/stats.ts';
import { freshStore } from '../lib/store.ts';
import { runWorker } from '../lib/worker.ts';

const NOW = Date.UTC(2026, 0, 1);

/** Parse then commit into a fresh store; returns both parts in ms. */
function importOnce(dir: string, step: ParseStep, text: string, fileName: string, run: number): { parse: number; commit: number; sessions: number } {
  const store = freshStore(dir, `import-${run}`);
  try {
    const t0 = performance.now();
    const schedule = step.parse(text, { fileName, fallbackZone: 'UTC' });
    const t1 = performance.now();
    mergeSchedule(store.db, { schedule, rawText: text, fileName, now: NOW });
    const t2 = performance.now();
    return { parse: t1 - t0, commit: t2 - t1, sessions: schedule.sessions.length };
  } finally {
    store.remove();
  }
}

await runWorker(async (ctx) => {
  await ctx.attempt(['import_38c3_ms'], async () => {
    const step = await loadParseStep('frab-xml');
    const text = readFileSync(FIXTURE_38C3, 'utf8');
    const parts: { parse: number; commit: number }[] = [];
    let sessions = 0;
    const samples = repeat({ warmup: 2, runs: 9, maxMs: 20_000 }, (i) => {
      const r = importOnce(ctx.shared, step, text, '38c3_2025-12-06.xml', i);
      sessions = r.sessions;
      if (i >= 0) parts.push(r);
      return r.parse + r.commit;
    });
    const split = `parse ${round(median(parts.map((p) => p.parse)))} ms + commit ${round(median(parts.map((p) => p.commit)))} ms (medians), ${sessions} sessions, ${(text.length / 1e6).toFixed(1)} M chars`;
    ctx.record('import_38c3_ms', samples, { note: [split, step.caveat].filter(Boolean).join('; ') });
  });

  await ctx.attempt(['import_ics_10k_ms', 'parse_ics_10k_ms'], async () => {
    const step = await loadParseStep('ics');
    const text = generateIcs(10_000, 1);
    const imports: number[] = [];
    const parses: number[] = [];
    let sessions = 0;
    const pair = repeatPair(
      { warmup: 1, runs: 7, maxMs: 30_000 },
      (i) => {
        const r = importOnce(ctx.shared, step, text, 'generated-10k.ics', i);
        sessions = r.sessions;
        if (i >= 0) {
          imports.push(r.parse + r.commit);
          parses.push(r.parse);
        }
        return r.parse;
      },
      () => {
        const t0 = performance.now();
        ICAL.parse(text);
        return performance.now() - t0;
      }
    );
    const ratio = median(pair.ours) / median(pair.peer);
    const note = [`${sessions} sessions after expanding series; ${(text.length / 1e6).toFixed(1)} M chars`, step.caveat];
    ctx.record('import_ics_10k_ms', imports, {
      peer: pair.peer,
      ratio,
      note: [`parse ${round(median(parses))} ms of it`, ...note].filter(Boolean).join('; ')
    });
    ctx.record('parse_ics_10k_ms', parses, { peer: pair.peer, ratio, note: step.caveat ?? undefined });
  });
});
