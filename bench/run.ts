// `npm run bench`: measure every figure of docs/benchmarks.md, print the table and write
// bench/results.json. Each group of figures runs in its own Node process, one after another (never
// in parallel: the machine has two cores), each with a share of a time cap so the whole run stays
// under five minutes: a busy machine gives fewer runs per figure, not a longer bench. Options: --only GROUP[,GROUP…] (import, commit, search, clashes, export, rss, renderer).
import { spawn } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyOutput, FIGURES, toRow, type FigureName, type ResultRow, type WorkerOutput } from './lib/figures.ts';
import { ensureRendererBuilt } from './lib/host.ts';
import { BENCH_DIR, RESULTS_FILE, scratchDir } from './lib/paths.ts';
import { formatDetails, formatTable, writeResults } from './lib/report.ts';

interface Group {
  name: string;
  script: string;
  figures: FigureName[];
  /** Its share of the time cap, relative to the others (unused time passes on to later groups). */
  weight: number;
}

// Order matters: commit leaves the 100k database that search and rss read.
const GROUPS: Group[] = [
  { name: 'clashes', script: 'cpu/clashes.ts', figures: ['clashes_10k_ms'], weight: 1 },
  { name: 'export', script: 'cpu/export.ts', figures: ['export_1k_ms'], weight: 1.5 },
  { name: 'import', script: 'cpu/import.ts', figures: ['import_38c3_ms', 'import_ics_10k_ms', 'parse_ics_10k_ms'], weight: 2.5 },
  { name: 'commit', script: 'cpu/commit.ts', figures: ['commit_100k_per_s'], weight: 5 },
  { name: 'search', script: 'cpu/search.ts', figures: ['search_rare_100k_p95_ms', 'search_common_100k_p95_ms', 'search_keystroke_p95_ms'], weight: 5.5 },
  { name: 'rss', script: 'cpu/rss.ts', figures: ['rss_100k_mb'], weight: 3 },
  {
    name: 'renderer',
    script: 'renderer.ts',
    figures: ['first_view_ms', 'week_render_ms', 'drag_frame_p95_ms', 'clash_panel_300_ms', 'resolve_all_300_ms', 'long_task_300_max_ms'],
    weight: 7
  }
];
/** The promise: the whole bench in under five minutes. Workers aim at this; the hard stop is later. */
const TOTAL_CAP_S = 270;
/** How long past its share a worker may run (one long run finishing) before it is stopped. */
const GRACE_S = 15;

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
  return `${cpus().length} × ${cpu}, ${gb(totalmem())} GB RAM (${gb(freemem())} GB free), Node ${process.version}, ${process.platform}`;
}

function load(): string {
  return loadavg()[0]!.toFixed(1);
}

function runGroup(group: Group, shared: string, shareMs: number): Promise<{ out: WorkerOutput; failure: string | null }> {
  const resultFile = join(shared, `${group.name}.result.json`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', '--expose-gc', join(BENCH_DIR, group.script), resultFile, shared, String(Math.round(shareMs))],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    );
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, shareMs + GRACE_S * 1000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const out = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as WorkerOutput) : emptyOutput();
      const lastError = stderr.trim().split('\n').filter(Boolean).find((l) => /Error/.test(l)) ?? stderr.trim().split('\n')[0];
      const failure = timedOut
        ? `stopped after ${Math.round(shareMs / 1000 + GRACE_S)} s (its share of the bench's time cap; the machine may be busy)`
        : code !== 0
          ? `the ${group.name} worker failed (exit ${code ?? signal}): ${lastError ?? 'no message'}`
          : null;
      resolve({ out, failure });
    });
  });
}

function selectedGroups(argv: string[]): Group[] {
  const i = argv.indexOf('--only');
  if (i === -1) return GROUPS;
  const wanted = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !GROUPS.some((g) => g.name === w));
  if (unknown.length > 0 || wanted.length === 0) {
    process.stderr.write(`bench: --only takes group names from: ${GROUPS.map((g) => g.name).join(', ')}\n`);
    process.exit(2);
  }
  return GROUPS.filter((g) => wanted.includes(g.name));
}

async function main(): Promise<void> {
  const groups = selectedGroups(process.argv.slice(2));
  const scratch = scratchDir('run');
  const started = performance.now();
  const figures: WorkerOutput['figures'] = {};
  const missing: Partial<Record<FigureName, string>> = {};
  const notes: string[] = [];
  console.log(`Clashless bench — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}; load average ${load()} at start`);
  try {
    if (groups.some((g) => g.name === 'renderer')) {
      process.stdout.write('  build     … ');
      const t0 = performance.now();
      try {
        notes.push(`renderer: ${ensureRendererBuilt()}`);
        console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        // The renderer worker tries again and reports the figures missing with this reason.
        console.log(err instanceof Error ? err.message : String(err));
      }
    }
    for (const [index, group] of groups.entries()) {
      const leftMs = TOTAL_CAP_S * 1000 - (performance.now() - started);
      if (leftMs < 5_000) {
        for (const f of group.figures) missing[f] = 'not run: the bench reached its five-minute cap';
        continue;
      }
      const weights = groups.slice(index).reduce((sum, g) => sum + g.weight, 0);
      const shareMs = (leftMs * group.weight) / weights;
      const t0 = performance.now();
      const loadBefore = load();
      process.stdout.write(`  ${group.name.padEnd(9)} … `);
      const { out, failure } = await runGroup(group, scratch.dir, shareMs);
      Object.assign(figures, out.figures);
      for (const f of group.figures) {
        if (out.figures[f]) continue;
        missing[f] = out.missing[f] ?? failure ?? 'its worker did not report it';
      }
      notes.push(...out.notes.map((n) => `${group.name}: ${n}`));
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`${secs} s of ${(shareMs / 1000).toFixed(0)} s (load ${loadBefore} → ${load()})${failure ? ` — ${failure}` : ''}`);
    }
  } finally {
    scratch.remove();
  }

  const ran = new Set(groups.flatMap((g) => g.figures));
  const specs = FIGURES.filter((f) => ran.has(f.name));
  const rows: Record<string, ResultRow> = {};
  for (const spec of specs) rows[spec.name] = toRow(spec, figures[spec.name], missing[spec.name]);
  console.log('');
  console.log(formatTable(specs, rows));
  console.log('');
  console.log(formatDetails(specs, rows));
  if (notes.length) console.log('\n' + notes.join('\n'));
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load()} at the end.`);
  if (groups.length === GROUPS.length) {
    writeResults(RESULTS_FILE, rows);
    console.log(`Wrote ${RESULTS_FILE}`);
  } else {
    console.log('(--only: bench/results.json left as it was)');
  }
}

await main();
