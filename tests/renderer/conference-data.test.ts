// The loader behind the conference side panels that show the services' data (ConferenceData,
// through ChangesState): it loads the shown conference, refreshes on that conference's changes
// only, keeps the newest answer when answers arrive out of order, and turns a failure into the
// panel's words. And the Watch later list, which loads nothing of its own: it is derived from the
// AppState's plan and the sessions SessionDetails brings.
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import type { PlanItem, ScheduleChange, Session } from '../../src/shared/domain.ts';
import { ChangesState } from '../../src/renderer/src/lib/changes/changes-state.svelte.ts';
import { WatchLaterState } from '../../src/renderer/src/lib/watch-later/watch-later-state.svelte.ts';
import { planItemFor, seedSessions } from '../fixtures/export-agenda.ts';
import { FakeApi } from './fake-api.ts';
import { cell, flushSync, watch } from './watch.svelte.ts';

/** A planned session of the seed fixture, with the ids and outcome the case needs. */
function planItem(id: number, conferenceId: number, outcome: PlanItem['outcome']): PlanItem {
  return planItemFor(seedSessions()[id]!, { id, conferenceId, sessionId: id * 10, outcome, rating: null });
}

function change(id: number, conferenceId: number, title: string): ScheduleChange {
  return { id, conferenceId, sessionId: id * 10, sessionKey: `k${id}`, title, kind: 'moved', detail: 'Wed 11:15 → Wed 11:30', importedAt: 1_000, planned: false };
}

const titles = (state: ChangesState): string[] => (state.latest?.changes ?? []).map((c) => c.title);

describe('ConferenceData', () => {
  it('loads the shown conference and refreshes on its changes, not on another conference’s', async () => {
    const fake = new FakeApi();
    fake.answer('change.list', (req) => [change(1, req.conferenceId, `Talk of ${req.conferenceId}`)]);
    const state = new ChangesState(fake as unknown as ClientApi);
    const off = state.connect();
    state.setConference(7);
    await fake.settle();
    expect(state.loaded).toBe(true);
    expect(titles(state)).toEqual(['Talk of 7']);
    expect(fake.calls('change.list')).toEqual([{ conferenceId: 7 }]);

    fake.emit('plan.changed', { conferenceId: 8 });
    await fake.settle();
    expect(fake.calls('change.list')).toHaveLength(1);
    fake.emit('plan.changed', { conferenceId: 7 });
    fake.emit('data.changed', { conferenceId: null });
    await fake.settle();
    expect(fake.calls('change.list')).toHaveLength(3);
    off();
    fake.emit('plan.changed', { conferenceId: 7 });
    await fake.settle();
    expect(fake.calls('change.list')).toHaveLength(3);
    // It asks for the changes only: which of them are planned is the AppState's plan.
    expect(fake.calls('plan.list')).toEqual([]);
  });

  it('keeps the newest answer when an older one arrives last', async () => {
    const fake = new FakeApi();
    fake.answer('change.list', (req) => [change(req.conferenceId, req.conferenceId, `Talk of ${req.conferenceId}`)]);
    const state = new ChangesState(fake as unknown as ClientApi);
    fake.hold('change.list'); // answers wait until released, then arrive in the order given
    state.setConference(1);
    state.setConference(2);
    fake.release('change.list', [1, 0]); // conference 2's answer first, then the stale one of 1
    await fake.settle();
    expect(titles(state)).toEqual(['Talk of 2']);
    expect(state.conferenceId).toBe(2);
  });

  it('says what failed in the panel’s words, and clears it on the next good answer', async () => {
    const fake = new FakeApi();
    let fail = true;
    fake.answer('change.list', () => {
      if (fail) throw Object.assign(new Error('database is locked'), { code: 'storage' });
      return [];
    });
    const state = new ChangesState(fake as unknown as ClientApi);
    state.setConference(3);
    await fake.settle();
    expect(state.error?.message).toMatch(/Could not load what changed|database is locked/);
    expect(state.loaded).toBe(true);
    fail = false;
    await state.refresh();
    expect(state.error).toBeNull();
    expect(state.latest).toBeNull();
  });

  it('shows nothing of the previous conference while the next one loads', async () => {
    const fake = new FakeApi();
    fake.answer('change.list', (req) => [change(req.conferenceId, req.conferenceId, `Talk of ${req.conferenceId}`)]);
    const state = new ChangesState(fake as unknown as ClientApi);
    state.setConference(1);
    await fake.settle();
    expect(titles(state)).toEqual(['Talk of 1']);
    fake.hold('change.list');
    state.setConference(2);
    expect(state.latest).toBeNull();
    expect(state.loaded).toBe(false);
    fake.release('change.list', [0]);
    await fake.settle();
    expect(titles(state)).toEqual(['Talk of 2']);
    expect(state.loaded).toBe(true);
  });
});

describe('Watch later, derived from the plan on screen', () => {
  it('lists the missed and the unattended backups of the shown conference, and follows the plan and the sessions', () => {
    const conferenceId = cell<number | null>(7);
    const plan = cell<PlanItem[]>([]);
    const sessions = cell(new Map<number, Session>());
    const state = new WatchLaterState({ conferenceId: conferenceId.get, plan: plan.get, session: (id) => sessions.get().get(id) });
    const seen = watch(() => state.rows.map((r) => `${r.itemId} ${r.reason} ${r.recordingKnown ? (r.recordingUrl ?? 'none') : '…'}`).join(', '));
    plan.set([planItem(1, 7, 'missed'), planItem(2, 7, 'attended'), planItem(3, 8, 'missed')]);
    flushSync();
    sessions.set(new Map([[10, { id: 10, recordingUrl: 'https://media.example.org/10.mp4' } as unknown as Session]]));
    flushSync();
    plan.set([planItem(1, 7, 'missed'), planItem(4, 7, 'missed')]);
    flushSync();
    sessions.set(new Map([...sessions.get(), [40, { id: 40, recordingUrl: null } as unknown as Session]]));
    flushSync();
    conferenceId.set(8);
    flushSync();
    seen.stop();
    expect(seen.values).toEqual([
      '',
      '1 missed …',
      '1 missed https://media.example.org/10.mp4',
      '1 missed https://media.example.org/10.mp4, 4 missed …',
      '1 missed https://media.example.org/10.mp4, 4 missed none',
      ''
    ]);
  });
});
