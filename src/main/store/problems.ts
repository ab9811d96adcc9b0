// What went wrong with the database file, in plain words. Only proven damage (SQLite says
// SQLITE_CORRUPT or SQLITE_NOTADB, or quick_check is not ok) lets open.ts move a file aside; every
// other failure (locked, disk full, read-only, no permission, disk errors) becomes a
// StoreUnavailableError that names the problem and what to do, and nothing is moved or changed.
import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ClashlessError } from '../../shared/errors.ts';

/** Below this much free space, a disk error is reported as a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024;

export function errCode(err: unknown): string {
  const code = err !== null && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/[.\s]+$/, '');
}

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
export function damageOf(err: unknown): string | null {
  if (err instanceof DamageFound) return err.message;
  const code = errCode(err);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return firstLine(err);
  return null;
}

export class DamageFound extends Error {}

function diskNearlyFull(path: string): boolean {
  try {
    const st = statfsSync(dirname(path));
    return st.bavail * st.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

export function problemOf(err: unknown, path: string): StoreProblem {
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

export function problemText(problem: StoreProblem, err: unknown, file: string): string {
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

export function unavailable(err: unknown, path: string, file = path, prefix = `Clashless could not open ${path}`): StoreUnavailableError {
  if (err instanceof StoreUnavailableError) return err;
  const problem = problemOf(err, path);
  return new StoreUnavailableError(problem, `${prefix}: ${problemText(problem, err, file)}`);
}

/**
 * Before SQLite opens anything: the database and its -wal/-shm must be readable and writable by us.
 * (SQLite would quietly open a file it cannot write read-only, and fail later, on the first edit.)
 */
export function checkAccess(path: string): void {
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
