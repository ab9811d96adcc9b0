// What the toolbar's clash badge counts (AppState.clashes once AppState.shownLoaded): the clashes of
// the plan on screen, worked out in the page, and no number at all while another conference's
// sessions and plan are on their way (an empty plan would say "0").
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import type { Conference, PlanItem } from '../../src/shared/domain.ts';
import { AppState } from '../../src/renderer/src/lib/state/app-state.svelte.ts';
import { planItemFor, seedSessions } from '../fixtures/export-agenda.ts';
import { summaryOf } from '../fixtures/session-summary.ts';
import { FakeApi } from './fake-api.ts';

const conference = (id: number): Conference => ({ id, title: `Conf ${id}`, timeZone: 'America/Denver', startDate: '2024-11-13', endDate: '2024-11-15', sessionCount: 3 });

function setup() {
  const fake = new FakeApi();
  const sessions = seedSessions().slice(0, 3);
  // Conference 1: the first two seed sessions planned, and a copy of the first, overlapping it.
  const plan: PlanItem[] = [
    planItemFor(sessions[0]!, { id: 1, conferenceId: 1 }),
    planItemFor(sessions[1]!, { id: 2, conferenceId: 1 }),
    planItemFor(sessions[0]!, { id: 3, conferenceId: 1, sessionId: sessions[2]!.id })
  ];
  fake.answer('app.info', () => ({ version: 'test', dbPath: ':memory:', recovery: null, backupFailed: null }));
  fake.answer('conference.list', () => [conference(1), conference(2)]);
  fake.answer('view.get', () => ({ conferenceId: 1, myWeek: false }));
  fake.answer('view.set', (req) => ({ conferenceId: req.conferenceId, myWeek: req.myWeek ?? false }));
  fake.answer('session.summaries', (req) => sessions.map((s) => summaryOf({ ...s, conferenceId: req.conferenceId })));
  fake.answer('plan.list', (req) => plan.filter((p) => p.conferenceId === req.conferenceId));
  fake.answer('travel.list', () => []);
  return { fake, app: new AppState(fake as unknown as ClientApi, null, 'Europe/Berlin') };
}

describe('AppState: what is shown has arrived', () => {
  it('counts the clashes of the shown plan, and says nothing while another conference loads', async () => {
    const { fake, app } = setup();
    expect(app.shownLoaded).toBe(false);
    const stop = await app.start();
    await fake.settle();
    expect(app.shownLoaded).toBe(true);
    expect(app.clashes).toHaveLength(1);

    fake.hold('plan.list');
    const switching = app.selectConference(2);
    await fake.settle();
    expect(app.shownLoaded).toBe(false); // the plan is empty now, but that is not "0 clashes"
    fake.release('plan.list', [0]);
    await switching;
    expect(app.shownLoaded).toBe(true);
    expect(app.clashes).toHaveLength(0);
    stop();
  });
});
