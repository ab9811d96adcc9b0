// docs/cli.md is the CLI contract: its list of import formats must be the formats the parsers
// accept and the USAGE text names, so no format is missing from the page a person reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args.ts';
import { IMPORT_FORMATS } from '../../src/shared/domain.ts';

const doc = readFileSync(fileURLToPath(new URL('../../docs/cli.md', import.meta.url)), 'utf8');

/** The backticked words of the `--format` paragraph of the import section. */
function documentedFormats(): string[] {
  const start = doc.indexOf('- **`--format`** is `auto`');
  expect(start).toBeGreaterThan(0);
  const paragraph = doc.slice(start, doc.indexOf('\n- ', start + 1));
  const words = [...paragraph.slice(paragraph.indexOf(' or one of ')).matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
  return words.filter((w) => w !== 'auto');
}

describe('docs/cli.md import formats', () => {
  it('lists every format the parsers accept, the same as USAGE', () => {
    expect(documentedFormats().sort()).toEqual([...IMPORT_FORMATS].sort());
    const usage = /FORMAT for import: auto \(default\), ([^.]+)\./.exec(USAGE)![1]!.split(', ');
    expect(usage.sort()).toEqual([...IMPORT_FORMATS].sort());
  });
});
