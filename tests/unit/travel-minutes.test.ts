// The travel editor reads a typed walking time: whole minutes from 0 to a day, or a sentence.
import { describe, expect, it } from 'vitest';
import { MAX_TRAVEL_MINUTES, pairKey, parseMinutes } from '../../src/renderer/src/lib/travel/travel-minutes.ts';

describe('parseMinutes', () => {
  it('reads whole minutes, with spaces around', () => {
    expect(parseMinutes('10')).toEqual({ ok: true, minutes: 10 });
    expect(parseMinutes(' 0 ')).toEqual({ ok: true, minutes: 0 });
    expect(parseMinutes(String(MAX_TRAVEL_MINUTES))).toEqual({ ok: true, minutes: 1440 });
  });

  it('refuses fractions, signs, units and nothing at all, saying what to type', () => {
    for (const bad of ['', '7.5', '-5', '10 min', 'ten', '1e3']) {
      expect(parseMinutes(bad)).toEqual({ ok: false, message: 'Enter whole minutes, like 10.' });
    }
  });

  it('refuses more than a day', () => {
    expect(parseMinutes('1441')).toEqual({ ok: false, message: 'At most 1440 minutes (a day).' });
  });
});

describe('pairKey', () => {
  it('keeps the direction and cannot be confused by names that contain the other', () => {
    expect(pairKey({ from: 'A', to: 'B' })).not.toBe(pairKey({ from: 'B', to: 'A' }));
    expect(pairKey({ from: 'A B', to: 'C' })).not.toBe(pairKey({ from: 'A', to: 'B C' }));
  });
});
