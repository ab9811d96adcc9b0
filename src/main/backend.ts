// The backend: what every door (Electron IPC, the browser host, the CLI) opens. It owns the store's
// connection, the event listeners and the first-run seed; services/api.ts answers the contract.
// The code that reads files loads on demand (services/on-demand.ts), so a start that imports
// nothing never loads it; a first run loads it to import the samples while the requests wait.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../shared/contract.ts';
import type { Api, EventName, Events } from '../shared/contract.ts';
import { ParallelIcsWriter } from './export/ics-parallel.ts';
import { createApi } from './services/api.ts';
import { loadOnDemand } from './services/load-on-demand.ts';
import type { IcsWriter } from './services/export-ops.ts';
import { takeBackup } from './store/backups.ts';
import { openStore } from './store/open.ts';
import { readSetting, writeSetting } from './store/settings-table.ts';
import { findSessionsByKey, hasConferences } from './store/sessions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface BackendOptions {
  /** SQLite file; created (and seeded on first run) when missing. */
  dbPath: string;
  /** Folder with the bundled sample schedules (the project's seed/). */
  seedDir: string;
  /** Import the seed schedules into a brand-new database (the app and browser host do; the CLI does not). */
  seedOnFirstRun: boolean;
  /**
   * Path of the import worker script (src/main/import/import-worker.ts, or its bundled file in the
   * app). With it, large imports run off the services' thread with live progress; without it
   * (the CLI), they run inline.
   */
  importWorker?: string;
  /**
   * Path of the .ics writer worker (src/main/export/ics-worker.ts, or its bundled file in the app).
   * With it, large .ics exports are written on several threads (export/ics-parallel.ts); without
   * it (the CLI), in this one.
   */
  icsWorker?: string;
  /** Clock, injectable for tests. */
  now?: () => number;
}

export interface Backend {
  /** Every request waits for the first-run seed, when there is one. */
  api: Api;
  /** Settles when the backend is ready: at once, or once a first run has imported the samples (rejects if it could not). */
  ready: Promise<void>;
  /** Subscribe to pushed events (plan changed, import progress …); returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Emit an event to every subscriber (hosts use this for menu commands and dropped files). */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Sessions with this key in any conference (the CLI names sessions by key). */
  sessionsByKey(key: string): { id: number; conference_id: number; title: string }[];
  /** Import the bundled sample schedules (first run does this by itself when seedOnFirstRun). */
  seed(): Promise<{ file: string; sessions: number }[]>;
  close(): void;
}

/**
 * A daily safety copy while the app is used (kept with the migration backups, newest few). It never
 * stops the start: when it cannot be written (the backups folder is a file or not writable, the disk
 * is full) this returns the notice to show once, and the next start tries again.
 */
function dailyBackup(db: Db, dbPath: string, now: number): string | null {
  if (dbPath === ':memory:') return null;
  try {
    const last = readSetting(db, 'last_backup');
    const lastMs = last !== null ? Number(last) : 0;
    if (now - lastMs < DAY_MS) return null;
    takeBackup(db, dbPath, 'daily', now);
    writeSetting(db, 'last_backup', String(now));
    return null;
  } catch (err) {
    const why = err instanceof ClashlessError ? err.message : 'Clashless could not save today’s backup.';
    return `${why} Your data itself is fine; Clashless tries again on the next start.`;
  }
}

/** The same services, each request answered only once `ready` has settled (and refused if it failed). */
function waitingFor(ready: Promise<void>, api: Api): Api {
  // Api is a mapped type over the channels; each entry is wrapped the same way, whatever its types.
  const handlers = api as unknown as Record<string, (req: unknown) => Promise<unknown>>;
  const waiting: Record<string, (req: unknown) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    waiting[channel] = async (req) => {
      await ready;
      return handler(req);
    };
  }
  return waiting as unknown as Api;
}

export function openBackend(opts: BackendOptions): Backend {
  const clock = opts.now ?? Date.now;
  const opened = openStore(opts.dbPath, { now: clock() });
  const { db } = opened;
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const l of listeners) l(event, payload);
  };
  // The day's backup comes after the first-run seed, as it always has.
  let backupFailed: string | null = null;
  const backUp = (): void => {
    backupFailed = opts.seedOnFirstRun ? dailyBackup(db, opened.path, clock()) : null;
  };
  let seeding: Promise<void> | null = null;
  if (opened.created && opts.seedOnFirstRun && !hasConferences(db)) {
    seeding = loadOnDemand().then(({ importSeeds }) => {
      if (!db.open) return; // closed before the code loaded: nothing to seed any more
      importSeeds(db, opts.seedDir, clock());
      backUp();
    });
    // Whoever awaits `ready` or sends a request gets the failure; nobody else has to.
    seeding.catch(() => undefined);
  } else {
    backUp();
  }
  const icsWriter = opts.icsWorker ? new ParallelIcsWriter(opts.icsWorker) : null;
  const writeIcs: IcsWriter | undefined = icsWriter ? (input) => icsWriter.write(input) : undefined;
  const services = createApi(db, opened.path, opened.recovery, emit, clock, opts.importWorker ?? null, () => backupFailed, writeIcs);
  const api = seeding ? waitingFor(seeding, services) : services;
  return {
    api,
    ready: seeding ?? Promise.resolve(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    sessionsByKey(key) {
      return findSessionsByKey(db, key);
    },
    async seed() {
      const { importSeeds } = await loadOnDemand();
      const done = importSeeds(db, opts.seedDir, clock());
      emit('data.changed', { conferenceId: null });
      return done;
    },
    close() {
      listeners.clear();
      icsWriter?.close();
      if (db.open) db.close();
    }
  };
}
