// Large .ics exports are written on several threads (export/ics-parallel.ts): this thread writes
// the first run of events while warm worker threads write the others. Whatever the threads, the
// file is the one buildIcs writes alone, byte for byte; the helpers only make it faster, so a
// helper that is missing, dies or is closed leaves its run to this thread, and a bad event is
// reported as one thread reports it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaEntry, AgendaInput } from '../../src/main/export/agenda.ts';
import { entryUid } from '../../src/main/export/agenda.ts';
import { buildIcs } from '../../src/main/export/ics.ts';
import { PARALLEL_FROM_EVENTS, ParallelIcsWriter } from '../../src/main/export/ics-parallel.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { PLAN_STATES, type Session } from '../../src/shared/domain.ts';
import { agendaInput, blockEntry, entryFor } from '../fixtures/export-agenda.ts';
import { openBackend } from '../../src/main/backend.ts';
import { PEER_DIR, ROOT, SEED_DIR, tempDir } from './helpers.ts';

const WORKER = join(ROOT, 'src', 'main', 'export', 'ics-worker.ts');
/** The worker the packaged app starts: built by `npm run build` (npm test builds first). */
const BUILT_WORKER = join(ROOT, 'out', 'main', 'ics-worker.cjs');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function writer(path: string, threads: number): ParallelIcsWriter {
  const w = new ParallelIcsWriter(path, threads);
  cleanups.push(() => w.close());
  return w;
}

