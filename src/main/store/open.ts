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
import type { Database as Db } from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ClashlessError } from '../../shared/errors.ts';
import { checkBackup, sortOutBackups, stamp, takeBackup } from './backups.ts';
import { BUSY_TIMEOUT_MS, connect, fsyncPath, quickCheck, userVersion } from './connection.ts';
import { LATEST_VERSION, migrate } from './migrations/index.ts';
import { checkAccess, damageOf, DamageFound, errCode, unavailable } from './problems.ts';

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
      migrate(db);
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
