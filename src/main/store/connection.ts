// The one way Clashless opens a connection to its database, and the small checks and durable-write
// helpers the opener and the backups share.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** How long any connection waits for another one's lock before giving up (the same everywhere). */
export const BUSY_TIMEOUT_MS = 10_000;

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

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  return first === 'ok' ? null : (first ?? 'quick_check returned nothing');
}

export function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make a rename durable. Not every system can fsync a folder; the rename itself is atomic anyway. */
export function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch {
    // best effort
  }
}
