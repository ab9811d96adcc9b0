import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { backupDir, listBackups, openStore, takeBackup } from '../../src/main/store/open.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('opening the store', () => {
  it('creates the schema at the latest version with WAL, synchronous FULL and foreign keys', () => {
    const path = join(dir(), 'a.db');
    const { db, created, recovery } = openStore(path);
    expect(created).toBe(true);
    expect(recovery).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['conference', 'source', 'session', 'speaker', 'session_speaker', 'plan_item', 'travel', 'change', 'history', 'session_fts']) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('reopening an up-to-date database changes nothing and takes no backup', () => {
    const path = join(dir(), 'b.db');
    openStore(path).db.close();
    const second = openStore(path);
    expect(second.created).toBe(false);
    second.db.close();
    expect(listBackups(path)).toEqual([]);
  });

  it('refuses a database written by a newer version, leaving the file untouched', () => {
    const path = join(dir(), 'newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    let error: unknown;
    try {
      openStore(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ClashlessError);
    expect((error as ClashlessError).message).toMatch(/newer version of Clashless/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    again.close();
  });

  it('moves a corrupt file aside and restores the newest backup', () => {
    const d = dir();
    const path = join(d, 'c.db');
    const first = openStore(path);
    first.db.prepare("INSERT INTO conference (title, identity, time_zone, created_at) VALUES ('Kept', 'kept', 'UTC', 1)").run();
    takeBackup(first.db, path, 'test', 1_000);
    first.db.close();
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) writeFileSync(path + suffix, '');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    const reopened = openStore(path, { now: 2_000 });
    expect(reopened.recovery).not.toBeNull();
    expect(reopened.recovery!.restoredFrom).toMatch(/backups/);
    expect(existsSync(reopened.recovery!.movedTo)).toBe(true);
    const titles = reopened.db.prepare('SELECT title FROM conference').all();
    expect(titles).toEqual([{ title: 'Kept' }]);
    reopened.db.close();
  });

  it('keeps only the newest five backups', () => {
    const path = join(dir(), 'd.db');
    const { db } = openStore(path);
    for (let i = 0; i < 8; i++) takeBackup(db, path, `n${i}`, 10_000 + i * 1000);
    db.close();
    expect(readdirSync(backupDir(path)).length).toBe(5);
  });
});
