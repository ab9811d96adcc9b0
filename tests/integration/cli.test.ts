// The clashless command. What only a process shows runs as a child process, exactly as a person or
// a script runs it: seeding and listing, standard input, a reader that closes the pipe, a file
// size limit, an old Node. The rest runs the same `run(argv, io)` in-process (runCli).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIcs } from '../fixtures/generate-ics.ts';
import { cli, PEER_DIR, ROOT, runCli, tempDir } from './helpers.ts';

const tmp = tempDir('clashless-cli-');
afterAll(() => tmp.cleanup());

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

  it('import --dry-run --json prints the cli.md shape and touches no database', async () => {
    const other = join(tmp.dir, 'never.db');
    const r = await runCli(['--db', other, 'import', join(ROOT, 'seed', 'kubecon-na-2024-connectivity.sched.txt'), '--dry-run', '--json']);
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

  it('plans by key, lists the plan and reports the Friday overlap', async () => {
    const sessions = JSON.parse((await runCli(['--db', db, 'sessions', '--json'])).stdout) as { key: string; title: string }[];
    const friday = sessions.filter((s) => s.title.startsWith('How GoTo Financial') || s.title.startsWith('Thousands of Gamers'));
    expect(friday).toHaveLength(2);
    expect((await runCli(['--db', db, 'plan', 'add', ...friday.map((s) => s.key)])).code).toBe(0);
    const plan = JSON.parse((await runCli(['--db', db, 'plan', 'list', '--json'])).stdout);
    expect(plan).toHaveLength(2);
    expect(plan[0]).toMatchObject({ state: 'going', priority: 3 });
    const clashes = JSON.parse((await runCli(['--db', db, 'clashes', '--json'])).stdout);
    expect(clashes).toEqual([
      expect.objectContaining({ kind: 'overlap', minutes: 35 })
    ]);
    expect((await runCli(['--db', db, 'plan', 'add', friday[0]!.key, '--state', 'backup'])).code).toBe(0);
    expect(JSON.parse((await runCli(['--db', db, 'clashes', '--json'])).stdout)).toEqual([]);
    expect((await runCli(['--db', db, 'plan', 'remove', friday[0]!.key])).code).toBe(0);
    expect(JSON.parse((await runCli(['--db', db, 'plan', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('exports the plan to an .ics file', async () => {
    const out = join(tmp.dir, 'agenda.ics');
    const r = await runCli(['--db', db, 'export', '--out', out, '--alarm', '10']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toMatch(/TRIGGER:-PT10M/);
  });

  it('bad usage exits 1 with one clear line and no stack trace', async () => {
    const r = await runCli(['--db', db, 'import']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clashless: import takes one FILE/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect((await runCli(['--db', db, 'frobnicate'])).code).toBe(1);
    expect((await runCli(['--db', db, 'sessions', '--bogus'])).code).toBe(1);
    expect((await runCli(['--db', db, 'plan', 'add', 'no-such-key'])).code).toBe(1);
  });

  it('unreadable input exits 2 with a clear message and changes nothing', async () => {
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
    const before = (await runCli(['--db', db, 'sessions', '--json'])).stdout;
    for (const file of [empty, garbage, join(tmp.dir, 'missing.ics'), random50, sparse]) {
      const r = await runCli(['--db', db, 'import', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect((await runCli(['--db', db, 'sessions', '--json'])).stdout).toBe(before);
  });

  it('a schedule with no zone needs --tz, and imports with it', async () => {
    const fosdem = join(PEER_DIR, 'frab-xml', 'fosdem_2021.xml');
    const fdb = join(tmp.dir, 'fosdem.db');
    const without = await runCli(['--db', fdb, 'import', fosdem]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/--tz/);
    const withTz = await runCli(['--db', fdb, 'import', fosdem, '--tz', 'Europe/Brussels', '--json']);
    expect(withTz.code).toBe(0);
    expect(JSON.parse(withTz.stdout).sessions).toHaveLength(773);
  });

  describe('output that stops early and exports that fail', () => {
    // 3000 generated sessions, all planned: a listing of hundreds of kB (far past a pipe's 64 kB)
    // and an agenda of megabytes.
    const bigDb = join(tmp.dir, 'big.db');
    const ready = async (): Promise<void> => {
      if (existsSync(bigDb)) return;
      const feed = join(tmp.dir, 'big.ics');
      writeFileSync(feed, generateIcs(3000, 13));
      const imported = await runCli(['--db', bigDb, 'import', feed]);
      expect(imported.code, imported.stderr).toBe(0);
      expect((await runCli(['--db', bigDb, 'plan', 'add', '--all'])).code).toBe(0);
    };

    /** Run the command with stdout piped into a reader that closes the pipe after its first chunk (like `| head -1`). */
    function firstChunkThenClose(args: string[]): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'clashless.js'), ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, NODE_OPTIONS: '' }
        });
        let first = '';
        let stderr = '';
        child.stdout.once('data', (c: Buffer) => {
          first = c.toString('utf8');
          child.stdout.destroy();
        });
        child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
        child.on('close', (code, signal) => resolve({ code, signal, first, stderr }));
      });
    }

    it('sessions | head -1: a reader that stops early ends the command quietly with status 0', async () => {
      await ready();
      for (const extra of [[], ['--json']]) {
        const r = await firstChunkThenClose(['--db', bigDb, 'sessions', ...extra]);
        expect(r.first.length, extra.join(' ')).toBeGreaterThan(0);
        expect(r.stderr, extra.join(' ')).toBe('');
        expect(r.signal).toBeNull();
        expect(r.code, extra.join(' ')).toBe(0);
      }
      // The whole listing is far larger than what the pipe could have taken without a reader.
      expect((await runCli(['--db', bigDb, 'sessions'])).stdout.length).toBeGreaterThan(256 * 1024);
    });

    const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

    function expectOneLineFailure(r: { code: number | null; stderr: string }, target: string, why: RegExp): void {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(`clashless: Could not write ${target} (`);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toMatch(/The agenda was not saved/);
      expect(r.stderr).not.toMatch(/Nothing was changed|\bat .*\.(ts|js):\d+/);
    }

    it('an export whose rename fails (--out names a folder) removes its temporary file', async () => {
      await ready();
      const dir = join(tmp.dir, 'export-rename');
      mkdirSync(dir);
      const target = join(dir, 'agenda.ics');
      mkdirSync(target); // the temporary file is written next to it; renaming it over a folder fails
      for (const format of ['ics', 'md']) {
        const r = await runCli(['--db', bigDb, 'export', '--format', format, '--out', target]);
        expectOneLineFailure(r, target, /\(it is a folder\)/);
        expect(leftovers(dir), format).toEqual([]);
      }
      expect(readdirSync(dir)).toEqual(['agenda.ics']);
    });

    it('an export whose write fails half way (file size limit) removes its temporary file', async () => {
      await ready();
      const dir = join(tmp.dir, 'export-efbig');
      mkdirSync(dir);
      const target = join(dir, 'agenda.md');
      // RLIMIT_FSIZE of 64-128 kB (sh counts 512- or 1024-byte blocks): the database opens and reads,
      // the multi-megabyte agenda stops with EFBIG part way through the temporary file.
      const r = spawnSync('sh', ['-c', 'ulimit -f 128 && exec "$0" "$@"', process.execPath, join(ROOT, 'bin', 'clashless.js'), '--db', bigDb, 'export', '--format', 'md', '--out', target], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' }
      });
      expectOneLineFailure({ code: r.status, stderr: r.stderr }, target, /\(EFBIG\)/);
      expect(readdirSync(dir)).toEqual([]);
      // Without the limit the same export succeeds, so the failure above was the write.
      const ok = await runCli(['--db', bigDb, 'export', '--format', 'md', '--out', target]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(readdirSync(dir)).toEqual(['agenda.md']);
    });

    it('an export into a folder that does not exist says so and leaves nothing', async () => {
      await ready();
      const target = join(tmp.dir, 'no-such-folder', 'agenda.ics');
      expectOneLineFailure(await runCli(['--db', bigDb, 'export', '--out', target]), target, /\(its folder does not exist\)/);
      expect(existsSync(join(tmp.dir, 'no-such-folder'))).toBe(false);
    });

    it('a file with one stray byte imports as UTF-8 and the warning names its line', async () => {
      const file = join(tmp.dir, 'stray-byte.ics');
      const lines = [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a@example.org', 'DTSTART:20241113T181500Z', 'DTEND:20241113T185000Z',
        'SUMMARY:Café crème à la française', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b@example.org', 'DTSTART:20241113T190000Z',
        'DTEND:20241113T193000Z', 'SUMMARY:L\u0000atelier', 'END:VEVENT', 'END:VCALENDAR'
      ];
      writeFileSync(file, Buffer.from(Buffer.from(lines.join('\r\n'), 'utf8').map((b) => (b === 0 ? 0x92 : b))));
      const r = await runCli(['--db', join(tmp.dir, 'stray.db'), 'import', file, '--tz', 'Europe/Paris', '--dry-run', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const titles = (JSON.parse(r.stdout) as { sessions: { title: string }[] }).sessions.map((s) => s.title);
      expect(titles).toEqual(['Café crème à la française', 'L\uFFFDatelier']);
      expect(r.stderr).toContain('warning (line 13): An invalid byte was replaced with “\uFFFD”.');
    });
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

describe('clashless import of CSV files', () => {
  const germanCsv = join(ROOT, 'tests', 'fixtures', 'csv', 'sendezentrum-programm.csv');

  it('a CSV that names no zone exits 2 with the zone-required message, and imports with --tz Europe/Berlin', async () => {
    const db = join(tmp.dir, 'csv-zone.db');
    const without = await runCli(['--db', db, 'import', germanCsv]);
    expect(without.code).toBe(2);
    expect(without.stderr.trim().split('\n')).toHaveLength(1);
    expect(without.stderr).toMatch(/^clashless: This schedule does not say which time zone its times are in .*--tz/);
    expect(JSON.parse((await runCli(['--db', db, 'sessions', '--json'])).stdout)).toEqual([]);

    const withTz = await runCli(['--db', db, 'import', germanCsv, '--tz', 'Europe/Berlin', '--json']);
    expect(withTz.code).toBe(0);
    const out = JSON.parse(withTz.stdout) as { format: string; zone: { zone: string; rule: string }; sessions: { title: string; start: string; end: string }[] };
    expect(out.format).toBe('csv');
    expect(out.zone).toMatchObject({ zone: 'Europe/Berlin', rule: 'option' });
    expect(out.sessions).toHaveLength(6);
    expect(out.sessions[0]).toMatchObject({ title: 'Eröffnung des Sendezentrums', start: '2024-12-27T10:00:00Z', end: '2024-12-27T10:30:00Z' });
    expect(JSON.parse((await runCli(['--db', db, 'sessions', '--json'])).stdout)).toHaveLength(6);
  });

  it('a CSV that yields no sessions never exits 0, not even as a dry run: it says why', async () => {
    const db = join(tmp.dir, 'csv-empty.db');
    const cases: [string, RegExp][] = [
      ['Farbe,Stimmung\nrot,froh\n', /no column for the title/],
      ['Titel,Raum\nEröffnung,Saal 1\n', /no column for the start time/],
      ['Titel,Beginn,Ende\n', /header row but no rows/]
    ];
    for (const [text, why] of cases) {
      const file = join(tmp.dir, 'no-sessions.csv');
      writeFileSync(file, text);
      for (const extra of [['--dry-run'], ['--dry-run', '--json'], ['--tz', 'Europe/Berlin']]) {
        const r = await runCli(['--db', db, 'import', file, ...extra]);
        expect(r.code, `${text} ${extra.join(' ')}`).toBe(2);
        expect(r.stderr).toMatch(why);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stdout).toBe('');
      }
    }
  });
});

describe('clashless import of a schedule whose days are only weekdays', () => {
  const weekdays = ['# Example Conf 2012', '', 'All times are Paris time (Europe/Paris).', '', '## Thursday', '', '- 10:00 - 11:00 Opening talk', '', '## Saturday', '', '- 09:00 - 10:00 Weekend keynote', ''].join('\n');

  it('exits 2 asking for the first day, refuses a date on another weekday, and imports with --first-day', async () => {
    const db = join(tmp.dir, 'first-day.db');
    const file = join(tmp.dir, 'weekdays.md');
    writeFileSync(file, weekdays);
    const asked = await runCli(['--db', db, 'import', file]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/^clashless: On which date is the first day, Thursday\? .*year 2012.*--first-day YYYY-MM-DD.*\(line 5\)\n$/);
    expect(JSON.parse((await runCli(['--db', db, 'sessions', '--json'])).stdout)).toEqual([]);

    const friday = await runCli(['--db', db, 'import', file, '--first-day', '2012-09-14']);
    expect(friday.code).toBe(2);
    expect(friday.stderr).toMatch(/^clashless: 2012-09-14 is a Friday, but the schedule's first day is Thursday\./);
    expect((await runCli(['--db', db, 'import', file, '--first-day', 'Thursday'])).stderr).toMatch(/“Thursday” is not a date\. Give the first day as YYYY-MM-DD/);

    const answered = await runCli(['--db', db, 'import', file, '--first-day=2012-09-13', '--json']);
    expect(answered.code).toBe(0);
    const out = JSON.parse(answered.stdout) as { sessions: { title: string; start: string; end: string }[] };
    expect(out.sessions.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Opening talk', '2012-09-13T08:00:00Z', '2012-09-13T09:00:00Z'],
      ['Weekend keynote', '2012-09-15T07:00:00Z', '2012-09-15T08:00:00Z']
    ]);
    expect(JSON.parse((await runCli(['--db', db, 'sessions', '--json'])).stdout)).toHaveLength(2);
  });

  it('--first-day applies to import only', async () => {
    const r = await runCli(['--db', join(tmp.dir, 'first-day.db'), 'sessions', '--first-day', '2012-09-13']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--first-day does not apply to “sessions”/);
  });
});
