// The shell's own state and routing: which side panel and which dialog are open, what an app-wide
// key or a menu command does, where a dropped or opened file goes. App.svelte renders it and passes
// DOM events in; the plan itself stays in AppState.
//
// Policy: one dialog at a time. A dialog opens only when none is open (a file opened from the OS
// while the import dialog is open replaces the file in it); a key press does nothing while a dialog
// is open, since the dialog owns the keyboard. Menu Undo/Redo while typing in a field undo the
// typing, as in every other app, not the plan.
import type { ClientApi, MenuCommand } from '../../../../shared/contract.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { shortcutFor, type KeyInput } from './keyboard.ts';
import type { PanelName } from './panels.ts';
import type { Writable } from '../state/writable.ts';

export type DialogName = 'import' | 'export' | 'restore' | 'delete' | 'rename' | 'shortcuts';

export interface OpenedFile {
  fileName: string;
  text: string;
}

/** What the shell needs from the page around it, so the routing itself has no DOM in it. */
export interface ShellDeps {
  /** The part of the app the shell drives. */
  app: Pick<
    AppState,
    | 'conferenceId'
    | 'status'
    | 'view'
    | 'desktop'
    | 'selection'
    | 'selectedItem'
    | 'selectedSession'
    | 'select'
    | 'item'
    | 'undo'
    | 'redo'
    | 'unplan'
    | 'setState'
    | 'planSession'
    | 'watchImport'
  >;
  /** A block being drawn in the week, which Escape closes first. */
  drag: { readonly pendingBlock: unknown; closePendingBlock(): void };
  /** Scroll the week (and day) to an instant. */
  reveal(ms: number): void;
  /** Run a text field's own undo or redo when focus is in one; false when it is not. */
  undoInField(command: 'undo' | 'redo'): boolean;
  mac: boolean;
}

export class ShellState {
  readonly #set: Writable<ShellState> = this;
  readonly panel = $state<PanelName | null>(null);
  readonly dialog = $state<DialogName | null>(null);
  /** The file the import dialog opens with, when it was dropped or opened from the OS. */
  readonly importFile = $state.raw<OpenedFile | null>(null);
  /** A file is being dragged over the window (the window's drag events set it). */
  fileOver = $state(false);
  #selectingFromPanel = false;
  readonly #deps: ShellDeps;

  constructor(deps: ShellDeps) {
    this.#deps = deps;
  }

  /** Follow the desktop's menu commands and the files the OS opens with the app. */
  connect(api: Pick<ClientApi, 'on'>): () => void {
    const stops = [api.on('menu.command', (p) => this.runCommand(p.command)), api.on('file.opened', (p) => void this.openImport(p))];
    return () => {
      for (const stop of stops) stop();
    };
  }

  showPanel(name: PanelName | null): void {
    this.#set.panel = name;
  }

  togglePanel(name: PanelName): void {
    this.#set.panel = this.panel === name ? null : name;
  }

  /** The panel's close button: the details panel closing also clears the selection. */
  closePanel(): void {
    this.#set.panel = null;
    if (this.#deps.app.selection) this.#deps.app.select(null);
  }

  /** A row in a side panel chose a plan item: select it and show its week, keeping that panel. */
  selectFromPanel(itemId: number): void {
    const item = this.#deps.app.item(itemId);
    this.#selectingFromPanel = true;
    this.#deps.app.select({ kind: 'item', itemId });
    if (item) this.#deps.reveal(item.start);
  }

  /** The selection changed: show it in the details panel, unless a side panel made it. */
  selectionChanged(selected: boolean): void {
    if (selected && !this.#selectingFromPanel) this.#set.panel = 'details';
    else if (!selected && this.panel === 'details') this.#set.panel = null;
    this.#selectingFromPanel = false;
  }

  /** Open a dialog when none is open; false when another one is. */
  open(name: Exclude<DialogName, 'import'>): boolean {
    if (this.dialog !== null) return false;
    const app = this.#deps.app;
    if ((name === 'delete' || name === 'rename') && app.conferenceId === null) {
      app.status.info(`There is no conference to ${name}.`);
      return false;
    }
    this.#set.dialog = name;
    return true;
  }

  close(): void {
    if (this.dialog === 'import') {
      this.#set.importFile = null;
      this.#deps.app.watchImport(false);
    }
    this.#set.dialog = null;
  }

  /** Open the import dialog, with a file when one was dropped or opened from the OS. */
  openImport(file: OpenedFile | null = null): boolean {
    if (this.dialog !== null && this.dialog !== 'import') {
      if (file) this.#deps.app.status.info(`“${file.fileName}” was not opened: close the open dialog first, then open it again.`);
      return false;
    }
    if (this.dialog === 'import' && !file) return true;
    this.#set.importFile = file;
    this.#set.dialog = 'import';
    this.#deps.app.watchImport(true);
    return true;
  }

  runCommand(command: MenuCommand): void {
    const { app, undoInField } = this.#deps;
    // Every menu command has its action here; the Record type makes a new command a compile error until it has one.
    const actions: Record<MenuCommand, () => void> = {
      undo: () => undoInField('undo') || void app.undo(),
      redo: () => undoInField('redo') || void app.redo(),
      'zoom-in': () => app.view.zoomIn(),
      'zoom-out': () => app.view.zoomOut(),
      'zoom-reset': () => app.view.zoomReset(),
      'toggle-zone': () => app.view.toggleZone(),
      import: () => this.openImport(),
      export: () => this.open('export'),
      print: () => void app.desktop.printAgenda(app.conferenceId),
      'restore-backup': () => this.open('restore'),
      'delete-conference': () => this.open('delete'),
      'rename-conference': () => this.open('rename')
    };
    actions[command]();
  }

  /** An app-wide key press; true when the shell used it (the page then prevents its default). */
  handleKey(input: KeyInput): boolean {
    if (this.dialog !== null) return false;
    const shortcut = shortcutFor(input, this.#deps.mac);
    if (!shortcut) return false;
    const { app, drag } = this.#deps;
    const item = app.selectedItem;
    const session = app.selectedSession;
    switch (shortcut.kind) {
      case 'undo':
        void app.undo();
        return true;
      case 'redo':
        void app.redo();
        return true;
      case 'zoom':
        this.runCommand(shortcut.direction === 'in' ? 'zoom-in' : shortcut.direction === 'out' ? 'zoom-out' : 'zoom-reset');
        return true;
      case 'delete':
        if (!item) return false;
        void app.unplan(item.id);
        return true;
      case 'state':
        if (item) void app.setState(item.id, shortcut.state);
        else if (session) void app.planSession(session.id, shortcut.state);
        else return false;
        return true;
      case 'escape':
        if (drag.pendingBlock) drag.closePendingBlock();
        else if (app.selection) app.select(null);
        else return false;
        return true;
      case 'view':
        app.view.setMode(shortcut.view);
        return true;
      case 'help':
        this.open('shortcuts');
        return true;
    }
  }
}
