// The loader behind the conference side panels (ConferenceData, through WatchLaterState and
// ChangesState): it loads the shown conference, refreshes on that conference's changes only, keeps
// the newest answer when answers arrive out of order, and turns a failure into the panel's words.
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import type { PlanItem, Session } from '../../src/shared/domain.ts';
import { ChangesState } from '../../src/renderer/src/lib/changes/changes-state.svelte.ts';
import { WatchLaterState } from '../../src/renderer/src/lib/watch-later/watch-later-state.svelte.ts';
import { planItemFor, seedSessions } from '../fixtures/export-agenda.ts';
import { FakeApi } from './fake-api.ts';

/** A planned session of the seed fixture, with the ids and outcome the case needs. */
function planItem(id: number, conferenceId: number, outcome: PlanItem['outcome']): PlanItem {
  return planItemFor(seedSessions()[id]!, { id, conferenceId, sessionId: id * 10, outcome, rating: null });
}

function session(id: number, recordingUrl: string | null): Session {
  return { id, recordingUrl } as unknown as Session;
}

describe('ConferenceData', () => {
  it('loads the shown conference and refreshes on its changes, not on another conference’s', async () => {
    const fake = new FakeApi();
    fake.answer('plan.list', (req) => [planItem(1, req.conferenceId!, 'missed'), planItem(2, req.conferenceId!, 'attended')]);
    fake.answer('session.get', (req) => session(req.sessionId, 'https://video.example.org/talk.mp4'));
    const state = new WatchLaterState(fake as unknown as ClientApi);
    const off = state.connect();
    state.setConference(7);
    await fake.settle();
    expect(state.loaded).toBe(true);
    expect(state.rows.map((r) => [r.itemId, r.recordingUrl])).toEqual([[1, "https://video.example.org/talk.mp4"]]);
    expect(fake.calls('plan.list')).toEqual([{ conferenceId: 7 }]);

    fake.emit('plan.changed', { conferenceId: 8 });
    await fake.settle();
    expect(fake.calls('plan.list')).toHaveLength(1);
    fake.emit('plan.changed', { conferenceId: 7 });
    fake.emit('data.changed', { conferenceId: null });
    await fake.settle();
    expect(fake.calls('plan.list')).toHaveLength(3);
    off();
    fake.emit('plan.changed', { conferenceId: 7 });
    await fake.settle();
    expect(fake.calls('plan.list')).toHaveLength(3);
  });

  it('keeps the newest answer when an older one arrives last', async () => {
    const fake = new FakeApi();
    fake.answer('change.list', () => []);
    fake.answer('plan.list', (req) => [planItem(req.conferenceId === 1 ? 1 : 2, req.conferenceId!, null)]);
    const state = new ChangesState(fake as unknown as ClientApi);
    fake.hold('plan.list'); // answers wait until released, then arrive in the order given
    state.setConference(1);
    state.setConference(2);
    fake.release('plan.list', [1, 0]); // conference 2's answer first, then the stale one of 1
    await fake.settle();
    const change = { sessionId: 20 } as Parameters<ChangesState['planItemFor']>[0];
    expect(state.planItemFor(change)).toBe(2);
    expect(state.planItemFor({ ...change, sessionId: 10 })).toBeNull();
    expect(state.conferenceId).toBe(2);
  });

  it('says what failed in the panel’s words, and clears it on the next good answer', async () => {
    const fake = new FakeApi();
    let fail = true;
    fake.answer('plan.list', () => {
      if (fail) throw Object.assign(new Error('database is locked'), { code: 'storage' });
      return [];
    });
    const state = new WatchLaterState(fake as unknown as ClientApi);
    state.setConference(3);
    await fake.settle();
    expect(state.error?.message).toMatch(/Could not load the Watch later list|database is locked/);
    expect(state.loaded).toBe(true);
    fail = false;
    await state.refresh();
    expect(state.error).toBeNull();
    expect(state.rows).toEqual([]);
  });
});

describe('ConferenceData on a switch of conference', () => {
  it('shows nothing of the previous conference while the next one loads', async () => {
    const fake = new FakeApi();
    fake.answer('plan.list', (req) => [planItem(req.conferenceId!, req.conferenceId!, 'missed')]);
    fake.answer('session.get', (req) => session(req.sessionId, null));
    const state = new WatchLaterState(fake as unknown as ClientApi);
    state.setConference(1);
    await fake.settle();
    expect(state.rows.map((r) => r.itemId)).toEqual([1]);
    fake.hold('plan.list');
    state.setConference(2);
    expect(state.rows).toEqual([]);
    expect(state.loaded).toBe(false);
    fake.release('plan.list', [0]);
    await fake.settle();
    expect(state.rows.map((r) => r.itemId)).toEqual([2]);
    expect(state.loaded).toBe(true);
  });
});
