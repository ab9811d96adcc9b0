// The pointer-drag state machine of the week view. Pure: the component does hit testing (which
// column and instant is under the pointer, or the catalog) and feeds events in; the machine says
// what the ghost looks like and, on release, what should happen. Nothing here touches the DOM or
// the api, so every gesture is unit-tested as a sequence of events.
//
// Policy: a press only becomes a drag after the pointer travels `thresholdPx`, so a click still
// selects. A session's time comes from the schedule and cannot be dragged; a planned session
// dragged onto the catalog is unplanned. Personal blocks move and resize in `snapMinutes` steps.
import { MINUTE } from '../../../../shared/time.ts';
import { snapInstant } from './layout.ts';

export interface Point {
  x: number;
  y: number;
}

/** What the press started on. */
export type DragSource =
  | { kind: 'catalog-session'; sessionId: number; start: number; end: number }
  | { kind: 'plan-session'; itemId: number; start: number; end: number }
  | { kind: 'block'; itemId: number; start: number; end: number; grip: 'body' | 'bottom-edge' }
  | { kind: 'empty-grid' };

/** What is under the pointer. `instant` is the unsnapped time at the pointer's height in that column. */
export type Hit =
  | { area: 'grid'; dayIndex: number; dayStart: number; instant: number; offsetMinutes: number }
  | { area: 'catalog' }
  | { area: 'none' };

/** Where the ghost is drawn while dragging (null: no ghost on the grid). */
export interface Preview {
  start: number;
  end: number;
  /** The column to draw in; null when the item's own day decides (a session keeps its time). */
  dayIndex: number | null;
}

export type DragState =
  | { phase: 'idle' }
  | { phase: 'pressed'; source: DragSource; origin: Point; originHit: Hit }
  | {
      phase: 'dragging';
      source: DragSource;
      origin: Point;
      originHit: Hit;
      pointer: Point;
      hit: Hit;
      preview: Preview | null;
      /** A sentence for the status line while the gesture cannot do what it looks like. */
      notice: string | null;
    };

export type DragEvent =
  | { type: 'down'; source: DragSource; point: Point; hit: Hit }
  | { type: 'move'; point: Point; hit: Hit }
  | { type: 'up'; point: Point; hit: Hit }
  | { type: 'cancel' };

export type DragOutcome =
  | { kind: 'none' }
  | { kind: 'click'; source: DragSource; hit: Hit }
  | { kind: 'plan-session'; sessionId: number }
  | { kind: 'unplan'; itemId: number }
  | { kind: 'move-block'; itemId: number; start: number; end: number }
  | { kind: 'resize-block'; itemId: number; start: number; end: number }
  | { kind: 'create-block'; start: number; end: number }
  | { kind: 'refused'; reason: string };

export interface DragConfig {
  snapMinutes: number;
  thresholdPx: number;
  /** Shortest block a drag can create. */
  minCreateMinutes: number;
}

export const DEFAULT_DRAG_CONFIG: DragConfig = { snapMinutes: 5, thresholdPx: 4, minCreateMinutes: 15 };

export const SESSION_TIME_FIXED =
  'A session’s time comes from the conference schedule, so it can’t be moved. Drop it on the catalog to unplan it.';

export interface Step {
  state: DragState;
  /** Set on release (or cancel): what the gesture means. */
  outcome?: DragOutcome;
}

export const IDLE: DragState = { phase: 'idle' };

export function dragStep(state: DragState, event: DragEvent, config: DragConfig = DEFAULT_DRAG_CONFIG): Step {
  switch (event.type) {
    case 'down':
      // A second pointer pressing mid-gesture is ignored rather than starting a tangle.
      if (state.phase !== 'idle') return { state };
      return { state: { phase: 'pressed', source: event.source, origin: event.point, originHit: event.hit } };
    case 'move': {
      if (state.phase === 'idle') return { state };
      if (state.phase === 'pressed' && distance(state.origin, event.point) < config.thresholdPx) return { state };
      const { preview, notice } = follow(state.source, state.originHit, event.hit, config);
      return {
        state: {
          phase: 'dragging',
          source: state.source,
          origin: state.origin,
          originHit: state.originHit,
          pointer: event.point,
          hit: event.hit,
          preview,
          notice
        }
      };
    }
    case 'up': {
      if (state.phase === 'idle') return { state };
      if (state.phase === 'pressed') return { state: IDLE, outcome: { kind: 'click', source: state.source, hit: state.originHit } };
      const { preview } = follow(state.source, state.originHit, event.hit, config);
      return { state: IDLE, outcome: release(state.source, event.hit, preview) };
    }
    case 'cancel':
      return { state: IDLE, outcome: { kind: 'none' } };
  }
}

