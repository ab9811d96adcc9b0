// `npm start` as a person runs it, with the real npm, the real start script, the real build and the
// real `electron-vite preview` — everything except Electron itself, which cannot be downloaded or
// launched here. A stand-in executable (tests/fixtures/electron-stand-in/electron) takes its place
// through ELECTRON_EXEC_PATH and records how it was started.
//
// Each case runs in a copy of the project in a temporary folder (node_modules linked, not copied),
// so the build it makes never replaces the out/ that other tests are serving.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.ts';

const STAND_IN = join(ROOT, 'tests', 'fixtures', 'electron-stand-in', 'electron');
const COPIED = ['package.json', 'electron.vite.config.ts', 'svelte.config.js', 'src', 'scripts', 'seed', 'resources'];

const tmp = tempDir('clashless-start-');
let project: string;

beforeAll(() => {
  project = join(tmp.dir, 'clashless');
  mkdirSync(project);
  for (const name of COPIED) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(project, name), { recursive: true });
  }
  for (const name of readdirSync(ROOT).filter((f) => /^tsconfig.*\.json$/.test(f))) cpSync(join(ROOT, name), join(project, name));
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
});
afterAll(() => tmp.cleanup());

/** A port on loopback that nothing listens on: a download from it fails at once, offline. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

function npmStart(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ELECTRON_') && !k.startsWith('npm_')));
  return spawnSync('npm', ['start'], {
    cwd: project,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 300_000
  });
}

describe('npm start', () => {
  it('builds this project and starts Electron on its built main entry', () => {
    const record = join(tmp.dir, 'stand-in.json');
    const before = Date.now();
    const r = npmStart({ ELECTRON_EXEC_PATH: STAND_IN, STAND_IN_RECORD: record });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(record), `the stand-in was never started:\n${r.stdout}\n${r.stderr}`).toBe(true);
    const started = JSON.parse(readFileSync(record, 'utf8')) as {
      args: string[];
      cwd: string;
      entry: string;
      entryExists: boolean;
      entryMtimeMs: number;
    };
    // Electron is started on this project folder, whose package.json "main" is the built bundle.
    expect(started.cwd).toBe(project);
    expect(started.args[0]).toBe('.');
    expect(relative(project, started.entry)).toBe(join('out', 'main', 'index.js'));
    expect(started.entryExists).toBe(true);
    // ...and that bundle was built by this `npm start`, not left over.
    expect(started.entryMtimeMs).toBeGreaterThanOrEqual(before - 1000);
    expect(existsSync(join(project, 'out', 'preload', 'index.cjs'))).toBe(true);
    expect(existsSync(join(project, 'out', 'renderer', 'index.html'))).toBe(true);
    expect(existsSync(join(project, 'out', 'main', 'import-worker.cjs'))).toBe(true);
    expect(existsSync(join(project, 'out', 'main', 'ics-worker.cjs'))).toBe(true);
  });

  it('says in plain words what is missing, why and what to do when Electron cannot be fetched', async () => {
    const port = await closedPort();
    const emptyDist = join(tmp.dir, 'no-electron-here');
    const emptyCache = join(tmp.dir, 'empty-cache');
    mkdirSync(emptyDist);
    mkdirSync(emptyCache);
    const r = npmStart({
      // No binary: Electron's installer and this script both look here, and find nothing.
      ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
      // The real installer runs, against a mirror that refuses at once; nothing leaves the machine.
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: emptyCache
    });
    expect(r.status).not.toBe(0);
    const said = r.stderr;
    expect(said).toContain('Clashless cannot start');
    expect(said).toMatch(/Electron 45\.\d+\.\d+ program it runs in is not on this machine/);
    expect(said).toContain(`ELECTRON_MIRROR (http://127.0.0.1:${port}/)`);
    expect(said).toMatch(/Why: the installer said "[^"]+"/);
    expect(said).toContain('run `npm start` again');
    expect(said).toContain('ELECTRON_EXEC_PATH');
    // No stack trace.
    expect(said).not.toMatch(/^\s+at /m);
    expect(r.stdout + said).not.toContain('Electron uninstall');
  });

  it('says so when ELECTRON_EXEC_PATH points at nothing', () => {
    const r = npmStart({ ELECTRON_EXEC_PATH: join(tmp.dir, 'missing-electron') });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('ELECTRON_EXEC_PATH points at');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
