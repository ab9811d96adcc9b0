// The app-wide shortcuts, as a pure decision so the rules are readable in one place:
// Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo, Delete/Backspace unplan, B/G/M set the state of
// the selected item, +/− zoom, 1–5 choose the view (Week, Day, List, By room, Now), ? lists the keys.
//
// Policy: typing in a text field keeps every key, including its own undo. A select (or another
// choice control) keeps its plain keys (letters pick options) but not Ctrl/Cmd+Z, which it has no
// use for, so undo works wherever focus is except while typing.
import { viewForKey, type ViewMode } from '../views/view-modes.ts';

export type Shortcut =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'delete' }
  | { kind: 'state'; state: 'going' | 'backup' | 'maybe' }
  | { kind: 'zoom'; direction: 'in' | 'out' | 'reset' }
  | { kind: 'escape' }
  | { kind: 'view'; view: ViewMode }
  | { kind: 'help' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** Focus is where text is typed: a text input, textarea or editable element. */
  inField: boolean;
  /** Focus is on a select, whose plain keys choose options. */
  inChoice?: boolean;
}

export function shortcutFor(e: KeyInput, mac: boolean): Shortcut | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey) {
    if (e.inField) return null;
    if (key === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !mac) return { kind: 'redo' };
    if (key === '=' || key === '+') return { kind: 'zoom', direction: 'in' };
    if (key === '-') return { kind: 'zoom', direction: 'out' };
    if (key === '0') return { kind: 'zoom', direction: 'reset' };
    return null;
  }
  if (e.inField || e.inChoice || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (key === 'Delete' || key === 'Backspace') return { kind: 'delete' };
  if (key === 'Escape') return { kind: 'escape' };
  if (key === 'b') return { kind: 'state', state: 'backup' };
  if (key === 'g') return { kind: 'state', state: 'going' };
  if (key === 'm') return { kind: 'state', state: 'maybe' };
  // Digits as typed: on layouts where they need Shift (AZERTY) the key still says "1".
  const view = viewForKey(key);
  if (view) return { kind: 'view', view };
  if (key === '?') return { kind: 'help' };
  return null;
}
