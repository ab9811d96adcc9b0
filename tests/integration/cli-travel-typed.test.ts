// `travel list` for a personal block at a place the person typed (not a conference room): the walk
// is unknown (`minutes: null` in JSON), and the text line says so instead of printing "null min".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/backend.ts';
import { runCli, KUBECON, SEED_DIR, tempDir } from './helpers.ts';

const L1 = 'Salt Palace | Level 1 | 155 EF';
const TESTING = 'h-c57beaedd8e6027c';
const PLACE = 'Hotel Monaco lobby';

const tmp = tempDir('clashless-cli-travel-typed-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'typed.db');

async function run(...args: string[]) {
  return await runCli(['--db', db, ...args]);
}

describe('travel list with a typed place', () => {
  beforeAll(async () => {
    expect((await run('seed')).code).toBe(0);
    expect((await run('plan', 'add', TESTING)).code).toBe(0);
    // The CLI has no block command: the block is made through the services over the same file.
    const host = openBackend({ dbPath: db, seedDir: SEED_DIR, seedOnFirstRun: false });
    try {
      const conference = (await host.api['conference.list']({})).find((c) => c.title === KUBECON)!;
      const talk = (await host.api['plan.list']({ conferenceId: conference.id })).find((p) => p.sessionKey === TESTING)!;
      await host.api['block.create']({ conferenceId: conference.id, title: 'Coffee', start: talk.end + 3_600_000, end: talk.end + 5_400_000, place: PLACE });
    } finally {
      host.close();
    }
  });

  it('JSON says null; the text line says the walk is unknown and how to set it', async () => {
    const json = await run('travel', 'list', '--json', '--conference', KUBECON);
    expect(json.code, json.stderr).toBe(0);
    const table = JSON.parse(json.stdout) as { from: string; to: string; minutes: number | null; custom: boolean }[];
    const typed = table.find((t) => t.from === PLACE || t.to === PLACE);
    expect(typed).toEqual({ from: expect.any(String), to: expect.any(String), minutes: null, custom: false });
    expect([typed!.from, typed!.to].sort()).toEqual([L1, PLACE].sort());

    const text = await run('travel', 'list', '--conference', KUBECON);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('null');
    const line = text.stdout.split('\n').find((l) => l.includes(PLACE));
    expect(line).toBe(`? min\t${typed!.from} ↔ ${typed!.to}\tunknown: not a conference room (set it with travel set)`);

    // What the line suggests works: the typed place can be given a walk, and then it is known.
    const set = await run('travel', 'set', PLACE, L1, '12', '--conference', KUBECON);
    expect(set.code, set.stderr).toBe(0);
    const after = (await run('travel', 'list', '--conference', KUBECON)).stdout.split('\n').find((l) => l.includes(PLACE));
    expect(after).toBe(`12 min\t${typed!.from} ↔ ${typed!.to}\tset by you`);
  });
});
