// `clashless week --from DATE`: what is planned across every conference of those days, each item in
// its own conference's zone, and the clashes among them, across conferences too. In-process through
// run(argv, io) over a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/main.ts';
import { KUBECON_TALK, SHIFTED_CILIUM_TITLE, SHIFTED_TALK, shiftedCiliumSeed } from '../fixtures/shifted-seed.ts';
import { KUBECON, tempServices } from './helpers.ts';

const hosts: ReturnType<typeof tempServices>[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: () => null,
    stdout: () => out,
    stderr: () => err
  };
}

async function weekDatabase(): Promise<string> {
  const host = tempServices({ seeded: true });
  hosts.push(host);
  await host.api['import.commit']({ text: shiftedCiliumSeed(), fileName: 'cilium-2024.md' });
  const sessions = await host.api['session.list']({ limit: 100_000 });
  const year2024 = Date.UTC(2024, 0, 1);
  const pick = (title: string) => sessions.filter((s) => s.title === title && s.start > year2024).map((s) => s.id);
  const planned = [...pick(KUBECON_TALK), ...pick(SHIFTED_TALK)];
  expect(planned).toHaveLength(2);
  await host.api['plan.add']({ sessionIds: planned });
  // The 2023 original of the same talk is planned too: another week, so never part of this one.
  const original = sessions.find((s) => s.title === SHIFTED_TALK && s.start < year2024);
  await host.api['plan.add']({ sessionIds: [original!.id] });
  return host.dbPath;
}

describe('clashless week', () => {
  it('lists both conferences of the week, day by day in each one’s zone, with the clash across them', async () => {
    const db = await weekDatabase();
    const io = capture();
    expect(await run(['--db', db, 'week', '--from', '2024-11-11'], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('My week 2024-11-11 – 2024-11-17: 2 conferences, 2 planned items.');
    expect(text).toContain(`${KUBECON} (2024-11-13 – 2024-11-15, times in America/Denver)`);
    expect(text).toContain(`${SHIFTED_CILIUM_TITLE} (2024-11-11 – 2024-11-14, times in America/Chicago)`);
    expect(text).toMatch(/\n2024-11-13\n {2}15:25–16:00 \[\d\] Extending the Gateway API[^\n]*\n {2}16:30–17:05 \[\d\] Turning up Performance to 11/);
    expect(text).toMatch(/1 clash:\n {2}overlap 30 min \(across conferences\): \[\d\] Extending the Gateway API.* ↔ \[\d\] Turning up Performance/);
    expect(text).not.toContain('2023');
    expect(io.stderr()).toBe('');
  });

  it('writes the same week as JSON', async () => {
    const db = await weekDatabase();
    const io = capture();
    expect(await run(['--db', db, 'week', '--from', '2024-11-13', '--days', '1', '--json'], io)).toBe(0);
    const week = JSON.parse(io.stdout());
    expect(week.from).toBe('2024-11-13');
    expect(week.to).toBe('2024-11-13');
    expect(week.conferences.map((c: { title: string }) => c.title).sort()).toEqual([SHIFTED_CILIUM_TITLE, KUBECON].sort());
    expect(week.days).toHaveLength(1);
    expect(week.days[0].items.map((i: { title: string; local: string; timeZone: string }) => [i.local, i.timeZone, i.title])).toEqual([
      ['15:25–16:00', 'America/Denver', KUBECON_TALK],
      ['16:30–17:05', 'America/Chicago', SHIFTED_TALK]
    ]);
    expect(week.clashes).toHaveLength(1);
    expect(week.clashes[0]).toMatchObject({ kind: 'overlap', minutes: 30, acrossConferences: true, a: { title: KUBECON_TALK }, b: { title: SHIFTED_TALK } });
  });

  it('says a week with nothing planned has no conferences and no clashes', async () => {
    const db = await weekDatabase();
    const io = capture();
    expect(await run(['--db', db, 'week', '--from', '2030-01-01'], io)).toBe(0);
    expect(io.stdout()).toBe('My week 2030-01-01 – 2030-01-07: 0 conferences, 0 planned items.\n\nNo clashes.\n');
  });

  it('refuses a missing or impossible date and a bad number of days with one line and exit 1', async () => {
    const db = await weekDatabase();
    for (const [argv, message] of [
      [['week'], 'week needs --from YYYY-MM-DD'],
      [['week', '--from', '2024-02-30'], '--from needs a date written YYYY-MM-DD, like 2024-11-13, not “2024-02-30”.'],
      [['week', '--from', '13/11/2024'], 'not “13/11/2024”'],
      [['week', '--from', '2024-11-11', '--days', '0'], '--days needs a whole number of days from 1 to 31, not “0”.'],
      [['week', '--from', '2024-11-11', '--conference', '1'], '--conference does not apply to “week”.']
    ] as const) {
      const io = capture();
      expect(await run(['--db', db, ...argv], io)).toBe(1);
      expect(io.stderr()).toContain(message);
      expect(io.stderr().trim().split('\n')).toHaveLength(2);
      expect(io.stdout()).toBe('');
    }
  });
});
