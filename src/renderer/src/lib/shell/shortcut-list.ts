// Every keyboard shortcut the app has, for the "Keyboard shortcuts" sheet (the ? key). Written from
// the handlers themselves: keyboard.ts (app-wide), the catalog's list, the day columns and blocks
// of the week grid, the List view, menus and dialogs. The app-wide entries carry the key press
// that triggers them, so a test checks them against shortcutFor.
import type { KeyInput, Shortcut } from './keyboard.ts';

export interface ShortcutEntry {
  /** Keys as printed, alternatives separate: ["Delete", "Backspace"]. */
  keys: string[];
  action: string;
  /** For app-wide entries: what shortcutFor answers, and a key press that gets that answer. */
  kind?: Shortcut['kind'];
  probe?: Pick<KeyInput, 'key'> & Partial<KeyInput>;
}

export interface ShortcutSection {
  title: string;
  entries: ShortcutEntry[];
}

export function shortcutSections(mac: boolean): ShortcutSection[] {
  const mod = mac ? '⌘' : 'Ctrl+';
  const modKey = mac ? { metaKey: true } : { ctrlKey: true };
  return [
    {
      title: 'Anywhere (except while typing in a field)',
      entries: [
        { keys: [`${mod}Z`], action: 'Undo the last change', kind: 'undo', probe: { key: 'z', ...modKey } },
        {
          keys: mac ? ['⇧⌘Z'] : ['Ctrl+Shift+Z', 'Ctrl+Y'],
          action: 'Redo',
          kind: 'redo',
          probe: { key: 'z', shiftKey: true, ...modKey }
        },
        { keys: [`${mod}=`, `${mod}+`], action: 'Zoom in (taller hours)', kind: 'zoom', probe: { key: '=', ...modKey } },
        { keys: [`${mod}−`], action: 'Zoom out', kind: 'zoom', probe: { key: '-', ...modKey } },
        { keys: [`${mod}0`], action: 'Reset the zoom', kind: 'zoom', probe: { key: '0', ...modKey } },
        { keys: ['1', '2', '3', '4', '5'], action: 'Show the Week, Day, List, By room or Now view', kind: 'view', probe: { key: '3' } },
        { keys: ['G'], action: 'Selected session: going (plans it if it is not planned yet)', kind: 'state', probe: { key: 'g' } },
        { keys: ['B'], action: 'Selected session: backup', kind: 'state', probe: { key: 'b' } },
        { keys: ['M'], action: 'Selected session: maybe', kind: 'state', probe: { key: 'm' } },
        { keys: ['Delete', 'Backspace'], action: 'Remove the selected item from the plan', kind: 'delete', probe: { key: 'Delete' } },
        { keys: ['Esc'], action: 'Close the new-block form, else clear the selection', kind: 'escape', probe: { key: 'Escape' } },
        { keys: ['?'], action: 'Show this list', kind: 'help', probe: { key: '?', shiftKey: true } }
      ]
    },
    {
      title: 'Session list (catalog)',
      entries: [
        { keys: ['↓'], action: 'In the search field: go to the first result' },
        { keys: ['Esc'], action: 'In the search field: clear the search' },
        { keys: ['↑', '↓', 'Page Up', 'Page Down', 'Home', 'End'], action: 'Move through the sessions' },
        { keys: ['Enter', 'G'], action: 'Plan the focused session (going)' },
        { keys: ['B', 'M'], action: 'Plan it as a backup or a maybe' },
        { keys: ['Delete', 'Backspace'], action: 'Unplan it' },
        { keys: ['Space'], action: 'Show its details' }
      ]
    },
    {
      title: 'Week and Day grids',
      entries: [
        { keys: ['Enter', 'N'], action: 'On a focused day: add a personal block at the first visible hour' },
        { keys: ['G', 'B', 'M'], action: 'On a focused session: going, backup, maybe' },
        { keys: ['Delete', 'Backspace'], action: 'On a focused item: remove it' },
        { keys: ['↑', '↓'], action: 'Personal block: move it by the snap step' },
        { keys: ['←', '→'], action: 'Personal block: move it a day' },
        { keys: ['Shift+↑', 'Shift+↓'], action: 'Personal block: make it shorter or longer' },
        { keys: ['Esc'], action: 'While dragging: cancel the drag' }
      ]
    },
    {
      title: 'List view',
      entries: [
        { keys: ['↑', '↓', 'Home', 'End'], action: 'Move through your plan' },
        { keys: ['Enter'], action: 'Show the item’s details' },
        { keys: ['G', 'B', 'M'], action: 'On a focused session: going, backup, maybe' },
        { keys: ['Delete', 'Backspace'], action: 'On a focused item: remove it' }
      ]
    },
    {
      title: 'Menus and dialogs',
      entries: [
        { keys: ['↑', '↓', 'Home', 'End'], action: 'Move through a menu' },
        { keys: ['Esc'], action: 'Close the menu, list or dialog' },
        { keys: [`${mod}Enter`], action: 'In the import dialog: import' }
      ]
    }
  ];
}
