// The merge's pure decisions (import/merge.ts), apart from the SQL that carries them out: which
// existing conference an untitled paste is a re-import of, and where a moved session's attendance
// window goes.
import { describe, expect, it } from 'vitest';
import { sameSource, shiftedWindow } from '../../src/main/import/merge.ts';
import type { ConferenceShare } from '../../src/main/store/schedule-write.ts';

const MIN = 60_000;
const conf = (id: number, live: number, shared: number): ConferenceShare => ({ id, title: `C${id}`, identity: `pasted:c${id}`, live, shared });

describe('which conference an untitled paste re-imports', () => {
  it('takes a conference that shares at least half of both sides', () => {
    expect(sameSource(10, [conf(1, 12, 6)])?.id).toBe(1);
  });

  it('refuses a paste of one day that would swallow a whole conference', () => {
    expect(sameSource(4, [conf(1, 40, 4)])).toBeUndefined();
  });

  it('refuses a big paste that shares only a small conference', () => {
    expect(sameSource(40, [conf(1, 4, 4)])).toBeUndefined();
  });

  it('prefers the best share, then the oldest conference', () => {
    expect(sameSource(10, [conf(1, 20, 10), conf(2, 10, 10)])?.id).toBe(2);
    expect(sameSource(10, [conf(1, 10, 10), conf(2, 10, 10)])?.id).toBe(1);
  });

  it('matches nothing without keys', () => {
    expect(sameSource(0, [conf(1, 0, 0)])).toBeUndefined();
  });
});

describe('a moved session takes its attendance window along', () => {
  const start = 1_000 * MIN;
  const end = start + 60 * MIN;

  it('shifts both bounds with the start', () => {
    const w = { itemId: 7, arriveAt: start + 10 * MIN, leaveAt: end - 15 * MIN };
    expect(shiftedWindow(w, start, start + 30 * MIN, end + 30 * MIN)).toEqual({ itemId: 7, arriveAt: start + 40 * MIN, leaveAt: end + 15 * MIN });
  });

  it('turns a bound that reaches the new edge into the edge itself (null)', () => {
    const w = { itemId: 7, arriveAt: start + 10 * MIN, leaveAt: end - 15 * MIN };
    expect(shiftedWindow(w, start, start, start + 40 * MIN)).toEqual({ itemId: 7, arriveAt: start + 10 * MIN, leaveAt: null });
  });

  it('clears a window the shorter slot leaves empty', () => {
    const w = { itemId: 7, arriveAt: start + 40 * MIN, leaveAt: null };
    expect(shiftedWindow(w, start, start, start + 30 * MIN)).toEqual({ itemId: 7, arriveAt: null, leaveAt: null });
  });
});
