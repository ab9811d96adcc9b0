// The change lines `import` prints after a re-import use the same words as `changes` (and the app's
// panels): "room changed", "(in your plan)", never the raw kind or "(planned)".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, KUBECON, SEED_DIR, tempDir } from './helpers.ts';

const FILE = join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt');
const ROUTES = 'h-dd679e9bac7cb13e';
const TITLE = 'All Your Routes Are Ready, More or Less';

const tmp = tempDir('clashless-cli-import-words-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'words.db');

async function run(args: string[], input?: string) {
  return await runCli(['--db', db, ...args], input);
}

describe('import change lines', () => {
  it('say what changes says, in the same words', async () => {
    expect((await run(['import', FILE])).code).toBe(0);
    expect((await run(['plan', 'add', ROUTES])).code).toBe(0);
    const original = readFileSync(FILE, 'utf8');
    // Only this talk's block: its time line and the room line that follows it.
    const at = original.indexOf('Wednesday November 13, 2024 11:15am - 11:50am MST\nSalt Palace | Level 1 | 155 EF');
    expect(at).toBeGreaterThan(0);
    const changed =
      original.slice(0, at) +
      'Wednesday November 13, 2024 11:15am - 11:50am MST\nSalt Palace | Level 2 | 255 EF' +
      original.slice(at + 'Wednesday November 13, 2024 11:15am - 11:50am MST\nSalt Palace | Level 1 | 155 EF'.length);
    const imported = await run(['import', '-'], changed);
    expect(imported.code, imported.stderr).toBe(0);
    const importLines = imported.stdout.split('\n').slice(1).filter((l) => l !== '');
    expect(importLines).toHaveLength(1);
    expect(importLines[0]).toMatch(new RegExp(`^  room changed \\(in your plan\\): ${TITLE} — .*155 EF.*255 EF`));
    expect(importLines[0]).not.toMatch(/room-changed|\(planned\)/);

    const changes = await run(['changes', '--conference', KUBECON]);
    expect(changes.code).toBe(0);
    expect(changes.stdout.split('\n').slice(1).filter((l) => l !== '')).toEqual(importLines);
  });
});
