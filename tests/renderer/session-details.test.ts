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

  it('a reader waiting when the data changes asks again and sees the new answer', async () => {
    const { fake, details, bump } = setup();
    fake.hold('session.get');
    const seen = watch(() => details.get(3)?.description ?? null);
    details.forget(); // nothing kept yet: only the generation tells the reader
    flushSync();
    bump();
    fake.release('session.get', [0, 1]); // the answer asked before forget() is dropped
    await fake.settle();
    flushSync();
    seen.stop();
    expect(fake.calls('session.get')).toHaveLength(2);
    expect(seen.values).toEqual([null, null, 'Abstract 3 v2']); // ran again on forget(), then got the answer
  });

  it('many readers at once each ask once, however many there are', async () => {
    const { fake, details } = setup();
    const seen = watch(() => Array.from({ length: 1_000 }, (_, i) => details.get(i + 1)).filter(Boolean).length);
    await fake.settle();
    flushSync();
    seen.stop();
    expect(seen.values.at(-1)).toBe(1_000);
    expect(fake.calls('session.get')).toHaveLength(1_000);
  });

  it('asks again for a session it could not get only when something reads it again', async () => {
    const { fake, details } = setup();
    fake.answer('session.get', () => {
      throw new Error('not found');
    });
    const seen = watch(() => details.get(5)?.description ?? null);
    await fake.settle();
    flushSync();
    expect(fake.calls('session.get')).toHaveLength(1); // no loop: a failure changes nothing a reader follows
    seen.stop();
    details.get(5);
    expect(fake.calls('session.get')).toHaveLength(2);
  });
});
