// The native menu as plain data. Pure (no electron import): index.ts hands the result to
// Menu.buildFromTemplate, and the unit test reads it directly. The shape is a structural subset
// of Electron's MenuItemConstructorOptions, so the compiler checks the hand-off in index.ts.
//
// Every app-specific item sends a MenuCommand to the renderer (through the services' event
// stream); the renderer decides what it means in context. Clipboard items use Electron roles so
// they work in every text field without any code of ours.
import type { MenuCommand } from '../shared/contract.ts';

export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'togglefullscreen'
  | 'minimize'
  | 'windowMenu';

export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  /** Hidden items still fire their accelerator (alternative shortcuts such as Ctrl+Y). */
  visible?: boolean;
  acceleratorWorksWhenHidden?: boolean;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools and reload are offered only when running from source. */
  isPackaged: boolean;
  appName: string;
  onCommand: (command: MenuCommand) => void;
}

const separator: MenuItemTemplate = { type: 'separator' };

/** The accelerator for this platform: Cmd on macOS, Ctrl elsewhere (spelled out, not CmdOrCtrl). */
export function platformAccelerator(platform: NodeJS.Platform, key: string, shift = false): string {
  const mod = platform === 'darwin' ? 'Cmd' : 'Ctrl';
  return shift ? `Shift+${mod}+${key}` : `${mod}+${key}`;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemTemplate[] {
  const { platform, isPackaged, appName, onCommand } = options;
  const mac = platform === 'darwin';
  const acc = (key: string, shift = false): string => platformAccelerator(platform, key, shift);
  const command = (id: MenuCommand, label: string, accelerator?: string): MenuItemTemplate => {
    const item: MenuItemTemplate = { id, label, click: () => onCommand(id) };
    if (accelerator !== undefined) item.accelerator = accelerator;
    return item;
  };
  // A second, invisible item for an alternative shortcut of the same command.
  const alias = (id: MenuCommand, label: string, accelerator: string): MenuItemTemplate => ({
    ...command(id, label, accelerator),
    id: `${id}-alias`,
    visible: false,
    acceleratorWorksWhenHidden: true
  });

  const template: MenuItemTemplate[] = [];

  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about', label: `About ${appName}` },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide', label: `Hide ${appName}` },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit', label: `Quit ${appName}`, accelerator: acc('Q') }
      ]
    });
  }

  template.push({
    label: mac ? 'File' : '&File',
    submenu: [
      command('import', 'Import…', acc('O')),
      command('export', 'Export…', acc('E')),
      command('print', 'Print agenda…', acc('P')),
      separator,
      // No accelerator: removing a whole conference is undoable, but should never be one slip away.
      command('rename-conference', 'Rename Conference…'),
      command('delete-conference', 'Delete Conference…'),
      command('restore-backup', 'Restore from backup…'),
      separator,
      mac ? { role: 'close', label: 'Close Window', accelerator: acc('W') } : { role: 'quit', label: 'Quit', accelerator: acc('Q') }
    ]
  });

  const redoItems: MenuItemTemplate[] = [command('redo', 'Redo', acc('Z', true))];
  if (!mac) redoItems.push(alias('redo', 'Redo', acc('Y')));
  template.push({
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      command('undo', 'Undo', acc('Z')),
      ...redoItems,
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  });

  const viewItems: MenuItemTemplate[] = [
    command('zoom-in', 'Zoom In', acc('Plus')),
    // The unshifted "=" key carries "+" on most layouts; accept both.
    alias('zoom-in', 'Zoom In', acc('=')),
    command('zoom-out', 'Zoom Out', acc('-')),
    command('zoom-reset', 'Actual Size', acc('0')),
    separator,
    command('toggle-zone', 'Switch Time Zone', acc('T')),
    separator,
    { role: 'togglefullscreen' }
  ];
  if (!isPackaged) {
    viewItems.push(separator, { role: 'reload' }, { role: 'toggleDevTools' });
  }
  template.push({ label: mac ? 'View' : '&View', submenu: viewItems });

  if (mac) template.push({ role: 'windowMenu' });

  return template;
}

/** Every item, depth first: for tests and for looking items up by id. */
export function flattenMenu(template: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
