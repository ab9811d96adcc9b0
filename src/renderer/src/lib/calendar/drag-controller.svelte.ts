// Wires the pure drag machine (drag.ts) to the page: window pointer listeners, hit testing against
// geometry the week grid and catalog register, the live clash check under the ghost, and the
// outcome handed to the AppState. One controller serves the catalog and the grid, so a drag can
// start in one and end in the other.
import { flushSync } from 'svelte';
import type { CandidateClash } from '../state/candidate-clashes.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { dragStep, IDLE, type DragOutcome, type DragSource, type DragState, type Hit, type Point, type Preview } from './drag.ts';
import type { Writable } from '../state/writable.ts';

/** Answers "what is at this viewport point" for the grid; null when the point is outside it. */
export type GridHitTest = (x: number, y: number) => Hit | null;

/** Drawn in the column whose day contains its start. */
export interface PendingBlock {
  start: number;
  end: number;
}

const NO_CLASHES: CandidateClash[] = [];
const NO_IDS: ReadonlySet<number> = new Set();

export class DragController {
  readonly #set: Writable<DragController> = this;
  readonly #app: AppState;
  readonly state = $state.raw<DragState>(IDLE);
  /** Title shown on the chip that follows the pointer. */
  readonly label: string = $state('');
  #clashes = $state.raw<CandidateClash[]>(NO_CLASHES);
  #clashIds = $state.raw<ReadonlySet<number>>(NO_IDS);
  #pending = $state.raw<PendingBlock | null>(null);
  #gridHitTest: GridHitTest | null = null;
  #catalog: HTMLElement | null = null;
  #catalogRect: DOMRect | null = null;
  #suppressClickUntil = 0;
  #detach: (() => void) | null = null;
  /** A session's would-be clashes do not change while it is dragged: computed once per drag. */
  #fixedClashes: CandidateClash[] | null = null;
  /** Set by the grid: called once per drag frame with the pointer, to scroll near the edges. */
  onAutoScroll: ((point: Point) => void) | null = null;

  constructor(app: AppState) {
    this.#app = app;
  }

  get dragging(): boolean {
    return this.state.phase === 'dragging';
  }
  get source(): DragSource | null {
    return this.state.phase === 'idle' ? null : this.state.source;
  }
  get preview(): Preview | null {
    return this.state.phase === 'dragging' ? this.state.preview : null;
  }
  get pointer(): Point | null {
    return this.state.phase === 'dragging' ? this.state.pointer : null;
  }
  get overCatalog(): boolean {
    return this.state.phase === 'dragging' && this.state.hit.area === 'catalog';
  }
  /** Plan items the ghost would clash with. */
  get ghostClashes(): CandidateClash[] {
    return this.#clashes;
  }
  get ghostClashIds(): ReadonlySet<number> {
    return this.#clashIds;
  }
  /** A block drawn by dragging on empty grid, waiting for its title. */
  get pendingBlock(): PendingBlock | null {
    return this.#pending;
  }

  registerGrid(hitTest: GridHitTest | null): void {
    this.#gridHitTest = hitTest;
  }
  registerCatalog(element: HTMLElement | null): void {
    this.#catalog = element;
  }

  /** The item being moved (drawn faded in place while its ghost follows the pointer). */
  isMoving(itemId: number): boolean {
    const s = this.state;
    return s.phase === 'dragging' && (s.source.kind === 'block' || s.source.kind === 'plan-session') && s.source.itemId === itemId;
  }

  /** True right after a drag ended: the click the browser fires then must not select anything. */
  consumeClick(): boolean {
    return performance.now() < this.#suppressClickUntil;
  }

  begin(source: DragSource, event: PointerEvent, label: string): void {
    if (event.button !== 0 || this.state.phase !== 'idle') return;
    this.#set.label = label;
    this.#catalogRect = this.#catalog?.getBoundingClientRect() ?? null;
    this.#fixedClashes = null;
    const point = { x: event.clientX, y: event.clientY };
    this.#set.state = dragStep(this.state, { type: 'down', source, point, hit: this.#hit(point) }, this.#config()).state;
    this.#attach();
  }

  openPendingBlock(block: PendingBlock): void {
    this.#pending = block;
  }
  closePendingBlock(): void {
    this.#pending = null;
  }

