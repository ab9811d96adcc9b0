// Removing a conference on a real SQLite file: the search index must stay in step (FTS5's own
// integrity-check, against the session table too), searches must stop finding its sessions, and
// undo must put back every row with its id — conference, sources, sessions with their speakers, plan,
// walking times, changes — so the plan and the older undo entries stay valid. Also when an import
// after the removal took its ids, and through the real `clashless` command.
import { IdRuns } from '../../src/shared/id-runs.ts';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFERENCE_TABLES } from '../../src/main/store/conference-store.ts';
import type { Backend } from '../../src/main/backend.ts';
import { generateIcs } from '../fixtures/generate-ics.ts';
import { ROOT, tempServices } from '../integration/helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const CILIUM = 'Cilium Talks at KubeCon NA 2023';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function seeded(): Backend & { dbPath: string } {
  let t = Date.UTC(2026, 2, 1);
  const host = tempServices({ seeded: true, now: () => (t += 1_000) });
  cleanups.push(host.cleanup);
  return host;
}

/** Run fn on a second, independent connection to the file (what another process would see). */
function onFile<T>(dbPath: string, fn: (db: Database.Database) => T): T {
  const db = new Database(dbPath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** FTS5's integrity-check, internal and against the session table; the error text, or 'ok'. */
function ftsCheck(dbPath: string): string {
  return onFile(dbPath, (db) => {
    try {
      db.prepare("INSERT INTO session_fts (session_fts) VALUES ('integrity-check')").run();
      db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('integrity-check', 1)").run();
      const fk = db.pragma('foreign_key_check') as unknown[];
      return fk.length === 0 ? 'ok' : `foreign_key_check: ${JSON.stringify(fk)}`;
    } catch (err) {
      return (err as Error).message;
    }
  });
}

/** Every stored row of a conference, per table, in id order (the exact rows, every column). */
function rowsOf(dbPath: string, conferenceId: number): Record<string, unknown[]> {
  return onFile(dbPath, (db) => ({
    conference: db.prepare('SELECT * FROM conference WHERE id = ?').all(conferenceId),
    source: db.prepare('SELECT * FROM source WHERE conference_id = ? ORDER BY id').all(conferenceId),
    session: db.prepare('SELECT * FROM session WHERE conference_id = ? ORDER BY id').all(conferenceId),
    plan_item: db.prepare('SELECT * FROM plan_item WHERE conference_id = ? ORDER BY id').all(conferenceId),
    travel: db.prepare('SELECT * FROM travel WHERE conference_id = ? ORDER BY place_a, place_b').all(conferenceId),
    change: db.prepare('SELECT * FROM change WHERE conference_id = ? ORDER BY id').all(conferenceId)
  }));
}

function counts(dbPath: string): Record<string, number> {
  return onFile(dbPath, (db) =>
    Object.fromEntries(
      ['conference', 'source', 'session', 'plan_item', 'travel', 'change', 'export_state'].map((t) => [
        t,
        (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
      ])
    )
  );
}

function exportState(dbPath: string): unknown[] {
  return onFile(dbPath, (db) => db.prepare('SELECT * FROM export_state ORDER BY uid').all());
}

async function conferenceNamed(host: Backend, title: string) {
  const found = (await host.api['conference.list']({})).find((c) => c.title === title);
  if (!found) throw new Error(`no conference “${title}”`);
  return found;
}

/** Plan some of each conference, edit them, add a block and a walking time, export once. */
async function planSome(host: Backend, target: number, other: number) {
  const { api } = host;
  const mine = await api['session.list']({ conferenceId: target });
  const theirs = await api['session.list']({ conferenceId: other });
  await api['plan.add']({ sessionIds: [mine[0]!.id, mine[1]!.id] });
  await api['plan.add']({ sessionIds: [mine[3]!.id], state: 'maybe' });
  await api['plan.add']({ sessionIds: [theirs[0]!.id, theirs[2]!.id] });
  const start = mine[5]!.start;
  await api['block.create']({ conferenceId: target, title: 'Lunch with Ana', start, end: start + 3_600_000, place: 'Hotel' });
  await api['travel.set']({ conferenceId: target, from: 'Hall A', to: 'Hall B', minutes: 12 });
  await api['export.agenda']({ format: 'ics' });
  const item = (await api['plan.list']({ conferenceId: target })).find((p) => p.sessionId === mine[0]!.id)!;
  // The newest edit before the removal: undoing it after the removal's undo must still work.
  await api['plan.update']({ itemId: item.id, note: 'sit near the front', priority: 5 });
  return { itemId: item.id };
}

describe('removing a conference', () => {
  it('keeps the search index intact, and undo/redo put back and take away exactly the same rows', async () => {
    const host = seeded();
    const { api, dbPath } = host;
    const cilium = await conferenceNamed(host, CILIUM);
    const kubecon = await conferenceNamed(host, KUBECON);
    const { itemId } = await planSome(host, cilium.id, kubecon.id);

    const ciliumIds = new Set((await api['session.list']({ conferenceId: cilium.id })).map((s) => s.id));
    const kubeconIds = new Set((await api['session.list']({ conferenceId: kubecon.id })).map((s) => s.id));
    const searchBefore = [...new IdRuns((await api['session.search']({ search: 'cilium' })).runs!)];
    // The word is in both schedules, so the search shows whose sessions it finds.
    expect(searchBefore.some((id) => ciliumIds.has(id))).toBe(true);
    expect(searchBefore.some((id) => kubeconIds.has(id))).toBe(true);
    const rowsBefore = rowsOf(dbPath, cilium.id);
    expect(rowsBefore.plan_item).toHaveLength(4);
    expect(rowsBefore.travel).toHaveLength(1);
    const countsBefore = counts(dbPath);
    const exportBefore = exportState(dbPath);
    expect(exportBefore.length).toBeGreaterThan(0);
    const planBefore = await api['plan.list']({});
    const conferencesBefore = await api['conference.list']({});
    expect(ftsCheck(dbPath)).toBe('ok');

    const removedCheck = async () => {
      expect(ftsCheck(dbPath)).toBe('ok');
      expect((await api['conference.list']({})).map((c) => c.title)).toEqual([KUBECON]);
      const found = [...new IdRuns((await api['session.search']({ search: 'cilium' })).runs!)];
      expect(found.filter((id) => ciliumIds.has(id))).toEqual([]);
      expect(found).toEqual(searchBefore.filter((id) => kubeconIds.has(id)));
      expect((await api['session.list']({ search: 'cilium' })).every((s) => s.conferenceId === kubecon.id)).toBe(true);
      expect((await api['plan.list']({})).every((p) => p.conferenceId === kubecon.id)).toBe(true);
      expect(Object.values(rowsOf(dbPath, cilium.id)).flat()).toEqual([]);
      expect(exportState(dbPath)).toEqual(exportBefore);
    };
    const restoredCheck = async () => {
      expect(ftsCheck(dbPath)).toBe('ok');
      expect(rowsOf(dbPath, cilium.id)).toEqual(rowsBefore);
      expect(counts(dbPath)).toEqual(countsBefore);
      expect(exportState(dbPath)).toEqual(exportBefore);
      expect(await api['plan.list']({})).toEqual(planBefore);
      expect(await api['conference.list']({})).toEqual(conferencesBefore);
      expect([...new IdRuns((await api['session.search']({ search: 'cilium' })).runs!)]).toEqual(searchBefore);
    };

    const events: string[] = [];
    const stop = host.subscribe((event) => events.push(event));
    const removed = await api['conference.remove']({ conferenceId: cilium.id });
    expect(removed).toEqual({ removed: true, title: CILIUM, sessions: 25, planned: 3, blocks: 1 });
    expect(events).toContain('data.changed');
    await removedCheck();
    expect(await api['conference.remove']({ conferenceId: cilium.id })).toMatchObject({ removed: false });

    const undone = await api['history.undo']({});
    expect(undone).toEqual({ label: `Remove conference “${CILIUM}”`, restoredConferenceId: cilium.id });
    await restoredCheck();

    // The edit made before the removal is undone on the restored item, then both are redone.
    expect((await api['history.undo']({})).label).toMatch(/^Edit /);
    expect((await api['plan.list']({})).find((p) => p.id === itemId)).toMatchObject({ note: null, priority: 3 });
    expect((await api['history.redo']({})).label).toMatch(/^Edit /);
    expect((await api['plan.list']({})).find((p) => p.id === itemId)).toMatchObject({ note: 'sit near the front', priority: 5 });
    expect(await api['history.redo']({})).toEqual({ label: `Remove conference “${CILIUM}”` });
    await removedCheck();

    expect((await api['history.undo']({})).restoredConferenceId).toBe(cilium.id);
    await restoredCheck();
    stop();
  });

  it('puts a conference back under new ids when an import took its ids, and older undo entries follow', async () => {
    const host = seeded();
    const { api, dbPath } = host;
    const kubecon = await conferenceNamed(host, KUBECON);
    const cilium = await conferenceNamed(host, CILIUM);
    // KubeCon was imported last, so it holds the highest ids: the next import reuses them.
    await planSome(host, kubecon.id, cilium.id);
    const keyed = async (conferenceId: number) =>
      (await api['plan.list']({ conferenceId })).map(({ id: _id, conferenceId: _c, sessionId: _s, ...rest }) => rest);
    const planBefore = await keyed(kubecon.id);
    const sessionsBefore = (await api['session.list']({ conferenceId: kubecon.id })).map(({ id: _id, conferenceId: _c, ...s }) => s);
    const oldSessionIds = new Set((await api['session.list']({ conferenceId: kubecon.id })).map((s) => s.id));

    await api['conference.remove']({ conferenceId: kubecon.id });
    const report = await api['import.commit']({ text: generateIcs(60, 11), fileName: 'feed.ics', format: 'ics' });
    const feedSessions = await api['session.list']({ conferenceId: report.conferenceId });
    // The import really took the removed conference's ids.
    expect(report.conferenceId).toBe(kubecon.id);
    expect(feedSessions.filter((s) => oldSessionIds.has(s.id)).length).toBeGreaterThan(0);

    const feedTitle = (await api['conference.list']({})).find((c) => c.id === report.conferenceId)!.title;
    const undone = await api['history.undo']({});
    expect(undone.label).toBe(`Remove conference “${KUBECON}”`);
    const restoredId = undone.restoredConferenceId!;
    expect(restoredId).not.toBe(kubecon.id);
    expect(ftsCheck(dbPath)).toBe('ok');
    expect((await api['conference.list']({})).map((c) => c.title).sort()).toEqual([CILIUM, KUBECON, feedTitle].sort());
    expect((await api['session.list']({ conferenceId: restoredId })).map(({ id: _id, conferenceId: _c, ...s }) => s)).toEqual(sessionsBefore);
    expect(await keyed(restoredId)).toEqual(planBefore);
    expect(await api['session.list']({ conferenceId: report.conferenceId })).toEqual(feedSessions);
    expect(await api['plan.list']({ conferenceId: report.conferenceId })).toEqual([]);
    const routes = await api['session.list']({ search: 'all your routes' });
    expect(routes.map((s) => s.conferenceId)).toEqual([restoredId]);

    // The older entries now mean the restored sessions: undoing them never touches the feed's.
    expect((await api['history.undo']({})).label).toMatch(/^Edit /);
    const edited = (await api['plan.list']({ conferenceId: restoredId })).find((p) => p.title === planBefore.find((x) => x.note)!.title)!;
    expect(edited).toMatchObject({ note: null, priority: 3 });
    // Then the block, the other conference's plan and the two plan.add of KubeCon (walking times and
    // exports are not plan edits).
    const labels: (string | null)[] = [];
    for (let i = 0; i < 5; i++) labels.push((await api['history.undo']({})).label);
    expect(labels).toEqual([expect.stringMatching(/^Add block/), 'Plan 2 sessions', expect.stringMatching(/^Plan “/), 'Plan 2 sessions', null]);
    expect(await api['plan.list']({ conferenceId: report.conferenceId })).toEqual([]);
    expect(await api['plan.list']({ conferenceId: restoredId })).toEqual([]);
    expect(ftsCheck(dbPath)).toBe('ok');

    // And forward again, to the removal.
    for (let i = 0; i < 5; i++) await api['history.redo']({});
    expect(await api['plan.list']({ conferenceId: report.conferenceId })).toEqual([]);
    expect(await keyed(restoredId)).toEqual(planBefore);
    expect(await api['history.redo']({})).toEqual({ label: `Remove conference “${KUBECON}”` });
    expect(ftsCheck(dbPath)).toBe('ok');
    expect(await api['session.list']({ conferenceId: report.conferenceId })).toEqual(feedSessions);
    expect(await api['session.list']({ search: 'all your routes' })).toEqual([]);
  });

  it('keeps both copies when the same schedule was imported again after the removal', async () => {
    const host = seeded();
    const { api, dbPath } = host;
    const kubecon = await conferenceNamed(host, KUBECON);
    const [first] = await api['session.list']({ conferenceId: kubecon.id });
    await api['plan.add']({ sessionIds: [first!.id] });
    await api['conference.remove']({ conferenceId: kubecon.id });
    await host.seed(); // imports both seeds again: KubeCon comes back as a new conference, Cilium is merged
    const undone = await api['history.undo']({});
    const copies = (await api['conference.list']({})).filter((c) => c.title === KUBECON);
    expect(copies).toHaveLength(2);
    expect(copies.map((c) => c.id)).toContain(undone.restoredConferenceId);
    expect(copies.map((c) => c.sessionCount)).toEqual([18, 18]);
    expect((await api['plan.list']({ conferenceId: undone.restoredConferenceId! })).map((p) => p.title)).toEqual([first!.title]);
    expect(ftsCheck(dbPath)).toBe('ok');
    expect((await api['session.list']({ search: 'all your routes' })).length).toBe(2);
  });

  it('saves every table that refers to a conference, its sessions or sources (a new table must be added)', () => {
    const host = seeded();
    const referring = onFile(host.dbPath, (db) => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").pluck().all() as string[];
      return tables.filter((t) =>
        (db.pragma(`foreign_key_list(${t})`) as { table: string }[]).some((fk) => ['conference', 'session', 'source', 'plan_item'].includes(fk.table))
      );
    });
    expect(referring.length).toBeGreaterThan(4);
    expect(referring.filter((t) => !CONFERENCE_TABLES.includes(t as never))).toEqual([]);
  });
});

describe('clashless conference remove / undo / redo', () => {
  function cli(dbPath: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clashless.js'), '--db', dbPath, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('removes by title or id with a one-line confirmation, and undo/redo from the command line', async () => {
    const host = seeded();
    const { api, dbPath } = host;
    const kubecon = await conferenceNamed(host, KUBECON);
    const sessions = await api['session.list']({ conferenceId: kubecon.id });
    await api['plan.add']({ sessionIds: [sessions[0]!.id, sessions[1]!.id] });
    const rowsBefore = rowsOf(dbPath, kubecon.id);

    const ambiguous = cli(dbPath, 'conference', 'remove', 'kubecon');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/^clashless: “kubecon” matches 2 conferences: .*\(id \d+\).*\n$/);
    expect(cli(dbPath, 'conference', 'remove', '2024').code).toBe(1); // a number is an id, never part of a title

    const removed = cli(dbPath, 'conference', 'remove', KUBECON.toLowerCase());
    expect(removed).toEqual({
      code: 0,
      stdout: `Removed “${KUBECON}” (18 sessions, 2 planned). Undo with: clashless undo\n`,
      stderr: ''
    });
    expect(ftsCheck(dbPath)).toBe('ok');
    expect(cli(dbPath, 'conference', 'list').stdout).not.toContain(KUBECON);

    expect(cli(dbPath, 'undo')).toEqual({ code: 0, stdout: `Undid: remove conference “${KUBECON}”.\n`, stderr: '' });
    expect(rowsOf(dbPath, kubecon.id)).toEqual(rowsBefore);
    expect(ftsCheck(dbPath)).toBe('ok');
    // The app's services see it back (another process did it).
    expect((await api['conference.list']({})).map((c) => c.title)).toContain(KUBECON);

    expect(cli(dbPath, 'redo').stdout).toBe(`Redid: remove conference “${KUBECON}”.\n`);
    expect(cli(dbPath, 'conference', 'list').stdout).not.toContain(KUBECON);
    expect(cli(dbPath, 'undo').code).toBe(0);
    const byId = cli(dbPath, 'conference', 'remove', String(kubecon.id));
    expect(byId.stdout).toMatch(/^Removed “KubeCon/);

    const missing = cli(dbPath, 'conference', 'remove', '999');
    expect(missing.code).toBe(1);
    // KubeCon was removed just above: the message lists the one conference left to choose from.
    expect(missing.stderr).toBe('clashless: No conference has the id or title “999”. The conferences are “Cilium Talks at KubeCon NA 2023” (id 1).\n');
    const bare = cli(dbPath, 'conference', 'remove');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/needs the conference’s ID or TITLE/);
    expect(bare.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when there is nothing to undo or redo', () => {
    const host = seeded();
    expect(cli(host.dbPath, 'redo')).toEqual({ code: 0, stdout: 'Nothing to redo.\n', stderr: '' });
  });
});
