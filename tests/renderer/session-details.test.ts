// SessionDetails: the parts of a session the list does not hold, asked for (session.get) the first
// time something shows them, kept, forgotten when the data changes, and never overwritten by an
// answer to a question asked before that change.
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import type { Session } from '../../src/shared/domain.ts';
import { SessionDetails } from '../../src/renderer/src/lib/state/session-details.svelte.ts';
import { FakeApi } from './fake-api.ts';
import { flushSync, watch } from './watch.svelte.ts';

function setup() {
  const fake = new FakeApi();
  let version = 1;
  fake.answer('session.get', (req) => ({ id: req.sessionId, description: `Abstract ${req.sessionId} v${version}` }) as unknown as Session);
  return { fake, details: new SessionDetails(fake as unknown as ClientApi), bump: () => version++ };
}

describe('SessionDetails', () => {
  it('asks once, then what shows it sees the answer arrive', async () => {
    const { fake, details } = setup();
    const seen = watch(() => details.get(7)?.description ?? null);
    expect(seen.values).toEqual([null]);
    await fake.settle();
    flushSync();
    expect(seen.values).toEqual([null, 'Abstract 7 v1']);
    details.get(7);
    details.get(7);
    expect(fake.calls('session.get')).toEqual([{ sessionId: 7 }]);
    seen.stop();
  });

  it('forgets everything when the data changes, and drops an answer asked for before', async () => {
    const { fake, details, bump } = setup();
    details.get(1);
    await fake.settle();
    fake.hold('session.get');
    details.forget();
    expect(details.get(1)).toBeUndefined(); // asked again
    details.forget(); // the data changed again while that question was on its way
    bump();
    fake.release('session.get', [0]);
    await fake.settle();
    expect(details.get(1)).toBeUndefined(); // the old answer was dropped; asked a third time
    await fake.settle();
    expect(details.get(1)?.description).toBe('Abstract 1 v2');
    expect(fake.calls('session.get')).toHaveLength(3);
  });

  it('keeps the 300 most recently arrived and asks again for one forgotten', async () => {
    const { fake, details } = setup();
    for (let id = 1; id <= 301; id++) details.get(id);
    await fake.settle();
    expect(details.get(301)?.description).toBe('Abstract 301 v1');
    expect(details.get(2)?.description).toBe('Abstract 2 v1');
    expect(details.get(1)).toBeUndefined();
    await fake.settle();
    expect(fake.calls('session.get')).toHaveLength(302);
  });

  it('does not ask again for a session it could not get, until the data changes', async () => {
    const { fake, details } = setup();
    fake.answer('session.get', () => {
      throw new Error('not found');
    });
    details.get(5);
    await fake.settle();
    details.get(5);
    expect(fake.calls('session.get')).toHaveLength(1);
    details.forget();
    details.get(5);
    expect(fake.calls('session.get')).toHaveLength(2);
  });
});
