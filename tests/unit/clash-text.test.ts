// The clash panel's words: both sides with the times the person is really there, a one-line
// summary, the schedule change that caused a clash, and clashes a re-import caused listed first.
import { describe, expect, it } from 'vitest';
import type { ClashView } from '../../src/shared/contract.ts';
import type { PlanItem, ScheduleChange } from '../../src/shared/domain.ts';
import {
  actionHint,
  buildClashRow,
  buildClashRows,
  clashCountLabel,
  clashSummary,
  resolutionMessage,
  sortClashRows,
  splitText
} from '../../src/renderer/src/lib/clashes/clash-text.ts';

const MIN = 60_000;
const NO_SPLIT = { possible: false, reason: 'no-room', walkMinutes: 5 } as const;
const T0 = Date.parse('2024-11-15T21:55:00Z'); // Fri 2:55 PM in Salt Lake City

function item(id: number, title: string, start: number, end: number, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    id,
    conferenceId: 1,
    kind: 'session',
    sessionId: id * 10,
    sessionKey: `k${id}`,
    title,
    start,
    end,
    venue: 'Salt Palace',
    room: `${id}55 EF`,
    state: 'going',
    priority: 3,
    arriveAt: null,
    leaveAt: null,
    note: null,
    reminder: null,
    status: 'scheduled',
    ...extra
  };
}

function change(sessionId: number, kind: ScheduleChange['kind'], importedAt: number, detail = ''): ScheduleChange {
  return { id: importedAt, conferenceId: 1, sessionId, sessionKey: `s${sessionId}`, title: `Session ${sessionId}`, kind, detail, importedAt, planned: true };
}

const goto = item(1, 'How GoTo Financial Automates', T0, T0 + 35 * MIN);
const gamers = item(2, 'Thousands of Gamers', T0, T0 + 35 * MIN);
const overlap: ClashView = { a: 1, b: 2, kind: 'overlap', minutes: 35, cause: null, split: NO_SPLIT };

describe('a clash row', () => {
  it('names both sides with their times and places, and sums up the overlap', () => {
    const row = buildClashRow(overlap, new Map([[1, goto], [2, gamers]]));
    expect(row.key).toBe('1-2-overlap');
    expect(row.summary).toBe('overlap 35 min');
    expect(row.a).toMatchObject({ id: 1, sessionId: 10, title: goto.title, start: T0, end: T0 + 35 * MIN, place: 'Salt Palace · 155 EF', missing: false });
    expect(row.b.title).toBe(gamers.title);
    expect(row.cause).toBeNull();
  });

  it('a split side shows the part the person attends', () => {
    const split = { ...goto, leaveAt: T0 + 15 * MIN };
    const row = buildClashRow(overlap, new Map([[1, split], [2, gamers]]));
    expect([row.a.start, row.a.end]).toEqual([T0, T0 + 15 * MIN]);
  });

  it('a transfer clash says how short the walk is: the gap plus the shortfall is the walk', () => {
    const later = item(2, 'Next talk', T0 + 40 * MIN, T0 + 75 * MIN);
    const transfer: ClashView = { a: 1, b: 2, kind: 'transfer', minutes: 10, cause: null, split: NO_SPLIT };
    const row = buildClashRow(transfer, new Map([[1, goto], [2, later]]));
    expect(row.summary).toBe('transfer: 10 min short of the 15-min walk');
  });

  it('a side missing from the plan still renders, by id, without a walk it cannot know', () => {
    const transfer: ClashView = { a: 1, b: 9, kind: 'transfer', minutes: 5, cause: null, split: NO_SPLIT };
    const row = buildClashRow(transfer, new Map([[1, goto]]));
    expect(row.b).toMatchObject({ id: 9, title: 'Plan item 9', missing: true });
    expect(clashSummary(transfer, row.a, row.b)).toBe('transfer: 5 min short of the walk');
  });

  it('a clash a re-import caused names the side that moved, by letter', () => {
    const caused: ClashView = { ...overlap, cause: change(20, 'moved', 5, 'Fri 3:30 PM → Fri 2:55 PM') };
    const row = buildClashRow(caused, new Map([[1, goto], [2, gamers]]));
    expect(row.cause).toBe('B moved in the last import: Fri 3:30 PM → Fri 2:55 PM');
  });

  it('a cause that matches neither side is named by its title', () => {
    const caused: ClashView = { ...overlap, cause: change(77, 'room-changed', 5) };
    expect(buildClashRow(caused, new Map([[1, goto], [2, gamers]])).cause).toBe('“Session 77” room changed in the last import');
  });
});