/** 38C3 (frab XML, peer fixture): every talk planned, in every state, with blocks, windows and a cancellation. */
function congressSessions(): Session[] {
  const text = readFileSync(join(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml'), 'utf8');
  return parseImport(text, { format: 'frab-xml' }).sessions.map(({ line: _line, ...s }, i) => ({ ...s, id: i + 1, conferenceId: 1 }));
}
const SESSIONS = congressSessions();

function congressInput(sessions: readonly Session[] = SESSIONS, overrides: Partial<AgendaInput> = {}): AgendaInput {
  const entries: AgendaEntry[] = sessions.map((s, i) => {
    const state = PLAN_STATES[i % PLAN_STATES.length]!;
    if (i % 25 === 24) return blockEntry(50_000 + i, `Dinner with the team ${i}`, s.start, s.start + 3_600_000);
    const window = i % 7 === 0 ? { leaveAt: s.end - 10 * 60_000, note: 'Leave early; next one is in Saal 1' } : {};
    const status = i % 31 === 0 ? { status: 'cancelled' as const } : {};
    return entryFor({ ...s, ...status }, { state, ...window }, i % 5 === 0 ? ['Another talk, at the same time'] : []);
  });
  return agendaInput(entries, {
    calendarName: 'Clashless — 38th Chaos Communication Congress (38C3)',
    timeZone: 'Europe/Berlin',
    alarmMinutes: 10,
    owner: 'Ada Lovelace, Zürich',
    ...overrides
  });
}

/** A stand-in worker, written as plain JavaScript: `onRequest` is the body of its message handler. */
function standIn(onRequest: string): string {
  const { dir, cleanup } = tempDir('clashless-ics-worker-');
  cleanups.push(cleanup);
  const path = join(dir, 'stand-in.mjs');
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads';
     parentPort.on('message', ({ id, events }) => { ${onRequest} });
     parentPort.postMessage('ready');\n`
  );
  return path;
}

describe('an .ics export written on several threads', () => {
  it('is byte for byte the file one thread writes, on 2, 3 and 4 threads (38C3, every talk planned)', async () => {
    const input = congressInput();
    expect(input.entries.length).toBeGreaterThan(3 * PARALLEL_FROM_EVENTS);
    const alone = buildIcs(input);
    for (const threads of [2, 3, 4]) {
      const w = writer(WORKER, threads);
      expect(await w.warm()).toBe(threads - 1);
      expect(await w.write(input)).toBe(alone);
    }
    // The owner line once, and every event once.
    expect(alone.match(/^X-CLASHLESS-OWNER:/gm) ?? []).toHaveLength(1);
    expect(alone.match(/^BEGIN:VEVENT\r$/gm) ?? []).toHaveLength(input.entries.length);
  });

  it('is the same with the worker the app starts (out/main/ics-worker.cjs)', async () => {
    const input = congressInput();
    const w = writer(BUILT_WORKER, 2);
    expect(await w.warm()).toBe(1);
    expect(await w.write(input)).toBe(buildIcs(input));
  });

  it('is the same around the size where sharing starts, and with a calendar name that ends like an event', async () => {
    const w = writer(WORKER, 4);
    await w.warm();
    for (const count of [1, PARALLEL_FROM_EVENTS - 1, PARALLEL_FROM_EVENTS, PARALLEL_FROM_EVENTS + 1, PARALLEL_FROM_EVENTS + 2]) {
      const input = congressInput(SESSIONS.slice(0, count), { calendarName: 'Talks BEGIN:VEVENT', owner: null, alarmMinutes: null });
      expect(await w.write(input), `${count} events`).toBe(buildIcs(input));
    }
  });

  it('writes the first large export here while its helper starts, and shares the next ones', async () => {
    // The stand-in answers every run with one event of its own, so its part shows in the file.
    const helper = standIn(
      `parentPort.postMessage({ id, text: 'BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nBEGIN:VEVENT\\r\\nUID:helper-' + events.length + '\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n' });`
    );
    const input = congressInput();
    const w = writer(helper, 2);
    const first = await w.write(input);
    expect(first).toBe(buildIcs(input));
    expect(await w.warm()).toBe(1);
    const second = await w.write(input);
    const helped = Math.floor(input.entries.length / 2);
    expect(second).toContain(`\r\nUID:helper-${helped}\r\n`);
    // This thread's run keeps its header and events; the helper's part follows; one footer.
    const mine = first.split('\r\nBEGIN:VEVENT\r\n').length - 1 - helped;
    expect(second.split('\r\nBEGIN:VEVENT\r\n')).toHaveLength(mine + 2);
    expect(second.startsWith(first.slice(0, first.indexOf('BEGIN:VEVENT')))).toBe(true);
    expect(second.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(second.match(/END:VCALENDAR/g)).toHaveLength(1);
  });

  it('reports a bad event as one thread does, when bad events are in different runs', async () => {
    const input = congressInput();
    const ordered = buildIcs(input).match(/^UID:.*$/gm)!.map((l) => l.slice(4).trim());
    // With 3 threads the runs are thirds: one bad event in the middle run, one in the last.
    const middle = ordered[Math.floor(ordered.length / 2)]!;
    const last = ordered[ordered.length - 1]!;
    const w = writer(WORKER, 3);
    await w.warm();
    /** The error of one thread and of three, as they cross the wire. */
    const errors = async (bad: AgendaInput) => {
      const alone = (() => {
        try {
          buildIcs(bad);
        } catch (err) {
          return err;
        }
        return null;
      })();
      const shared = await w.write(bad).then(
        () => null,
        (err: unknown) => err
      );
      expect(alone).toBeInstanceOf(ClashlessError);
      expect(shared).toBeInstanceOf(ClashlessError);
      return { alone: (alone as ClashlessError).toWire(), shared: (shared as ClashlessError).toWire() };
    };
    // The package refuses both (a SEQUENCE must be a whole number): the earlier run's is reported.
    const refused = await errors({ ...input, sequences: new Map([[last, 1.5], [middle, 2.5]]) });
    expect(refused.alone.where).toBe(`event ${middle}`);
    expect(refused.shared).toEqual(refused.alone);
    // A time that is not a date, in the last run, wins over the package refusing one in the middle
    // run, as it does when one call builds every event before the package checks them.
    // (An end at infinity: still sorted after the middle run, but no date.)
    const endless = (e: AgendaEntry): AgendaEntry =>
      e.session ? { ...e, session: { ...e.session, end: Infinity } } : { ...e, item: { ...e.item, end: Infinity } };
    const entries = input.entries.map((e) => (entryUid(e) === last ? endless(e) : e));
    const broken = await errors({ ...input, entries, sequences: new Map([[middle, 2.5]]) });
    expect(broken.alone.where).toBe(`event ${last}`);
    expect(broken.alone.message).toContain('end time is not a valid date');
    expect(broken.shared).toEqual(broken.alone);
  });

  it('leaves the run of a helper that dies to this thread', async () => {
    const input = congressInput();
    const w = writer(standIn('process.exit(3);'), 2);
    expect(await w.warm()).toBe(1);
    expect(await w.write(input)).toBe(buildIcs(input));
  });

  it('writes alone when the worker file is missing, and after close', async () => {
    const input = congressInput();
    const missing = writer(join(ROOT, 'out', 'main', 'no-such-worker.cjs'), 2);
    expect(await missing.warm()).toBe(0);
    expect(await missing.write(input)).toBe(buildIcs(input));
    const closed = writer(WORKER, 2);
    expect(await closed.warm()).toBe(1);
    closed.close();
    expect(await closed.warm()).toBe(0);
    expect(await closed.write(input)).toBe(buildIcs(input));
  });

  it('is what export.agenda writes when the host gives the backend a worker', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const marker = standIn(
      `parentPort.postMessage({ id, text: 'BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nUID:from-the-helper\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n' });`
    );
    const host = openBackend({ dbPath: join(dir, 'e.db'), seedDir: SEED_DIR, seedOnFirstRun: false, icsWorker: marker, now: () => Date.UTC(2024, 11, 1) });
    cleanups.push(() => host.close());
    const text = readFileSync(join(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml'), 'utf8');
    const { conferenceId } = await host.api['import.commit']({ text, fileName: '38c3.xml', format: 'frab-xml' });
    const sessions = await host.api['session.list']({ conferenceId, limit: 100_000 });
    await host.api['plan.add']({ sessionIds: sessions.slice(0, PARALLEL_FROM_EVENTS + 50).map((s) => s.id) });
    const first = (await host.api['export.agenda']({ format: 'ics', conferenceId })).content;
    expect(first).not.toContain('from-the-helper');
    // The helper started with the first export; once it is up, the next export hands it a run.
    let shared = first;
    for (let i = 0; i < 200 && !shared.includes('from-the-helper'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      shared = (await host.api['export.agenda']({ format: 'ics', conferenceId })).content;
    }
    expect(shared).toContain('\r\nUID:from-the-helper\r\n');
    expect(shared.slice(0, shared.indexOf('BEGIN:VEVENT'))).toBe(first.slice(0, first.indexOf('BEGIN:VEVENT')));
  });
});
