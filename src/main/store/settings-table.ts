// The `setting` table: small facts about this database that belong with its data (the time of the
// last daily backup, the conference the person was last looking at). Keys are fixed strings.
import type { Database as Db } from 'better-sqlite3';

export function readSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Store a value, or forget it with null. */
export function writeSetting(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
  else db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
