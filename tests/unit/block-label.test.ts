// What a planned block says to screen readers (its accessible name), including a split session's
// attended part, and the place it shows.
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../src/shared/domain.ts';
import { attendedText, blockAccessibleName, blockPlace, placeText } from '../../src/renderer/src/lib/calendar/block-label.ts';
import { formatTimeRange } from '../../src/renderer/src/lib/calendar/format.ts';

const DENVER = 'America/Denver';
const START = Date.parse('2024-11-15T21:55:00Z'); // 2:55 PM MST
const END = Date.parse('2024-11-15T22:30:00Z'); // 3:30 PM MST

function planned(overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    id: 1,
    conferenceId: 1,
    kind: 'session',
    sessionId: 10,
    sessionKey: 'k',
    title: 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!',
    start: START,
    end: END,
    venue: 'Salt Palace',
    room: 'Level 2 | 255 EF',
    state: 'going',
    priority: 3,
    arriveAt: null,
    leaveAt: null,
    note: null,
    reminder: null,
    status: 'scheduled',
    ...overrides
  };
}

describe('a block’s accessible name', () => {
  it('a whole session: title, time, room and state', () => {
    const name = blockAccessibleName(planned(), DENVER, []);
    expect(name).toBe(`How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!, ${formatTimeRange(START, END, DENVER)}, 255 EF, going`);
    expect(name).not.toContain('attending');
  });

  it('a split session starts with the attended part, as the block shows it, and then names the whole session', () => {
    const leave = Date.parse('2024-11-15T22:10:00Z');
    const name = blockAccessibleName(planned({ leaveAt: leave }), DENVER, []);
    expect(name).toBe(
      `How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!, ${formatTimeRange(START, leave, DENVER)}, 255 EF, going, attending part of ${formatTimeRange(START, END, DENVER)}`
    );
  });

  it('arriving late counts from the arrival', () => {
    const arrive = Date.parse('2024-11-15T22:00:00Z');
    expect(attendedText(planned({ arriveAt: arrive }), DENVER)).toBe(formatTimeRange(arrive, END, DENVER));
    expect(attendedText(planned(), DENVER)).toBeNull();
  });

  it('a backup with priority 5 and a clash says all three', () => {
    const other = planned({ id: 2, title: 'Thousands of Gamers, One Kubernetes Network' });
    const name = blockAccessibleName(planned({ state: 'backup', priority: 5 }), DENVER, [other]);
    expect(name).toMatch(/, backup, priority 5 — clash with Thousands of Gamers, One Kubernetes Network$/);
  });

  it('a removed session says so', () => {
    expect(blockAccessibleName(planned({ status: 'removed' }), DENVER, [])).toMatch(/, removed from the schedule$/);
  });

  it('a personal block says so and shows its place', () => {
    const block = planned({ kind: 'block', sessionId: null, sessionKey: null, title: 'Lunch with Ana', venue: null, room: 'Hotel lobby' });
    expect(blockAccessibleName(block, DENVER, [])).toMatch(/^Lunch with Ana, .+, Hotel lobby, personal block$/);
    expect(blockPlace(block)).toBe('Hotel lobby');
    expect(placeText(block)).toBe('Hotel lobby');
  });
});

describe('a block’s track', () => {
  it('is named after what the block shows, so its colour is never the only sign of it', () => {
    const name = blockAccessibleName(planned(), DENVER, [], 'Connectivity');
    expect(name).toBe(
      `How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!, ${formatTimeRange(START, END, DENVER)}, 255 EF, track Connectivity, going`
    );
  });

  it('is left out when the session has none', () => {
    expect(blockAccessibleName(planned(), DENVER, [], '  ')).not.toContain('track');
    expect(blockAccessibleName(planned(), DENVER, [], null)).not.toContain('track');
  });

  it('says which conference a block is from in My week, after the track', () => {
    const name = blockAccessibleName(planned(), DENVER, [], 'Connectivity', 'Cilium Talks at KubeCon NA 2024');
    expect(name).toMatch(/, track Connectivity, at Cilium Talks at KubeCon NA 2024, going/);
    expect(blockAccessibleName(planned(), DENVER, [], 'Connectivity')).not.toContain(' at ');
  });
});

describe('after the talk, a block says what the person marked', () => {
  it('attended with a rating, or missed', () => {
    expect(blockAccessibleName(planned({ outcome: 'attended', rating: 4 }), DENVER, [])).toMatch(/, going, attended, rated 4 of 5$/);
    expect(blockAccessibleName(planned({ outcome: 'missed', rating: null }), DENVER, [])).toMatch(/, going, missed$/);
    expect(blockAccessibleName(planned({ outcome: null }), DENVER, [])).toMatch(/, going$/);
  });
});
