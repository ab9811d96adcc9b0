// Small app preferences that do not belong in the planner database (today: the folder the person
// last opened or saved a file in). A JSON file in the app's data folder.
//
// Policy: settings are a convenience. A missing, unreadable or malformed file reads as the
// defaults, unknown keys are dropped, and a write goes to a temporary file that is renamed over
// the old one, so a crash mid-write never leaves half a file behind.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, isAbsolute } from 'node:path';

export const SETTINGS_FILE = 'settings.json';

export interface Settings {
  /** Absolute folder of the last file opened or saved, offered first by the next dialog. */
  lastFolder: string | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ lastFolder: null });

/** Keep only what we understand from whatever the file holds. */
export function sanitizeSettings(raw: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return settings;
  const lastFolder = (raw as Record<string, unknown>)['lastFolder'];
  if (typeof lastFolder === 'string' && lastFolder.length <= 4096 && isAbsolute(lastFolder) && !lastFolder.includes('\u0000')) {
    settings.lastFolder = lastFolder;
  }
  return settings;
}

export async function readSettings(file: string): Promise<Settings> {
  try {
    return sanitizeSettings(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function writeSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(sanitizeSettings(settings), null, 2)}\n`, 'utf8');
  await rename(temp, file);
}

/** Read, change and write back; returns the new settings. */
export async function updateSettings(file: string, patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await readSettings(file)), ...patch });
  await writeSettings(file, next);
  return next;
}
