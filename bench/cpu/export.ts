// Worker: export_1k_ms. 1,000 planned items (sessions with speakers, abstracts and links, some
// personal blocks, some split-time windows and cancelled sessions) written as .ics with an alarm,
// the way the app writes them: a ParallelIcsWriter with its helper threads started (as after the
// first large export of a session). The peer is the same file written in one thread (buildIcs).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AgendaEntry, AgendaInput } from '../../src/main/export/agenda.ts';
import { buildIcs } from '../../src/main/export/ics.ts';
import { ParallelIcsWriter } from '../../src/main/export/ics-parallel.ts';
import { PLAN_STATES, type PlanItem, type PlanState, type Session } from '../../src/shared/domain.ts';
import { seededRandom } from '../../tests/fixtures/generate-plan.ts';
import { pastDeadline } from '../lib/run-plan.ts';
import { asStoredSessions, generateSessions, GENERATED_ZONE } from '../lib/sessions.ts';
import { median } from '../lib/stats.ts';
import { runWorker } from '../lib/worker.ts';

const ITEMS = 1_000;

function planItem(session: Session, state: PlanState, window: boolean): PlanItem {
  return {
    id: 10_000 + session.id,
    conferenceId: session.conferenceId,
    kind: 'session',
    sessionId: session.id,
    sessionKey: session.key,
    title: session.title,
    start: session.start,
    end: session.end,
    venue: session.venue,
    room: session.room,
    state,
    priority: 3,
    arriveAt: null,
    leaveAt: window ? session.end - 15 * 60_000 : null,
    note: window ? 'Leave early for the next one' : null,
    reminder: null,
    status: session.status
  };
}

function block(id: number, start: number): AgendaEntry {
  return {
    item: {
      id,
      conferenceId: 1,
      kind: 'block',
      sessionId: null,
      sessionKey: null,
      title: 'Lunch with the team',
      start,
      end: start + 3_600_000,
      venue: 'Food court',
      room: null,
      state: 'going',
      priority: 3,
      arriveAt: null,
      leaveAt: null,
      note: null,
      reminder: null,
      status: 'scheduled'
    },
    session: null,
    clashesWith: []
  };
}

function exportInput(): AgendaInput {
  const random = seededRandom(1000);
  // Sessions from every room of the generated conference's first days: a dense week.
  const sessions = asStoredSessions(generateSessions(ITEMS, 1000));
  const entries: AgendaEntry[] = sessions.map((session, i) => {
    if (i % 20 === 19) return block(20_000 + i, session.start);
    const state = PLAN_STATES[Math.floor(random() * 3)] as PlanState;
    const clashesWith = random() < 0.2 ? [sessions[(i + 1) % ITEMS]!.title] : [];
    return { item: planItem(session, state, random() < 0.1), session, clashesWith };
  });
  return {
    calendarName: 'Clashless — Generated Conference',
    timeZone: GENERATED_ZONE,
    entries,
    sequences: new Map(),
    now: Date.UTC(2026, 0, 1),
    alarmMinutes: 10,
    states: PLAN_STATES,
    includeBlocks: true
  };
}

const ICS_WORKER = fileURLToPath(new URL('../../src/main/export/ics-worker.ts', import.meta.url));

await runWorker(async (ctx) => {
  await ctx.attempt(['export_1k_ms'], async () => {
    const input = exportInput();
    const writer = new ParallelIcsWriter(ICS_WORKER);
    const helpers = await writer.warm();
    try {
      const alone = buildIcs(input);
      if ((await writer.write(input)) !== alone) throw new Error('the threads wrote a different file than one thread');
      // Ours and the peer alternate, so a drift in machine speed lands on both.
      const ours: number[] = [];
      const peer: number[] = [];
      const started = performance.now();
      for (let i = -3; i < 15; i++) {
        const t0 = performance.now();
        await writer.write(input);
        const t1 = performance.now();
        buildIcs(input);
        const t2 = performance.now();
        if (i < 0) continue;
        ours.push(t1 - t0);
        peer.push(t2 - t1);
        if (pastDeadline() || (ours.length >= 3 && performance.now() - started > 20_000)) break;
      }
      ctx.record('export_1k_ms', ours, {
        peer,
        ratio: median(ours) / median(peer),
        note: `${input.entries.length} entries → ${(alone.length / 1e6).toFixed(2)} M chars of .ics, on ${helpers + 1} threads; peer: one thread`
      });
    } finally {
      writer.close();
    }
  });
});
