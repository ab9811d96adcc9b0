// `resolve --all-by-priority` never demotes personal blocks (they are fixed points), so when only
// blocks clash with each other it must say they still clash instead of "No clashes to resolve".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src/main/services.ts';
import { cli, KUBECON, SEED_DIR, tempDir } from './helpers.ts';

const tmp = tempDir('clashless-cli-resolve-blocks-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'blocks.db');
const HOUR = 3_600_000;

function run(...args: string[]) {
  return cli(['--db', db, ...args]);
}

describe('resolve --all-by-priority with clashing personal blocks', () => {
  beforeAll(async () => {
    expect(run('seed').code).toBe(0);
    // The CLI has no block command: two overlapping blocks are made through the services.
    const host = openServices({ dbPath: db, seedDir: SEED_DIR, seedOnFirstRun: false });
    try {
      const conference = (await host.api['conference.list']({})).find((c) => c.title === KUBECON)!;
      const first = (await host.api['session.list']({ conferenceId: conference.id }))[0]!;
      const start = first.start;
      await host.api['block.create']({ conferenceId: conference.id, title: 'Call home', start, end: start + HOUR });
      await host.api['block.create']({ conferenceId: conference.id, title: 'Lunch with Ana', start: start + HOUR / 2, end: start + 2 * HOUR });
    } finally {
      host.close();
    }
  });

  it('says the blocks still clash and leaves them be', () => {
    const clashes = JSON.parse(run('clashes', '--json', '--conference', KUBECON).stdout) as { a: { title: string }; b: { title: string } }[];
    expect(clashes.map((c) => [c.a.title, c.b.title].sort())).toEqual([['Call home', 'Lunch with Ana']]);
    const planBefore = run('plan', 'list', '--json').stdout;

    for (const dry of [['--dry-run'], []]) {
      const r = run('resolve', '--all-by-priority', '--conference', KUBECON, ...dry);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('No clashes to resolve');
      expect(r.stdout).toBe(`Nothing to move to backup in “${KUBECON}”, but 2 of your own blocks still clash with each other; resolve has left them for you.\n`);
    }
    expect(run('plan', 'list', '--json').stdout).toBe(planBefore);
    expect(JSON.parse(run('clashes', '--json', '--conference', KUBECON).stdout)).toHaveLength(1);
  });
});
