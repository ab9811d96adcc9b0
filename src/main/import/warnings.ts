// The one collector of import warnings, used by every parser. A broken file can produce a warning
// per line; the person needs to see what kinds of problems there are and where they start, not
// 100,000 lines. So each kind of warning is capped (the rest fold into "…and N more like: …"), and
// so is the total (the rest fold into "…and N more warnings like these.").
import type { ImportWarning } from '../../shared/domain.ts';

/** Warnings of one kind beyond this many are folded into one "…and N more like" line. */
export const MAX_PER_KIND = 25;
/** Warnings beyond this many in all are folded into one line. */
export const MAX_WARNINGS = 200;

export class Warnings {
  readonly #list: ImportWarning[] = [];
  readonly #counts = new Map<string, number>();
  #overTotal = 0;

  /**
   * Note a problem at `line` (1-based; null when it belongs to no line). `kind` groups messages
   * that differ only in their details ("Line 12 has no time", "Line 40 has no time"); by default
   * each distinct message is its own kind.
   */
  add(line: number | null, message: string, kind: string = message): void {
    const n = (this.#counts.get(kind) ?? 0) + 1;
    this.#counts.set(kind, n);
    if (n > MAX_PER_KIND) return;
    if (this.#list.length < MAX_WARNINGS) this.#list.push({ line, message });
    else this.#overTotal++;
  }

  get size(): number {
    return this.#list.length;
  }

  /**
   * The warnings in the order they were noted, or by line when `byLine` (parsers that visit a
   * file's parts out of order, as the .ics reader does with time zones and events); then the
   * folded remainder.
   */
  finish(opts: { byLine?: boolean } = {}): ImportWarning[] {
    const out = opts.byLine ? [...this.#list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : [...this.#list];
    for (const [kind, n] of this.#counts) {
      if (n > MAX_PER_KIND) out.push({ line: null, message: `…and ${n - MAX_PER_KIND} more like: ${kind}` });
    }
    if (this.#overTotal > 0) out.push({ line: null, message: `…and ${this.#overTotal} more warnings like these.` });
    return out;
  }
}
