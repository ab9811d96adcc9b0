// Where Clashless keeps its data, computed the way Electron's app.getPath('userData') does for an
// app named "Clashless", so the CLI and the browser host default to the same file as the app.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Clashless';
export const DB_FILE = 'clashless.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(userDataDir(env, platform), DB_FILE);
}
