// `clashless plan mark` and `clashless report`, in-process through run() on a real database: marks
// and ratings by key as one undoable step each, one-line refusals that change nothing, and the
// "my conference" report written to a file with the recordings the FOSDEM schedule links. One case
// runs the real command as a child process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/main.ts';
import { cli, ROOT, tempDir } from './helpers.ts';

const tmp = tempDir('clashless-cli-after-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'after.db');
const FOSDEM = join(ROOT, 'tests/fixtures/peer/frab-xml/fosdem_2021.xml');
const WELCOME = 'fosdem-2021:11795';
const OTHER = 'fosdem-2021:11164';

async function clashless(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: () => null };
  const code = await run(['--db', db, ...args], io);
  return { code, stdout, stderr };
}

async function marks(): Promise<Record<string, [string | null, number | null]>> {
  const plan = JSON.parse((await clashless('plan', 'list', '--json')).stdout) as { key: string; outcome: string | null; rating: number | null }[];
  return Object.fromEntries(plan.map((p) => [p.key, [p.outcome, p.rating]]));
}

describe('clashless plan mark and report', () => {
  it('marks, rates, refuses, undoes and writes the report', async () => {
    expect((await clashless('import', FOSDEM, '--tz', 'Europe/Brussels')).code).toBe(0);
    expect((await clashless('plan', 'add', WELCOME, OTHER)).code).toBe(0);

    expect(await clashless('plan', 'mark', WELCOME, 'attended', '--rating', '5')).toEqual({
      code: 0,
      stdout: '1 item is now marked attended, rated 5/5.\n',
      stderr: ''
    });
    expect((await clashless('plan', 'mark', OTHER, 'missed')).stdout).toBe('1 item is now marked missed.\n');
    const before = await marks();
    expect(before).toEqual({ [WELCOME]: ['attended', 5], [OTHER]: ['missed', null] });

    for (const [args, message] of [
      [[WELCOME, '--rating', '6'], /^clashless: --rating must be a whole number from 1 to 5, or none \(not “6”\)\.\n/],
      [[WELCOME], /^clashless: plan mark needs attended, missed or clear after the keys, or --rating 1-5\|none\.\n/],
      [['attended'], /^clashless: plan mark needs at least one KEY/],
      [['no-such-key', 'missed'], /^clashless: “no-such-key” is not in the plan\. See it with: clashless plan list\n$/]
    ] as const) {
      const r = await clashless('plan', 'mark', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(await marks()).toEqual(before);

    expect((await clashless('plan', 'mark', OTHER, 'clear')).stdout).toBe('1 item is now not marked.\n');
    expect((await clashless('undo')).code).toBe(0);
    expect(await marks()).toEqual(before);

    const out = join(tmp.dir, 'my-fosdem.md');
    const written = await clashless('report', '--out', out);
    expect(written).toEqual({ code: 0, stdout: `Wrote the report on 2 planned sessions to ${out}.\n`, stderr: '' });
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# My conference: FOSDEM 2021');
    expect(md).toContain('Welcome to FOSDEM 2021');
    expect(md).toContain('— 5/5 ★★★★★\n  - Recording: <https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4>');
    expect(md).toContain('  - Recording: <https://video.fosdem.org/2021/M.community/fuss_remote_access.mp4>');

    const bad = await clashless('report', '--out', out, '--format', 'ics');
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/^clashless: --format must be md or html for a report \(not “ics”\)\.\n/) as unknown });
    expect((await clashless('report')).stderr).toMatch(/^clashless: report needs --out FILE\.\n/);
  });

  it('writes the HTML report as a child process, as a script would', () => {
    const out = join(tmp.dir, 'my-fosdem.html');
    const r = cli(['--db', db, 'report', '--out', out, '--format', 'html', '--conference', 'FOSDEM']);
    expect(r).toEqual({ code: 0, stdout: `Wrote the report on 2 planned sessions to ${out}.\n`, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>My conference: FOSDEM 2021</h1>');
    expect(html).toContain('<a href="https://video.fosdem.org/2021/M.community/fuss_remote_access.mp4">');
  });
});
