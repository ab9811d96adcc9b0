// The app-wide keys: undo and redo wherever focus is except while typing, plain letters only
// outside fields and selects.
import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from '../../src/renderer/src/lib/shell/keyboard.ts';

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inField: false, ...mods };
}

describe('undo and redo', () => {
  it('Ctrl+Z undoes, Shift+Ctrl+Z and Ctrl+Y redo (Windows and Linux)', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), false)).toEqual({ kind: 'undo' });
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'redo' });
    expect(shortcutFor(key('y', { ctrlKey: true }), false)).toEqual({ kind: 'redo' });
  });

  it('Cmd+Z undoes and Shift+Cmd+Z redoes on a Mac; Ctrl+Z and Cmd+Y do nothing there', () => {
    expect(shortcutFor(key('z', { metaKey: true }), true)).toEqual({ kind: 'undo' });
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), true)).toEqual({ kind: 'redo' });
    expect(shortcutFor(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('y', { metaKey: true }), true)).toBeNull();
  });

  it('while typing in a text field the field keeps Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y', () => {
    for (const k of [key('z', { ctrlKey: true, inField: true }), key('z', { ctrlKey: true, shiftKey: true, inField: true }), key('y', { ctrlKey: true, inField: true })]) {
      expect(shortcutFor(k, false)).toBeNull();
    }
    expect(shortcutFor(key('z', { metaKey: true, inField: true }), true)).toBeNull();
  });

  it('on a select (the snap or conference choice) Ctrl+Z still undoes the plan', () => {
    expect(shortcutFor(key('z', { ctrlKey: true, inChoice: true }), false)).toEqual({ kind: 'undo' });
  });

  it('Alt with Ctrl+Z is someone else’s shortcut', () => {
    expect(shortcutFor(key('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});

describe('plain keys', () => {
  it('B, G and M set the state; Delete and Backspace unplan; Escape clears', () => {
    expect(shortcutFor(key('b'), false)).toEqual({ kind: 'state', state: 'backup' });
    expect(shortcutFor(key('G'), false)).toEqual({ kind: 'state', state: 'going' });
    expect(shortcutFor(key('m'), false)).toEqual({ kind: 'state', state: 'maybe' });
    expect(shortcutFor(key('Delete'), false)).toEqual({ kind: 'delete' });
    expect(shortcutFor(key('Backspace'), false)).toEqual({ kind: 'delete' });
    expect(shortcutFor(key('Escape'), false)).toEqual({ kind: 'escape' });
  });

  it('are left to text fields and selects (where letters type or pick an option)', () => {
    expect(shortcutFor(key('b', { inField: true }), false)).toBeNull();
    expect(shortcutFor(key('b', { inChoice: true }), false)).toBeNull();
    expect(shortcutFor(key('Backspace', { inField: true }), false)).toBeNull();
  });

  it('zoom with Ctrl and +, − or 0', () => {
    expect(shortcutFor(key('=', { ctrlKey: true }), false)).toEqual({ kind: 'zoom', direction: 'in' });
    expect(shortcutFor(key('-', { ctrlKey: true }), false)).toEqual({ kind: 'zoom', direction: 'out' });
    expect(shortcutFor(key('0', { ctrlKey: true }), false)).toEqual({ kind: 'zoom', direction: 'reset' });
  });
});
