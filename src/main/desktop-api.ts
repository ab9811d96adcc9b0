// What only the desktop shell can do for the renderer — save a file, open a file, open a link in
// the OS browser, save an agenda as PDF — written against injected dialog/shell/PDF functions so
// it runs (and is tested) without Electron. ipc.ts supplies the Electron implementations.
//
// Policy: the renderer only suggests; the person decides. A file is written only where the save
// dialog said (the dialog itself asks before replacing a file), a file is read only when the
// person picked it, and links leave the app only when isExternalLinkAllowed says so.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ClashlessError, isExternalLinkAllowed } from '../shared/contract.ts';
import type { DesktopApi } from '../shared/contract.ts';
import { decodeBytes, MAX_IMPORT_BYTES } from './import/decode.ts';
import { readSettings, updateSettings } from './settings.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DesktopDeps {
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: { title: string; defaultPath?: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  openExternal(url: string): Promise<void>;
  /** Render a complete HTML document to PDF bytes (no scripts, no network). */
  renderPdf(html: string): Promise<Uint8Array>;
  /** settings.json in the app's data folder. */
  settingsFile: string;
  /** Where dialogs start before the person has used one (the Documents folder). */
  defaultFolder: string;
  /** Largest schedule file we read; defaults to the importer's limit. */
  maxImportBytes?: number;
}

const SCHEDULE_EXTENSIONS = ['ics', 'ical', 'ifb', 'xml', 'json', 'csv', 'tsv', 'txt', 'md', 'markdown', 'html', 'htm'];

const SAVE_FILTERS: Readonly<Record<string, FileFilter>> = {
  ics: { name: 'Calendar (.ics)', extensions: ['ics'] },
  md: { name: 'Markdown (.md)', extensions: ['md'] },
  csv: { name: 'CSV (.csv)', extensions: ['csv'] },
  html: { name: 'Web page (.html)', extensions: ['html'] },
  pdf: { name: 'PDF (.pdf)', extensions: ['pdf'] }
};
const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

/**
 * A file name the renderer suggested, made safe to offer in a dialog: no folders, no characters
 * Windows or macOS refuse, no control characters, not empty, not absurdly long.
 */
export function safeFileName(suggested: string, fallback = 'agenda'): string {
  const base = basename(suggested.replace(/\\/g, '/'));
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}

/** The same name with the extension replaced (or added). */
export function withExtension(fileName: string, ext: string): string {
  const current = extname(fileName);
  return `${current === '' ? fileName : fileName.slice(0, -current.length)}.${ext}`;
}

function saveFiltersFor(fileName: string): FileFilter[] {
  const filter = SAVE_FILTERS[extname(fileName).slice(1).toLowerCase()];
  return filter ? [filter, ALL_FILES] : [ALL_FILES];
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024 / 1024))} MB`;
}

/**
 * Read a schedule file the person chose (dialog, "Open with", drag onto the dock icon) and decode
 * it to text, refusing folders, vanished files and files over the size limit with a clear message.
 */
export async function readScheduleFile(path: string, maxBytes: number = MAX_IMPORT_BYTES): Promise<{ fileName: string; text: string }> {
  const fileName = basename(path);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) {
    throw new ClashlessError('not-found', `${fileName} could not be opened. Check that it still exists and try again.`);
  }
  if (info.size > maxBytes) {
    throw new ClashlessError(
      'too-large',
      `${fileName} is ${megabytes(info.size)}; Clashless reads schedule files up to ${megabytes(maxBytes)}. Is this the right file?`
    );
  }
  const text = decodeBytes(new Uint8Array(await readFile(path)), { maxBytes, name: fileName });
  return { fileName, text };
}

export function createDesktopApi(deps: DesktopDeps): DesktopApi {
  const maxBytes = deps.maxImportBytes ?? MAX_IMPORT_BYTES;

  async function startFolder(): Promise<string> {
    return (await readSettings(deps.settingsFile)).lastFolder ?? deps.defaultFolder;
  }

  async function remember(filePath: string): Promise<void> {
    try {
      await updateSettings(deps.settingsFile, { lastFolder: dirname(filePath) });
    } catch {
      // Forgetting the folder is harmless; the file itself was handled.
    }
  }

  /** Ask where to save; null when the person cancelled. */
  async function askSavePath(fileName: string, title: string): Promise<string | null> {
    const result = await deps.showSaveDialog({ title, defaultPath: join(await startFolder(), fileName), filters: saveFiltersFor(fileName) });
    if (result.canceled || !result.filePath) return null;
    return result.filePath;
  }

  async function writeChosen(path: string, content: string | Uint8Array): Promise<void> {
    try {
      await writeFile(path, content);
    } catch (err) {
      const reason = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : 'unknown error';
      throw new ClashlessError('internal', `Could not write ${basename(path)} (${reason}). Choose another folder and try again.`);
    }
    await remember(path);
  }

  return {
    async 'desktop.saveFile'(req) {
      const path = await askSavePath(safeFileName(req.fileName), 'Export agenda');
      if (path === null) return { saved: false, path: null };
      await writeChosen(path, req.content);
      return { saved: true, path };
    },

    async 'desktop.openFile'() {
      const result = await deps.showOpenDialog({
        title: 'Import a schedule',
        defaultPath: await startFolder(),
        filters: [{ name: 'Schedules', extensions: SCHEDULE_EXTENSIONS }, ALL_FILES]
      });
      const path = result.filePaths[0];
      if (result.canceled || path === undefined) return null;
      const opened = await readScheduleFile(path, maxBytes);
      await remember(path);
      return opened;
    },

    async 'desktop.openExternal'(req) {
      if (!isExternalLinkAllowed(req.url)) return { opened: false };
      await deps.openExternal(req.url);
      return { opened: true };
    },

    async 'desktop.printPdf'(req) {
      const path = await askSavePath(withExtension(safeFileName(req.fileName), 'pdf'), 'Save agenda as PDF');
      if (path === null) return { saved: false, path: null };
      const pdf = await deps.renderPdf(req.html);
      await writeChosen(path, pdf);
      return { saved: true, path };
    }
  };
}
