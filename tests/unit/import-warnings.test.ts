// The one warnings collector every parser uses: a broken file shows what kinds of problems it has
// and where they start, never a wall of thousands of lines.
import { describe, expect, it } from 'vitest';
import { MAX_PER_KIND, MAX_WARNINGS, Warnings } from '../../src/main/import/warnings.ts';

describe('Warnings', () => {
  it('keeps warnings in the order they were noted, or by line when asked', () => {
    const w = new Warnings();
    w.add(40, 'b');
    w.add(null, 'whole file');
    w.add(12, 'a');
    expect(w.finish().map((x) => x.message)).toEqual(['b', 'whole file', 'a']);
    expect(w.finish({ byLine: true }).map((x) => x.message)).toEqual(['whole file', 'a', 'b']);
  });

  it('folds one kind past its cap into a single line that names the kind', () => {
    const w = new Warnings();
    for (let line = 1; line <= MAX_PER_KIND + 7; line++) w.add(line, `Line ${line} has no time.`, 'a line has no time');
    w.add(99, 'Another problem.');
    const out = w.finish();
    expect(out).toHaveLength(MAX_PER_KIND + 2);
    expect(out[MAX_PER_KIND - 1]).toEqual({ line: MAX_PER_KIND, message: `Line ${MAX_PER_KIND} has no time.` });
    expect(out.at(-1)).toEqual({ line: null, message: '…and 7 more like: a line has no time' });
  });

  it('caps the total over many kinds and says how many more there were', () => {
    const w = new Warnings();
    for (let i = 1; i <= MAX_WARNINGS + 30; i++) w.add(i, `Event ${i} has no start.`);
    const out = w.finish();
    expect(out).toHaveLength(MAX_WARNINGS + 1);
    expect(out.at(-1)).toEqual({ line: null, message: '…and 30 more warnings like these.' });
  });
});
