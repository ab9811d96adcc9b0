// Opening the database: pragmas, schema migrations, backups and recovery.
//
// Policy:
// - WAL with synchronous=FULL: a committed plan edit survives a crash or a power cut.
// - The schema version is PRAGMA user_version. Migrations run in one transaction, after a
//   `VACUUM INTO` backup of the previous version. A database written by a newer Clashless is
//   refused (never "downgraded"), because we cannot know what its new columns mean.
// - An unreadable or corrupt file is moved aside (never deleted) and the newest backup restored.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, copyFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ClashlessError } from '../../shared/contract.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';

export interface Recovery {
  movedTo: string;
  restoredFrom: string | null;
  reason: string;
}

export interface OpenedStore {
  db: Db;
  path: string;
  /** Set when the file was unreadable and had to be replaced. */
  recovery: Recovery | null;
  /** True when the file did not exist (first run). */
  created: boolean;
}

const BACKUPS_KEPT = 5;

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Take a consistent copy of the live database with VACUUM INTO and keep the newest few. */
export function takeBackup(db: Db, dbPath: string, reason: string, now = Date.now()): string {
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${basename(dbPath, '.db')}-${stamp(now)}-${reason}.db`);
  db.prepare('VACUUM INTO ?').run(target);
  pruneBackups(dbPath);
  return target;
}

export function listBackups(dbPath: string): string[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  const prefix = basename(dbPath, '.db') + '-';
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a));
}

function pruneBackups(dbPath: string): void {
  for (const old of listBackups(dbPath).slice(BACKUPS_KEPT)) {
    try {
      unlinkSync(old);
    } catch {
      // A backup we cannot delete is harmless; the next prune tries again.
    }
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Db, dbPath: string, now: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_VERSION) {
    throw new ClashlessError(
      'conflict',
      `This database (${dbPath}) was written by a newer version of Clashless (schema ${version}, this version knows ${LATEST_VERSION}). ` +
        'Install the newer Clashless, or choose another database file.'
    );
  }
  if (version === LATEST_VERSION) return;
  if (version > 0) takeBackup(db, dbPath, `before-v${LATEST_VERSION}`, now);
  const pending = MIGRATIONS.filter((m) => m.version > version);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  return first === 'ok' ? null : (first ?? 'quick_check returned nothing');
}

function openAndCheck(path: string, now: number): Db {
  const db = new Database(path);
  try {
    applyPragmas(db);
    const problem = quickCheck(db);
    if (problem) throw new Error(problem);
    migrate(db, path, now);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function moveAside(path: string, now: number): string {
  const aside = `${path}.unreadable-${stamp(now)}`;
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Open (creating when missing) the database at `path`. A corrupt file is moved aside and the newest
 * backup that opens cleanly is restored; `recovery` says what happened so the UI can tell the person.
 */
export function openStore(path: string, opts: { now?: number; readonly?: boolean } = {}): OpenedStore {
  const now = opts.now ?? Date.now();
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const created = path === ':memory:' || !existsSync(path) || statSync(path).size === 0;
  try {
    return { db: openAndCheck(path, now), path, recovery: null, created };
  } catch (err) {
    if (err instanceof ClashlessError) throw err; // newer version: refuse, never move it aside
    if (path === ':memory:') throw err;
    const reason = err instanceof Error ? err.message : String(err);
    const movedTo = moveAside(path, now);
    for (const backup of listBackups(path)) {
      try {
        copyFileSync(backup, path);
        const db = openAndCheck(path, now);
        return { db, path, recovery: { movedTo, restoredFrom: backup, reason }, created: false };
      } catch {
        if (existsSync(path)) unlinkSync(path);
      }
    }
    const db = openAndCheck(path, now);
    return { db, path, recovery: { movedTo, restoredFrom: null, reason }, created: true };
  }
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
  'setting'
] as const;

export interface BackupInfo {
  name: string;
  takenAt: number;
  sizeBytes: number;
}

export function describeBackups(dbPath: string): BackupInfo[] {
  return listBackups(dbPath).map((file) => {
    const st = statSync(file);
    return { name: basename(file), takenAt: st.mtimeMs, sizeBytes: st.size };
  });
}

/**
 * Replace the live data with a backup's, in one transaction on the open connection (so every door
 * keeps working), after taking a backup of the current state. Only files in our backups folder
 * can be named: the argument is a file name, never a path.
 */
export function restoreBackup(db: Db, dbPath: string, name: string, now = Date.now()): { savedCurrentAs: string } {
  const file = listBackups(dbPath).find((f) => basename(f) === name);
  if (!file) throw new ClashlessError('not-found', `There is no backup named “${name}”.`, 'field name');
  const check = new Database(file, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = check.pragma('user_version', { simple: true }) as number;
    const problem = quickCheck(check);
    if (problem) throw new ClashlessError('conflict', `The backup “${name}” is damaged (${problem}); choose another one.`);
  } finally {
    check.close();
  }
  if (version !== LATEST_VERSION) {
    throw new ClashlessError('conflict', `The backup “${name}” has schema ${version}; this Clashless restores schema ${LATEST_VERSION} backups only.`);
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
