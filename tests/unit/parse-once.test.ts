// Parse once: a commit of exactly the request that was just previewed reuses the preview's parse
// (LastPreview in import-job.ts); any difference in the text or an option parses afresh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LastPreview, parseForImport, type ImportRequest } from '../../src/main/import/import-job.ts';

const text = readFileSync(join(import.meta.dirname, '..', '..', 'seed', 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');
const req: ImportRequest = { text, fileName: 'kubecon.txt', format: 'auto' };

describe('LastPreview', () => {
  it('gives the previewed parse back for the identical request, once', () => {
    const memo = new LastPreview();
    const parsed = parseForImport(req);
    memo.remember(req, parsed);
    // A request rebuilt from the same values (as the CLI's commit is) is the same request.
    expect(memo.take({ ...req, text: `${text}` })).toBe(parsed);
    expect(memo.take(req)).toBeNull();
  });

  it('parses afresh when the text or any option differs', () => {
    const parsed = parseForImport(req);
    const others: ImportRequest[] = [
      { ...req, text: `${text}\n` },
      { ...req, fileName: 'other.txt' },
      { ...req, format: 'sched-text' },
      { ...req, timeZone: 'America/Denver' },
      { ...req, firstDay: '2024-11-13' },
      { ...req, columns: [{ header: 'Title', field: 'title' }] }
    ];
    for (const other of others) {
      const memo = new LastPreview();
      memo.remember(req, parsed);
      expect(memo.take(other), JSON.stringify({ ...other, text: other.text.length })).toBeNull();
    }
  });
});
