// The 100,000-session database the search and memory figures read. The commit worker leaves its
// last committed database here; a worker that finds none (the commit worker failed) builds it.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { generateSchedule } from './sessions.ts';
import { freshStore, removeDbFiles } from './store.ts';

export const DATASET_SIZE = 100_000;
export const DATASET_NOW = Date.UTC(2026, 0, 1);

export function datasetPath(shared: string): string {
  return join(shared, `dataset-${DATASET_SIZE}.db`);
}

/** Move a closed database (and nothing else) into the dataset's place. */
export function adoptAsDataset(shared: string, closedDbPath: string): void {
  const target = datasetPath(shared);
  removeDbFiles(target);
  renameSync(closedDbPath, target);
  removeDbFiles(closedDbPath);
}

/** The dataset's path, building it first when no earlier worker left one. Returns whether it built. */
export function ensureDataset(shared: string): { path: string; built: boolean } {
  const path = datasetPath(shared);
  if (existsSync(path)) return { path, built: false };
  const store = freshStore(shared, 'dataset-build');
  mergeSchedule(store.db, { schedule: generateSchedule(DATASET_SIZE), rawText: '', fileName: null, now: DATASET_NOW });
  store.db.close();
  adoptAsDataset(shared, store.path);
  return { path, built: true };
}
