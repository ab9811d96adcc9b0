import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/store/migrations/index.ts';
import { backupDir, listBackups, takeBackup } from '../../src/main/store/backups.ts';
import { openStore } from '../../src/main/store/open.ts';
import { listPlan, redo, undo } from '../../src/main/store/plan.ts';
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
    for (const t of ['conference', 'source', 'session', 'speaker', 'plan_item', 'travel', 'change', 'history', 'session_fts']) {
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

describe('migration 50: a reminder per plan item', () => {
  const OLD_COLUMNS = 'id, conference_id, session_id, title, start_ms, end_ms, place, state, priority, arrive_at, leave_at, note, created_at';

  /** A schema-30 file with a planned session (note, priority, window), a block and one history entry. */
  function version30(path: string): unknown[] {
    const old = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 30)) m.up(old);
    old.pragma('user_version = 30');
    old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (1, 'Conf', 'conf', 'Europe/Berlin', 1)").run();
    old
      .prepare(
        `INSERT INTO session (id, conference_id, key, title, start_ms, end_ms, fingerprint)
         VALUES (7, 1, 'k7', 'Talk seven', 3600000, 7200000, 'f')`
      )
      .run();
    old
      .prepare(
        `INSERT INTO plan_item (id, conference_id, session_id, state, priority, arrive_at, note, created_at)
         VALUES (1, 1, 7, 'backup', 5, 4200000, 'Ask about the slides', 10)`
      )
      .run();
    old
      .prepare(
        `INSERT INTO plan_item (id, conference_id, title, start_ms, end_ms, place, state, priority, created_at)
         VALUES (2, 1, 'Lunch', 7200000, 9000000, 'Café', 'going', 3, 11)`
      )
      .run();
    // The entry the previous version wrote when the priority went from 3 to 5: rows without reminders.
    const after = old.prepare(`SELECT ${OLD_COLUMNS} FROM plan_item WHERE id = 1`).get() as Record<string, unknown>;
    const before = { ...after, priority: 3 };
    old
      .prepare("INSERT INTO history (label, before, after, created_at) VALUES ('Edit “Talk seven”', ?, ?, 12)")
      .run(JSON.stringify({ ids: [1], rows: [before] }), JSON.stringify({ ids: [1], rows: [after] }));
    const rows = old.prepare(`SELECT ${OLD_COLUMNS} FROM plan_item ORDER BY id`).all();
    old.close();
    return rows;
  }

  it('adds reminder_minutes (NULL) and keeps every plan row as it was', () => {
    const path = join(dir(), 'v30.db');
    const oldRows = version30(path);
    const { db } = openStore(path, { now: 5_000 });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(listBackups(path)).toHaveLength(1);
    expect(db.prepare(`SELECT ${OLD_COLUMNS} FROM plan_item ORDER BY id`).all()).toEqual(oldRows);
    expect(db.prepare('SELECT reminder_minutes FROM plan_item ORDER BY id').all()).toEqual([
      { reminder_minutes: null },
      { reminder_minutes: null }
    ]);
    expect(listPlan(db).map((p) => [p.title, p.reminder])).toEqual([
      ['Talk seven', null],
      ['Lunch', null]
    ]);
    db.close();
  });

  it('stores only none (0), 5, 10, 15 or 30', () => {
    const path = join(dir(), 'v30-check.db');
    version30(path);
    const { db } = openStore(path);
    const set = db.prepare('UPDATE plan_item SET reminder_minutes = ? WHERE id = 1');
    for (const bad of [7, -5, 60, 1]) expect(() => set.run(bad)).toThrow(/CHECK constraint failed/);
    for (const good of [0, 5, 10, 15, 30, null]) set.run(good);
    db.close();
  });

  it('undoes and redoes an edit the previous version recorded', () => {
    const path = join(dir(), 'v30-undo.db');
    version30(path);
    const { db } = openStore(path);
    expect(undo(db)?.label).toBe('Edit “Talk seven”');
    const undone = listPlan(db).find((p) => p.id === 1);
    expect(undone).toMatchObject({ priority: 3, note: 'Ask about the slides', reminder: null });
    redo(db);
    expect(listPlan(db).find((p) => p.id === 1)).toMatchObject({ priority: 5, reminder: null });
    db.close();
  });
});
