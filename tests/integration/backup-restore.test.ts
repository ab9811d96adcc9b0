// Restoring a backup on real files, where the plain case (services.test.ts) does not reach:
// - the backup taken before an upgrade has the previous schema; restoring it must bring back what
//   the person had then, read by today's code, and leave the backup file itself untouched;
// - restoring the oldest of the five kept backups must not lose it to the pruning that the
//   "before restore" backup triggers.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir, describeBackups, restoreBackup, takeBackup } from '../../src/main/store/backups.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { openStore } from '../../src/main/store/open.ts';
import { listConferences, listSessions } from '../../src/main/store/sessions.ts';
import { commitText, SEED_DIR, tempDir } from './helpers.ts';
import { CILIUM_NA_2023, corpusAtVersion, speakersBySession } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const NOW = Date.UTC(2026, 0, 1);
const KUBECON = readFileSync(join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const titles = (db: Parameters<typeof listConferences>[0]) => listConferences(db).map((c) => c.title).sort();

describe('restoring a backup', () => {
  it('restores the backup an upgrade took of the previous schema: what the person had then, read by today’s code', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const { dbPath } = corpusAtVersion(tmp.dir, 120, NOW);
    // Opening it upgrades it, after a backup of schema 120.
    const { db } = openStore(dbPath, { now: NOW + 1000 });
    try {
      const before = { titles: titles(db), sessions: listSessions(db, {}), speakers: speakersBySession(db) };
      expect(before.titles).toHaveLength(2);
      expect(Object.keys(before.speakers).length).toBeGreaterThan(300);
      const [upgrade] = describeBackups(dbPath);
      expect(upgrade?.name).toMatch(new RegExp(`before-v${LATEST_VERSION}\\.db$`));
      const upgradeFile = join(backupDir(dbPath), upgrade!.name);
      const untouched = digest(upgradeFile);

      // After the upgrade the person imports another schedule, then wants the state before it back.
      commitText(db, KUBECON, 'kubecon.txt', NOW + 2000);
      expect(titles(db)).toHaveLength(3);
      const { savedCurrentAs } = restoreBackup(db, dbPath, upgrade!.name, NOW + 3000);
      expect(savedCurrentAs).toMatch(/before-restore/);
      expect(titles(db)).toEqual(before.titles);
      expect(listSessions(db, {})).toEqual(before.sessions);
      expect(speakersBySession(db)).toEqual(before.speakers);
      expect(listSessions(db, { search: 'kernel' }).length).toBeGreaterThan(0);
      // The backup itself is as it was, and no working copy is left beside it.
      expect(digest(upgradeFile)).toBe(untouched);
      expect(readdirSync(backupDir(dbPath)).filter((f) => f.includes('.partial-'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('restores the oldest of the five kept backups, which the backup of the current state would prune', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'clashless.db');
    const { db } = openStore(dbPath, { now: NOW });
    try {
      commitText(db, CILIUM_NA_2023, 'cilium.md', NOW);
      const oldest = takeBackup(db, dbPath, 'manual', NOW + 60_000);
      const onlyCilium = titles(db);
      commitText(db, KUBECON, 'kubecon.txt', NOW + 120_000);
      for (let i = 0; i < 4; i++) takeBackup(db, dbPath, 'manual', NOW + (3 + i) * 60_000);
      expect(describeBackups(dbPath).map((b) => b.name).at(-1)).toBe(basename(oldest));
      expect(describeBackups(dbPath)).toHaveLength(5);

      restoreBackup(db, dbPath, basename(oldest), NOW + 600_000);
      expect(titles(db)).toEqual(onlyCilium);
    } finally {
      db.close();
    }
  });
});
