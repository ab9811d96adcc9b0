// The shape every door (Electron IPC, the browser host, the CLI) gets from the services layer.
import type { Api, EventName, Events } from '../shared/contract.ts';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface ServiceHostOptions {
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
  /** Clock, injectable for tests. */
  now?: () => number;
}

export interface ServiceHost {
  api: Api;
  /** Subscribe to pushed events (plan changed, import progress …); returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Emit an event to every subscriber (hosts use this for menu commands and dropped files). */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Sessions with this key in any conference (the CLI names sessions by key). */
  sessionsByKey(key: string): { id: number; conference_id: number; title: string }[];
  /** Import the bundled sample schedules (first run does this by itself when seedOnFirstRun). */
  seed(): { file: string; sessions: number }[];
  close(): void;
}
