// Lost updates between processes: the app and the CLI (or two hosts) write the same SQLite file. Two
// real child processes edit the same plan item through the real services, each changing only its own
// fields, interleaved by the OS. At the end each field must hold its writer's last value, and the
// undo history (one entry per committed edit, in commit order) must show that no commit wrote back a
// stale copy of the other writer's field: each such commit is an edit that was lost.
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanRow } from '../../src/main/store/plan.ts';
import { ROOT, tempServices } from '../integration/helpers.ts';

const EDITS = Number(process.env.CONCURRENT_EDITS ?? 200);
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ edits: number; last: Record<string, unknown> }>;
}

function startWriter(dbPath: string, role: string, itemId: number, count: number): Writer {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(ROOT, 'tests', 'fixtures', 'concurrent-writer.ts'), dbPath, role, String(itemId), String(count)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
  );
  let out = '';
  let err = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<{ edits: number; last: Record<string, unknown> }>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`writer ${role} exited with ${code}: ${err || out}`));
    });
  });
  // A writer that dies before "ready" must fail the test, not hang it.
  result.catch(() => markReady());
  return { child, ready, result };
}

type Entry = { before: PlanRow; after: PlanRow };

/**
 * The item's history entries in commit order, as (before, after) rows. The history keeps the newest
 * 500 entries, so a long race reads it as it goes: pass the same map again to add what is new.
 */
function ledger(dbPath: string, itemId: number, seen = new Map<number, Entry | null>()): Entry[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const since = Math.max(0, ...seen.keys());
    const rows = db.prepare('SELECT id, before, after FROM history WHERE id > ? ORDER BY id').all(since) as { id: number; before: string; after: string }[];
    for (const r of rows) {
      const b = JSON.parse(r.before) as { ids?: number[]; rows?: (PlanRow | null)[] };
      const a = JSON.parse(r.after) as { ids?: number[]; rows?: (PlanRow | null)[] };
      const i = b.ids?.indexOf(itemId) ?? -1;
      const before = i >= 0 ? b.rows?.[i] : null;
      const after = i >= 0 ? a.rows?.[i] : null;
      seen.set(r.id, before && after ? { before, after } : null);
    }
  } finally {
    db.close();
  }
  return [...seen.entries()].sort(([x], [y]) => x - y).flatMap(([, e]) => (e ? [e] : []));
}

/**
 * Commits that changed fields of both writers. Each writer changes only its own fields, so a commit
 * that also changed the other's fields wrote back a stale copy: it undid (lost) the other's edit.
 */
function lostEdits(entries: Entry[], a: (keyof PlanRow)[], b: (keyof PlanRow)[]): number {
  const changed = (e: Entry, keys: (keyof PlanRow)[]) => keys.some((k) => e.before[k] !== e.after[k]);
  return entries.filter((e) => changed(e, a) && changed(e, b)).length;
}

function row(dbPath: string, itemId: number): PlanRow {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT * FROM plan_item WHERE id = ?').get(itemId) as PlanRow;
  } finally {
    db.close();
  }
}

async function seededWithOnePlannedSession(): Promise<{ dbPath: string; itemId: number; blockId: number; key: string }> {
  const host = tempServices({ seeded: true });
  cleanups.push(host.cleanup);
  const [conf] = await host.api['conference.list']({});
  const [session] = await host.api['session.list']({ conferenceId: conf!.id });
  const item = (await host.api['plan.add']({ sessionIds: [session!.id] })).items[0]!;
  const start = Date.UTC(2024, 10, 13, 19, 0);
  const block = (await host.api['block.create']({ conferenceId: conf!.id, title: 'Lunch', start, end: start + 3_600_000 })).items[0]!;
  host.close();
  return { dbPath: host.dbPath, itemId: item.id, blockId: block.id, key: session!.key };
}

async function race(dbPath: string, itemId: number, roles: [string, string]): Promise<{ edits: number; last: Record<string, unknown> }[]> {
  const writers = roles.map((role) => startWriter(dbPath, role, itemId, EDITS));
  await Promise.all(writers.map((w) => w.ready));
  for (const w of writers) w.child.stdin.write('go\n');
  return Promise.all(writers.map((w) => w.result));
}

describe('two processes editing the same plan item', () => {
  it(`keeps all ${EDITS} note edits and all ${EDITS} priority/state edits`, async () => {
    const { dbPath, itemId } = await seededWithOnePlannedSession();
    const [notes, priorities] = await race(dbPath, itemId, ['note', 'priority']);
    expect(notes!.edits).toBe(EDITS);
    expect(priorities!.edits).toBe(EDITS);

    const entries = ledger(dbPath, itemId);
    const noteEdits = entries.filter((e) => e.before.note !== e.after.note).length;
    const lost = lostEdits(entries, ['note'], ['priority', 'state']);
    expect({ lost, recorded: entries.length, noteEdits }).toEqual({ lost: 0, recorded: 2 * EDITS, noteEdits: EDITS });
    const final = row(dbPath, itemId);
    expect({ note: final.note, priority: final.priority, state: final.state }).toEqual({ ...notes!.last, ...priorities!.last });
  });

  it(`keeps all ${EDITS} title edits and all ${EDITS} place edits of a personal block`, async () => {
    const { dbPath, blockId } = await seededWithOnePlannedSession();
    const [titles, places] = await race(dbPath, blockId, ['title', 'place']);
    const entries = ledger(dbPath, blockId);
    const lost = lostEdits(entries, ['title'], ['place']);
    expect({ lost, recorded: entries.length }).toEqual({ lost: 0, recorded: 2 * EDITS });
    const final = row(dbPath, blockId);
    expect({ title: final.title, place: final.place }).toEqual({ ...titles!.last, ...places!.last });
  });

  it('keeps `clashless plan add --state` from the CLI while the app saves notes', async () => {
    const { dbPath, itemId, key } = await seededWithOnePlannedSession();
    const notes = startWriter(dbPath, 'note', itemId, 0); // edits until "stop"
    const seen = new Map<number, Entry | null>();
    await notes.ready;
    notes.child.stdin.write('go\n');
    const states = ['maybe', 'backup', 'going'] as const;
    const runs = 9;
    let lastState = '';
    for (let i = 0; i < runs; i++) {
      lastState = states[i % 3]!;
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clashless.js'), '--db', dbPath, 'plan', 'add', key, '--state', lastState], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' }
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      ledger(dbPath, itemId, seen);
    }
    notes.child.stdin.write('stop\n');
    const noteResult = await notes.result;
    expect(noteResult.edits).toBeGreaterThan(runs);

    const entries = ledger(dbPath, itemId, seen);
    const lost = lostEdits(entries, ['note'], ['state']);
    const stateEdits = entries.filter((e) => e.before.state !== e.after.state).length;
    const noteEdits = entries.filter((e) => e.before.note !== e.after.note).length;
    expect({ lost, stateEdits, noteEdits }).toEqual({ lost: 0, stateEdits: runs, noteEdits: noteResult.edits });
    const final = row(dbPath, itemId);
    expect({ note: final.note, state: final.state }).toEqual({ note: noteResult.last.note, state: lastState });
  });
});
