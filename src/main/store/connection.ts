// The one way Clashless opens a connection to its database, and the small checks and durable-write
// helpers the opener and the backups share.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** How long any connection waits for another one's lock before giving up (the same everywhere). */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Pages of a new database: 16 KiB instead of SQLite's 4 KiB. Fewer, fuller pages for the session
 * rows and the search index: with the search index's 16 MiB buffer (migration 110), the bench's
 * import of 100,000 sessions went from 26.6k to 33.1k sessions/s, while searches, keystrokes and
 * the session list read as fast as before (same run). SQLite fixes the page size when a database
 * is first written; an existing database keeps its pages, in its file and in its backups.
 */
export const PAGE_SIZE = 16_384;

/**
 * The one way Clashless opens a connection to its database (the services and the import worker
 * alike): WAL, synchronous FULL, foreign keys, the same busy timeout, and PAGE_SIZE for a new
 * file. The timeout is set first, so that even switching to WAL waits for another connection's
 * lock instead of failing at once.
 */
export function connect(path: string): Db {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Only for a file with nothing in it yet. On an existing database the setting would change
    // nothing in the file, but VACUUM INTO would write its backups with it.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * For a connection that writes one large import (import/import-worker.ts): its commit returns as
 * soon as the import is durable in the WAL (synchronous FULL syncs it), without the automatic
 * checkpoint that would first copy every page into the database file. For the bench's 100,000
 * sessions that copy is 100 MB of writes and a sync, 5–8 % of the commit. Call the returned
 * function once the result is reported: it copies what it can (a passive checkpoint, which never
 * waits). It stops short of pages a read that began before the commit still uses; those are
 * copied by the next automatic checkpoint, which in the app is the services connection's after
 * its next write (the automatic checkpoint at the commit had the same limit).
 */
export function deferCheckpoints(db: Db): () => void {
  db.pragma('wal_autocheckpoint = 0');
  return () => {
    db.pragma('wal_checkpoint(PASSIVE)');
  };
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
