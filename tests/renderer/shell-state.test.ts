// The shell's routing (ShellState): one dialog at a time, keys that do nothing while a dialog owns
// the keyboard, menu Undo that undoes typing in a field, files that never open over another dialog,
// and the details panel that follows the selection unless a side panel made it.
import { describe, expect, it } from 'vitest';
import { ShellState, type ShellDeps } from '../../src/renderer/src/lib/shell/shell-state.svelte.ts';
import type { KeyInput } from '../../src/renderer/src/lib/shell/keyboard.ts';
import { FakeApi } from './fake-api.ts';

type Selection = { kind: 'item'; itemId: number } | { kind: 'session'; sessionId: number } | null;

/** A stand-in for the part of AppState the shell drives, recording what it was asked to do. */
function setup(opts: { conferenceId?: number | null; inField?: boolean } = {}) {
  const did: string[] = [];
  const statusLines: string[] = [];
  let selection: Selection = null;
  let pendingBlock: object | null = null;
  const items = new Map([[4, { id: 4, start: 1_000 }]]);
  const app = {
    conferenceId: opts.conferenceId === undefined ? 1 : opts.conferenceId,
    status: { info: (m: string) => statusLines.push(m), error: (m: string) => statusLines.push(m) },
    view: {
      zoomIn: () => did.push('zoom-in'),
      zoomOut: () => did.push('zoom-out'),
      zoomReset: () => did.push('zoom-reset'),
      toggleZone: () => did.push('toggle-zone'),
      setMode: (m: string) => did.push(`view ${m}`)
    },
    desktop: { printAgenda: async (id: number | null) => void did.push(`print ${id}`) },
    get selection() {
      return selection;
    },
    get selectedItem() {
      return selection?.kind === 'item' ? items.get(selection.itemId) : undefined;
    },
    get selectedSession() {
      return selection?.kind === 'session' ? { id: selection.sessionId, start: 2_000 } : undefined;
    },
    select: (s: Selection) => {
      selection = s;
      did.push(`select ${s ? JSON.stringify(s) : 'none'}`);
    },
    item: (id: number) => items.get(id),
    undo: async () => void did.push('undo'),
    redo: async () => void did.push('redo'),
    unplan: async (id: number) => void did.push(`unplan ${id}`),
    setState: async (id: number, state: string) => void did.push(`state ${id} ${state}`),
    planSession: async (id: number, state: string) => void did.push(`plan ${id} ${state}`),
    watchImport: (on: boolean) => did.push(`watch-import ${on}`)
  };
  const revealed: number[] = [];
  const shell = new ShellState({
    app: app as unknown as ShellDeps['app'],
    drag: {
      get pendingBlock() {
        return pendingBlock;
      },
      closePendingBlock: () => {
        pendingBlock = null;
        did.push('close-pending-block');
      }
    },
    reveal: (ms) => revealed.push(ms),
    undoInField: (command) => {
      if (!opts.inField) return false;
      did.push(`field ${command}`);
      return true;
    },
    mac: false
  });
  const key = (k: string, more: Partial<KeyInput> = {}): boolean =>
    shell.handleKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inField: false, ...more });
  return {
    shell,
    did,
    statusLines,
    revealed,
    key,
    setSelection: (s: Selection) => (selection = s),
    drawBlock: () => (pendingBlock = {})
  };
}

describe('ShellState dialogs', () => {
  it('opens one dialog at a time, from the toolbar and the menu alike', () => {
    const { shell, did } = setup();
    expect(shell.open('export')).toBe(true);
    expect(shell.open('restore')).toBe(false);
    shell.runCommand('delete-conference');
    expect(shell.openImport()).toBe(false);
    expect(shell.dialog).toBe('export');
    shell.close();
    expect(shell.dialog).toBeNull();
    shell.runCommand('restore-backup');
    expect(shell.dialog).toBe('restore');
    expect(did).toEqual([]);
  });

  it('says why when there is no conference to delete or rename, and opens nothing', () => {
    const { shell, statusLines } = setup({ conferenceId: null });
    expect(shell.open('delete')).toBe(false);
    shell.runCommand('rename-conference');
    expect(shell.dialog).toBeNull();
    expect(statusLines).toEqual(['There is no conference to delete.', 'There is no conference to rename.']);
  });

  it('a file from the OS goes into the import dialog, replacing its file, but never opens over another dialog', () => {
    const { shell, did, statusLines } = setup();
    expect(shell.openImport({ fileName: 'a.ics', text: 'A' })).toBe(true);
    expect(shell.openImport({ fileName: 'b.ics', text: 'B' })).toBe(true);
    expect(shell.importFile).toEqual({ fileName: 'b.ics', text: 'B' });
    expect(shell.openImport()).toBe(true);
    expect(shell.importFile?.fileName).toBe('b.ics');
    shell.close();
    expect(shell.importFile).toBeNull();
    expect(did).toEqual(['watch-import true', 'watch-import true', 'watch-import false']);

    shell.open('shortcuts');
    expect(shell.openImport({ fileName: 'c.ics', text: 'C' })).toBe(false);
    expect(shell.dialog).toBe('shortcuts');
    expect(statusLines).toEqual(['“c.ics” was not opened: close the open dialog first, then open it again.']);
  });
});

