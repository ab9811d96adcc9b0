// `resolve --all-by-priority` and `travel list|set`: the real command as a child process over a real
// temporary database, checked through the plan, the clashes and the database rows themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/backend.ts';
import { CILIUM, runCli, KUBECON, SEED_DIR, tempDir } from './helpers.ts';

const L1 = 'Salt Palace | Level 1 | 155 EF';
const L2 = 'Salt Palace | Level 2 | 255 EF';
// Friday at KubeCon: "Testing Kubernetes Without Kubernetes" ends at 14:35 in 155 EF, and "How GoTo
// Financial…" starts at 14:55 in 255 EF, one floor up: a 20-minute gap.
const TESTING = 'h-c57beaedd8e6027c';
const GOTO = 'h-ecfb910f458e320f';

const tmp = tempDir('clashless-cli-resolve-');
afterAll(() => tmp.cleanup());

interface PlanJson {
  key: string;
  title: string;
  state: string;
  priority: number;
}
interface ClashJson {
  a: { key: string };
  b: { key: string };
  kind: string;
  minutes: number;
}

async function run(db: string, ...args: string[]) {
  return await runCli(['--db', db, ...args]);
}

async function json<T>(db: string, ...args: string[]): Promise<T> {
  const r = await run(db, ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** Every row of every table, read straight from the file (not through the code under test). */
function allRows(db: string): Record<string, string[]> {
  const conn = new Database(db, { readonly: true });
  try {
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    // Some tables have no rowid; the rows are compared as a sorted list instead.
    const rows = (name: string) => conn.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort();
    return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
  } finally {
    conn.close();
  }
}

describe('clashless resolve --all-by-priority', () => {
  const db = join(tmp.dir, 'resolve.db');

  beforeAll(async () => {
    expect((await run(db, 'seed')).code).toBe(0);
    expect((await run(db, 'plan', 'add', '--all')).code).toBe(0);
  });

  it('needs one conference and the flag; each refusal exits 1 and changes nothing', async () => {
    const before = allRows(db);
    const several = await run(db, 'resolve', '--all-by-priority');
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/^clashless: resolve works on one conference; name it with --conference ID\|TITLE: /);
    expect(several.stderr).toContain(`“${KUBECON}” (id `);
    expect(several.stderr).toContain(`“${CILIUM}” (id `);
    const bare = await run(db, 'resolve', '--conference', 'cilium');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^clashless: resolve needs --all-by-priority/);
    const unknown = await run(db, 'resolve', '--all-by-priority', '--conference', 'Nordic Rust Days');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^clashless: No conference has the id or title “Nordic Rust Days”\. The conferences are /);
    expect(allRows(db)).toEqual(before);
  });

  it('--dry-run prints what would change and leaves the file byte for byte as it was', async () => {
    const clashes = await json<ClashJson[]>(db, 'clashes', '--json', '--conference', 'cilium');
    expect(clashes.length).toBeGreaterThan(0);
    const rows = allRows(db);
    const bytes = readFileSync(db);
    const preview = await json<{ applied: boolean; keep: PlanJson[]; toBackup: PlanJson[]; totalPriority: number }>(
      db,
      'resolve',
      '--all-by-priority',
      '--dry-run',
      '--json',
      '--conference',
      'cilium'
    );
    expect(preview.applied).toBe(false);
    expect(preview.toBackup.length).toBeGreaterThan(0);
    // Every clash has at least one side in the backup list.
    const moving = new Set(preview.toBackup.map((p) => p.key));
    for (const c of clashes) expect(moving.has(c.a.key) || moving.has(c.b.key)).toBe(true);
    expect(preview.totalPriority).toBe(preview.keep.reduce((sum, p) => sum + p.priority, 0));

    const text = await run(db, 'resolve', '--all-by-priority', '--dry-run', '--conference', CILIUM);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `Resolving by priority would move ${preview.toBackup.length} item${preview.toBackup.length === 1 ? '' : 's'} to backup in “${CILIUM}”, ` +
        `keeping ${preview.keep.length} going (total priority ${preview.totalPriority}):`
    );
    expect(lines.slice(1, -1).map((l) => l.split('\t').pop())).toEqual(preview.toBackup.map((p) => p.title));
    expect(lines.at(-1)).toBe('Nothing was changed (--dry-run).');

    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(allRows(db)).toEqual(rows);
    expect(await json<ClashJson[]>(db, 'clashes', '--json', '--conference', 'cilium')).toEqual(clashes);
  });

  it('applies as one undoable step: the clashes are gone, undo brings the plan back exactly, redo again', async () => {
    const planBefore = await json<PlanJson[]>(db, 'plan', 'list', '--json');
    const preview = await json<{ toBackup: PlanJson[] }>(db, 'resolve', '--all-by-priority', '--dry-run', '--json', '--conference', 'cilium');
    const r = await run(db, 'resolve', '--all-by-priority', '--conference', 'cilium');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Moved ${preview.toBackup.length} items? to backup in “${CILIUM}”, keeping \\d+ going \\(total priority \\d+\\)\\. Undo with: clashless undo\\n`));
    expect(await json<ClashJson[]>(db, 'clashes', '--json', '--conference', 'cilium')).toEqual([]);
    const planAfter = await json<PlanJson[]>(db, 'plan', 'list', '--json');
    const moved = new Set(preview.toBackup.map((p) => p.key));
    for (const p of planAfter) {
      const was = planBefore.find((q) => q.key === p.key)!;
      expect(p.state).toBe(moved.has(p.key) ? 'backup' : was.state);
    }
    // KubeCon's own clash was not touched: resolve kept to the conference named.
    expect(await json<ClashJson[]>(db, 'clashes', '--json', '--conference', KUBECON)).toHaveLength(1);

    expect((await run(db, 'undo')).stdout).toMatch(/^Undid: resolve all clashes by priority \(\d+ to backup\)\.\n$/);
    expect(await json<PlanJson[]>(db, 'plan', 'list', '--json')).toEqual(planBefore);
    expect((await run(db, 'redo')).code).toBe(0);
    expect(await json<PlanJson[]>(db, 'plan', 'list', '--json')).toEqual(planAfter);

    const again = await run(db, 'resolve', '--all-by-priority', '--conference', 'cilium');
    expect(again.stdout).toBe(`No clashes to resolve in “${CILIUM}”: nothing was changed.\n`);
    expect((await run(db, 'undo')).stdout).toMatch(/^Undid: resolve all clashes by priority/);
  });
});

describe('clashless travel', () => {
  const db = join(tmp.dir, 'travel.db');

  beforeAll(async () => {
    expect((await run(db, 'seed')).code).toBe(0);
    expect((await run(db, 'plan', 'add', TESTING, GOTO)).code).toBe(0);
  });

  it('travel set changes the walk the clashes use, and travel list shows it', async () => {
    expect(await json<ClashJson[]>(db, 'clashes', '--json')).toEqual([]);
    const defaults = await json<{ from: string; to: string; minutes: number; custom: boolean }[]>(db, 'travel', 'list', '--json', '--conference', 'north america');
    expect(defaults).toEqual([{ from: L1, to: L2, minutes: expect.any(Number), custom: false }]);
    expect(defaults[0]!.minutes).toBeLessThanOrEqual(20);

    // Places are matched in any case and spacing, and stored under the schedule's own spelling.
    const set = await run(db, 'travel', 'set', 'salt palace|level 2|255 ef', ' Salt Palace | Level 1 | 155 EF ', '30', '--conference', KUBECON);
    expect(set).toEqual({ code: 0, stdout: `Walking time in “${KUBECON}”: ${L2} ↔ ${L1} is now 30 min.\n`, stderr: '' });
    expect(await await json(db, 'travel', 'list', '--json', '--conference', KUBECON)).toEqual([{ from: L1, to: L2, minutes: 30, custom: true }]);
    expect((await run(db, 'travel', 'list', '--conference', KUBECON)).stdout).toBe(`30 min\t${L1} ↔ ${L2}\tset by you\n`);
    expect(await json<ClashJson[]>(db, 'clashes', '--json')).toEqual([
      { a: expect.objectContaining({ key: TESTING }), b: expect.objectContaining({ key: GOTO }), kind: 'transfer', minutes: 10 }
    ]);

    expect((await run(db, 'travel', 'set', L1, L2, '20', '--conference', String((await json<{ id: number; title: string }[]>(db, 'conferences', '--json')).find((c) => c.title === KUBECON)!.id))).code).toBe(0);
    expect(await json<ClashJson[]>(db, 'clashes', '--json')).toEqual([]);
  });

  it('bad minutes, unknown places and a missing conference exit 1 with the reason and change nothing', async () => {
    const before = allRows(db);
    const cases: [string[], RegExp][] = [
      [[L1, L2, '-5'], /^clashless: Walking time “-5”: Enter whole minutes, like 10\.\n/],
      [[L1, L2, 'ten'], /^clashless: Walking time “ten”: Enter whole minutes, like 10\.\n/],
      [[L1, L2, '7.5'], /^clashless: Walking time “7\.5”: Enter whole minutes, like 10\.\n/],
      [[L1, L2, '1441'], /^clashless: Walking time “1441”: At most 1440 minutes \(a day\)\.\n/],
      [[L1, '12'], /^clashless: travel set takes two places and the minutes/],
      [[L1, L1, '5'], /^clashless: “Salt Palace \| Level 1 \| 155 EF” is the same place twice/],
      [
        ['Salt Palace | Level 3 | 355', L2, '5'],
        new RegExp(`^clashless: No session of “${KUBECON.replace('+', '\\+')}” is at “Salt Palace \\| Level 3 \\| 355”\\. Its places are “${L1.replaceAll('|', '\\|')}”, “${L2.replaceAll('|', '\\|')}”\\.\\n$`)
      ]
    ];
    for (const [words, message] of cases) {
      const r = await run(db, 'travel', 'set', ...words, '--conference', KUBECON);
      expect(r.code, words.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const noConference = await run(db, 'travel', 'set', L1, L2, '5');
    expect(noConference.code).toBe(1);
    expect(noConference.stderr).toMatch(/^clashless: travel set works on one conference; name it with --conference ID\|TITLE: /);
    expect(allRows(db)).toEqual(before);
  });
});

describe('clashless resolve --all-by-priority with the person’s own blocks clashing', () => {
  it('says the blocks still clash, in text and JSON, and leaves them as they are', async () => {
    const db = join(tmp.dir, 'blocks.db');
    expect((await run(db, 'seed')).code).toBe(0);
    // Two overlapping blocks on Friday morning, written through the services the app uses.
    const host = openBackend({ dbPath: db, seedDir: SEED_DIR, seedOnFirstRun: false });
    try {
      const kubecon = (await host.api['conference.list']({})).find((c) => c.title === KUBECON)!;
      const at = (iso: string) => Date.parse(iso);
      await host.api['block.create']({ conferenceId: kubecon.id, title: 'Breakfast meeting', start: at('2024-11-15T15:00:00Z'), end: at('2024-11-15T16:00:00Z') });
      await host.api['block.create']({ conferenceId: kubecon.id, title: 'Call home', start: at('2024-11-15T15:30:00Z'), end: at('2024-11-15T16:30:00Z') });
    } finally {
      host.close();
    }
    const preview = await json<{ unresolved: number; toBackup: PlanJson[] }>(db, 'resolve', '--all-by-priority', '--dry-run', '--json', '--conference', KUBECON);
    expect(preview).toMatchObject({ unresolved: 1, toBackup: [] });
    const text = await run(db, 'resolve', '--all-by-priority', '--conference', KUBECON);
    expect(text).toEqual({
      code: 0,
      stdout: `Nothing to move to backup in “${KUBECON}”: nothing was changed.\n2 of your own blocks still clash; Resolve leaves them to you.\n`,
      stderr: ''
    });
    expect((await json<ClashJson[]>(db, 'clashes', '--json', '--conference', KUBECON)).map((c) => c.kind)).toEqual(['overlap']);
  });
});
