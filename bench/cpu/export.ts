// Worker: export_1k_ms. 1,000 planned items (sessions with speakers, abstracts and links, some
// personal blocks, some split-time windows and cancelled sessions) written as .ics with an alarm.
import { performance } from 'node:perf_hooks';
import type { AgendaEntry, AgendaInput } from '../../src/main/export/agenda.ts';
import { buildIcs } from '../../src/main/export/ics.ts';
import { PLAN_STATES, type PlanItem, type PlanState, type Session } from '../../src/shared/domain.ts';
import { seededRandom } from '../../tests/fixtures/generate-plan.ts';
import { repeat } from '../lib/run-plan.ts';
import { asStoredSessions, generateSessions, GENERATED_ZONE } from '../lib/sessions.ts';
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

await runWorker(async (ctx) => {
  await ctx.attempt(['export_1k_ms'], () => {
    const input = exportInput();
    let bytes = 0;
    const samples = repeat({ warmup: 3, runs: 15, maxMs: 20_000 }, () => {
      const t0 = performance.now();
      bytes = buildIcs(input).length;
      return performance.now() - t0;
    });
    ctx.record('export_1k_ms', samples, { note: `${input.entries.length} entries → ${(bytes / 1e6).toFixed(2)} M chars of .ics` });
  });
});
