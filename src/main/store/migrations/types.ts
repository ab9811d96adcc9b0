import type { Database } from 'better-sqlite3';

/** One step of schema history. `version` is the PRAGMA user_version after it ran (numbered in tens). */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
