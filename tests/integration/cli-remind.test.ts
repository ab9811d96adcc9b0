// `clashless plan remind`, run in-process: sets each item's own reminder, refuses other values
// and unknown keys with one line and exit 1 (changing nothing), is undone by `clashless undo`, and
// the exported .ics carries it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('clashless-cli-remind-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'remind.db');

/** The command in-process (see runCli) on this test's database. */
function clashless(...args: string[]) {
  return runCli(['--db', db, ...args]);
}

interface PlanRow {
  key: string;
  title: string;
  reminder: string | number | null;
}
const plan = async (): Promise<PlanRow[]> => JSON.parse((await clashless('plan', 'list', '--json')).stdout) as PlanRow[];

/** The unfolded VEVENT of one summary, from an .ics text. */
function vevent(ics: string, summary: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const found = unfolded.split('BEGIN:VEVENT').find((v) => v.includes(`\r\nSUMMARY:${summary}\r\n`));
  expect(found, summary).toBeDefined();
  return found!;
}

describe('clashless plan remind', () => {
  it('sets, refuses, undoes, and the export carries each item’s reminder', async () => {
    expect((await clashless('seed')).code).toBe(0);
    const sessions = JSON.parse((await clashless('sessions', '--json')).stdout) as { key: string; title: string }[];
    const [a, b, c] = sessions.filter((s) => /^[A-Za-z ,]+$/.test(s.title));
    expect((await clashless('plan', 'add', a!.key, b!.key, c!.key)).code).toBe(0);
    expect((await plan()).map((p) => p.reminder)).toEqual([null, null, null]);

    const set = await clashless('plan', 'remind', a!.key, b!.key, '--minutes', '15');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('2 items now have a reminder 15 min before.\n');
    expect((await clashless('plan', 'remind', c!.key, '--minutes', 'none')).code).toBe(0);
    const wanted = new Map<string, PlanRow['reminder']>([[a!.key, 15], [b!.key, 15], [c!.key, 'none']]);
    expect(new Map((await plan()).map((p) => [p.key, p.reminder]))).toEqual(wanted);

    for (const bad of ['7', '0', 'soon', '15m']) {
      const r = await clashless('plan', 'remind', a!.key, '--minutes', bad);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^clashless: --minutes must be none, 5, 10, 15, 30 or default \\(not “${bad}”\\)\\.\\n`));
    }
    expect((await clashless('plan', 'remind', a!.key)).stderr).toMatch(/^clashless: plan remind needs --minutes none\|5\|10\|15\|30\|default\./);
    const unknown = await clashless('plan', 'remind', a!.key, 'no-such-key', '--minutes', '5');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^clashless: “no-such-key” is not in the plan/);
    expect(new Map((await plan()).map((p) => [p.key, p.reminder]))).toEqual(wanted);

    const out = join(tmp.dir, 'agenda.ics');
    expect((await clashless('export', '--out', out, '--alarm', '10')).code).toBe(0);
    const ics = readFileSync(out, 'utf8');
    expect(vevent(ics, a!.title)).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:[^\r]+\r\nTRIGGER:-PT15M\r\nEND:VALARM/);
    expect(vevent(ics, c!.title)).not.toContain('BEGIN:VALARM');

    // Undo takes back the last reminder edit only; default hands an item back to --alarm.
    expect((await clashless('undo')).code).toBe(0);
    expect((await plan()).find((p) => p.key === c!.key)?.reminder).toBeNull();
    expect((await clashless('plan', 'remind', a!.key, '--minutes', 'default')).code).toBe(0);
    expect((await clashless('export', '--out', out, '--alarm', '10')).code).toBe(0);
    const again = readFileSync(out, 'utf8');
    expect(vevent(again, a!.title)).toContain('TRIGGER:-PT10M');
    expect(vevent(again, b!.title)).toContain('TRIGGER:-PT15M');
    expect(vevent(again, c!.title)).toContain('TRIGGER:-PT10M');
  });
});
