// The Electron IPC door: one ipcMain.handle per contract channel (services and host abilities),
// events pushed to the window, and the Electron implementations of the host abilities.
// The decisions (who may call, parsing, result wrapping) live in dispatch.ts, shared with the
// browser host, and in desktop-api.ts; both are tested without Electron.
import { BrowserWindow, dialog, shell } from 'electron';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CHANNELS, EVENT_NAMES, DESKTOP_CHANNELS } from '../shared/contract.ts';
import type { DesktopApi } from '../shared/contract.ts';
import { createDesktopApi } from './desktop-api.ts';
import type { FileFilter } from './desktop-api.ts';
import { buildInvokeHandlers, dispatchInvoke } from './dispatch.ts';
import type { Backend } from './backend.ts';
import { renderHtmlToPdf } from './window.ts';

/** The single channel events travel on: ('event', name, payload). The preload filters by name. */
export const EVENT_CHANNEL = 'event';

/**
 * Register a handler for every channel in CHANNELS and DESKTOP_CHANNELS. Each handler checks the
 * sender frame, parses the payload and answers with a WireResult; it never throws, so no stack
 * trace reaches the renderer. Returns a function that removes the handlers again.
 */
export function registerIpc(
  ipcMain: IpcMain,
  backend: Backend,
  desktopApi: DesktopApi,
  isTrustedSender: (frame: WebFrameMain | null) => boolean
): () => void {
  const handlers = buildInvokeHandlers(backend.api, desktopApi);
  const channels = [...CHANNELS, ...DESKTOP_CHANNELS];
  for (const channel of channels) {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler built for IPC channel ${channel}`);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatchInvoke(channel, isTrustedSender(event.senderFrame), handler, payload)
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Push every service event to the window that is current when it happens. */
export function forwardEvents(backend: Backend, getWindow: () => BrowserWindow | null): () => void {
  return backend.subscribe((name, payload) => {
    if (!EVENT_NAMES.includes(name)) return;
    const window = getWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(EVENT_CHANNEL, name, payload);
  });
}

export interface ElectronHostOptions {
  getWindow: () => BrowserWindow | null;
  settingsFile: string;
  documentsDir: string;
}

/** The host abilities backed by native dialogs, the OS browser and Chromium's PDF printer. */
export function createElectronDesktopApi(options: ElectronHostOptions): DesktopApi {
  // Dialogs are modal to the window when there is one, so they cannot be lost behind it.
  const parent = (): BrowserWindow | null => {
    const window = options.getWindow();
    return window !== null && !window.isDestroyed() ? window : null;
  };
  return createDesktopApi({
    settingsFile: options.settingsFile,
    defaultFolder: options.documentsDir,
    async showSaveDialog({ title, defaultPath, filters }) {
      const dialogOptions = {
        title,
        defaultPath,
        filters: filters.map((f: FileFilter) => ({ name: f.name, extensions: f.extensions })),
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return { canceled: result.canceled, filePath: result.filePath };
    },
    async showOpenDialog({ title, defaultPath, filters }) {
      const dialogOptions = {
        title,
        filters,
        properties: ['openFile'] as Array<'openFile'>,
        ...(defaultPath === undefined ? {} : { defaultPath })
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return { canceled: result.canceled, filePaths: result.filePaths };
    },
    openExternal: (url) => shell.openExternal(url),
    renderPdf: (html) => renderHtmlToPdf(html)
  });
}