function follow(source: DragSource, originHit: Hit, hit: Hit, config: DragConfig): { preview: Preview | null; notice: string | null } {
  switch (source.kind) {
    case 'catalog-session':
      return { preview: hit.area === 'grid' ? { start: source.start, end: source.end, dayIndex: null } : null, notice: null };
    case 'plan-session':
      return { preview: null, notice: hit.area === 'grid' ? SESSION_TIME_FIXED : null };
    case 'block': {
      if (hit.area !== 'grid') return { preview: null, notice: null };
      if (source.grip === 'bottom-edge') return { preview: resized(source, originHit, hit, config), notice: null };
      return { preview: moved(source, originHit, hit, config), notice: null };
    }
    case 'empty-grid':
      return { preview: created(originHit, hit, config), notice: null };
  }
}

/** Keep the grab point under the pointer: the block moves by the pointer's travel, snapped. */
function moved(source: { start: number; end: number }, originHit: Hit, hit: Hit & { area: 'grid' }, config: DragConfig): Preview {
  const grabOffset = originHit.area === 'grid' ? originHit.instant - source.start : 0;
  const start = snapInstant(hit.instant - grabOffset, config.snapMinutes, hit.offsetMinutes);
  return { start, end: start + (source.end - source.start), dayIndex: hit.dayIndex };
}

/** The bottom edge follows the pointer's height in the block's own day, never above one snap step. */
function resized(source: { start: number; end: number }, originHit: Hit, hit: Hit & { area: 'grid' }, config: DragConfig): Preview {
  const day = sameDayInstant(originHit, hit);
  const minEnd = source.start + config.snapMinutes * MINUTE;
  const end = Math.max(minEnd, snapInstant(day.instant, config.snapMinutes, hit.offsetMinutes));
  return { start: source.start, end, dayIndex: day.dayIndex };
}

function created(originHit: Hit, hit: Hit, config: DragConfig): Preview | null {
  if (originHit.area !== 'grid') return null;
  const anchor = snapInstant(originHit.instant, config.snapMinutes, originHit.offsetMinutes);
  const other =
    hit.area === 'grid' ? snapInstant(sameDayInstant(originHit, hit).instant, config.snapMinutes, originHit.offsetMinutes) : anchor;
  let start = Math.min(anchor, other);
  let end = Math.max(anchor, other);
  if (end - start < config.minCreateMinutes * MINUTE) {
    // Too short to be meant: grow away from the anchor in the direction the pointer went.
    if (other < anchor) start = anchor - config.minCreateMinutes * MINUTE;
    else end = start + config.minCreateMinutes * MINUTE;
  }
  return { start, end, dayIndex: originHit.dayIndex };
}

/**
 * Resizing and creating stay in the column they started in: the pointer's height in whatever
 * column it is over is read as the same time of day in the original column.
 */
function sameDayInstant(originHit: Hit, hit: Hit & { area: 'grid' }): { instant: number; dayIndex: number } {
  if (originHit.area !== 'grid') return { instant: hit.instant, dayIndex: hit.dayIndex };
  return { instant: originHit.dayStart + (hit.instant - hit.dayStart), dayIndex: originHit.dayIndex };
}

function release(source: DragSource, hit: Hit, preview: Preview | null): DragOutcome {
  switch (source.kind) {
    case 'catalog-session':
      return hit.area === 'grid' ? { kind: 'plan-session', sessionId: source.sessionId } : { kind: 'none' };
    case 'plan-session':
      if (hit.area === 'catalog') return { kind: 'unplan', itemId: source.itemId };
      if (hit.area === 'grid') return { kind: 'refused', reason: SESSION_TIME_FIXED };
      return { kind: 'none' };
    case 'block':
      if (!preview) return { kind: 'none' };
      if (preview.start === source.start && preview.end === source.end) return { kind: 'none' };
      return source.grip === 'bottom-edge'
        ? { kind: 'resize-block', itemId: source.itemId, start: preview.start, end: preview.end }
        : { kind: 'move-block', itemId: source.itemId, start: preview.start, end: preview.end };
    case 'empty-grid':
      return preview ? { kind: 'create-block', start: preview.start, end: preview.end } : { kind: 'none' };
  }
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export type NudgeKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * The keyboard twin of dragging a personal block: Up/Down move it by one snap step, Left/Right by a
 * day, and with `resize` (Shift) Up/Down move only its end, never shorter than one step. Returns
 * null when the key does nothing.
 */
export function nudgeBlock(
  block: { start: number; end: number },
  key: NudgeKey,
  resize: boolean,
  snapMinutes: number
): { start: number; end: number } | null {
  const step = Math.max(1, snapMinutes) * MINUTE;
  const day = 24 * 60 * MINUTE;
  if (resize) {
    if (key === 'ArrowDown') return { start: block.start, end: block.end + step };
    if (key === 'ArrowUp') return block.end - step >= block.start + step ? { start: block.start, end: block.end - step } : null;
    return null;
  }
  const by = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : key === 'ArrowLeft' ? -day : day;
  return { start: block.start + by, end: block.end + by };
}
