// The worker side of the bench: each group of figures runs in its own Node process (a clean heap
// and JIT, and a missing module only costs that group), measures, and writes its WorkerOutput as
// JSON to the file named by its first argument. The runner (bench/run.ts) reads it.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { emptyOutput, type FigureName, type Measured, type WorkerOutput } from './figures.ts';
import { describeError } from './paths.ts';
import { startCpuWindow, type CpuWindow } from './cpu-share.ts';
import { pastDeadline, setDeadline } from './run-plan.ts';
import { summarize } from './stats.ts';

export interface WorkerContext {
  out: WorkerOutput;
  /** The runner's scratch folder shared by all workers of one bench run. */
  shared: string;
  /** Record a figure from its samples (and a peer's, measured in the same run). */
  record(name: FigureName, samples: number[], extra?: { peer?: number[]; ratio?: number; note?: string }): Measured;
  missing(name: FigureName, reason: string): void;
  note(text: string): void;
  /** Run one figure's measurement; a failure marks just that figure missing and the worker goes on. */
  attempt(names: FigureName[], body: () => Promise<void> | void): Promise<void>;
}

export interface WorkerOptions {
  /** Say how much of the wall time this process was on a CPU (false when the work is elsewhere, e.g. in Chromium). */
  ownCpu?: boolean;
}

export async function runWorker(body: (ctx: WorkerContext) => Promise<void>, opts: WorkerOptions = {}): Promise<void> {
  const target = process.argv[2];
  const shared = process.argv[3];
  // The runner's time cap for this worker, as milliseconds from now; leave a little to write out.
  const allowedMs = Number(process.argv[4] ?? Number.POSITIVE_INFINITY);
  setDeadline(performance.now() + allowedMs - 2_000);
  if (!target || !shared) {
    process.stderr.write('This is a bench worker; run the whole bench with: npm run bench\n');
    process.exit(2);
  }
  const out = emptyOutput();
  let window: CpuWindow = startCpuWindow();
  // Written after every change, so a worker the runner has to stop still leaves what it measured.
  const save = (): void => writeFileSync(target, JSON.stringify(out));
  const ctx: WorkerContext = {
    out,
    shared,
    record(name, samples, extra = {}) {
      const m: Measured = { ...summarize(samples), runs: samples.length };
      if (extra.peer) m.peer = summarize(extra.peer);
      if (extra.ratio !== undefined) m.ratio = extra.ratio;
      const load = window.describe(opts.ownCpu ?? true);
      const notes = [extra.note, load ? `while measuring: ${load}` : null].filter(Boolean);
      if (notes.length) m.note = notes.join('; ');
      out.figures[name] = m;
      save();
      return m;
    },
    missing(name, reason) {
      out.missing[name] = reason;
      save();
    },
    note(text) {
      out.notes.push(text);
      save();
    },
    async attempt(names, run) {
      if (pastDeadline()) {
        for (const n of names) if (!out.figures[n]) out.missing[n] = 'not run: its worker had used up its share of the time cap';
        save();
        return;
      }
      window = startCpuWindow();
      try {
        await run();
      } catch (err) {
        const reason = describeError(err);
        for (const n of names) if (!out.figures[n]) out.missing[n] = reason;
        if (names.length === 0) out.notes.push(reason);
        save();
      }
    }
  };
  save();
  try {
    await body(ctx);
  } catch (err) {
    out.notes.push(`worker stopped early: ${describeError(err)}`);
  }
  save();
}
