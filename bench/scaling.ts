// `npm run bench:scaling`: how the three costs that grow with the data grow, each at three sizes a
// factor of ten apart, so a line that grows worse than linearly shows at once:
// - import: a generated .ics of 1k / 10k / 100k events, parsed through the pipeline and committed
//   into a fresh on-disk store (the same work as import_ics_10k_ms);
// - clashes: the sweep-line engine over 1k / 10k / 100k plan items at the density of
//   clashes_10k_ms (10,000 items a week: more items, more days, not a denser week);
// - search: one keystroke's ids (searchSessionRuns, the catalog's path) over 10k / 100k / 1M stored
//   sessions (1M as ten conferences of 100k, searched all together), p95 of typed prefixes.
// Each size reports its time and the time per item; the last column is that cost relative to the
// smallest size (1.0 is linear; below 1 is better than linear). Writes bench/scaling.json.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mergeSchedule } from '../src/main/import/merge.ts';
import { searchSessionRuns } from '../src/main/store/session-search.ts';
import { findClashes } from '../src/shared/clashes.ts';
import { createTravelLookup } from '../src/shared/travel.ts';
import { generateIcs } from '../tests/fixtures/generate-ics.ts';
import { generatePlan } from '../tests/fixtures/generate-plan.ts';
import { loadParseStep } from './lib/parse.ts';
import { BENCH_DIR, scratchDir } from './lib/paths.ts';
import { COMMON_WORDS, RARE_WORDS, generateSchedule, typedQueries } from './lib/sessions.ts';
import { median, percentile, round } from './lib/stats.ts';
import { freshStore } from './lib/store.ts';

const NOW = Date.UTC(2026, 0, 1);

interface Point {
  size: number;
  ms: number;
  /** Microseconds per item (event, plan item, or stored session for search). */
  usPerItem: number;
  note: string;
}

interface Line {
  name: string;
  unit: string;
  points: Point[];
}

function runs(size: number, big: number): number {
  return size >= big ? 1 : 3;
}

async function importLine(dir: string): Promise<Line> {
  const step = await loadParseStep('ics');
  const points: Point[] = [];
  for (const size of [1_000, 10_000, 100_000]) {
    const text = generateIcs(size, 1);
    const times: number[] = [];
    const parses: number[] = [];
    let sessions = 0;
    for (let r = 0; r < runs(size, 100_000); r++) {
      const store = freshStore(dir, `import-${size}-${r}`);
      try {
        const t0 = performance.now();
        const schedule = step.parse(text, { fileName: `generated-${size}.ics`, fallbackZone: 'UTC' });
        const t1 = performance.now();
        mergeSchedule(store.db, { schedule, rawText: text, fileName: `generated-${size}.ics`, now: NOW });
        const t2 = performance.now();
        times.push(t2 - t0);
        parses.push(t1 - t0);
        sessions = schedule.sessions.length;
      } finally {
        store.remove();
      }
    }
    const ms = median(times);
    points.push({ size, ms, usPerItem: (ms * 1000) / size, note: `${sessions} sessions; parse ${round(median(parses))} ms` });
  }
  return { name: 'import (.ics, parse + commit)', unit: 'events', points };
}

function clashLine(): Line {
  const travel = createTravelLookup();
  const points: Point[] = [];
  for (const size of [1_000, 10_000, 100_000]) {
    const items = generatePlan(size, 2024, { days: Math.max(1, Math.round((7 * size) / 10_000)) });
    findClashes(items, travel);
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      found = findClashes(items, travel).length;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    points.push({ size, ms, usPerItem: (ms * 1000) / size, note: `${found} clashes` });
  }
  return { name: 'clashes (sweep line)', unit: 'plan items', points };
}

function searchLine(dir: string): Line {
  const words = COMMON_WORDS.flatMap((w, i) => [w, RARE_WORDS[i * 3] as string, RARE_WORDS[i * 3 + 1] as string]);
  const queries = typedQueries(words, 200);
  const points: Point[] = [];
  for (const size of [10_000, 100_000, 1_000_000]) {
    const store = freshStore(dir, `search-${size}`);
    try {
      const parts = Math.max(1, size / 100_000);
      const t0 = performance.now();
      for (let p = 0; p < parts; p++) {
        const schedule = generateSchedule(size / parts, 42 + p);
        schedule.conference = { ...schedule.conference, title: `Generated Conference ${p + 1} of ${parts}` };
        mergeSchedule(store.db, { schedule, rawText: '', fileName: null, now: NOW });
      }
      const built = performance.now() - t0;
      for (const q of queries.slice(0, 50)) searchSessionRuns(store.db, { search: q });
      const p95s: number[] = [];
      let last: number[] = [];
      for (let r = 0; r < 3; r++) {
        last = queries.map((q) => {
          const s = performance.now();
          searchSessionRuns(store.db, { search: q });
          return performance.now() - s;
        });
        p95s.push(percentile(last, 95));
      }
      const ms = median(p95s);
      points.push({
        size,
        ms,
        usPerItem: (ms * 1000) / size,
        note: `p95 of ${queries.length} typed prefixes; median ${round(median(last))} ms; ${parts} conference${parts > 1 ? 's' : ''}, stored in ${round(built / 1000)} s`
      });
    } finally {
      store.remove();
    }
  }
  return { name: 'search (one keystroke’s ids, p95)', unit: 'sessions', points };
}

function print(line: Line): void {
  console.log(`\n${line.name}`);
  const base = line.points[0]!.usPerItem;
  for (const p of line.points) {
    console.log(
      `  ${p.size.toLocaleString('en')} ${line.unit}: ${round(p.ms)} ms, ${round(p.usPerItem)} µs each, ${round(p.usPerItem / base)} × the smallest size's cost per item — ${p.note}`
    );
  }
}

const scratch = scratchDir('scaling');
try {
  console.log(`bench:scaling — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
  const lines: Line[] = [];
  for (const make of [() => importLine(scratch.dir), async () => clashLine(), async () => searchLine(scratch.dir)]) {
    const line = await make();
    print(line);
    lines.push(line);
  }
  const file = join(BENCH_DIR, 'scaling.json');
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), load: loadavg(), node: process.version, lines }, null, 2) + '\n');
  console.log(`\nwrote ${file}`);
} finally {
  scratch.remove();
}
