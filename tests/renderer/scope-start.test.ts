// How the app finds what to show on start (ScopeState.reload): the remembered view is asked for
// together with the conference list, not after it, and remembering the view it just read writes
// nothing; choosing another conference afterwards is remembered.
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import type { Conference } from '../../src/shared/domain.ts';
import { ScopeState } from '../../src/renderer/src/lib/state/scope-state.svelte.ts';
import { StatusState } from '../../src/renderer/src/lib/state/status.svelte.ts';
import { FakeApi } from './fake-api.ts';

const conference = (id: number, title: string): Conference =>
  ({ id, title, timeZone: 'Europe/Berlin', startDate: '2026-02-01', endDate: '2026-02-02' }) as unknown as Conference;

function setup(remembered: { conferenceId: number | null; myWeek: boolean }) {
  const fake = new FakeApi();
  fake.answer('conference.list', () => [conference(1, 'FOSDEM'), conference(2, '38C3')]);
  fake.answer('view.get', () => remembered);
  fake.answer('view.set', (req) => ({ conferenceId: req.conferenceId, myWeek: req.myWeek ?? false }));
  const changes: boolean[] = [];
  const scope = new ScopeState(fake as unknown as ClientApi, new StatusState(), async (moved) => void changes.push(moved));
  return { fake, scope, changes };
}

describe('ScopeState on start', () => {
  it('asks for the remembered view while the conference list is still on its way', async () => {
    const { fake, scope } = setup({ conferenceId: 2, myWeek: false });
    fake.hold('conference.list');
    const started = scope.reload();
    await fake.settle();
    expect(fake.calls('view.get')).toHaveLength(1); // asked before the list answered
    fake.release('conference.list', [0]);
    await started;
    expect(scope.conferenceId).toBe(2);
    expect(fake.calls('view.get')).toHaveLength(1);
  });

  it('writes nothing back when it shows the view it read, and remembers the next choice', async () => {
    const { fake, scope, changes } = setup({ conferenceId: 2, myWeek: false });
    await scope.reload();
    expect(scope.conferenceId).toBe(2);
    expect(changes).toEqual([true]);
    await fake.settle();
    expect(fake.calls('view.set')).toEqual([]);
    await scope.select(1);
    await fake.settle();
    expect(fake.calls('view.set')).toEqual([{ conferenceId: 1, myWeek: false }]);
    // A reload that keeps the conference asks nothing again.
    await scope.reload();
    expect(fake.calls('view.get')).toHaveLength(1);
  });

  it('falls back to the first conference, and remembers it, when the remembered one is gone', async () => {
    const { fake, scope } = setup({ conferenceId: 99, myWeek: false });
    await scope.reload();
    await fake.settle();
    expect(scope.conferenceId).toBe(1);
    expect(fake.calls('view.set')).toEqual([{ conferenceId: 1, myWeek: false }]);
  });
});