  #config(): { snapMinutes: number; thresholdPx: number; minCreateMinutes: number } {
    return { snapMinutes: this.#app.view.snapMinutes, thresholdPx: 4, minCreateMinutes: 15 };
  }

  #hit(point: Point): Hit {
    const r = this.#catalogRect;
    if (r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom) return { area: 'catalog' };
    return this.#gridHitTest?.(point.x, point.y) ?? { area: 'none' };
  }

  #attach(): void {
    const move = (e: PointerEvent): void => this.#onMove(e);
    const up = (e: PointerEvent): void => this.#onUp(e);
    const cancel = (): void => this.#finish(dragStep(this.state, { type: 'cancel' }).outcome ?? { kind: 'none' });
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', key, true);
    window.addEventListener('blur', cancel);
    this.#detach = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', key, true);
      window.removeEventListener('blur', cancel);
    };
  }

  #onMove(e: PointerEvent): void {
    const t0 = performance.now();
    const point = { x: e.clientX, y: e.clientY };
    if (this.state.phase === 'dragging') this.onAutoScroll?.(point);
    const step = dragStep(this.state, { type: 'move', point, hit: this.#hit(point) }, this.#config());
    if (step.state === this.state) return;
    this.#set.state = step.state;
    if (step.state.phase === 'dragging') {
      e.preventDefault();
      this.#updateClashes(step.state.source, step.state.preview);
      if (step.state.notice) this.#app.status.hint(step.state.notice);
      else if (step.state.hit.area === 'catalog' && step.state.source.kind === 'plan-session') this.#app.status.hint('Drop to unplan.');
      // Render inside the measured frame, so the figure is the whole script cost of one move.
      flushSync();
      performance.measure('clashless:drag-frame', { start: t0, end: performance.now() });
    }
  }

  #updateClashes(source: DragSource, preview: Preview | null): void {
    let found: CandidateClash[] = NO_CLASHES;
    if (preview && source.kind === 'catalog-session') {
      const session = this.#app.session(source.sessionId);
      this.#fixedClashes ??= session ? this.#app.checkCandidate(session, this.#app.itemForSession(session.id)?.id ?? null) : NO_CLASHES;
      found = this.#fixedClashes;
    } else if (preview && source.kind === 'block') {
      const item = this.#app.item(source.itemId);
      found = item ? this.#app.checkCandidate({ start: preview.start, end: preview.end, venue: item.venue, room: item.room }, item.id) : NO_CLASHES;
    } else if (preview && source.kind === 'empty-grid') {
      found = this.#app.checkCandidate({ start: preview.start, end: preview.end, venue: null, room: null });
    }
    if (!sameItems(found, this.#clashes)) {
      this.#clashes = found;
      this.#clashIds = found.length === 0 ? NO_IDS : new Set(found.map((c) => c.item.id));
    }
  }

  #onUp(e: PointerEvent): void {
    const point = { x: e.clientX, y: e.clientY };
    const wasDragging = this.state.phase === 'dragging';
    const step = dragStep(this.state, { type: 'up', point, hit: this.#hit(point) }, this.#config());
    if (wasDragging) this.#suppressClickUntil = performance.now() + 300;
    this.#finish(step.outcome ?? { kind: 'none' });
  }

  #finish(outcome: DragOutcome): void {
    this.#detach?.();
    this.#detach = null;
    this.#set.state = IDLE;
    this.#clashes = NO_CLASHES;
    this.#clashIds = NO_IDS;
    this.#fixedClashes = null;
    this.#apply(outcome);
  }

  #apply(outcome: DragOutcome): void {
    const app = this.#app;
    switch (outcome.kind) {
      case 'plan-session':
        void app.planSession(outcome.sessionId);
        break;
      case 'unplan':
        void app.unplan(outcome.itemId);
        break;
      case 'move-block':
      case 'resize-block':
        void app.moveBlock(outcome.itemId, outcome.start, outcome.end);
        break;
      case 'create-block':
        this.#pending = { start: outcome.start, end: outcome.end };
        break;
      case 'refused':
        app.status.hint(outcome.reason);
        break;
      case 'click':
        if (outcome.source.kind === 'empty-grid') app.select(null);
        break;
      case 'none':
        break;
    }
  }
}

function sameItems(a: readonly CandidateClash[], b: readonly CandidateClash[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.item.id !== b[i]?.item.id || a[i]?.kind !== b[i]?.kind) return false;
  return true;
}