describe('ShellState keys and menu commands', () => {
  it('does nothing with keys while a dialog is open; ? opens the shortcut sheet', () => {
    const { shell, did, key } = setup();
    expect(key('?')).toBe(true);
    expect(shell.dialog).toBe('shortcuts');
    expect(key('z', { ctrlKey: true })).toBe(false);
    expect(key('3')).toBe(false);
    expect(did).toEqual([]);
    shell.close();
    expect(key('z', { ctrlKey: true })).toBe(true);
    expect(key('3')).toBe(true);
    expect(did).toEqual(['undo', 'view list']);
  });

  it('B/G/M set the selected item’s state, or plan the selected session; without a selection the key is not used', () => {
    const { did, key, setSelection } = setup();
    expect(key('g')).toBe(false);
    setSelection({ kind: 'item', itemId: 4 });
    expect(key('b')).toBe(true);
    expect(key('Delete')).toBe(true);
    setSelection({ kind: 'session', sessionId: 9 });
    expect(key('m')).toBe(true);
    expect(key('Delete')).toBe(false);
    expect(did).toEqual(['state 4 backup', 'unplan 4', 'plan 9 maybe']);
  });

  it('Escape closes a block being drawn first, then clears the selection, then lets the key go', () => {
    const { did, key, setSelection, drawBlock } = setup();
    setSelection({ kind: 'item', itemId: 4 });
    drawBlock();
    expect(key('Escape')).toBe(true);
    expect(key('Escape')).toBe(true);
    expect(key('Escape')).toBe(false);
    expect(did).toEqual(['close-pending-block', 'select none']);
  });

  it('menu Undo/Redo undo the typing while focus is in a field, and the plan otherwise', () => {
    const typing = setup({ inField: true });
    typing.shell.runCommand('undo');
    typing.shell.runCommand('redo');
    expect(typing.did).toEqual(['field undo', 'field redo']);
    const plan = setup();
    plan.shell.runCommand('undo');
    plan.shell.runCommand('redo');
    plan.shell.runCommand('zoom-in');
    plan.shell.runCommand('print');
    expect(plan.did).toEqual(['undo', 'redo', 'zoom-in', 'print 1']);
  });
});

describe('ShellState panels', () => {
  it('a selection shows the details panel, and clearing it closes that panel', () => {
    const { shell } = setup();
    shell.selectionChanged(true);
    expect(shell.panel).toBe('details');
    shell.selectionChanged(false);
    expect(shell.panel).toBeNull();
  });

  it('choosing a row in a side panel selects it and shows its week, keeping that panel open', () => {
    const { shell, did, revealed } = setup();
    shell.togglePanel('clashes');
    shell.selectFromPanel(4);
    shell.selectionChanged(true);
    expect(shell.panel).toBe('clashes');
    expect(revealed).toEqual([1_000]);
    expect(did).toEqual(['select {"kind":"item","itemId":4}']);
    shell.selectionChanged(true);
    expect(shell.panel).toBe('details');
  });

  it('closing the panel clears the selection; toggling the open panel closes it', () => {
    const { shell, did, setSelection } = setup();
    shell.togglePanel('travel');
    shell.togglePanel('travel');
    expect(shell.panel).toBeNull();
    setSelection({ kind: 'item', itemId: 4 });
    shell.showPanel('details');
    shell.closePanel();
    expect(shell.panel).toBeNull();
    expect(did).toEqual(['select none']);
  });
});

describe('ShellState events', () => {
  it('follows the desktop menu and files opened from the OS until disconnected', () => {
    const fake = new FakeApi();
    const { shell, did } = setup();
    const off = shell.connect(fake);
    fake.emit('menu.command', { command: 'zoom-out' });
    fake.emit('file.opened', { fileName: 'fosdem.xml', text: '<schedule/>' });
    expect(did).toEqual(['zoom-out', 'watch-import true']);
    expect(shell.importFile?.fileName).toBe('fosdem.xml');
    off();
    fake.emit('menu.command', { command: 'zoom-in' });
    expect(did).toHaveLength(2);
  });
});
