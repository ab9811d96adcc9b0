// The clashless command as a child process, exactly as a person or a script runs it.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PEER_DIR, ROOT, tempDir } from './helpers.ts';

const tmp = tempDir('clashless-cli-');
afterAll(() => tmp.cleanup());

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clashless.js'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' }
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('clashless command', () => {
  const db = join(tmp.dir, 'cli.db');

  it('seed then sessions --json prints the 43 sample sessions, the first KubeCon one at 18:15Z', () => {
    expect(cli(['--db', db, 'seed']).code).toBe(0);
    const r = cli(['--db', db, 'sessions', '--json']);
    expect(r.code).toBe(0);
    const sessions = JSON.parse(r.stdout) as { title: string; start: string; end: string; speakers: { name: string }[] }[];
    expect(sessions).toHaveLength(43);
    const first = sessions.find((s) => s.title === 'All Your Routes Are Ready, More or Less')!;
    expect(first).toMatchObject({ start: '2024-11-13T18:15:00Z', end: '2024-11-13T18:50:00Z', venue: 'Salt Palace' });
    expect(first.speakers[0]).toEqual({ name: 'Dave Protasowski', affiliation: 'Broadcom' });
  });

  it('import --dry-run --json prints the cli.md shape and touches no database', () => {
    const other = join(tmp.dir, 'never.db');
    const r = cli(['--db', other, 'import', join(ROOT, 'seed', 'kubecon-na-2024-connectivity.sched.txt'), '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('sched-text');
    expect(out.conference).toEqual({ title: 'KubeCon + CloudNativeCon North America 2024', timeZone: 'America/Denver' });
    expect(out.sessions).toHaveLength(18);
    expect(out.sessions[0]).toMatchObject({ title: 'All Your Routes Are Ready, More or Less', allDay: false, status: 'scheduled', track: 'Connectivity' });
    expect(Array.isArray(out.warnings)).toBe(true);
  });

  it('reads standard input with -', () => {
    const text = readFileSync(join(ROOT, 'seed', 'cilium-talks-kubecon-na-2023.md'), 'utf8');
    const r = cli(['import', '-', '--dry-run', '--json', '--db', join(tmp.dir, 'stdin.db')], text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessions).toHaveLength(25);
  });

  it('plans by key, lists the plan and reports the Friday overlap', () => {
    const sessions = JSON.parse(cli(['--db', db, 'sessions', '--json']).stdout) as { key: string; title: string }[];
    const friday = sessions.filter((s) => s.title.startsWith('How GoTo Financial') || s.title.startsWith('Thousands of Gamers'));
    expect(friday).toHaveLength(2);
    expect(cli(['--db', db, 'plan', 'add', ...friday.map((s) => s.key)]).code).toBe(0);
    const plan = JSON.parse(cli(['--db', db, 'plan', 'list', '--json']).stdout);
    expect(plan).toHaveLength(2);
    expect(plan[0]).toMatchObject({ state: 'going', priority: 3 });
    const clashes = JSON.parse(cli(['--db', db, 'clashes', '--json']).stdout);
    expect(clashes).toEqual([
      expect.objectContaining({ kind: 'overlap', minutes: 35 })
    ]);
    expect(cli(['--db', db, 'plan', 'add', friday[0]!.key, '--state', 'backup']).code).toBe(0);
    expect(JSON.parse(cli(['--db', db, 'clashes', '--json']).stdout)).toEqual([]);
    expect(cli(['--db', db, 'plan', 'remove', friday[0]!.key]).code).toBe(0);
    expect(JSON.parse(cli(['--db', db, 'plan', 'list', '--json']).stdout)).toHaveLength(1);
  });

  it('exports the plan to an .ics file', () => {
    const out = join(tmp.dir, 'agenda.ics');
    const r = cli(['--db', db, 'export', '--out', out, '--alarm', '10']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toMatch(/TRIGGER:-PT10M/);
  });

  it('bad usage exits 1 with one clear line and no stack trace', () => {
    const r = cli(['--db', db, 'import']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clashless: import takes one FILE/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(cli(['--db', db, 'frobnicate']).code).toBe(1);
    expect(cli(['--db', db, 'sessions', '--bogus']).code).toBe(1);
    expect(cli(['--db', db, 'plan', 'add', 'no-such-key']).code).toBe(1);
  });

  it('unreadable input exits 2 with a clear message and changes nothing', () => {
    const empty = join(tmp.dir, 'empty.txt');
    writeFileSync(empty, '');
    const garbage = join(tmp.dir, 'garbage.bin');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    // 50 MB of random bytes and a 2 GB sparse file are refused by size before being read.
    const random50 = join(tmp.dir, 'random-50mb.bin');
    writeFileSync(random50, randomBytes(50 * 1024 * 1024));
    const sparse = join(tmp.dir, 'sparse-2gb.ics');
    closeSync(openSync(sparse, 'w'));
    truncateSync(sparse, 2 * 1024 * 1024 * 1024);
    const before = cli(['--db', db, 'sessions', '--json']).stdout;
    for (const file of [empty, garbage, join(tmp.dir, 'missing.ics'), random50, sparse]) {
      const r = cli(['--db', db, 'import', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(cli(['--db', db, 'sessions', '--json']).stdout).toBe(before);
  });

  it('a schedule with no zone needs --tz, and imports with it', () => {
    const fosdem = join(PEER_DIR, 'frab-xml', 'fosdem_2021.xml');
    const fdb = join(tmp.dir, 'fosdem.db');
    const without = cli(['--db', fdb, 'import', fosdem]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/--tz/);
    const withTz = cli(['--db', fdb, 'import', fosdem, '--tz', 'Europe/Brussels', '--json']);
    expect(withTz.code).toBe(0);
    expect(JSON.parse(withTz.stdout).sessions).toHaveLength(773);
  });
});

describe('clashless on a Node older than 22.14', () => {
  const bin = join(ROOT, 'bin', 'clashless.js');
  const expectRefusal = (r: { status: number | null; stderr: string; stdout: string }) => {
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^clashless: needs Node\.js 22\.14 or newer; this is Node\.js 20\./);
    expect(r.stdout).toBe('');
  };

  it('exits 1 with one line naming the Node it needs, before loading anything native', () => {
    // This Node, made to report an old version before the command starts.
    const fake = 'data:text/javascript,' + encodeURIComponent(
      'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } });'
    );
    const r = spawnSync(process.execPath, ['--import', fake, bin, '--db', join(tmp.dir, 'old-node.db'), 'sessions'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    });
    expectRefusal(r);
    expect(existsSync(join(tmp.dir, 'old-node.db'))).toBe(false);
  });

  it('does the same on a real old Node when this machine has one (Debian’s node here and on CI)', () => {
    const isOld = (p: string) => {
      const [maj, min] = spawnSync(p, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '').split('.').map(Number);
      return maj! < 22 || (maj === 22 && min! < 14);
    };
    const candidates = ['/usr/bin/node', '/usr/local/bin/node'].filter((p) => existsSync(p));
    const old = candidates.find(isOld);
    if (old === undefined) {
      // No older Node is installed on this machine, so the simulated case above is the proof here.
      expect(candidates.filter(isOld)).toEqual([]);
      return;
    }
    const r = spawnSync(old, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.status).not.toBe(139);
    expectRefusal(r);
  });
});
