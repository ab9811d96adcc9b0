// Large .ics exports written on several threads at once.
//
// Why: the `ics` package validates every event with yup before writing it, and that is most of an
// export (about 90 µs an event here: 1,000 events take ~90 ms before a line is written), with no
// way to skip it. Events are written independently, so the export is cut into consecutive runs:
// this thread writes the first run while warm worker threads (export/ics-worker.ts) write the
// others, and joinIcsParts makes them the very file buildIcs writes alone (the parallel-export
// test compares them byte for byte).
//
// The workers only make it faster. One that cannot start, or dies, leaves its run to this thread;
// a bad event is reported exactly as the one-thread writer reports it (the earliest run's error).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ClashlessError } from '../../shared/contract.ts';
import { selectEvents, type AgendaEvent, type AgendaInput } from './agenda.ts';
import { checkInstants, joinIcsParts, writeIcsPart, type IcsContext } from './ics.ts';
import type { IcsPartReply, IcsPartRequest } from './ics-worker.ts';

/** Below this many events an export takes a few ms in one thread; handing runs out would not pay. */
export const PARALLEL_FROM_EVENTS = 200;
/** Past four threads the part this thread writes, selects and joins dominates. */
const MAX_THREADS = 4;

interface Pending {
  resolve: (text: string) => void;
  reject: (err: ClashlessError) => void;
  /** Write the run here instead, when its worker is gone. */
  fallback: () => string;
}

interface Helper {
  worker: Worker;
  /** Its modules are loaded and it answers: only then does it get runs. */
  ready: boolean;
  /** Settles once it is ready or gone. */
  started: Promise<void>;
  pending: Map<number, Pending>;
}

/** Consecutive runs of nearly equal length, in order. */
function splitRuns<T>(items: readonly T[], runs: number): T[][] {
  const size = Math.ceil(items.length / runs);
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += size) out.push(items.slice(from, from + size));
  return out;
}

/** Only what the writer reads: the plan entries stay in this thread. */
function icsContext(input: AgendaInput): IcsContext {
  const { calendarName, timeZone, sequences, now, alarmMinutes, owner } = input;
  return { calendarName, timeZone, sequences, now, alarmMinutes, owner: owner ?? null };
}

function settleWithFallback(p: Pending): void {
  try {
    p.resolve(p.fallback());
  } catch (err) {
    p.reject(err instanceof ClashlessError ? err : new ClashlessError('internal', 'Could not write the .ics file.'));
  }
}

/**
 * Writes .ics files with the help of worker threads, started at the first large export and kept
 * for the next ones. A worker still starting gets no work: the first large export of a session is
 * written here while its helpers start (as fast as before: a cold worker would only add its start
 * to the wait), and the exports after it are shared.
 */
export class ParallelIcsWriter {
  readonly #workerPath: string;
  readonly #helpers: (Helper | null)[];
  #nextId = 0;
  #closed = false;
  /** Set when a worker stopped before it was ever ready (a missing or broken file): no more are started. */
  #cannotStart = false;

  /** threads counts this one: 1 writes everything here. */
  constructor(workerPath: string, threads = Math.min(availableParallelism(), MAX_THREADS)) {
    this.#workerPath = workerPath;
    this.#helpers = Array.from({ length: Math.max(0, threads - 1) }, () => null);
  }

  /** The agenda as an iCalendar file: the same text as buildIcs(input). */
  async write(input: AgendaInput): Promise<string> {
    const events = selectEvents(input);
    if (events.length < PARALLEL_FROM_EVENTS) return writeIcsPart(events, input, true);
    const helpers = this.#start().filter((h) => h.ready);
    if (helpers.length === 0) return writeIcsPart(events, input, true);
    checkInstants(events);
    const context = icsContext(input);
    const [mine = [], ...theirs] = splitRuns(events, helpers.length + 1);
    const helped = theirs.map((run, i) => this.#inHelper(helpers[i]!, run, context));
    let first: string;
    try {
      first = writeIcsPart(mine, context, true);
    } catch (err) {
      await Promise.allSettled(helped);
      throw err;
    }
    // In run order, so the error reported is the earliest event's, as in one thread.
    const rest = (await Promise.allSettled(helped)).map((r) => {
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    return joinIcsParts([first, ...rest]);
  }

  /** Start the helpers now rather than at the first large export; resolves with how many are ready. */
  async warm(): Promise<number> {
    const helpers = this.#start();
    await Promise.all(helpers.map((h) => h.started));
    return this.#helpers.filter((h) => h?.ready).length;
  }

  /** Stop the workers; a run still out is written here. */
  close(): void {
    this.#closed = true;
    this.#helpers.forEach((helper, i) => {
      if (!helper) return;
      helper.ready = false;
      this.#helpers[i] = null;
      void helper.worker.terminate();
    });
  }

  /** Every helper, started where missing (none once closed). */
  #start(): Helper[] {
    if (this.#closed || this.#cannotStart) return [];
    return this.#helpers.flatMap((h, i) => {
      const helper = h ?? this.#spawn(i);
      return helper ? [helper] : [];
    });
  }

  #inHelper(helper: Helper, events: AgendaEvent[], context: IcsContext): Promise<string> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const pending: Pending = { resolve, reject, fallback: () => writeIcsPart(events, context, false) };
      helper.pending.set(id, pending);
      // Kept referenced only while it has work, so an idle worker never holds the process open.
      helper.worker.ref();
      try {
        helper.worker.postMessage({ id, events, context } satisfies IcsPartRequest);
      } catch {
        helper.pending.delete(id);
        if (helper.pending.size === 0) helper.worker.unref();
        settleWithFallback(pending);
      }
    });
  }

  #spawn(index: number): Helper | null {
    let worker: Worker;
    try {
      worker = new Worker(this.#workerPath);
    } catch {
      return null;
    }
    worker.unref();
    let started = () => {};
    const helper: Helper = { worker, ready: false, started: new Promise((resolve) => (started = resolve)), pending: new Map() };
    this.#helpers[index] = helper;
    worker.on('message', (reply: IcsPartReply) => {
      if (reply === 'ready') {
        helper.ready = true;
        started();
        return;
      }
      const p = helper.pending.get(reply.id);
      if (!p) return;
      helper.pending.delete(reply.id);
      if (helper.pending.size === 0) worker.unref();
      if ('text' in reply) p.resolve(reply.text);
      else p.reject(ClashlessError.fromWire(reply.error));
    });
    let ended = false;
    const gone = () => {
      if (ended) return; // 'error' is followed by 'exit'
      ended = true;
      if (!helper.ready && !this.#closed) this.#cannotStart = true;
      helper.ready = false;
      started();
      if (this.#helpers[index] === helper) this.#helpers[index] = null;
      const left = [...helper.pending.values()];
      helper.pending.clear();
      for (const p of left) settleWithFallback(p);
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    // A message that cannot be read on this side: the worker is stopped, and its runs are written here.
    worker.on('messageerror', () => void worker.terminate());
    return helper;
  }
}
