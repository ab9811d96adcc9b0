// The browser host as a person starts it (src/web/main.ts as a child process), and the renderer
// build it serves. The bench never serves the renderer itself, so what it measures is what
// `npm run web` runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './paths.ts';

const RENDERER_OUT = join(ROOT, 'out', 'renderer', 'index.html');
const RENDERER_SRC = join(ROOT, 'src', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Build with the project's own build (electron-vite) when out/renderer is missing or older than
 * any renderer or shared source. Returns what happened, for the notes; throws with the build's
 * own message when it fails.
 */
export function ensureRendererBuilt(): string {
  const sources = Math.max(newestMtime(RENDERER_SRC), newestMtime(join(ROOT, 'src', 'shared')));
  if (existsSync(RENDERER_OUT) && statSync(RENDERER_OUT).mtimeMs >= sources) return 'renderer build is up to date';
  const t0 = performance.now();
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !existsSync(RENDERER_OUT)) {
    const output = `${r.error?.message ?? ''}\n${r.stderr ?? ''}\n${r.stdout ?? ''}`.trim().split('\n').filter(Boolean);
    const line = output.find((l) => /error/i.test(l)) ?? output[0] ?? `exit ${r.status ?? r.signal}`;
    throw new Error(`the renderer does not build (npx electron-vite build: ${line.slice(0, 300)})`);
  }
  return `built the renderer with electron-vite (out/renderer was older than src/renderer) in ${Math.round((performance.now() - t0) / 1000)} s`;
}

export interface RunningHost {
  url: string;
  /** Milliseconds from spawn to the "running at" line (process start, open/seed, listen). */
  startMs: number;
  stop(): Promise<void>;
}

export function startHost(dbPath: string): Promise<RunningHost> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(ROOT, 'src', 'web', 'main.ts'), '--db', dbPath, '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the browser host did not start within 60 s (${err.trim().slice(0, 200)})`));
    }, 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /Clashless is running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, startMs: performance.now() - t0, stop });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited with ${code}: ${err.trim().slice(0, 300)}`));
    });
  });
}
