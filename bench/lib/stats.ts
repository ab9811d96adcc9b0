// Summaries of timing samples. The bench reports the median of several runs with min and max;
// latency figures (search, drag frames) report a p95 per run and then the median of those.

export interface Summary {
  median: number;
  min: number;
  max: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples to summarise');
  return [...samples].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0…100): an actual observed value, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  const s = sorted(samples);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] as number;
}

export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const s = sorted(samples);
  return { median: median(s), min: s[0] as number, max: s[s.length - 1] as number };
}

/** Round for display and JSON: enough digits to compare runs, no float noise. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
