// The printed table and bench/results.json.
import { writeFileSync } from 'node:fs';
import type { FigureSpec, ResultRow } from './figures.ts';

function formatNumber(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'per_s' || Math.abs(value) >= 10_000) return Math.round(value).toLocaleString('en-US');
  return String(value);
}

function budgetText(spec: FigureSpec): string {
  if (spec.budget === null) return spec.ratio?.limit ? `ratio ${spec.better === 'lower' ? '≤' : '≥'} ${spec.ratio.limit}` : '—';
  return `${spec.better === 'lower' ? '≤' : '≥'} ${formatNumber(spec.budget, spec.unit)}`;
}

function okText(row: ResultRow): string {
  if (row.within_budget === null) return 'MISSING';
  return row.within_budget ? 'yes' : 'NO';
}

function ratioText(row: ResultRow, spec: FigureSpec): string {
  if (row.ratio === undefined) return '';
  const limit = spec.ratio?.limit;
  return limit ? `${row.ratio} (${spec.ratio?.better === 'lower' ? '≤' : '≥'} ${limit})` : String(row.ratio);
}

export function formatTable(specs: readonly FigureSpec[], rows: Record<string, ResultRow>): string {
  const header = ['figure', 'unit', 'median', 'min', 'max', 'budget', 'within', 'peer', 'ratio'];
  const lines = specs.map((spec) => {
    const r = rows[spec.name] as ResultRow;
    return [
      spec.name,
      spec.unit,
      formatNumber(r.median, spec.unit),
      formatNumber(r.min, spec.unit),
      formatNumber(r.max, spec.unit),
      budgetText(spec),
      okText(r),
      formatNumber(r.peer, spec.unit),
      ratioText(r, spec)
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 1 || i === 5 || i === 6 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

export function formatDetails(specs: readonly FigureSpec[], rows: Record<string, ResultRow>): string {
  const out: string[] = [];
  for (const spec of specs) {
    const r = rows[spec.name] as ResultRow;
    if (r.missing) out.push(`${spec.name}: MISSING — ${r.missing}`);
    else {
      const parts = [r.note, r.ratio_of ? `ratio = ${r.ratio_of}` : null, r.runs ? `${r.runs} runs` : null].filter(Boolean);
      if (parts.length) out.push(`${spec.name}: ${parts.join('; ')}`);
    }
  }
  return out.join('\n');
}

export function writeResults(path: string, rows: Record<string, ResultRow>): void {
  writeFileSync(path, JSON.stringify(rows, null, 2) + '\n');
}
