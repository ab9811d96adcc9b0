// The right-hand panel shows one of these at a time.
export type PanelName = 'details' | 'clashes' | 'changes' | 'travel' | 'later' | 'friends';

export const PANEL_TITLES: Record<PanelName, string> = {
  details: 'Details',
  clashes: 'Clashes',
  changes: 'Changes',
  travel: 'Travel',
  later: 'Watch later',
  friends: 'Friends'
};
