// Opening the database: pragmas, schema migrations, backups and recovery.
//
// Policy ("nothing lost, ever"):
// - WAL with synchronous=FULL: a committed plan edit survives a crash or a power cut. Every
//   connection (the services' own and the import worker's) is made by connect(), so all use the same
//   pragmas and the same busy timeout.
// - The schema version is PRAGMA user_version. Creating and migrating happen in one
//   `BEGIN IMMEDIATE` transaction that reads user_version again inside it: a second process opening
//   the same new file at the same moment waits (busy timeout) and then finds the schema ready.
//   Migrations of existing data run after a `VACUUM INTO` backup of the previous version. A database
//   written by a newer Clashless is refused (never "downgraded").
// - A file is moved aside (never deleted) ONLY on proven damage: SQLite says SQLITE_CORRUPT or
//   SQLITE_NOTADB, or `PRAGMA quick_check` is not ok. Then the newest GOOD backup is restored.
//   Anything else (locked by another program, disk full, read-only, no permission, disk errors)
//   leaves every file as it was and becomes a StoreUnavailableError in plain words.
// - A backup is written under a temporary name, read back (quick_check ok and the same
//   user_version), and only then renamed into place. Pruning and recovery count only backups that
//   pass that check. What happens to the others: a 0-byte file holds nothing and is deleted; a
//   file SQLite proves damaged is moved to backups/damaged/ (never deleted, so it can still be sent
//   to someone); a file that cannot be checked right now (no permission, locked) or that a newer
//   Clashless wrote is left where it is. None of them counts among the newest five.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  unlinkSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ClashlessError } from '../../shared/errors.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';

export interface Recovery {
  movedTo: string;
  restoredFrom: string | null;
  reason: string;
}

export interface OpenedStore {
  db: Db;
  path: string;
  /** Set when the file was proven damaged and had to be replaced. */
  recovery: Recovery | null;
  /** True when this connection created the schema (first run, or a recovery with no backup). */
  created: boolean;
}

const BACKUPS_KEPT = 5;
/** How long any connection waits for another one's lock before giving up (the same everywhere). */
export const BUSY_TIMEOUT_MS = 10_000;
/** Backups SQLite proves damaged are kept here, out of the way of pruning and recovery. */
export const DAMAGED_BACKUPS_DIR = 'damaged';
/** An unfinished backup (its writer was killed) older than this is removed: it never passed its check. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;
/** Below this much free space, a disk error is reported as a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024;

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

function errCode(err: unknown): string {
  const code = err !== null && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/[.\s]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// What went wrong, in plain words

export type StoreProblem = 'locked' | 'full' | 'read-only' | 'permission' | 'disk' | 'other';

/**
 * The database could not be opened or written for a reason that is not damage: nothing was moved
 * or changed. The message is for people ("Clashless could not open …: another program is using it").
 */
export class StoreUnavailableError extends ClashlessError {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem, message: string) {
    super(problem === 'locked' ? 'conflict' : problem === 'read-only' || problem === 'permission' ? 'forbidden' : 'internal', message);
    this.name = 'StoreUnavailableError';
    this.problem = problem;
  }
}

/** A damaged database: SQLite said so, or quick_check found a problem. Only this moves a file aside. */
function damageOf(err: unknown): string | null {
  if (err instanceof DamageFound) return err.message;
  const code = errCode(err);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return firstLine(err);
  return null;
}

class DamageFound extends Error {}

