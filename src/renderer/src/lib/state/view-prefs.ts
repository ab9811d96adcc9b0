// The view preferences a browser profile keeps (zone choice, zoom, snap step, view), read back
// defensively: anything missing or odd falls back to the defaults. Pure, so it is unit-tested.
import { isViewMode, type ViewMode } from '../views/view-modes.ts';

export type ZoneMode = 'conference' | 'local';

// Pixels per hour. The widest steps fit a whole conference day with a night programme (38C3 runs
// 10:00–03:00, 17 hours) in a 700 px window: 24 px/h draws those 17 hours in 408 px.
export const ZOOM_STEPS = [16, 20, 24, 30, 40, 50, 60, 72, 88, 108, 132, 160] as const;
export const DEFAULT_ZOOM_INDEX = 7;
/** The steps before 16/20/24 px were added; older preferences stored an index into these. */
const OLD_ZOOM_STEPS = [30, 40, 50, 60, 72, 88, 108, 132, 160] as const;
export const SNAP_CHOICES = [5, 10, 15, 30] as const;
export const PREFS_KEY = 'clashless.view';

export interface Prefs {
  zoneMode: ZoneMode;
  /** Pixels per hour (one of ZOOM_STEPS); stored as a value so new steps never shift it. */
  pxPerHour: number;
  snapMinutes: number;
  view: ViewMode;
}

export function loadPrefs(storage: Storage | null): Prefs {
  const fallback: Prefs = { zoneMode: 'conference', pxPerHour: ZOOM_STEPS[DEFAULT_ZOOM_INDEX], snapMinutes: 5, view: 'week' };
  try {
    const raw = storage?.getItem(PREFS_KEY);
    if (!raw) return fallback;
    const p = JSON.parse(raw) as Partial<Prefs> & { zoomIndex?: number };
    const old = Number.isInteger(p.zoomIndex) ? OLD_ZOOM_STEPS[p.zoomIndex as number] : undefined;
    const px = p.pxPerHour ?? old;
    return {
      zoneMode: p.zoneMode === 'local' ? 'local' : 'conference',
      pxPerHour: ZOOM_STEPS.includes(px as 72) ? (px as number) : fallback.pxPerHour,
      snapMinutes: SNAP_CHOICES.includes(p.snapMinutes as 5) ? p.snapMinutes! : fallback.snapMinutes,
      view: isViewMode(p.view) ? p.view : fallback.view
    };
  } catch {
    return fallback; // Unreadable preferences are not worth an error: start from the defaults.
  }
}

