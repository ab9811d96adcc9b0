// How the week is looked at: which view, which zone, how tall an hour is, the snap step and which
// week or day. Preferences (view, zone choice, zoom, snap) persist per browser profile; the week and
// day do not.
import { localZone } from '../calendar/format.ts';
import { isViewMode, type ViewMode } from '../views/view-modes.ts';

export type ZoneMode = 'conference' | 'local';

export const ZOOM_STEPS = [30, 40, 50, 60, 72, 88, 108, 132, 160] as const;
const DEFAULT_ZOOM_INDEX = 4;
export const SNAP_CHOICES = [5, 10, 15, 30] as const;
const PREFS_KEY = 'clashless.view';

interface Prefs {
  zoneMode: ZoneMode;
  zoomIndex: number;
  snapMinutes: number;
  view: ViewMode;
}

function loadPrefs(storage: Storage | null): Prefs {
  const fallback: Prefs = { zoneMode: 'conference', zoomIndex: DEFAULT_ZOOM_INDEX, snapMinutes: 5, view: 'week' };
  try {
    const raw = storage?.getItem(PREFS_KEY);
    if (!raw) return fallback;
    const p = JSON.parse(raw) as Partial<Prefs>;
    return {
      zoneMode: p.zoneMode === 'local' ? 'local' : 'conference',
      zoomIndex: Number.isInteger(p.zoomIndex) && p.zoomIndex! >= 0 && p.zoomIndex! < ZOOM_STEPS.length ? p.zoomIndex! : fallback.zoomIndex,
      snapMinutes: SNAP_CHOICES.includes(p.snapMinutes as 5) ? p.snapMinutes! : fallback.snapMinutes,
      view: isViewMode(p.view) ? p.view : fallback.view
    };
  } catch {
    return fallback; // Unreadable preferences are not worth an error: start from the defaults.
  }
}

export class ViewState {
  readonly #storage: Storage | null;
  readonly localZone: string;
  #zoneMode = $state<ZoneMode>('conference');
  #zoomIndex = $state(DEFAULT_ZOOM_INDEX);
  #snapMinutes = $state(5);
  #weekIndex = $state(0);
  #mode = $state<ViewMode>('week');
  /** The day the Day and By-room views show (ISO date), or null for the default day. */
  #dayDate = $state<string | null>(null);

  constructor(storage: Storage | null, zone: string = localZone()) {
    this.#storage = storage;
    this.localZone = zone;
    const prefs = loadPrefs(storage);
    this.#zoneMode = prefs.zoneMode;
    this.#zoomIndex = prefs.zoomIndex;
    this.#snapMinutes = prefs.snapMinutes;
    this.#mode = prefs.view;
  }

  get mode(): ViewMode {
    return this.#mode;
  }
  get dayDate(): string | null {
    return this.#dayDate;
  }
  setMode(mode: ViewMode): void {
    this.#mode = mode;
    this.#save();
  }
  setDay(date: string | null): void {
    this.#dayDate = date;
  }

  get zoneMode(): ZoneMode {
    return this.#zoneMode;
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
  get snapMinutes(): number {
    return this.#snapMinutes;
  }
  get weekIndex(): number {
    return this.#weekIndex;
  }

  /** The zone times are shown in, given the conference's own zone. */
  zoneFor(conferenceZone: string | null): string {
    return this.#zoneMode === 'local' || !conferenceZone ? this.localZone : conferenceZone;
  }

  setZoneMode(mode: ZoneMode): void {
    this.#zoneMode = mode;
    this.#save();
  }
  toggleZone(): void {
    this.setZoneMode(this.#zoneMode === 'local' ? 'conference' : 'local');
  }
  zoomIn(): void {
    if (this.canZoomIn) this.#zoomIndex++;
    this.#save();
  }
  zoomOut(): void {
    if (this.canZoomOut) this.#zoomIndex--;
    this.#save();
  }
  zoomReset(): void {
    this.#zoomIndex = DEFAULT_ZOOM_INDEX;
    this.#save();
  }
  setSnap(minutes: number): void {
    if (SNAP_CHOICES.includes(minutes as 5)) this.#snapMinutes = minutes;
    this.#save();
  }
  setWeek(index: number): void {
    this.#weekIndex = Math.max(0, index);
  }

  #save(): void {
    try {
      this.#storage?.setItem(
        PREFS_KEY,
        JSON.stringify({
          zoneMode: this.#zoneMode,
          zoomIndex: this.#zoomIndex,
          snapMinutes: this.#snapMinutes,
          view: this.#mode
        } satisfies Prefs)
      );
    } catch {
      // Private windows may refuse storage; the preference then lasts for this page only.
    }
  }
}
