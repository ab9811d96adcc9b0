// `conferences`, `--conference ID|TITLE`, `changes` and `export --format html`: the real command as a
// child process over a real temporary database holding the two sample schedules.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/main/export/print-html.ts';
import { CILIUM, runCli, KUBECON, ROOT, tempDir } from './helpers.ts';

const KUBECON_FILE = join(ROOT, 'seed', 'kubecon-na-2024-connectivity.sched.txt');

const tmp = tempDir('clashless-cli-scope-');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'scope.db');

interface ConferenceJson {
  id: number;
  title: string;
  sessionCount: number;
}
interface SessionJson {
  key: string;
  title: string;
}

async function json<T>(args: string[]): Promise<T> {
  const r = await runCli(['--db', db, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

let kubecon: ConferenceJson;
let cilium: ConferenceJson;

beforeAll(async () => {
  expect((await runCli(['--db', db, 'seed'])).code).toBe(0);
  const conferences = await json<ConferenceJson[]>(['conferences', '--json']);
  kubecon = conferences.find((c) => c.title === KUBECON)!;
  cilium = conferences.find((c) => c.title === CILIUM)!;
  expect([kubecon?.sessionCount, cilium?.sessionCount]).toEqual([18, 25]);
});

describe('clashless conferences', () => {
  it('prints what conference list prints, as text and as JSON', async () => {
    for (const json of [[], ['--json']]) {
      const plural = await runCli(['--db', db, 'conferences', ...json]);
      expect(plural.code).toBe(0);
      expect(plural.stdout).toBe((await runCli(['--db', db, 'conference', 'list', ...json])).stdout);
    }
    expect((await runCli(['--db', db, 'conferences'])).stdout).toContain(`${kubecon.id}\t${KUBECON}\t18 sessions\t2024-11-13 to 2024-11-15\n`);
    const extra = await runCli(['--db', db, 'conferences', 'extra']);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toMatch(/^clashless: conferences takes no arguments\./);
  });
});

describe('--conference ID|TITLE', () => {
  it('limits sessions to one conference, named by id, whole title in any case, or a unique piece', async () => {
    const all = await json<SessionJson[]>(['sessions', '--json']);
    const byId = await json<SessionJson[]>(['sessions', '--json', '--conference', String(kubecon.id)]);
    const byTitle = await json<SessionJson[]>(['sessions', '--json', '--conference', KUBECON.toUpperCase()]);
    const byPiece = await json<SessionJson[]>(['sessions', '--json', '--conference=cilium']);
    expect(byId).toHaveLength(18);
    expect(byTitle).toEqual(byId);
    expect(byPiece).toHaveLength(25);
    expect([...byId, ...byPiece].map((s) => s.key).sort()).toEqual(all.map((s) => s.key).sort());
    const text = await runCli(['--db', db, 'sessions', '--conference', 'cilium', '--search', 'gateway']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toBe('');
    for (const line of text.stdout.trim().split('\n')) expect(byPiece.map((s) => s.key)).toContain(line.split('\t')[0]);
  });

  it('an unknown name exits 1 naming what was given and the conferences there are, for every command', async () => {
    const out = join(tmp.dir, 'never.ics');
    for (const command of [['sessions'], ['plan', 'list'], ['plan', 'add', '--all'], ['clashes'], ['export', '--out', out], ['changes']]) {
      const r = await runCli(['--db', db, ...command, '--conference', 'Nordic Rust Days']);
      expect(r.code, command.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `clashless: No conference has the id or title “Nordic Rust Days”. The conferences are “${KUBECON}” (id ${kubecon.id}), “${CILIUM}” (id ${cilium.id}).\n`
      );
    }
    expect(existsSync(out)).toBe(false);
    expect(await json<unknown[]>(['plan', 'list', '--json'])).toEqual([]);
  });

  it('an ambiguous piece of a title exits 1 listing the conferences it matches; a year is never a piece', async () => {
    const r = await runCli(['--db', db, 'clashes', '--conference', 'KubeCon']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `clashless: “KubeCon” matches 2 conferences: “${KUBECON}” (id ${kubecon.id}), “${CILIUM}” (id ${cilium.id}). Give the id or the whole title.\n`
    );
    expect((await runCli(['--db', db, 'sessions', '--conference', '2024'])).code).toBe(1);
    const empty = await runCli(['--db', db, 'sessions', '--conference']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^clashless: --conference needs a value\.\n/);
    const wrong = await runCli(['--db', db, 'seed', '--conference', 'cilium']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^clashless: --conference does not apply to “seed”\./);
  });

  it('plan add --all, plan list, clashes and export each keep to the conference named', async () => {
    const r = await runCli(['--db', db, 'plan', 'add', '--all', '--conference', KUBECON]);
    expect(r).toMatchObject({ code: 0, stdout: 'Planned 18 sessions as going.\n' });
    const kubeconKeys = (await json<SessionJson[]>(['sessions', '--json', '--conference', String(kubecon.id)])).map((s) => s.key).sort();
    const plan = await json<{ key: string; title: string }[]>(['plan', 'list', '--json']);
    expect(plan.map((p) => p.key).sort()).toEqual(kubeconKeys);
    expect(await json<unknown[]>(['plan', 'list', '--json', '--conference', 'cilium'])).toEqual([]);
    expect((await runCli(['--db', db, 'plan', 'list', '--conference', 'cilium'])).stdout).toBe('');

    // The Friday double booking is KubeCon's; Cilium's plan is empty, so it has none.
    const clashes = await json<{ kind: string; minutes: number }[]>(['clashes', '--json', '--conference', String(kubecon.id)]);
    expect(clashes).toEqual([expect.objectContaining({ kind: 'overlap', minutes: 35 })]);
    expect(await json<unknown[]>(['clashes', '--json', '--conference', 'cilium'])).toEqual([]);
    expect((await runCli(['--db', db, 'clashes', '--conference', 'cilium'])).stdout).toBe('No clashes.\n');

    expect((await runCli(['--db', db, 'plan', 'add', '--all', '--conference', 'cilium', '--state', 'maybe'])).stdout).toBe('Planned 25 sessions as maybe.\n');
    const md = join(tmp.dir, 'kubecon.md');
    expect((await runCli(['--db', db, 'export', '--format', 'md', '--out', md, '--conference', String(kubecon.id)])).stdout).toBe(`Exported 18 items to ${md}.\n`);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('All Your Routes Are Ready, More or Less');
    expect(text).not.toContain('Cilium Talks at KubeCon NA 2023');
  });

  it('a key in both conferences is planned once --conference says which', async () => {
    // Import the KubeCon page again under another title: the same content keys, in a second conference.
    const copy = readFileSync(KUBECON_FILE, 'utf8').replace(KUBECON, 'KubeCon Rerun 2024');
    expect(copy).not.toBe(readFileSync(KUBECON_FILE, 'utf8'));
    const other = join(tmp.dir, 'rerun.db');
    expect((await runCli(['--db', other, 'seed'])).code).toBe(0);
    expect((await runCli(['--db', other, 'import', '-', '--tz', 'America/Denver'], copy)).code).toBe(0);
    const both = await runCli(['--db', other, 'plan', 'add', 'h-dd679e9bac7cb13e']);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('clashless: The key “h-dd679e9bac7cb13e” is in 2 conferences; say which with --conference ID|TITLE.\n');
    expect((await runCli(['--db', other, 'plan', 'add', 'h-dd679e9bac7cb13e', '--conference', 'rerun'])).stdout).toBe('Planned 1 session as going.\n');
    expect((await runCli(['--db', other, 'plan', 'list', '--conference', 'rerun', '--json'])).stdout).toContain('"h-dd679e9bac7cb13e"');
    expect(JSON.parse((await runCli(['--db', other, 'plan', 'list', '--conference', KUBECON, '--json'])).stdout)).toEqual([]);
  });
});

describe('clashless export --format html', () => {
  it('writes the printable agenda with every planned title of the conference, escaped', async () => {
    const out = join(tmp.dir, 'agenda.html');
    const r = await runCli(['--db', db, 'export', '--format', 'html', '--out', out, '--conference', String(kubecon.id)]);
    expect(r).toEqual({ code: 0, stdout: `Exported 18 items to ${out}.\n`, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    const planned = await json<{ title: string }[]>(['plan', 'list', '--json', '--conference', String(kubecon.id)]);
    expect(planned).toHaveLength(18);
    for (const p of planned) expect(html).toContain(escapeHtml(p.title));
    const cilium = await json<{ title: string }[]>(['plan', 'list', '--json', '--conference', 'cilium']);
    expect(html).not.toContain(escapeHtml(cilium[0]!.title));
    const bad = await runCli(['--db', db, 'export', '--format', 'pdf', '--out', join(tmp.dir, 'agenda.pdf')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^clashless: --format must be ics, md, csv or html \(not “pdf”\)\.\n/);
  });
});

describe('clashless changes', () => {
  it('says nothing changed yet, then lists what a re-import moved, as the panel does', async () => {
    expect((await runCli(['--db', db, 'changes', '--conference', 'cilium'])).stdout).toBe(
      `${CILIUM}: nothing yet. When you import this schedule again, its changes show here.\n`
    );
    const moved = readFileSync(KUBECON_FILE, 'utf8').replaceAll(
      'Wednesday November 13, 2024 11:15am - 11:50am MST',
      'Wednesday November 13, 2024 11:30am - 12:05pm MST'
    );
    expect((await runCli(['--db', db, 'import', '-'], moved)).code).toBe(0);
    const report = await json<{ conference: { id: number; title: string }; importedAt: string | null; changes: unknown[] }[]>(['changes', '--json']);
    expect(report.map((r) => r.conference.title).sort()).toEqual([CILIUM, KUBECON].sort());
    const kc = report.find((r) => r.conference.id === kubecon.id)!;
    expect(kc.changes).toEqual([
      {
        key: 'h-dd679e9bac7cb13e',
        title: 'All Your Routes Are Ready, More or Less',
        kind: 'moved',
        detail: 'Wed 2024-11-13 11:15–11:50 → Wed 2024-11-13 11:30–12:05',
        planned: true
      }
    ]);
    expect(Date.parse(kc.importedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(report.find((r) => r.conference.id === cilium.id)).toMatchObject({ importedAt: null, changes: [] });

    const text = await runCli(['--db', db, 'changes', '--conference', KUBECON.toLowerCase()]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${KUBECON.replace(/[+]/g, '\\+')}: last import \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · 1 change touches your plan$`));
    expect(lines.slice(1)).toEqual([
      '  moved (in your plan): All Your Routes Are Ready, More or Less — Wed 2024-11-13 11:15–11:50 → Wed 2024-11-13 11:30–12:05',
      ''
    ]);
  });
});
