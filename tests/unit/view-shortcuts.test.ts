// The view keys (1–5), the ? key, and the "Keyboard shortcuts" sheet, which must list every
// app-wide shortcut truthfully: each listed key press gets the answer the sheet says it does.
import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput, type Shortcut } from '../../src/renderer/src/lib/shell/keyboard.ts';
import { shortcutSections } from '../../src/renderer/src/lib/shell/shortcut-list.ts';
import { isViewMode, VIEWS, viewForKey, viewLabel } from '../../src/renderer/src/lib/views/view-modes.ts';

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inField: false, ...mods };
}

describe('views', () => {
  it('are named Week, Day, List, By room and Now, on keys 1 to 5', () => {
    expect(VIEWS.map((v) => [v.key, v.label])).toEqual([
      ['1', 'Week'],
      ['2', 'Day'],
      ['3', 'List'],
      ['4', 'By room'],
      ['5', 'Now']
    ]);
    expect(viewLabel('rooms')).toBe('By room');
    expect(isViewMode('now')).toBe(true);
    expect(isViewMode('month')).toBe(false);
    expect(viewForKey('6')).toBeNull();
  });
});

describe('the view and help keys', () => {
  it('1–5 choose the view', () => {
    expect(shortcutFor(key('1'), false)).toEqual({ kind: 'view', view: 'week' });
    expect(shortcutFor(key('2'), false)).toEqual({ kind: 'view', view: 'day' });
    expect(shortcutFor(key('3'), false)).toEqual({ kind: 'view', view: 'list' });
    expect(shortcutFor(key('4'), false)).toEqual({ kind: 'view', view: 'rooms' });
    expect(shortcutFor(key('5'), false)).toEqual({ kind: 'view', view: 'now' });
    expect(shortcutFor(key('6'), false)).toBeNull();
  });

  it('a digit typed with Shift (as on AZERTY) still chooses', () => {
    expect(shortcutFor(key('4', { shiftKey: true }), false)).toEqual({ kind: 'view', view: 'rooms' });
  });

  it('? (Shift+/) opens the shortcut list', () => {
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toEqual({ kind: 'help' });
    expect(shortcutFor(key('?', { shiftKey: true }), true)).toEqual({ kind: 'help' });
  });

  it('are left to text fields and selects, and to Ctrl, Cmd and Alt combinations (Ctrl+1 is the browser’s)', () => {
    expect(shortcutFor(key('1', { inField: true }), false)).toBeNull();
    expect(shortcutFor(key('?', { inField: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key('2', { inChoice: true }), false)).toBeNull();
    expect(shortcutFor(key('1', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key('1', { metaKey: true }), true)).toBeNull();
    expect(shortcutFor(key('1', { altKey: true }), false)).toBeNull();
  });

  it('do not take the keys that were already there', () => {
    expect(shortcutFor(key('g'), false)).toEqual({ kind: 'state', state: 'going' });
    expect(shortcutFor(key('n'), false)).toBeNull(); // N on a focused day column makes a block.
    expect(shortcutFor(key('0', { ctrlKey: true }), false)).toEqual({ kind: 'zoom', direction: 'reset' });
  });
});

describe('the shortcut sheet', () => {
  const ALL_KINDS: Shortcut['kind'][] = ['undo', 'redo', 'delete', 'state', 'zoom', 'escape', 'view', 'help'];

  for (const mac of [false, true]) {
    const platform = mac ? 'Mac' : 'Windows and Linux';
    const sections = shortcutSections(mac);
    const appWide = sections[0]!.entries;

    it(`${platform}: every app-wide entry’s key press does what the entry says`, () => {
      for (const entry of appWide) {
        expect(entry.probe, entry.action).toBeDefined();
        const answer = shortcutFor(key(entry.probe!.key, entry.probe), mac);
        expect(answer?.kind, `${entry.keys.join('/')} → ${entry.action}`).toBe(entry.kind);
      }
    });

    it(`${platform}: lists every kind of app-wide shortcut`, () => {
      const listed = new Set(appWide.map((e) => e.kind));
      for (const kind of ALL_KINDS) expect(listed.has(kind), kind).toBe(true);
    });

    it(`${platform}: names the modifier of the platform`, () => {
      const undo = appWide.find((e) => e.kind === 'undo')!;
      expect(undo.keys).toEqual([mac ? '⌘Z' : 'Ctrl+Z']);
    });
  }

  it('has sections for the catalog, the grids, the List view and dialogs, none empty', () => {
    const sections = shortcutSections(false);
    expect(sections.map((s) => s.title)).toEqual([
      'Anywhere (except while typing in a field)',
      'Session list (catalog)',
      'Week and Day grids',
      'List view',
      'Menus and dialogs'
    ]);
    for (const s of sections) expect(s.entries.length).toBeGreaterThan(0);
  });
});
