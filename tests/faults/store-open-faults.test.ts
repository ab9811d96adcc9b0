// Opening the store when the world is not kind: another program holds the file, the disk is full,
// the -wal/-shm files cannot be opened, backups are broken, two processes create the same database at
// once, the backups folder is unusable. Real files, real processes (the CLI, the browser host, a
// second SQLite connection); after every failure the person's database must be byte-for-byte what it
// was, and nothing may have been moved aside. Only proven damage moves a file.
//
// CI runs as root: the full disk is a small tmpfs (or, where mount is refused, RLIMIT_FSIZE), and
// "cannot open" runs the child as the unprivileged user 65534 (setpriv or runuser). A case whose
// tool is missing FAILS with the reason; none is skipped.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { backupDir, DAMAGED_BACKUPS_DIR, takeBackup } from '../../src/main/store/backups.ts';
import { openStore } from '../../src/main/store/open.ts';
import { ROOT, tempDir } from '../integration/helpers.ts';

const NOBODY = 65534;
const FIXTURES = join(ROOT, 'tests', 'faults', 'fixtures');
const tmp = tempDir('clashless-open-faults-');
// Children running as the unprivileged user must be able to reach their files.
chmodSync(tmp.dir, 0o755);
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  tmp.cleanup();
});

let serial = 0;
function freshDir(owner?: number): string {
  const dir = join(tmp.dir, `case-${++serial}`);
  mkdirSync(dir, { mode: 0o755 });
  if (owner !== undefined) chownSync(dir, owner, owner);
  return dir;
}

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run a command to its end (killed after `timeoutMs`), collecting its output. */
function runProcess(command: string, args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(opts.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const NODE_ARGS = ['--experimental-strip-types', '--no-warnings'];
const CLI = join(ROOT, 'bin', 'clashless.js');

function cli(db: string, args: string[], opts: { as?: 'nobody'; wrap?: string[] } = {}): Promise<Ran> {
  const command = [process.execPath, CLI, '--db', db, ...args];
  const full = opts.as === 'nobody' ? [...asNobody(), ...command] : opts.wrap ? [...opts.wrap, ...command] : command;
  return runProcess(full[0]!, full.slice(1));
}

/** The prefix that runs a command as user 65534; the test fails (never skips) when there is none. */
function asNobody(): string[] {
  for (const [tool, prefix] of [
    ['setpriv', ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups']],
    ['runuser', ['runuser', '-u', 'nobody', '--']]
  ] as const) {
    const probe = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', 'process.stdout.write(String(process.getuid()))'], {
      encoding: 'utf8'
    });
    if (probe.status === 0 && probe.stdout === String(NOBODY)) return [...prefix];
    void tool;
  }
  throw new Error(
    'This fault test must run a child process as an unprivileged user (uid 65534), but neither setpriv nor runuser could do it here. ' +
      'Run the faults project as root with util-linux installed.'
  );
}

function sha(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
}

/**
 * Hashes of the database and its -wal: what must not change when an open fails. SQLite may leave an
 * empty -wal behind where there was none; an empty -wal holds nothing, so absent and empty are equal.
 */
function fingerprint(db: string): Record<string, string> {
  const wal = `${db}-wal`;
  return { db: sha(db), wal: existsSync(wal) && statSync(wal).size > 0 ? sha(wal) : 'absent or empty' };
}

function movedAside(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.unreadable-') || f.includes('.restoring-'));
}

/** A database at the latest schema with the sample schedules and a plan, made by the real CLI. */
async function seededDb(dir: string, name = 'plan.db'): Promise<string> {
  const db = join(dir, name);
  const seed = await cli(db, ['seed']);
  expect(seed.code, seed.stderr).toBe(0);
  const plan = await cli(db, ['plan', 'add', '--all']);
  expect(plan.code, plan.stderr).toBe(0);
  return db;
}

async function planLines(db: string): Promise<string[]> {
  const r = await cli(db, ['plan', 'list']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim().split('\n');
}

/** A plain error: one line on stderr, no stack trace, nothing on stdout. */
function expectPlainError(r: Ran, pattern: RegExp): void {
  expect(r.signal).toBeNull();
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |SqliteError|unexpected error/);
}

describe('another program holds the database', () => {
  it.each(['exclusive', 'write'] as const)('with a %s lock: the CLI says so, exits 2, and leaves every file as it was', async (mode) => {
    const dir = freshDir();
    const db = await seededDb(dir);
    const before = await planLines(db);
    const holder = spawn(process.execPath, [...NODE_ARGS, join(FIXTURES, 'hold-lock.ts'), db, mode], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' }
    });
    try {
      let holderErr = '';
      holder.stderr.on('data', (d: Buffer) => (holderErr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        holder.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking: ${holderErr}`)));
      });
      const held = fingerprint(db);
      const r = await cli(db, ['plan', 'list']);
      expectPlainError(r, /^clashless: Clashless could not open .*plan\.db: another program is using it \(locked\)\. Close it and try again\.\n$/);
      expect(fingerprint(db)).toEqual(held);
      expect(movedAside(dir)).toEqual([]);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    // Once the other program lets go, everything is there.
    expect(await planLines(db)).toEqual(before);
    expect(movedAside(dir)).toEqual([]);
  });
});

/**
 * A folder on a small filesystem that can be filled: a tmpfs, or (where mount is refused) null.
 * CLASHLESS_FAULTS_NO_MOUNT=1 makes it null, to exercise the RLIMIT_FSIZE fallback on purpose.
 */
function smallDisk(bytes: number): string | null {
  if (process.env.CLASHLESS_FAULTS_NO_MOUNT === '1') return null;
  const dir = freshDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

/** Fill the filesystem of `dir` until it refuses, leaving `leave` bytes (roughly) free. */
function fill(dir: string, leave = 0): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) {
      const free = statfsFree(dir);
      if (free <= leave) break;
      writeSync(fd, free - leave < chunk.length ? chunk.subarray(0, free - leave) : chunk);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

function statfsFree(dir: string): number {
  const st = statfsSync(dir);
  return st.bavail * st.bsize;
}

describe('a full disk', () => {
  it('the CLI says the disk is full, exits 2, and leaves the database as it was', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    if (disk !== null) {
      const db = await seededDb(disk);
      const before = await planLines(db);
      fill(disk);
      expect(statfsFree(disk)).toBe(0);
      const full = fingerprint(db);
      for (const args of [['plan', 'list'], ['plan', 'add', '--all']]) {
        const r = await cli(db, args);
        expectPlainError(r, /^clashless: Clashless could not open .*plan\.db: the disk is full\. Free some space and try again\.\n$/);
        expect(fingerprint(db)).toEqual(full);
        expect(movedAside(disk)).toEqual([]);
      }
      rmSync(join(disk, 'filler'));
      expect(await planLines(db)).toEqual(before);
      return;
    }
    // No mount here: the same with a file-size limit on the child (writes beyond it fail with EFBIG).
    const prlimit = spawnSync('prlimit', ['--version']);
    const bash = spawnSync('bash', ['-c', 'ulimit -f']);
    if (prlimit.status !== 0 && bash.status !== 0) {
      throw new Error('A full disk cannot be simulated here: mount -t tmpfs was refused and neither prlimit nor bash (ulimit -f) runs.');
    }
    const dir = freshDir();
    const db = await seededDb(dir);
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    const before = fingerprint(db);
    // SIGXFSZ is ignored so the write fails instead of killing the child; 8 KB is below the -shm size.
    const r = await cli(db, ['plan', 'add', '--all'], { wrap: ['bash', '-c', 'trap "" XFSZ; ulimit -f 8; exec "$@"', 'bash'] });
    expectPlainError(r, /^clashless: Clashless could not open .*plan\.db: (the disk is full|the disk reported an error)/);
    expect(fingerprint(db)).toEqual(before);
    expect(movedAside(dir)).toEqual([]);
  });
});

describe('the -wal and -shm files cannot be opened', () => {
  /** A database owned by user 65534 whose -wal holds a commit, with `lock` made unopenable for that user. */
  async function prepare(lock: ('-wal' | '-shm' | '')[]): Promise<{ dir: string; db: string }> {
    const dir = freshDir();
    const db = await seededDb(dir);
    const left = await runProcess(process.execPath, [...NODE_ARGS, join(FIXTURES, 'leave-wal.ts'), db]);
    expect(left.code, left.stderr).toBe(0);
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
    for (const f of readdirSync(dir)) chownSync(join(dir, f), NOBODY, NOBODY);
    chownSync(dir, NOBODY, NOBODY);
    for (const suffix of lock) {
      chownSync(db + suffix, 0, 0);
      chmodSync(db + suffix, suffix === '' ? 0o644 : 0o600);
    }
    return { dir, db };
  }

  it.each([
    { lock: ['-wal'] as const, says: /no permission to open plan\.db-wal/ },
    { lock: ['-shm'] as const, says: /no permission to open plan\.db-shm/ },
    { lock: ['-wal', '-shm'] as const, says: /no permission to open plan\.db-wal/ },
    { lock: [''] as const, says: /plan\.db is read-only/ }
  ])('$lock unopenable for the user: a plain error, exit 2, nothing moved or changed', async ({ lock, says }) => {
    const { dir, db } = await prepare([...lock]);
    const before = { ...fingerprint(db), shm: sha(`${db}-shm`) };
    const r = await cli(db, ['plan', 'list'], { as: 'nobody' });
    expectPlainError(r, says);
    expect(r.stderr).toMatch(/^clashless: Clashless could not open /);
    expect({ ...fingerprint(db), shm: sha(`${db}-shm`) }).toEqual(before);
    expect(movedAside(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['plan.db', 'plan.db-shm', 'plan.db-wal']);
  });
});

describe('broken backups', () => {
  /** A good backup of a seeded, planned database, then newer bad files named like backups. */
  async function withBackups(dir: string): Promise<{ db: string; good: string; planned: string[]; bad: string[] }> {
    const db = await seededDb(dir);
    const planned = await planLines(db);
    const opened = openStore(db);
    const good = takeBackup(opened.db, db, 'daily', Date.parse('2024-11-10T08:00:00Z'));
    opened.db.close();
    const goodMtime = statSync(good).mtimeMs / 1000;
    const bad: string[] = [];
    const named = (day: number) => join(backupDir(db), `plan-2024-11-${day}T08-00-00-000Z-daily.db`);
    // Newer than the good one: a 0-byte file (a backup killed before its first write) and a copy
    // cut short (a backup or restore killed halfway).
    writeFileSync(named(12), '');
    writeFileSync(named(11), readFileSync(good).subarray(0, Math.floor(statSync(good).size / 2)));
    bad.push(named(12), named(11));
    utimesSync(named(11), goodMtime + 60, goodMtime + 60);
    utimesSync(named(12), goodMtime + 120, goodMtime + 120);
    return { db, good, planned, bad };
  }

  it('a corrupt database with a 0-byte newest backup: the CLI restores the newest GOOD backup and says where the old file went', async () => {
    const dir = freshDir();
    const { db, good, planned, bad } = await withBackups(dir);
    const goodHash = sha(good);
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    writeFileSync(db, Buffer.alloc(16384, 0x5a));
    const corruptHash = sha(db);
    const r = await cli(db, ['plan', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const aside = /moved to (\S+\.unreadable-\S+) and the backup (\S+) was restored\.$/.exec(lines[0]!);
    expect(aside, r.stderr).not.toBeNull();
    expect(aside![2]).toBe(good);
    // The damaged file is kept, unchanged, where the message says.
    expect(sha(aside![1]!)).toBe(corruptHash);
    expect(r.stdout.trim().split('\n')).toEqual(planned);
    // The good backup is untouched; the empty one is gone, the cut one kept under damaged/.
    expect(sha(good)).toBe(goodHash);
    expect(existsSync(bad[0]!)).toBe(false);
    expect(existsSync(bad[1]!)).toBe(false);
    expect(existsSync(join(backupDir(db), DAMAGED_BACKUPS_DIR, 'plan-2024-11-11T08-00-00-000Z-daily.db'))).toBe(true);
  });

  it('pruning never deletes the good backup to keep broken ones', async () => {
    const dir = freshDir();
    const { db, good, bad } = await withBackups(dir);
    const goodHash = sha(good);
    // Five more broken ones, all newer: with the good one that is eight files in the folder.
    for (let i = 0; i < 5; i++) {
      const f = join(backupDir(db), `plan-2024-11-2${i}T08-00-00-000Z-daily.db`);
      writeFileSync(f, i % 2 ? '' : 'not a database, just some text that happens to have a backup name');
      bad.push(f);
    }
    // The app (like the browser host) starts and takes its daily backup, which prunes.
    const r = await runProcess(process.execPath, [...NODE_ARGS, join(FIXTURES, 'start-app.ts'), db]);
    expect(r.code, r.stderr).toBe(0);
    expect(sha(good)).toBe(goodHash);
    const left = readdirSync(backupDir(db)).filter((f) => f.endsWith('.db'));
    expect(left).toContain(good.split('/').at(-1));
    expect(left.filter((f) => f.endsWith('-daily.db'))).toHaveLength(2); // the good one and today's
    expect(readdirSync(join(backupDir(db), DAMAGED_BACKUPS_DIR)).sort()).toEqual(
      ['plan-2024-11-11T08-00-00-000Z-daily.db', 'plan-2024-11-20T08-00-00-000Z-daily.db', 'plan-2024-11-22T08-00-00-000Z-daily.db', 'plan-2024-11-24T08-00-00-000Z-daily.db'].sort()
    );
    expect(readdirSync(backupDir(db)).some((f) => f.includes('.partial-'))).toBe(false);
    expect(JSON.parse(r.stdout)).toMatchObject({ backupFailed: null, recovery: null });
  });
});

describe('two processes create the same new database at the same moment', () => {
  const ROUNDS = 6;
  it(`both succeed, with one schema and nothing moved aside (${ROUNDS} rounds each of the CLI and the app)`, async () => {
    for (let round = 0; round < ROUNDS * 2; round++) {
      const dir = freshDir();
      const db = join(dir, 'new.db');
      const at = Date.now() + 2500;
      const app = round % 2 === 1;
      const start = () =>
        app
          ? runProcess(process.execPath, [...NODE_ARGS, join(FIXTURES, 'start-app.ts'), db, String(at)])
          : runProcess(process.execPath, [...NODE_ARGS, join(FIXTURES, 'cli-at.ts'), String(at), '--db', db, 'sessions']);
      const [a, b] = await Promise.all([start(), start()]);
      for (const r of [a, b]) {
        expect({ round, code: r.code, stderr: r.stderr }).toEqual({ round, code: 0, stderr: '' });
      }
      expect(movedAside(dir)).toEqual([]);
      const check = new Database(db, { readonly: true });
      try {
        expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'conference'").get()).toEqual({ n: 1 });
        expect(check.pragma('quick_check', { simple: true })).toBe('ok');
        if (app) {
          // Only the process that created the schema seeds it: the samples are there once.
          const infos = [a, b].map((r) => JSON.parse(r.stdout) as { conferences: number });
          const n = (check.prepare('SELECT count(*) AS n FROM conference').get() as { n: number }).n;
          expect(n).toBeGreaterThan(0);
          expect(Math.max(...infos.map((i) => i.conferences))).toBe(n);
          expect(check.prepare('SELECT count(*) AS n FROM source').get()).toEqual({ n });
        }
      } finally {
        check.close();
      }
    }
  });
});

describe('a daily backup that cannot be written never blocks the start', () => {
  interface WebHost {
    call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
    stop(): Promise<{ stdout: string; stderr: string }>;
  }

  /** The real browser host (src/web/main.ts) on a free port, optionally as user 65534. */
  async function startWebHost(db: string, as?: 'nobody'): Promise<WebHost> {
    const command = [process.execPath, ...NODE_ARGS, join(ROOT, 'src', 'web', 'main.ts'), '--db', db, '--port', '0'];
    const full = as === 'nobody' ? [...asNobody(), ...command] : command;
    const child = spawn(full[0]!, full.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<URL>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the browser host did not start in time: ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /running at (\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(new URL(m[1]!));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the browser host exited (${code}) instead of starting: ${stderr}`));
      });
    });
    const token = url.searchParams.get('token')!;
    return {
      async call(channel, payload = {}) {
        const res = await fetch(new URL(`/api/${channel}`, url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Clashless-Token': token },
          body: JSON.stringify(payload)
        });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      },
      stop() {
        return new Promise((resolve) => {
          child.on('exit', () => resolve({ stdout, stderr }));
          child.kill('SIGTERM');
        });
      }
    };
  }

  async function expectStartsWithNotice(db: string, notice: RegExp, as?: 'nobody'): Promise<void> {
    const before = fingerprint(db);
    const host = await startWebHost(db, as);
    const info = (await host.call('app.info')) as { ok: boolean; value: { backupFailed: string | null; recovery: unknown } };
    expect(info.ok).toBe(true);
    expect(info.value.recovery).toBeNull();
    expect(info.value.backupFailed).toMatch(notice);
    expect(info.value.backupFailed).toMatch(/Your data itself is fine; Clashless tries again on the next start\.$/);
    expect(info.value.backupFailed).not.toMatch(/\n|SqliteError|\bat /);
    // The notice is one message for this start, not one per request, and everything else works.
    const again = (await host.call('app.info')) as { value: { backupFailed: string | null } };
    expect(again.value.backupFailed).toBe(info.value.backupFailed);
    const conferences = (await host.call('conference.list')) as { ok: boolean; value: unknown[] };
    expect(conferences.ok).toBe(true);
    expect(conferences.value.length).toBeGreaterThan(0);
    const out = await host.stop();
    expect(out.stderr).toBe('');
    expect(sha(db)).toBe(before.db);
    expect(movedAside(join(db, '..'))).toEqual([]);
  }

  it('the backups folder is a file: the browser host starts and reports it once; the CLI runs', async () => {
    const dir = freshDir();
    const db = await seededDb(dir);
    writeFileSync(join(dir, 'backups'), 'a file where the backups folder should be\n');
    const fileHash = sha(join(dir, 'backups'));
    await expectStartsWithNotice(db, /^Clashless could not save a backup of plan\.db in .*backups: “backups” beside it is not a folder\. Move that file away\./);
    expect(sha(join(dir, 'backups'))).toBe(fileHash);
    const r = await cli(db, ['plan', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('the backups folder is not writable: the browser host (as an unprivileged user) starts and reports it', async () => {
    const dir = freshDir();
    const db = await seededDb(dir);
    for (const f of readdirSync(dir)) chownSync(join(dir, f), NOBODY, NOBODY);
    chownSync(dir, NOBODY, NOBODY);
    mkdirSync(join(dir, 'backups'), { mode: 0o755 }); // root's: not writable for 65534
    await expectStartsWithNotice(db, /^Clashless could not save a backup of plan\.db in .*backups: no permission/, 'nobody');
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });

  it('the disk is nearly full: the browser host starts and reports it, and no half backup is left', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    if (disk === null) throw new Error('A nearly full disk needs mount -t tmpfs, which was refused here (run the faults project as root).');
    const db = await seededDb(disk);
    // Room for the database's own -shm and a little -wal, not for a copy of it.
    fill(disk, 96 * 1024);
    await expectStartsWithNotice(db, /^Clashless could not save a backup of plan\.db in .*backups: the disk is full\./);
    expect(readdirSync(join(disk, 'backups'))).toEqual([]);
  });
});
