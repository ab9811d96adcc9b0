// A key that is in two conferences (the same talk imported twice under two titles): `plan remind`
// and `plan remove` refuse to guess which item is meant, change nothing, and act on exactly one
// conference's item when `--conference` names it. Real CLI, real temporary database.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CILIUM, runCli, SEED_DIR, tempDir } from './helpers.ts';

const COPY = 'Cilium Talks, second copy';
const tmp = tempDir('clashless-cli-key-scope-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'twice.db');

interface PlanRow {
  key: string;
  title: string;
  reminder: string | number | null;
}

async function run(...args: string[]) {
  return await runCli(['--db', db, ...args]);
}

/** Each conference's plan as key → reminder, read per conference. */
async function reminders(conference: string): Promise<Map<string, PlanRow['reminder']>> {
  const r = await run('plan', 'list', '--json', '--conference', conference);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout) as PlanRow[]).map((p) => [p.key, p.reminder]));
}

describe('a key in two conferences', () => {
  let key = '';

  beforeAll(async () => {
    const original = readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8');
    const copy = join(tmp.dir, 'copy.md');
    writeFileSync(copy, original.replace(`title: '${CILIUM}'`, `title: '${COPY}'`));
    expect((await run('import', join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'))).code).toBe(0);
    expect((await run('import', copy)).code).toBe(0);
    const conferences = JSON.parse((await run('conferences', '--json')).stdout) as { title: string }[];
    expect(conferences.map((c) => c.title).sort()).toEqual([CILIUM, COPY].sort());
    const sessions = JSON.parse((await run('sessions', '--json', '--conference', CILIUM)).stdout) as { key: string }[];
    key = sessions[0]!.key;
    expect((await run('plan', 'add', key, '--conference', CILIUM)).code).toBe(0);
    expect((await run('plan', 'add', key, '--conference', COPY)).code).toBe(0);
    expect((await reminders(CILIUM)).get(key)).toBeNull();
    expect((await reminders(COPY)).get(key)).toBeNull();
  });

  it('plan remind without --conference exits 1 naming the conflict and changes nothing', async () => {
    const r = await run('plan', 'remind', key, '--minutes', '5');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`clashless: “${key}” is in 2 conferences; say which with --conference ID|TITLE.\n`);
    expect((await reminders(CILIUM)).get(key)).toBeNull();
    expect((await reminders(COPY)).get(key)).toBeNull();
  });

  it('plan remind --conference changes only that conference’s item', async () => {
    const r = await run('plan', 'remind', key, '--minutes', '5', '--conference', COPY);
    expect(r).toEqual({ code: 0, stdout: '1 item now has a reminder 5 min before.\n', stderr: '' });
    expect((await reminders(COPY)).get(key)).toBe(5);
    expect((await reminders(CILIUM)).get(key)).toBeNull();
  });

  it('plan remove without --conference refuses; with it removes only that one', async () => {
    const refused = await run('plan', 'remove', key);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`clashless: “${key}” is in 2 conferences; say which with --conference ID|TITLE.\n`);
    expect((await reminders(CILIUM)).has(key)).toBe(true);
    expect((await reminders(COPY)).has(key)).toBe(true);

    const removed = await run('plan', 'remove', key, '--conference', CILIUM);
    expect(removed).toEqual({ code: 0, stdout: 'Removed 1 item from the plan.\n', stderr: '' });
    expect((await reminders(CILIUM)).has(key)).toBe(false);
    expect((await reminders(COPY)).get(key)).toBe(5);
    // Now the key is in one conference only, so it needs no --conference.
    expect((await run('plan', 'remind', key, '--minutes', '10')).code).toBe(0);
    expect((await reminders(COPY)).get(key)).toBe(10);
  });

  it('a key not in the named conference’s plan is not found there', async () => {
    const r = await run('plan', 'remind', key, '--minutes', '15', '--conference', CILIUM);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clashless: “[^”]+” is not in the plan of that conference\./);
    expect((await reminders(COPY)).get(key)).toBe(10);
  });
});
