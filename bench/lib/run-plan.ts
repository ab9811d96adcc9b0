// Running a measurement several times: warm-up runs first (JIT, SQLite page cache, lazy
// modules), then timed runs. No forced collection between short runs: a full gc() shrinks the
// young generation and can drop compiled code, which made the clash engine 3–5× slower than it
// runs in the app (measured: 4 ms without, 20–40 ms with). Workers that build big data call
// collect() themselves between runs. A deadline keeps the whole bench under five minutes.
import { performance } from 'node:perf_hooks';

export interface RunPlan {
  warmup: number;
  runs: number;
  /** Stop adding timed runs after this much time (at least `minRuns` are always taken). */
  maxMs?: number;
  minRuns?: number;
}

let deadline = Number.POSITIVE_INFINITY;

/**
 * The worker's hard stop (performance.now() time): past it, repeat() and repeatPair() take no
 * further timed run once they have one, so a busy machine gives fewer runs instead of no figure.
 */
export function setDeadline(at: number): void {
  deadline = at;
}

export function pastDeadline(): boolean {
  return performance.now() > deadline;
}

/** Milliseconds until the worker's deadline (Infinity without one). */
export function timeLeft(): number {
  return deadline - performance.now();
}

const gc = (globalThis as { gc?: () => void }).gc;

export function collect(): void {
  gc?.();
}

/** Milliseconds `fn` took, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/**
 * `once` does one run and returns the milliseconds it measured itself (so per-run setup, like
 * opening a fresh database, stays outside the figure).
 */
export function repeat(plan: RunPlan, once: (index: number) => number): number[] {
  for (let i = 0; i < plan.warmup && !pastDeadline(); i++) once(-1 - i);
  const samples: number[] = [];
  const started = performance.now();
  const minRuns = plan.minRuns ?? 3;
  for (let i = 0; i < plan.runs; i++) {
    samples.push(once(i));
    if (pastDeadline()) break;
    if (plan.maxMs !== undefined && samples.length >= minRuns && performance.now() - started > plan.maxMs) break;
  }
  return samples;
}

/**
 * Ours and a peer, alternated run by run, so a drift in machine speed (another process, thermal
 * limits) lands on both alike and their ratio stays fair.
 */
export function repeatPair(
  plan: RunPlan,
  ours: (index: number) => number,
  peer: (index: number) => number
): { ours: number[]; peer: number[] } {
  for (let i = 0; i < plan.warmup && !pastDeadline(); i++) {
    ours(-1 - i);
    peer(-1 - i);
  }
  const out = { ours: [] as number[], peer: [] as number[] };
  const started = performance.now();
  const minRuns = plan.minRuns ?? 3;
  for (let i = 0; i < plan.runs; i++) {
    out.ours.push(ours(i));
    out.peer.push(peer(i));
    if (pastDeadline()) break;
    if (plan.maxMs !== undefined && out.ours.length >= minRuns && performance.now() - started > plan.maxMs) break;
  }
  return out;
}
