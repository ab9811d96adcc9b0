// `clashless conference rename` as a child process on a real database file: renames by id or title,
// prints what it did, `clashless undo` puts the old title back, and bad input exits 1 with a message
// that says what is wrong and changes nothing.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, CILIUM, KUBECON, tempDir } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function titlesOnFile(dbPath: string): { id: number; title: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT id, title FROM conference ORDER BY id').all() as { id: number; title: string }[];
  } finally {
    db.close();
  }
}

describe('clashless conference rename', () => {
  it('renames by title or id, undo restores, and bad input changes nothing', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'c.db');
    const run = (...args: string[]) => runCli(['--db', dbPath, ...args]);
    expect((await run('seed')).code).toBe(0);
    const kubeconId = titlesOnFile(dbPath).find((c) => c.title === KUBECON)?.id;
    expect(kubeconId).toBeDefined();

    const byTitle = await run('conference', 'rename', 'cilium', '  Cilium day  ');
    expect(byTitle.stderr).toBe('');
    expect(byTitle.code).toBe(0);
    expect(byTitle.stdout).toBe(`Renamed “${CILIUM}” to “Cilium day”. Undo with: clashless undo\n`);
    expect(titlesOnFile(dbPath).map((c) => c.title).sort()).toEqual(['Cilium day', KUBECON].sort());

    const byId = await run('conference', 'rename', String(kubeconId), 'KubeCon SLC');
    expect(byId.code).toBe(0);
    expect(titlesOnFile(dbPath).find((c) => c.id === kubeconId)?.title).toBe('KubeCon SLC');

    const undo = await run('undo');
    expect(undo.code).toBe(0);
    expect(undo.stdout).toBe("Undid: rename “KubeCon + CloudNativeCon North America …” to “KubeCon SLC”.\n");
    expect(titlesOnFile(dbPath).find((c) => c.id === kubeconId)?.title).toBe(KUBECON);

    const before = titlesOnFile(dbPath);
    const empty = await run('conference', 'rename', 'cilium', '   ');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('clashless: conference rename NEW-TITLE: the new title is empty; give the conference a name. Nothing was renamed.\n');
    const long = await run('conference', 'rename', 'cilium', 'x'.repeat(201));
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('longer than 200 characters');
    const unknown = await run('conference', 'rename', 'no such conference', 'New');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No conference has the id or title “no such conference”');
    const missing = await run('conference', 'rename', 'cilium');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('ID|TITLE NEW-TITLE');
    for (const r of [empty, long, unknown, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(titlesOnFile(dbPath)).toEqual(before);
    expect((await run('--help')).stdout).toContain('conference rename ID|TITLE NEW-TITLE');
  });
});
