import { describe, expect, it } from 'vitest';
import {
  dragStep,
  IDLE,
  nudgeBlock,
  SESSION_TIME_FIXED,
  type DragConfig,
  type DragEvent,
  type DragOutcome,
  type DragSource,
  type DragState,
  type Hit
} from '../../src/renderer/src/lib/calendar/drag.ts';
import { HOUR, MINUTE, wallToEpoch } from '../../src/shared/time.ts';

const ZONE = 'America/Denver';
const WED = wallToEpoch({ year: 2024, month: 11, day: 13, hour: 0, minute: 0 }, ZONE);
const THU = WED + 24 * HOUR;
const OFFSET = -420; // Denver in November
const config: DragConfig = { snapMinutes: 5, thresholdPx: 4, minCreateMinutes: 15 };

function grid(dayIndex: number, hhmm: string): Hit {
  const [h, m] = hhmm.split(':').map(Number);
  const dayStart = dayIndex === 0 ? WED : THU;
  return { area: 'grid', dayIndex, dayStart, instant: dayStart + (h ?? 0) * HOUR + (m ?? 0) * MINUTE, offsetMinutes: OFFSET };
}
function wed(hhmm: string): number {
  const hit = grid(0, hhmm);
  return hit.area === 'grid' ? hit.instant : Number.NaN;
}
const CATALOG: Hit = { area: 'catalog' };
const NOWHERE: Hit = { area: 'none' };

/** Run a gesture: press on `source` at `from`, move through `path`, release at the last hit. */
function gesture(source: DragSource, from: Hit, path: Hit[]): { states: DragState[]; outcome: DragOutcome | undefined } {
  let state: DragState = IDLE;
  const states: DragState[] = [];
  const events: DragEvent[] = [{ type: 'down', source, point: { x: 0, y: 0 }, hit: from }];
  path.forEach((hit, i) => events.push({ type: 'move', point: { x: 10 * (i + 1), y: 10 * (i + 1) }, hit }));
  events.push({ type: 'up', point: { x: 10 * path.length, y: 10 * path.length }, hit: path[path.length - 1] ?? from });
  let outcome: DragOutcome | undefined;
  for (const e of events) {
    const step = dragStep(state, e, config);
    state = step.state;
    states.push(state);
    if (step.outcome) outcome = step.outcome;
  }
  return { states, outcome };
}

const routes: DragSource = { kind: 'catalog-session', sessionId: 7, start: wed('11:15'), end: wed('11:50') };
const planned: DragSource = { kind: 'plan-session', itemId: 3, start: wed('11:15'), end: wed('11:50') };
const lunch: DragSource = { kind: 'block', itemId: 9, start: wed('12:00'), end: wed('13:00'), grip: 'body' };
const lunchEdge: DragSource = { ...lunch, grip: 'bottom-edge' };

