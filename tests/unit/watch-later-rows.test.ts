// The Watch later panel's rows and the details panel's after-the-talk choices (pure renderer logic):
// missed sessions and unattended backups in time order, recordings only when they may leave the app,
// pressing the outcome that is on clears it, and the status line's words.
import { describe, expect, it } from 'vitest';
import { outcomeStatus, RATING_CHOICES, toggledOutcome } from '../../src/renderer/src/lib/details/outcome.ts';
import { watchLaterRows } from '../../src/renderer/src/lib/watch-later/watch-later-rows.ts';
import { planItemFor, seedSessions } from '../fixtures/export-agenda.ts';

const sessions = seedSessions();
const [s1, s2, s3, s4] = sessions;

describe('watch later rows', () => {
  it('lists missed sessions and unattended backups in time order, with safe recordings only', () => {
    const items = [
      planItemFor(s3!, { outcome: 'missed' }),
      planItemFor(s1!, { state: 'backup' }),
      planItemFor(s2!, { state: 'backup', outcome: 'attended' }),
      planItemFor(s4!)
    ];
    const byId = new Map([
      [s3!.id, { ...s3!, recordingUrl: 'https://media.example.org/v/s3' }],
      [s1!.id, { ...s1!, recordingUrl: 'javascript:alert(1)' }]
    ]);
    expect(watchLaterRows(items, byId).map((r) => [r.title, r.reason, r.recordingUrl])).toEqual([
      [s1!.title, 'backup', null],
      [s3!.title, 'missed', 'https://media.example.org/v/s3']
    ]);
  });
});

describe('after the talk choices', () => {
  it('toggles an outcome off when it is pressed again', () => {
    expect(toggledOutcome(null, 'missed')).toBe('missed');
    expect(toggledOutcome('missed', 'missed')).toBeNull();
    expect(toggledOutcome('attended', 'missed')).toBe('missed');
  });

  it('offers no rating and 1 to 5 stars, each with a spoken label', () => {
    expect(RATING_CHOICES.map((c) => [c.value, c.label])).toEqual([
      [null, 'No rating'],
      [1, '1 of 5 stars'],
      [2, '2 of 5 stars'],
      [3, '3 of 5 stars'],
      [4, '4 of 5 stars'],
      [5, '5 of 5 stars']
    ]);
  });

  it('says what changed in the status line', () => {
    expect(outcomeStatus('Keynote', { outcome: 'missed' })).toBe('“Keynote” marked missed: it is on your Watch later list.');
    expect(outcomeStatus('Keynote', { outcome: null })).toBe('“Keynote” is no longer marked attended or missed.');
    expect(outcomeStatus('Keynote', { rating: 4 })).toBe('“Keynote” rated 4 of 5.');
    expect(outcomeStatus('Keynote', { rating: null })).toBe('“Keynote” is no longer rated.');
  });
});
