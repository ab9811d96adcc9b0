// Fresh databases for the bench: the real openStore (WAL, synchronous=FULL, migrations), in the
// bench's scratch folder on disk, so a commit pays the same fsyncs it pays in the app.
import type { Database as Db } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/main/store/open.ts';

export interface FreshStore {
  db: Db;
  path: string;
  /** Close and delete the file with its WAL and shared-memory companions. */
  remove(): void;
}

export function freshStore(dir: string, name: string): FreshStore {
  const path = join(dir, `${name}.db`);
  removeDbFiles(path);
  const { db } = openStore(path);
  return {
    db,
    path,
    remove() {
      if (db.open) db.close();
      removeDbFiles(path);
    }
  };
}

export function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