describe('drag machine', () => {
  it('a press released without moving is a click, not a drag', () => {
    let step = dragStep(IDLE, { type: 'down', source: routes, point: { x: 5, y: 5 }, hit: CATALOG }, config);
    step = dragStep(step.state, { type: 'move', point: { x: 7, y: 6 }, hit: CATALOG }, config);
    expect(step.state.phase).toBe('pressed');
    step = dragStep(step.state, { type: 'up', point: { x: 7, y: 6 }, hit: CATALOG }, config);
    expect(step.state).toEqual(IDLE);
    expect(step.outcome).toEqual({ kind: 'click', source: routes, hit: CATALOG });
  });

  it('a catalog session dropped anywhere on the grid is planned at its own time', () => {
    const { states, outcome } = gesture(routes, CATALOG, [grid(1, '09:00'), grid(1, '16:40')]);
    const during = states[2];
    expect(during?.phase === 'dragging' && during.preview).toEqual({ start: wed('11:15'), end: wed('11:50'), dayIndex: null });
    expect(outcome).toEqual({ kind: 'plan-session', sessionId: 7 });
  });

  it('a catalog session dropped back on the catalog does nothing', () => {
    const { states, outcome } = gesture(routes, CATALOG, [grid(0, '10:00'), CATALOG]);
    const last = states[states.length - 2];
    expect(last?.phase === 'dragging' && last.preview).toBeNull();
    expect(outcome).toEqual({ kind: 'none' });
  });

  it('a planned session dropped on the catalog is unplanned', () => {
    expect(gesture(planned, grid(0, '11:20'), [grid(0, '11:40'), CATALOG]).outcome).toEqual({ kind: 'unplan', itemId: 3 });
  });

  it('a planned session dragged within the grid says why its time cannot move', () => {
    const { states, outcome } = gesture(planned, grid(0, '11:20'), [grid(0, '13:40')]);
    const during = states[1];
    expect(during?.phase === 'dragging' && during.notice).toBe(SESSION_TIME_FIXED);
    expect(outcome).toEqual({ kind: 'refused', reason: SESSION_TIME_FIXED });
  });

  it('moving a block keeps the grab point under the pointer and snaps to five minutes', () => {
    // Grabbed 20 minutes into the block; the pointer ends at 15:27 → start 15:07 → snapped 15:05.
    const { outcome } = gesture(lunch, grid(0, '12:20'), [grid(0, '14:00'), grid(0, '15:27')]);
    expect(outcome).toEqual({ kind: 'move-block', itemId: 9, start: wed('15:05'), end: wed('16:05') });
  });

  it('moving a block to another column changes its day', () => {
    const { outcome } = gesture(lunch, grid(0, '12:00'), [grid(1, '12:00')]);
    expect(outcome).toEqual({ kind: 'move-block', itemId: 9, start: THU + 12 * HOUR, end: THU + 13 * HOUR });
  });

  it('a block dropped where it started changes nothing', () => {
    expect(gesture(lunch, grid(0, '12:10'), [grid(0, '12:30'), grid(0, '12:11')]).outcome).toEqual({ kind: 'none' });
  });

  it('a block dragged off the grid is left where it was', () => {
    expect(gesture(lunch, grid(0, '12:10'), [grid(0, '14:00'), NOWHERE]).outcome).toEqual({ kind: 'none' });
  });

  it('resizing by the bottom edge moves only the end, snapped', () => {
    const { outcome } = gesture(lunchEdge, grid(0, '13:00'), [grid(0, '13:33')]);
    expect(outcome).toEqual({ kind: 'resize-block', itemId: 9, start: wed('12:00'), end: wed('13:35') });
  });

  it('a resize cannot make a block shorter than one snap step', () => {
    const { outcome } = gesture(lunchEdge, grid(0, '13:00'), [grid(0, '10:00')]);
    expect(outcome).toEqual({ kind: 'resize-block', itemId: 9, start: wed('12:00'), end: wed('12:05') });
  });

  it('a resize dragged over the next column stays in the block’s own day', () => {
    const { outcome } = gesture(lunchEdge, grid(0, '13:00'), [grid(1, '14:00')]);
    expect(outcome).toEqual({ kind: 'resize-block', itemId: 9, start: wed('12:00'), end: wed('14:00') });
  });

  it('dragging on empty grid creates a block over the swept time', () => {
    const { outcome } = gesture({ kind: 'empty-grid' }, grid(0, '09:02'), [grid(0, '09:30'), grid(0, '10:29')]);
    expect(outcome).toEqual({ kind: 'create-block', start: wed('09:00'), end: wed('10:30') });
  });

  it('dragging upwards creates a block ending where the press was', () => {
    const { outcome } = gesture({ kind: 'empty-grid' }, grid(0, '10:00'), [grid(0, '08:58')]);
    expect(outcome).toEqual({ kind: 'create-block', start: wed('09:00'), end: wed('10:00') });
  });

  it('a tiny sweep still creates a block of the minimum length', () => {
    const { outcome } = gesture({ kind: 'empty-grid' }, grid(0, '09:00'), [grid(0, '09:06')]);
    expect(outcome).toEqual({ kind: 'create-block', start: wed('09:00'), end: wed('09:15') });
  });

  it('a click on empty grid is a click (it clears the selection), not a block', () => {
    expect(gesture({ kind: 'empty-grid' }, grid(0, '09:00'), []).outcome).toMatchObject({ kind: 'click' });
  });

  it('cancel (Escape) ends the drag with no outcome', () => {
    let step = dragStep(IDLE, { type: 'down', source: lunch, point: { x: 0, y: 0 }, hit: grid(0, '12:00') }, config);
    step = dragStep(step.state, { type: 'move', point: { x: 0, y: 50 }, hit: grid(0, '14:00') }, config);
    step = dragStep(step.state, { type: 'cancel' }, config);
    expect(step).toEqual({ state: IDLE, outcome: { kind: 'none' } });
  });

  it('a second press during a drag is ignored', () => {
    const pressed = dragStep(IDLE, { type: 'down', source: lunch, point: { x: 0, y: 0 }, hit: grid(0, '12:00') }, config).state;
    const again = dragStep(pressed, { type: 'down', source: routes, point: { x: 9, y: 9 }, hit: CATALOG }, config);
    expect(again.state).toBe(pressed);
  });

  it('moves and releases without a press are ignored', () => {
    expect(dragStep(IDLE, { type: 'move', point: { x: 1, y: 1 }, hit: CATALOG }, config)).toEqual({ state: IDLE });
    expect(dragStep(IDLE, { type: 'up', point: { x: 1, y: 1 }, hit: CATALOG }, config)).toEqual({ state: IDLE });
  });
});

describe('keyboard nudges', () => {
  const block = { start: wed('12:00'), end: wed('13:00') };

  it('arrows move a block by one snap step', () => {
    expect(nudgeBlock(block, 'ArrowDown', false, 5)).toEqual({ start: wed('12:05'), end: wed('13:05') });
    expect(nudgeBlock(block, 'ArrowUp', false, 5)).toEqual({ start: wed('11:55'), end: wed('12:55') });
  });

  it('left and right move a block by a day', () => {
    expect(nudgeBlock(block, 'ArrowRight', false, 5)).toEqual({ start: block.start + 24 * HOUR, end: block.end + 24 * HOUR });
  });

  it('shift+arrows resize by one step but never below one step', () => {
    expect(nudgeBlock(block, 'ArrowDown', true, 5)).toEqual({ start: wed('12:00'), end: wed('13:05') });
    expect(nudgeBlock({ start: wed('12:00'), end: wed('12:10') }, 'ArrowUp', true, 5)).toEqual({ start: wed('12:00'), end: wed('12:05') });
    expect(nudgeBlock({ start: wed('12:00'), end: wed('12:05') }, 'ArrowUp', true, 5)).toBeNull();
    expect(nudgeBlock(block, 'ArrowLeft', true, 5)).toBeNull();
  });
});
