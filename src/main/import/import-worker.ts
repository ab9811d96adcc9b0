// Worker-thread entry for large imports: parses and commits on its own SQLite connection so the
// services' thread keeps answering (the week view, other requests) and progress reaches the page
// while the import runs. WAL lets the other connection keep reading; the merge is still one
// transaction. Errors come back as wire errors, never as stack traces.
import { parentPort, workerData } from 'node:worker_threads';
import type { Database as Db } from 'better-sqlite3';
import { toWireError } from '../../shared/errors.ts';
import { connect, deferCheckpoints } from '../store/connection.ts';
import { storeUnavailable } from '../store/problems.ts';
import { commitImport, parseForImport } from './import-job.ts';
import type { ImportRequest } from './import-job.ts';

/** 'preview' only parses (no database); 'commit' parses and merges. */
export interface ImportWorkerData {
  op: 'preview' | 'commit';
  dbPath: string;
  req: ImportRequest;
  now: number;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: 'parse' | 'commit'; done: number; total: number }
  | { type: 'done'; result: ReturnType<typeof commitImport> }
  | { type: 'parsed'; parsed: ReturnType<typeof parseForImport> }
  | { type: 'error'; error: ReturnType<typeof toWireError> };

const port = parentPort;
if (port) {
  const { op, dbPath, req, now } = workerData as ImportWorkerData;
  const send = (message: ImportWorkerMessage) => port.postMessage(message);
  if (op === 'preview') {
    try {
      send({ type: 'parsed', parsed: parseForImport(req) });
    } catch (err) {
      send({ type: 'error', error: toWireError(err) });
    }
  } else {
    // The same connect() as the services' connection: same pragmas, same busy timeout.
    let db: Db | null = null;
    try {
      db = connect(dbPath);
      const checkpoint = deferCheckpoints(db);
      const result = commitImport(db, req, now, (phase, done, total) => send({ type: 'progress', phase, done, total }));
      send({ type: 'done', result });
      // After the answer: the person sees the import done while the WAL is copied in this thread.
      try {
        checkpoint();
      } catch {
        // The import is durable in the WAL either way; a later checkpoint copies it.
      }
    } catch (err) {
      // Locked, full, no permission: say so in plain words rather than "something went wrong".
      send({ type: 'error', error: toWireError(storeUnavailable(err, dbPath, 'save changes to') ?? err) });
    } finally {
      db?.close();
    }
  }
}
