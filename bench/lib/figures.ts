// The figures the bench reports, with the budgets of docs/benchmarks.md. This table is the one
// place a budget lives; workers only measure, and the runner judges.
import { round, type Summary } from './stats.ts';

export type Unit = 'ms' | 'per_s' | 'MB';
export type Better = 'lower' | 'higher';

export type FigureName =
  | 'import_38c3_ms'
  | 'import_ics_10k_ms'
  | 'parse_ics_10k_ms'
  | 'commit_100k_per_s'
  | 'search_rare_100k_p95_ms'
  | 'search_common_100k_p95_ms'
  | 'search_keystroke_p95_ms'
  | 'clashes_10k_ms'
  | 'export_1k_ms'
  | 'week_render_ms'
  | 'drag_frame_p95_ms'
  | 'first_view_ms'
  | 'rss_100k_mb'
  | 'clash_panel_300_ms'
  | 'resolve_all_300_ms'
  | 'long_task_300_max_ms';

export interface RatioRule {
  /** What the ratio divides, in words for the table and the JSON ("parse ÷ ICAL.parse"). */
  of: string;
  /** The ratio's own budget, when benchmarks.md sets one. */
  limit: number | null;
  better: Better;
}

export interface FigureSpec {
  name: FigureName;
  unit: Unit;
  /** null when the figure is judged only by its ratio. */
  budget: number | null;
  better: Better;
  ratio?: RatioRule;
  /** The peer measured in the same run, in words. */
  peer?: string;
}

export const FIGURES: readonly FigureSpec[] = [
  { name: 'import_38c3_ms', unit: 'ms', budget: 150, better: 'lower' },
  {
    name: 'import_ics_10k_ms',
    unit: 'ms',
    budget: 600,
    better: 'lower',
    peer: 'raw ICAL.parse of the same text (ms)',
    ratio: { of: 'our .ics parse ÷ raw ICAL.parse', limit: 1.5, better: 'lower' }
  },
  {
    name: 'parse_ics_10k_ms',
    unit: 'ms',
    budget: null,
    better: 'lower',
    peer: 'raw ICAL.parse of the same text (ms)',
    ratio: { of: 'our .ics parse ÷ raw ICAL.parse', limit: 1.5, better: 'lower' }
  },
  {
    name: 'commit_100k_per_s',
    unit: 'per_s',
    budget: 40_000,
    better: 'higher',
    peer: 'raw better-sqlite3 prepared inserts, same schema and FTS, no merge logic (rows/s)',
    ratio: { of: 'ours ÷ raw inserts', limit: null, better: 'higher' }
  },
  { name: 'search_rare_100k_p95_ms', unit: 'ms', budget: 5, better: 'lower' },
  { name: 'search_common_100k_p95_ms', unit: 'ms', budget: 30, better: 'lower' },
  { name: 'search_keystroke_p95_ms', unit: 'ms', budget: 16, better: 'lower' },
  {
    name: 'clashes_10k_ms',
    unit: 'ms',
    budget: 10,
    better: 'lower',
    peer: 'naive O(n²) check on the same plan (ms)',
    ratio: { of: 'naive ÷ engine (speed-up)', limit: 20, better: 'higher' }
  },
  {
    name: 'export_1k_ms',
    unit: 'ms',
    budget: 100,
    better: 'lower',
    peer: 'the same file written in one thread, buildIcs (ms)',
    ratio: { of: 'ours (threads) ÷ one thread', limit: null, better: 'lower' }
  },
  { name: 'week_render_ms', unit: 'ms', budget: 150, better: 'lower' },
  { name: 'drag_frame_p95_ms', unit: 'ms', budget: 8, better: 'lower' },
  { name: 'first_view_ms', unit: 'ms', budget: 500, better: 'lower' },
  { name: 'rss_100k_mb', unit: 'MB', budget: 200, better: 'lower' },
  // 38C3 with 300 sessions planned (about 2,000 clashes), through the UI of the browser host.
  { name: 'clash_panel_300_ms', unit: 'ms', budget: 150, better: 'lower' },
  { name: 'resolve_all_300_ms', unit: 'ms', budget: 300, better: 'lower' },
  { name: 'long_task_300_max_ms', unit: 'ms', budget: 100, better: 'lower' }
];

/** What a worker hands back for one figure. */
export interface Measured extends Summary {
  runs: number;
  peer?: Summary;
  ratio?: number;
  note?: string;
}

/** What a worker writes to its result file. */
export interface WorkerOutput {
  figures: Partial<Record<FigureName, Measured>>;
  /** Figures the worker could not measure, with the reason. */
  missing: Partial<Record<FigureName, string>>;
  /** Facts about the run worth printing under the table (sizes, counts, build times). */
  notes: string[];
}

/** One row of bench/results.json. */
export interface ResultRow {
  median: number | null;
  unit: Unit;
  budget: number | null;
  min: number | null;
  max: number | null;
  peer?: number;
  peer_min?: number;
  peer_max?: number;
  peer_is?: string;
  ratio?: number;
  ratio_of?: string;
  ratio_budget?: number;
  within_budget: boolean | null;
  runs?: number;
  note?: string;
  missing?: string;
}

function meets(value: number, limit: number, better: Better): boolean {
  return better === 'lower' ? value <= limit : value >= limit;
}

export function judge(spec: FigureSpec, m: Measured): boolean {
  const own = spec.budget === null || meets(m.median, spec.budget, spec.better);
  const ratio =
    spec.ratio?.limit === null || spec.ratio === undefined || m.ratio === undefined
      ? true
      : meets(m.ratio, spec.ratio.limit, spec.ratio.better);
  return own && ratio;
}

export function toRow(spec: FigureSpec, m: Measured | undefined, missing: string | undefined): ResultRow {
  if (!m) {
    return {
      median: null,
      unit: spec.unit,
      budget: spec.budget,
      min: null,
      max: null,
      within_budget: null,
      missing: missing ?? 'not measured (its worker did not report it)'
    };
  }
  const row: ResultRow = {
    median: round(m.median),
    unit: spec.unit,
    budget: spec.budget,
    min: round(m.min),
    max: round(m.max),
    within_budget: judge(spec, m),
    runs: m.runs
  };
  if (m.peer) {
    row.peer = round(m.peer.median);
    row.peer_min = round(m.peer.min);
    row.peer_max = round(m.peer.max);
    if (spec.peer) row.peer_is = spec.peer;
  }
  if (m.ratio !== undefined && spec.ratio) {
    row.ratio = round(m.ratio);
    row.ratio_of = spec.ratio.of;
    if (spec.ratio.limit !== null) row.ratio_budget = spec.ratio.limit;
  }
  if (m.note) row.note = m.note;
  return row;
}

export function emptyOutput(): WorkerOutput {
  return { figures: {}, missing: {}, notes: [] };
}