function diskNearlyFull(path: string): boolean {
  try {
    const st = statfsSync(dirname(path));
    return st.bavail * st.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

function problemOf(err: unknown, path: string): StoreProblem {
  const code = errCode(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM') {
    return 'permission';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return diskNearlyFull(path) ? 'full' : 'disk';
  return 'other';
}

function problemText(problem: StoreProblem, err: unknown, file: string): string {
  switch (problem) {
    case 'locked':
      return 'another program is using it (locked). Close it and try again.';
    case 'full':
      return 'the disk is full. Free some space and try again.';
    case 'read-only':
      return `${basename(file)} is read-only (no permission to change it, or the disk is read-only). Make it writable and try again.`;
    case 'permission':
      return `no permission to open ${basename(file)} (or it is not a file). Check who owns the files in ${dirname(file)} and try again.`;
    case 'disk':
      return `the disk reported an error (${errCode(err) || firstLine(err)}). Check the disk and try again.`;
    case 'other':
      return `${firstLine(err)}.`;
  }
}

/**
 * The plain-words error for a failure to open (or, with `doing`, to write) the database at `path`,
 * when it is not damage: locked, full, read-only, permission, disk errors. Null for anything else
 * (a ClashlessError already in plain words, damage, a bug). The CLI and the import worker use it too.
 */
export function storeUnavailable(err: unknown, path: string, doing: 'open' | 'save changes to' = 'open'): StoreUnavailableError | null {
  if (err instanceof StoreUnavailableError) return err;
  if (err instanceof ClashlessError || damageOf(err) !== null) return null;
  const problem = problemOf(err, path);
  if (problem === 'other' && doing !== 'open') return null;
  return new StoreUnavailableError(problem, `Clashless could not ${doing} ${path}: ${problemText(problem, err, path)}`);
}

function unavailable(err: unknown, path: string, file = path, prefix = `Clashless could not open ${path}`): StoreUnavailableError {
  if (err instanceof StoreUnavailableError) return err;
  const problem = problemOf(err, path);
  return new StoreUnavailableError(problem, `${prefix}: ${problemText(problem, err, file)}`);
}

/**
 * Before SQLite opens anything: the database and its -wal/-shm must be readable and writable by us.
 * (SQLite would quietly open a file it cannot write read-only, and fail later, on the first edit.)
 */
function checkAccess(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    for (const [mode, problem] of [
      [constants.R_OK, 'permission'],
      [constants.W_OK, 'read-only']
    ] as const) {
      try {
        accessSync(file, mode);
      } catch (err) {
        if (errCode(err) !== 'EACCES') throw unavailable(err, path, file);
        throw new StoreUnavailableError(problem, `Clashless could not open ${path}: ${problemText(problem, err, file)}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Connections

/**
 * The one way Clashless opens a connection to its database (the services and the import worker
 * alike): WAL, synchronous FULL, foreign keys, and the same busy timeout. The timeout is set first,
 * so that even switching to WAL waits for another connection's lock instead of failing at once.
 */
export function connect(path: string): Db {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  return first === 'ok' ? null : (first ?? 'quick_check returned nothing');
}

function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make a rename durable. Not every system can fsync a folder; the rename itself is atomic anyway. */
function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch {
    // best effort
  }
}

// ---------------------------------------------------------------------------------------------
// Backups

export type BackupCheck =
  | { state: 'good'; version: number }
  | { state: 'empty' }
  | { state: 'damaged'; detail: string }
  | { state: 'other-version'; version: number }
  | { state: 'unknown'; detail: string };

/**
 * Read a backup file back: 'good' when quick_check is ok and its schema version is one this
 * Clashless can restore (exactly `expectVersion` when given). 'unknown' when it cannot be read right
 * now for a reason that is not damage (permission, lock): then nothing is proven about it.
 */
export function checkBackup(file: string, expectVersion?: number): BackupCheck {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    return { state: 'unknown', detail: firstLine(err) };
  }
  if (size === 0) return { state: 'empty' };
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    const damage = damageOf(err);
    return damage ? { state: 'damaged', detail: damage } : { state: 'unknown', detail: firstLine(err) };
  }
  try {
    const version = userVersion(db);
    const problem = quickCheck(db);
    if (problem) return { state: 'damaged', detail: problem };
    if (expectVersion !== undefined && version !== expectVersion) {
      return { state: 'damaged', detail: `schema ${version} where ${expectVersion} was written` };
    }
    if (version < 1 || version > LATEST_VERSION) return { state: 'other-version', version };
    return { state: 'good', version };
  } catch (err) {
    const damage = damageOf(err);
    return damage ? { state: 'damaged', detail: damage } : { state: 'unknown', detail: firstLine(err) };
  } finally {
    db.close();
  }
}

/**
 * Take a consistent copy of the live database with VACUUM INTO and keep the newest few. The copy is
 * written under a temporary name, read back, and renamed into place only when it checks out, so a
 * full disk or a kill never leaves a half backup that looks like a real one. Throws a
 * ClashlessError in plain words when the copy cannot be made; the live database is never touched.
 */
export function takeBackup(db: Db, dbPath: string, reason: string, now = Date.now()): string {
  const dir = backupDir(dbPath);
  const name = `${basename(dbPath, '.db')}-${stamp(now)}-${reason}.db`;
  const target = join(dir, name);
  const temp = join(dir, `${name}.partial-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const version = userVersion(db);
    db.prepare('VACUUM INTO ?').run(temp);
    const check = checkBackup(temp, version);
    if (check.state !== 'good') {
      throw new Error(`the copy did not read back correctly (${'detail' in check ? check.detail : check.state})`);
    }
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncDir(dir);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left behind, it is removed by a later prune (it never passed its check).
    }
    const code = errCode(err);
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `“${basename(dir)}” beside it is not a folder. Move that file away.`
        : problemOf(err, dir) === 'other'
          ? `${firstLine(err)}.`
          : problemText(problemOf(err, dir), err, dir);
    throw new ClashlessError('internal', `Clashless could not save a backup of ${basename(dbPath)} in ${dir}: ${why}`);
  }
  try {
    pruneBackups(dbPath);
  } catch {
    // Pruning is tidying; the next backup tries again.
  }
  return target;
}

/** Every backup-named file in the backups folder (good or not), newest first. */
export function listBackups(dbPath: string): string[] {
  const dir = backupDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = basename(dbPath, '.db') + '-';
  const files: { file: string; mtime: number }[] = [];
  for (const f of names) {
    if (!f.startsWith(prefix) || !f.endsWith('.db')) continue;
    try {
      const st = statSync(join(dir, f));
      if (st.isFile()) files.push({ file: join(dir, f), mtime: st.mtimeMs });
    } catch {
      // Gone meanwhile.
    }
  }
  return files.sort((a, b) => b.mtime - a.mtime || b.file.localeCompare(a.file)).map((f) => f.file);
}

/** Backups that pass checkBackup, newest first: the only ones restored or counted. */
export function goodBackups(dbPath: string): string[] {
  return listBackups(dbPath).filter((f) => checkBackup(f).state === 'good');
}

/**
 * Sort the backups folder out: delete 0-byte files, move proven-damaged ones to damaged/, remove
 * unfinished temporary copies whose writer is long gone. Returns the good backups, newest first.
 */
function sortOutBackups(dbPath: string): string[] {
  const dir = backupDir(dbPath);
  const good: string[] = [];
  for (const file of listBackups(dbPath)) {
    const check = checkBackup(file);
    try {
      if (check.state === 'good') good.push(file);
      else if (check.state === 'empty') unlinkSync(file);
      else if (check.state === 'damaged') {
        mkdirSync(join(dir, DAMAGED_BACKUPS_DIR), { recursive: true });
        renameSync(file, join(dir, DAMAGED_BACKUPS_DIR, basename(file)));
      }
      // 'unknown' and 'other-version' stay where they are, uncounted.
    } catch {
      // Could not tidy it: it stays, uncounted.
    }
  }
  const prefix = basename(dbPath, '.db') + '-';
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder
  }
  for (const f of names) {
    if (!f.startsWith(prefix) || !/\.db\.partial-\d+$/.test(f)) continue;
    try {
      if (Date.now() - statSync(join(dir, f)).mtimeMs > STALE_PARTIAL_MS) unlinkSync(join(dir, f));
    } catch {
      // leave it
    }
  }
  return good;
}

function pruneBackups(dbPath: string): void {
  for (const old of sortOutBackups(dbPath).slice(BACKUPS_KEPT)) {
    try {
      unlinkSync(old);
    } catch {
      // A backup we cannot delete is harmless; the next prune tries again.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Opening, creating, migrating

function newerVersion(dbPath: string, version: number): ClashlessError {
  return new ClashlessError(
    'conflict',
    `This database (${dbPath}) was written by a newer version of Clashless (schema ${version}, this version knows ${LATEST_VERSION}). ` +
      'Install the newer Clashless, or choose another database file.'
  );
}

/**
 * Bring the schema to LATEST_VERSION. Returns true when this call created it. All of it runs in one
 * IMMEDIATE transaction that reads user_version again: a second process doing the same waits for
 * the first and then finds nothing to do. (The transaction also proves we can write here.)
 */
function ensureSchema(db: Db, dbPath: string, now: number): boolean {
  const seen = userVersion(db);
  if (seen > LATEST_VERSION) throw newerVersion(dbPath, seen);
  // VACUUM INTO cannot run inside a transaction, so the backup comes first. Without a backup, no
  // migration: its failure stops the start with the reason.
  if (seen > 0 && seen < LATEST_VERSION && dbPath !== ':memory:') takeBackup(db, dbPath, `before-v${LATEST_VERSION}`, now);
  return db
    .transaction(() => {
      const version = userVersion(db);
      if (version > LATEST_VERSION) throw newerVersion(dbPath, version);
      for (const m of MIGRATIONS.filter((m) => m.version > version)) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      return version === 0;
    })
    .immediate();
}

/**
 * openAndCheck, tried again while SQLite answers "busy" for up to BUSY_TIMEOUT_MS in all. SQLite
 * usually waits out a lock itself (busy_timeout), but answers SQLITE_BUSY at once where waiting
 * could deadlock: two processes opening the same brand-new file can each hold a read lock while
 * switching it to WAL. Seen once in 12 rounds of the creation-race fault test on a loaded CI
 * machine. A failed attempt changed nothing (its connection is closed), so trying again is safe; a
 * lock that another program really holds still fails, after the one busy timeout it already waited.
 */
function openPatiently(path: string, now: number): { db: Db; created: boolean } {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return openAndCheck(path, now);
    } catch (err) {
      if (!errCode(err).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw err;
      Atomics.wait(RETRY_PAUSE, 0, 0, 25);
    }
  }
}

/** Something to Atomics.wait on: a synchronous pause between open attempts. */
const RETRY_PAUSE = new Int32Array(new SharedArrayBuffer(4));

function openAndCheck(path: string, now: number): { db: Db; created: boolean } {
  if (path !== ':memory:') checkAccess(path);
  const db = connect(path);
  try {
    const problem = quickCheck(db);
    if (problem) throw new DamageFound(`quick_check: ${problem}`);
    const created = ensureSchema(db, path, now);
    return { db, created };
  } catch (err) {
    db.close();
    throw err;
  }
}

const COMPANIONS = ['-wal', '-shm'] as const;

function moveAside(path: string, now: number): string {
  const aside = `${path}.unreadable-${stamp(now)}`;
  renameSync(path, aside);
  try {
    for (const suffix of COMPANIONS) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
  } catch (err) {
    moveBack(aside, path); // all or nothing: never leave the file and its -wal apart
    throw err;
  }
  return aside;
}

function moveBack(aside: string, path: string): void {
  renameSync(aside, path);
  for (const suffix of COMPANIONS) {
    if (existsSync(aside + suffix)) renameSync(aside + suffix, path + suffix);
  }
}

/**
 * The database at `path` is proven damaged. Stage the newest good backup beside it first (so a
 * full disk fails before anything moves), then move the damaged file aside and put the copy in
 * its place. If the result still will not open, everything is put back as it was.
 */
function recover(path: string, reason: string, now: number): OpenedStore {
  const staged = `${path}.restoring-${process.pid}`;
  let restoredFrom: string | null = null;
  for (const backup of sortOutBackups(path)) {
    try {
      copyFileSync(backup, staged);
      fsyncPath(staged);
      if (checkBackup(staged).state === 'good') {
        restoredFrom = backup;
        break;
      }
      rmSync(staged, { force: true });
    } catch (err) {
      rmSync(staged, { force: true });
      throw unavailable(err, path, path, `Clashless found ${path} damaged (${reason}) but could not restore its backup ${basename(backup)}`);
    }
  }
  let movedTo: string;
  try {
    movedTo = moveAside(path, now);
  } catch (err) {
    rmSync(staged, { force: true });
    throw unavailable(err, path, path, `Clashless found ${path} damaged (${reason}) but could not move it aside`);
  }
  try {
    if (restoredFrom) renameSync(staged, path);
    const { db, created } = openAndCheck(path, now);
    return { db, path, recovery: { movedTo, restoredFrom, reason }, created };
  } catch (err) {
    // The restored copy (or the new file) is ours to remove: the backup it came from is untouched.
    for (const f of [staged, path, ...COMPANIONS.map((s) => path + s)]) rmSync(f, { force: true });
    moveBack(movedTo, path);
    if (err instanceof ClashlessError) throw err;
    throw unavailable(err, path, path, `Clashless found ${path} damaged (${reason}) and could not replace it`);
  }
}

/**
 * Open (creating when missing) the database at `path`. A file proven damaged is moved aside and the
 * newest good backup restored; `recovery` says what happened so the UI can tell the person. Any
 * other failure throws a StoreUnavailableError (or a ClashlessError) and leaves every file as it was.
 */
export function openStore(path: string, opts: { now?: number } = {}): OpenedStore {
  const now = opts.now ?? Date.now();
  if (path === ':memory:') {
    const { db, created } = openAndCheck(path, now);
    return { db, path, recovery: null, created };
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw unavailable(err, path, dirname(path));
  }
  let reason: string;
  try {
    const { db, created } = openPatiently(path, now);
    return { db, path, recovery: null, created };
  } catch (err) {
    if (err instanceof ClashlessError) throw err; // newer version, failed migration backup, unavailable
    const damage = damageOf(err);
    if (damage === null) throw unavailable(err, path);
    reason = damage;
  }
  return recover(path, reason, now);
}

/** Tables copied by a restore, parents first (foreign keys are checked at commit). */
const DATA_TABLES = [
  'conference',
  'source',
  'session',
  'speaker',
  'session_speaker',
  'plan_item',
  'travel',
  'change',
  'history',
  'export_state',
  'setting',
  'friend',
  'friend_session'
] as const;

export interface BackupInfo {
  name: string;
  takenAt: number;
  sizeBytes: number;
}

/** The backups a person can restore (those that read back correctly), newest first. */
export function describeBackups(dbPath: string): BackupInfo[] {
  const out: BackupInfo[] = [];
  for (const file of goodBackups(dbPath)) {
    try {
      const st = statSync(file);
      out.push({ name: basename(file), takenAt: st.mtimeMs, sizeBytes: st.size });
    } catch {
      // Pruned meanwhile.
    }
  }
  return out;
}

/**
 * Replace the live data with a backup's, in one transaction on the open connection (so every door
 * keeps working), after taking a backup of the current state. Only files in our backups folder
 * can be named: the argument is a file name, never a path.
 */
export function restoreBackup(db: Db, dbPath: string, name: string, now = Date.now()): { savedCurrentAs: string } {
  const file = listBackups(dbPath).find((f) => basename(f) === name);
  if (!file) throw new ClashlessError('not-found', `There is no backup named “${name}”.`, 'field name');
  const check = checkBackup(file);
  if (check.state === 'empty' || check.state === 'damaged') {
    throw new ClashlessError('conflict', `The backup “${name}” is damaged (${check.state === 'empty' ? 'it is empty' : check.detail}); choose another one.`);
  }
  if (check.state === 'unknown') throw new ClashlessError('conflict', `The backup “${name}” cannot be read (${check.detail}); choose another one.`);
  if (check.version !== LATEST_VERSION) {
    throw new ClashlessError('conflict', `The backup “${name}” has schema ${check.version}; this Clashless restores schema ${LATEST_VERSION} backups only.`);
  }
  const savedCurrentAs = takeBackup(db, dbPath, 'before-restore', now);
  db.prepare('ATTACH DATABASE ? AS bak').run(file);
  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const t of [...DATA_TABLES].reverse()) db.prepare(`DELETE FROM main.${t}`).run();
      for (const t of DATA_TABLES) db.prepare(`INSERT INTO main.${t} SELECT * FROM bak.${t}`).run();
      db.prepare("INSERT INTO session_fts (session_fts) VALUES ('rebuild')").run();
    }).immediate();
  } finally {
    db.prepare('DETACH DATABASE bak').run();
  }
  return { savedCurrentAs: basename(savedCurrentAs) };
}