describe('order', () => {
  it('clashes a re-import caused come first, newest import first, then by time', () => {
    const early = item(3, 'Early', T0 - 120 * MIN, T0 - 60 * MIN);
    const early2 = item(4, 'Early too', T0 - 90 * MIN, T0 - 30 * MIN);
    const clashes: ClashView[] = [
      { a: 3, b: 4, kind: 'overlap', minutes: 30, cause: null, split: NO_SPLIT },
      { a: 1, b: 2, kind: 'overlap', minutes: 35, cause: change(10, 'moved', 100), split: NO_SPLIT },
      { a: 3, b: 1, kind: 'overlap', minutes: 1, cause: change(30, 'moved', 200), split: NO_SPLIT }
    ];
    const rows = buildClashRows(clashes, [goto, gamers, early, early2]);
    expect(rows.map((r) => r.key)).toEqual(['3-1-overlap', '1-2-overlap', '3-4-overlap']);
    expect(sortClashRows([...rows].reverse()).map((r) => r.key)).toEqual(rows.map((r) => r.key));
  });
});

describe('words for actions and counts', () => {
  it('says what each resolution did', () => {
    expect(resolutionMessage('keep-a', 'A talk', 'B talk')).toBe('Keeping “A talk”; “B talk” is now a backup.');
    expect(resolutionMessage('keep-b', 'A talk', 'B talk')).toBe('Keeping “B talk”; “A talk” is now a backup.');
    expect(resolutionMessage('split', 'A talk', 'B talk')).toBe('Split the time between “A talk” and “B talk”.');
    expect(resolutionMessage('remove-a', 'A talk', 'B talk')).toBe('Removed “A talk” from your plan.');
    expect(resolutionMessage('remove-b', 'A talk', 'B talk')).toBe('Removed “B talk” from your plan.');
  });

  it('explains each button before it is pressed', () => {
    expect(actionHint('split', 'A talk', 'B talk')).toBe('Leave “A talk” early and arrive late at “B talk”, so both fit');
    expect(actionHint('keep-a', 'A talk', 'B talk')).toBe('Go to “A talk”; “B talk” becomes a backup');
  });

  it('counts clashes in words', () => {
    expect(clashCountLabel(0)).toBe('No clashes');
    expect(clashCountLabel(1)).toBe('1 clash');
    expect(clashCountLabel(12)).toBe('12 clashes');
  });
});

describe('what “Split time” offers', () => {
  const zone = 'America/Denver';
  it('says when to leave A and arrive at B, walk included', () => {
    const clash: ClashView = { ...overlap, split: { possible: true, aLeaveAt: T0 + 10 * MIN, bArriveAt: T0 + 20 * MIN, walkMinutes: 10 } };
    const row = buildClashRow(clash, new Map([[1, goto], [2, gamers]]));
    expect(splitText(row, zone)).toEqual({
      possible: true,
      text: `Leave “${goto.title}” at 3:05 PM, walk 10 min and arrive at “${gamers.title}” at 3:15 PM`
    });
  });

  it('says why it cannot, before anyone clicks', () => {
    const clash: ClashView = { ...overlap, split: { possible: false, reason: 'no-room', walkMinutes: 20 } };
    const row = buildClashRow(clash, new Map([[1, goto], [2, gamers]]));
    expect(splitText(row, zone)).toEqual({
      possible: false,
      text: 'These two can’t be split: there is no room for 5 minutes of each and the 20-min walk; keep one of them instead.'
    });
  });

  it('never mentions a 0-minute walk or the order of A and B', () => {
    const row = (split: ClashView['split']) => buildClashRow({ ...overlap, split }, new Map([[1, goto], [2, gamers]]));
    expect(splitText(row({ possible: false, reason: 'no-room', walkMinutes: 0 }), zone).text).toBe(
      'These two can’t be split: there is no room for 5 minutes of each; keep one of them instead.'
    );
    expect(splitText(row({ possible: false, reason: 'order', walkMinutes: 0 }), zone).text).toBe('These two can’t be split; keep one of them instead.');
  });

  it('with an unknown walk, says where to set it instead of offering a split', () => {
    const split = { possible: false, reason: 'unknown-walk', walkMinutes: 0, between: ['Hotel', 'Saal 1'] } as const;
    const row = buildClashRow({ ...overlap, split: { ...split, between: [...split.between] } }, new Map([[1, goto], [2, gamers]]));
    expect(splitText(row, zone)).toEqual({ possible: false, text: 'Set the walk between Hotel and Saal 1 in Travel times to split the time.' });
  });
});
