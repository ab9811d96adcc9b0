// The ways to look at a conference: the week grid, one day of it, the plan as a list, the whole
// programme of a day by room, and what is happening now. Their names are what the view switch
// shows (and what people and tests call them); the digit is the shortcut.
export type ViewMode = 'week' | 'day' | 'list' | 'rooms' | 'now';

export interface ViewInfo {
  mode: ViewMode;
  /** The switch button's name. */
  label: string;
  /** Its key (outside text fields). */
  key: string;
  /** Longer words for the tooltip. */
  hint: string;
}

export const VIEWS: readonly ViewInfo[] = [
  { mode: 'week', label: 'Week', key: '1', hint: 'Your plan, a week at a time' },
  { mode: 'day', label: 'Day', key: '2', hint: 'One day of your plan, full width' },
  { mode: 'list', label: 'List', key: '3', hint: 'Your plan as an agenda, day by day' },
  { mode: 'rooms', label: 'By room', key: '4', hint: 'The whole programme of a day, one column per room' },
  { mode: 'now', label: 'Now', key: '5', hint: 'What you are in now, what is next and where to walk' }
];

export function isViewMode(value: unknown): value is ViewMode {
  return VIEWS.some((v) => v.mode === value);
}

/** The view a digit key chooses, or null. */
export function viewForKey(key: string): ViewMode | null {
  return VIEWS.find((v) => v.key === key)?.mode ?? null;
}

export function viewLabel(mode: ViewMode): string {
  return VIEWS.find((v) => v.mode === mode)?.label ?? 'Week';
}
