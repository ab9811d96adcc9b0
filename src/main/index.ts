// The Electron main process: app lifecycle and wiring. The pieces live elsewhere — the window and
// its guards (window.ts), the IPC door (ipc.ts), the menu (menu.ts), the backend (backend.ts);
// this file decides the order they start in and where the data lives.
import { join, resolve } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, session, shell } from 'electron';
import { ClashlessError } from '../shared/contract.ts';
import type { MenuCommand } from '../shared/contract.ts';
import { APP_ENTRY_URL, devServerOrigin } from './app-protocol.ts';
import { readScheduleFile } from './desktop-api.ts';
import { isTrustedFrame } from './dispatch.ts';
import { createElectronDesktopApi, forwardEvents, registerIpc } from './ipc.ts';
import { filesFromArgv } from './launch-files.ts';
import { buildMenuTemplate } from './menu.ts';
import { APP_NAME, DB_FILE } from './paths.ts';
import type { Backend } from './backend.ts';
import { openBackend } from './backend.ts';
import { SETTINGS_FILE } from './settings.ts';
import { createMainWindow, guardWebContents, lockDownSession, registerAppScheme, serveAppProtocol } from './window.ts';

/** The window background before the page paints, matching the renderer's light and dark themes. */
const BACKGROUND = { light: '#f4f4f1', dark: '#16181b' } as const;

// Before ready: the privileged scheme, sandboxing for every renderer, the name that decides the
// data folder (and with it the single-instance lock).
registerAppScheme(protocol);
app.enableSandbox();
app.setName(APP_NAME);
if (process.platform === 'win32') app.setAppUserModelId('dev.clashless.app');

const devOrigin = devServerOrigin(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
// electron-vite builds main to out/main, the preload to out/preload and the renderer to out/renderer.
const preloadPath = join(__dirname, '../preload/index.cjs');
const rendererDir = join(__dirname, '../renderer');

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
let rendererLoaded = false;
const pendingFiles: string[] = [];
const cleanups: Array<() => void> = [];

function openExternal(url: string): void {
  void shell.openExternal(url).catch(() => undefined);
}

/** Read a file the OS handed us and give it to the renderer's import flow. */
async function deliverFile(path: string): Promise<void> {
  const current = backend;
  if (current === null) return;
  try {
    const opened = await readScheduleFile(path);
    current.emit('file.opened', opened);
  } catch (err) {
    const detail = err instanceof ClashlessError ? err.message : `${path} could not be read. Check that it is a schedule file and try again.`;
    if (!(err instanceof ClashlessError)) console.error('[clashless] opening a file failed:', err);
    const options = { type: 'error' as const, message: 'Clashless could not open this file.', detail };
    if (mainWindow !== null && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  }
}

/** Files wait until the page has loaded and subscribed to events. */
function openFiles(paths: readonly string[]): void {
  if (!rendererLoaded || backend === null) {
    pendingFiles.push(...paths);
    return;
  }
  for (const path of paths) void deliverFile(path);
}

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(): BrowserWindow {
  rendererLoaded = false;
  const window = createMainWindow({
    preloadPath,
    url: devOrigin !== null ? (process.env['ELECTRON_RENDERER_URL'] ?? APP_ENTRY_URL) : APP_ENTRY_URL,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    title: APP_NAME,
    icon: app.isPackaged || process.platform === 'darwin' ? undefined : join(app.getAppPath(), 'resources', 'icon.png')
  });
  window.webContents.on('did-finish-load', () => {
    rendererLoaded = true;
    openFiles(pendingFiles.splice(0));
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    rendererLoaded = false;
  });
  mainWindow = window;
  return window;
}

function installMenu(current: Backend): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: APP_NAME,
    onCommand: (command: MenuCommand) => current.emit('menu.command', { command })
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function cannotStart(err: unknown, userData: string): void {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Clashless cannot start', `${message}\n\nYour data folder is ${userData}.`);
  app.quit();
}

function start(): void {
  lockDownSession(session.defaultSession, devOrigin);
  serveAppProtocol(protocol, rendererDir);

  const userData = app.getPath('userData');
  try {
    backend = openBackend({
      dbPath: join(userData, DB_FILE),
      seedDir: app.isPackaged ? join(process.resourcesPath, 'seed') : join(app.getAppPath(), 'seed'),
      seedOnFirstRun: true,
      // Large imports run in a worker thread: IPC keeps answering and progress is live. The build
      // emits it beside this bundle as one CommonJS file, so it loads from inside app.asar too.
      importWorker: join(__dirname, 'import-worker.cjs'),
      // Large .ics exports are written on several threads; built the same way beside this bundle.
      icsWorker: join(__dirname, 'ics-worker.cjs')
    });
  } catch (err) {
    cannotStart(err, userData);
    return;
  }
  const current = backend;
  // A first run imports the samples while the window opens (its requests wait for them); if that
  // fails, the app stops as it would have had opening failed.
  current.ready.catch((err: unknown) => cannotStart(err, userData));

  const desktopApi = createElectronDesktopApi({
    getWindow: () => mainWindow,
    settingsFile: join(userData, SETTINGS_FILE),
    documentsDir: app.getPath('documents')
  });
  cleanups.push(
    registerIpc(ipcMain, current, desktopApi, (frame) => {
      const window = mainWindow;
      if (window === null || window.isDestroyed()) return false;
      return isTrustedFrame(frame, window.webContents.mainFrame, devOrigin);
    }),
    forwardEvents(current, () => mainWindow)
  );
  installMenu(current);
  openMainWindow();
}

function shutdown(): void {
  for (const cleanup of cleanups.splice(0)) cleanup();
  const current = backend;
  backend = null;
  current?.close();
}

if (!app.requestSingleInstanceLock()) {
  // Another Clashless is running; it receives our argv through 'second-instance'.
  app.quit();
} else {
  pendingFiles.push(...filesFromArgv(process.argv, app.isPackaged).map((file) => resolve(process.cwd(), file)));

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devOrigin, openExternal));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showMainWindow();
    openFiles(filesFromArgv(argv, app.isPackaged).map((file) => resolve(workingDirectory, file)));
  });
  // macOS delivers files (Finder "Open with", dock drops) as events, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('will-quit', shutdown);

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[clashless] start-up failed:', err);
      dialog.showErrorBox('Clashless cannot start', err instanceof Error ? err.message : String(err));
      app.quit();
    });
}
