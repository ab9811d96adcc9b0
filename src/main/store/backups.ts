// Backups of the database: taken with VACUUM INTO under a temporary name, read back, and only then
// renamed into place; pruned to the newest few good ones; restored into the open connection.
//
// - A backup is written under a temporary name, read back (quick_check ok and the same
//   user_version), and only then renamed into place. Pruning and recovery count only backups that
//   pass that check. What happens to the others: a 0-byte file holds nothing and is deleted; a
//   file SQLite proves damaged is moved to backups/damaged/ (never deleted, so it can still be sent
//   to someone); a file that cannot be checked right now (no permission, locked) or that a newer
//   Clashless wrote is left where it is. None of them counts among the newest five.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ClashlessError } from '../../shared/errors.ts';
import { connect, fsyncDir, fsyncPath, quickCheck, userVersion } from './connection.ts';
import { LATEST_VERSION, migrate } from './migrations/index.ts';
import { damageOf, errCode, firstLine, problemOf, problemText } from './problems.ts';

const BACKUPS_KEPT = 5;
/** Backups SQLite proves damaged are kept here, out of the way of pruning and recovery. */
export const DAMAGED_BACKUPS_DIR = 'damaged';
/** An unfinished backup (its writer was killed) older than this is removed: it never passed its check. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

export function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

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
export function takeBackup(db: Db, dbPath: string, reason: string, now = Date.now(), keep?: string): string {
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
    pruneBackups(dbPath, keep);
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
export function sortOutBackups(dbPath: string): string[] {
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

/** Keep the newest BACKUPS_KEPT good backups, and `keep` (a backup about to be read) whatever its age. */
function pruneBackups(dbPath: string, keep?: string): void {
  for (const old of sortOutBackups(dbPath).slice(BACKUPS_KEPT)) {
    if (old === keep) continue;
    try {
      unlinkSync(old);
    } catch {
      // A backup we cannot delete is harmless; the next prune tries again.
    }
  }
}

/** Tables copied by a restore, parents first (foreign keys are checked at commit); it empties them in reverse. */
const DATA_TABLES = [
  'conference',
  'source',
  'session',
  'speaker',
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
 * A backup from an older schema (the one taken before an upgrade, say), copied beside it and brought
 * to today's schema by the same migrations an opened database gets; the backup itself is never
 * written. `remove()` deletes the copy; one a crash left behind is an unfinished copy like any other
 * (its name ends in .partial-<pid>), which sortOutBackups removes.
 */
function migratedCopy(file: string): { file: string; remove(): void } {
  const copy = `${file}.partial-${process.pid}`;
  const remove = (): void => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true });
  };
  try {
    copyFileSync(file, copy);
    const db = connect(copy);
    try {
      db.transaction(() => migrate(db)).immediate();
    } finally {
      db.close();
    }
  } catch (err) {
    remove();
    throw new ClashlessError(
      'internal',
      `The backup “${basename(file)}” could not be brought to this version's schema (${firstLine(err)}). Nothing was changed.`
    );
  }
  return { file: copy, remove };
}

/**
 * Replace the live data with a backup's, in one transaction on the open connection (so every door
 * keeps working), after taking a backup of the current state. Only files in our backups folder
 * can be named: the argument is a file name, never a path. A backup from an older schema is
 * restored from a migrated copy (migratedCopy); one from a newer Clashless is refused.
 */
export function restoreBackup(db: Db, dbPath: string, name: string, now = Date.now()): { savedCurrentAs: string } {
  const file = listBackups(dbPath).find((f) => basename(f) === name);
  if (!file) throw new ClashlessError('not-found', `There is no backup named “${name}”.`, 'field name');
  const check = checkBackup(file);
  if (check.state === 'empty' || check.state === 'damaged') {
    throw new ClashlessError('conflict', `The backup “${name}” is damaged (${check.state === 'empty' ? 'it is empty' : check.detail}); choose another one.`);
  }
  if (check.state === 'unknown') throw new ClashlessError('conflict', `The backup “${name}” cannot be read (${check.detail}); choose another one.`);
  if (check.state === 'other-version') {
    throw new ClashlessError(
      'conflict',
      `The backup “${name}” has schema ${check.version}, which this Clashless (schema ${LATEST_VERSION}) cannot read; choose another one, or restore it with the Clashless that wrote it.`
    );
  }
  const source = check.version === LATEST_VERSION ? { file, remove: () => undefined } : migratedCopy(file);
  try {
    // The backup of the current state must not prune the one being restored (the oldest of five).
    const savedCurrentAs = takeBackup(db, dbPath, 'before-restore', now, file);
    replaceData(db, source.file);
    return { savedCurrentAs: basename(savedCurrentAs) };
  } finally {
    source.remove();
  }
}

/** Every data table replaced by the rows of `file` (a database at today's schema), in one transaction. */
function replaceData(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS bak').run(file);
  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const t of [...DATA_TABLES].reverse()) db.prepare(`DELETE FROM main.${t}`).run();
      for (const t of DATA_TABLES) {
        // Named columns: `*` would also give the generated ones (session.search_key), which are not written.
        const columns = (db.pragma(`main.table_info(${t})`) as { name: string }[]).map((c) => c.name).join(', ');
        db.prepare(`INSERT INTO main.${t} (${columns}) SELECT ${columns} FROM bak.${t}`).run();
      }
      db.prepare("INSERT INTO session_fts (session_fts) VALUES ('rebuild')").run();
    }).immediate();
  } finally {
    db.prepare('DETACH DATABASE bak').run();
  }
}
