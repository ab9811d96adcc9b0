// `clashless friends add|list|remove` and `export --owner`, run in-process through `run` with a
// capturing Io over real database files; one child process checks the real command's exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/main.ts';
import { cli, tempDir } from './helpers.ts';

const tmp = tempDir();
const alexDb = join(tmp.dir, 'alex.db');
const myDb = join(tmp.dir, 'me.db');
const agenda = join(tmp.dir, 'alex.ics');

async function clashless(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: () => Buffer.alloc(0) };
  const code = await run(argv, io);
  return { code, out, err };
}

beforeAll(async () => {
  for (const db of [alexDb, myDb]) expect((await clashless('--db', db, 'seed')).code).toBe(0);
  const keys = JSON.parse((await clashless('--db', alexDb, 'sessions', '--conference', 'north america', '--json')).out) as { key: string }[];
  expect((await clashless('--db', alexDb, 'plan', 'add', ...keys.slice(0, 4).map((k) => k.key))).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('clashless friends', () => {
  it('export --owner writes the name into the .ics, and only for .ics', async () => {
    expect(await clashless('--db', alexDb, 'export', '--out', agenda, '--owner', 'Alex Kim')).toMatchObject({ code: 0, out: `Exported 4 items to ${agenda}.\n` });
    expect(readFileSync(agenda, 'utf8')).toContain('\r\nX-CLASHLESS-OWNER:Alex Kim\r\n');
    const md = await clashless('--db', alexDb, 'export', '--out', join(tmp.dir, 'a.md'), '--format', 'md', '--owner', 'Alex');
    expect(md.code).toBe(1);
    expect(md.err).toMatch(/--owner names the plan in an \.ics export/);
  });

  it('friends add takes the name from the file when --name is not given, and says what matched', async () => {
    const added = await clashless('--db', myDb, 'friends', 'add', agenda);
    expect(added).toEqual({ code: 0, out: "Added Alex Kim's plan (AK): 4 sessions matched, 0 not found.\n", err: '' });
    const again = await clashless('--db', myDb, 'friends', 'add', agenda, '--name', 'alex kim', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ replaced: true, matched: 4, unmatched: [], friend: { name: 'alex kim', initials: 'AK', sessions: 4, conferences: 1 } });
  });

  it('friends add lists the events it could not find', async () => {
    // One event of another calendar: its UID and title match nothing here.
    const partly = readFileSync(agenda, 'utf8').replace(/UID:[^\r]*\r\nSUMMARY:/, 'UID:x@y\r\nSUMMARY:Not ');
    const file = join(tmp.dir, 'partly.ics');
    writeFileSync(file, partly);
    const r = await clashless('--db', myDb, 'friends', 'add', file, '--name', 'Bea');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Added Bea's plan \(B\): 3 sessions matched, 1 not found\.\n {2}not found: Not .+ — 2024-11-1\dT\d\d:\d\d:00Z\n$/);
  });

  it('friends list prints one line per friend, and JSON with --json', async () => {
    const r = await clashless('--db', myDb, 'friends', 'list');
    expect(r.out.split('\n').filter(Boolean).map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['alex kim', 'AK', '4 sessions'],
      ['Bea', 'B', '3 sessions']
    ]);
    const json = JSON.parse((await clashless('--db', myDb, 'friends', 'list', '--json')).out) as { name: string; file: string }[];
    expect(json.map((f) => [f.name, f.file])).toEqual([
      ['alex kim', 'alex.ics'],
      ['Bea', 'partly.ics']
    ]);
  });

  it('friends remove takes a name in any case, leaves my plan alone, and says when there is no such friend', async () => {
    expect(await clashless('--db', myDb, 'friends', 'remove', 'BEA')).toEqual({ code: 0, out: "Removed Bea's plan (3 sessions). Your own plan is unchanged. Undo with: clashless undo\n", err: '' });
    expect((await clashless('--db', myDb, 'undo')).out).toBe('Undid: remove friend “Bea”.\n');
    expect((await clashless('--db', myDb, 'friends', 'list')).out).toMatch(/\tBea\tB\t3 sessions\t/);
    expect((await clashless('--db', myDb, 'redo')).out).toBe('Redid: remove friend “Bea”.\n');
    const missing = await clashless('--db', myDb, 'friends', 'remove', 'Chris');
    expect(missing).toEqual({ code: 1, out: '', err: 'clashless: No friend is called “Chris”. The friends are “alex kim”.\n' });
    expect(JSON.parse((await clashless('--db', myDb, 'plan', 'list', '--json')).out)).toEqual([]);
  });

  it('refuses bad input with one line: no name anywhere, a file that is not .ics, unknown verbs', async () => {
    const plain = join(tmp.dir, 'plain.ics');
    writeFileSync(plain, readFileSync(agenda, 'utf8').replace(/X-CLASHLESS-OWNER:[^\r]*\r\n/, ''));
    expect((await clashless('--db', myDb, 'friends', 'add', plain)).err).toBe(
      'clashless: plain.ics does not say whose plan it is: give it a name with --name NAME.\nRun “clashless --help” for usage.\n'
    );
    const csv = await clashless('--db', myDb, 'friends', 'add', 'seed/kubecon-na-2024-connectivity.sched.txt', '--name', 'X');
    expect(csv).toMatchObject({ code: 2, err: expect.stringMatching(/^clashless: kubecon-na-2024-connectivity\.sched\.txt is not an \.ics agenda\. .*\n$/) });
    expect((await clashless('--db', myDb, 'friends', 'add', agenda, '--name', ' ')).err).toMatch(/the name is empty/);
    expect((await clashless('--db', myDb, 'friends', 'wave')).code).toBe(1);
  });

  it('runs as a real command: friends list exits 0, an unknown friend exits 1', () => {
    expect(cli(['--db', myDb, 'friends', 'list', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect(cli(['--db', myDb, 'friends', 'remove', 'nobody']).code).toBe(1);
  });
});
