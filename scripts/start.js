#!/usr/bin/env node
// `npm start`: make sure the Electron binary is there, then build and launch with
// `electron-vite preview`.
//
// Electron 45 no longer downloads its binary when `npm install` runs, and electron-vite looks for
// node_modules/electron/path.txt before anything fetches it ("Error: Electron uninstall"). So this
// script runs Electron's own installer (node_modules/electron/install.js, which honours
// ELECTRON_MIRROR, electron_config_cache and the download cache) when the binary is missing, and
// when that cannot work it says so in a few plain lines instead of a stack trace.
//
// ELECTRON_EXEC_PATH (an Electron already on this machine) skips the check and the download.
// Plain JavaScript, no dependencies: it must run before anything else is known to work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Print a few plain lines for a person and stop. */
function stop(lines) {
  process.stderr.write('\n' + lines.map((l) => `  ${l}`).join('\n') + '\n\n');
  process.exit(1);
}

/** The Electron module folder, or null when `npm install` has not been run. */
function electronModuleDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Where the Electron executable is, as Electron's own index.js computes it: path.txt names the
 * executable inside dist/ (or inside ELECTRON_OVERRIDE_DIST_PATH). Null when it is not there.
 */
export function installedElectron(moduleDir, env = process.env) {
  const pathFile = join(moduleDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(moduleDir, 'dist', executable);
  return existsSync(full) ? full : null;
}

/** The installer's one-line reason: the first line of its error output that is not a stack frame. */
export function installerReason(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !/^node:internal/.test(l) && !/^\^+$/.test(l));
  const error = lines.find((l) => /error|fail|refused|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONN|certificate|proxy|403|404/i.test(l));
  return (error ?? lines[0] ?? 'the installer stopped without saying why').slice(0, 300);
}

function ensureElectron() {
  if (process.env.ELECTRON_EXEC_PATH) {
    if (!existsSync(process.env.ELECTRON_EXEC_PATH)) {
      stop([
        `Clashless cannot start: ELECTRON_EXEC_PATH points at ${process.env.ELECTRON_EXEC_PATH},`,
        'and there is no file there.',
        'Point it at an installed Electron executable, or unset it to let `npm start` fetch Electron.'
      ]);
    }
    return process.env.ELECTRON_EXEC_PATH;
  }
  const moduleDir = electronModuleDir();
  if (moduleDir === null) {
    stop(['Clashless cannot start: its dependencies are not installed.', 'Run `npm install` in this folder first, then `npm start`.']);
  }
  const found = installedElectron(moduleDir);
  if (found) return found;

  const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));
  process.stdout.write(`Electron ${version} is not downloaded yet; fetching it once with Electron's installer…\n`);
  const result = spawnSync(process.execPath, [join(moduleDir, 'install.js')], {
    cwd: moduleDir,
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe']
  });
  const after = installedElectron(moduleDir);
  if (result.status === 0 && after) return after;

  const reason = result.error ? result.error.message : installerReason(result.stderr ?? '');
  const from = process.env.ELECTRON_MIRROR ? `ELECTRON_MIRROR (${process.env.ELECTRON_MIRROR})` : "Electron's release downloads";
  stop([
    `Clashless cannot start: the Electron ${version} program it runs in is not on this machine,`,
    `and downloading it from ${from} did not work.`,
    `Why: the installer said "${reason}".`,
    'What to do:',
    '  - connect to the internet and run `npm start` again (the download happens once); or',
    '  - set ELECTRON_MIRROR to a mirror you can reach (and HTTPS_PROXY if you are behind a proxy); or',
    '  - point ELECTRON_EXEC_PATH at an Electron executable already installed on this machine.'
  ]);
}

function main() {
  const electron = ensureElectron();
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    // electron-vite reads the executable from ELECTRON_EXEC_PATH; it does not know about
    // ELECTRON_OVERRIDE_DIST_PATH, so pass what we found.
    env: { ...process.env, ELECTRON_EXEC_PATH: electron }
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
