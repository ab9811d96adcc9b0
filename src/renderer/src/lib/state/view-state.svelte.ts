// How the week is looked at: which view, which zone, how tall an hour is, the snap step and which
// week or day. Preferences (view, zone choice, zoom, snap) persist per browser profile; the week and
// day do not.
import { localZone } from '../calendar/format.ts';
import type { ViewMode } from '../views/view-modes.ts';

import { DEFAULT_ZOOM_INDEX, loadPrefs, PREFS_KEY, SNAP_CHOICES, ZOOM_STEPS, type Prefs, type ZoneMode } from './view-prefs.ts';
import type { Writable } from './writable.ts';

export { SNAP_CHOICES, ZOOM_STEPS, type ZoneMode } from './view-prefs.ts';

export class ViewState {
  readonly #set: Writable<ViewState> = this;
  readonly #storage: Storage | null;
  readonly localZone: string;
  readonly zoneMode = $state<ZoneMode>('conference');
  #zoomIndex = $state(DEFAULT_ZOOM_INDEX);
  readonly snapMinutes: number = $state(5);
  readonly weekIndex: number = $state(0);
  readonly mode = $state<ViewMode>('week');
  /** The day the Day and By-room views show (ISO date), or null for the default day. */
  readonly dayDate = $state<string | null>(null);

  constructor(storage: Storage | null, zone: string = localZone()) {
    this.#storage = storage;
    this.localZone = zone;
    const prefs = loadPrefs(storage);
    this.#set.zoneMode = prefs.zoneMode;
    this.#zoomIndex = Math.max(0, ZOOM_STEPS.indexOf(prefs.pxPerHour as 72));
    this.#set.snapMinutes = prefs.snapMinutes;
    this.#set.mode = prefs.view;
  }

  setMode(mode: ViewMode): void {
    this.#set.mode = mode;
    this.#save();
  }
  setDay(date: string | null): void {
    this.#set.dayDate = date;
  }

  /** Pixels per hour of the grid. */
  get pxPerHour(): number {
    return ZOOM_STEPS[this.#zoomIndex] ?? 72;
  }
  get pxPerMinute(): number {
    return this.pxPerHour / 60;
  }
  get canZoomIn(): boolean {
    return this.#zoomIndex < ZOOM_STEPS.length - 1;
  }
  get canZoomOut(): boolean {
    return this.#zoomIndex > 0;
  }

  /** The zone times are shown in, given the conference's own zone. */
  zoneFor(conferenceZone: string | null): string {
    return this.zoneMode === 'local' || !conferenceZone ? this.localZone : conferenceZone;
  }

  setZoneMode(mode: ZoneMode): void {
    this.#set.zoneMode = mode;
    this.#save();
  }
  toggleZone(): void {
    this.setZoneMode(this.zoneMode === 'local' ? 'conference' : 'local');
  }
  zoomIn(): void {
    this.zoomBy(1);
  }
  zoomOut(): void {
    this.zoomBy(-1);
  }
  /** Zoom in (positive) or out by whole steps, stopping at the ends. */
  zoomBy(steps: number): void {
    this.#zoomIndex = Math.min(ZOOM_STEPS.length - 1, Math.max(0, this.#zoomIndex + Math.trunc(steps)));
    this.#save();
  }
  zoomReset(): void {
    this.#zoomIndex = DEFAULT_ZOOM_INDEX;
    this.#save();
  }
  setSnap(minutes: number): void {
    if (SNAP_CHOICES.includes(minutes as 5)) this.#set.snapMinutes = minutes;
    this.#save();
  }
  setWeek(index: number): void {
    this.#set.weekIndex = Math.max(0, index);
  }

  #save(): void {
    try {
      this.#storage?.setItem(
        PREFS_KEY,
        JSON.stringify({
          zoneMode: this.zoneMode,
          pxPerHour: this.pxPerHour,
          snapMinutes: this.snapMinutes,
          view: this.mode
        } satisfies Prefs)
      );
    } catch {
      // Private windows may refuse storage; the preference then lasts for this page only.
    }
  }
}
