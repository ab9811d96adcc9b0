// The names of every channel and event, without their schemas, so code that only needs names (the
// renderer's web client, the preload) does not load zod. contract.ts checks at compile time that
// these lists equal its schema tables exactly.

export const CHANNEL_NAMES = [
  'app.info',
  'conference.list',
  'conference.remove',
  'conference.rename',
  'view.get',
  'view.set',
  'session.list',
  'session.summaries',
  'session.get',
  'session.search',
  'import.preview',
  'import.commit',
  'change.list',
  'plan.list',
  'plan.add',
  'plan.remove',
  'plan.update',
  'plan.remind',
  'plan.mark',
  'block.create',
  'block.update',
  'history.undo',
  'history.redo',
  'clash.list',
  'clash.resolve',
  'clash.resolveAll',
  'travel.list',
  'travel.set',
  'backup.list',
  'backup.restore',
  'export.agenda',
  'friends.list',
  'friends.preview',
  'friends.add',
  'friends.remove',
  'friends.sessions'
] as const;

export const DESKTOP_CHANNEL_NAMES = ['desktop.saveFile', 'desktop.openFile', 'desktop.openExternal', 'desktop.printPdf'] as const;

export const EVENT_NAMES = ['plan.changed', 'data.changed', 'import.progress', 'menu.command', 'file.opened'] as const;

/** Commands the native menu (Electron) sends to the renderer. */
export const MENU_COMMANDS = [
  'import',
  'export',
  'print',
  'undo',
  'redo',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'toggle-zone',
  'restore-backup',
  'delete-conference',
  'rename-conference'
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
