// Every migration, in order. Append only: a shipped migration is never edited or removed.
import { createCore } from './0010-create-core.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [createCore];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
