// The bundles are compiled for the runtimes inside the Electron this project ships with, set
// explicitly because electron-vite 6 only knows Electron up to 44 and falls back to a guess.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config, { ELECTRON_TARGETS } from '../../electron.vite.config.ts';
import { REPO_ROOT } from '../fixtures/paths.ts';

const require = createRequire(REPO_ROOT + 'package.json');
const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;

describe('build targets', () => {
  it('name the Electron major that package.json installs', () => {
    expect(electronVersion.split('.')[0]).toBe(ELECTRON_TARGETS.electron);
  });

  it('compile the renderer for the Chromium inside that Electron', () => {
    // electron-to-chromium is the table browserslist uses; it maps every Electron release.
    const table = JSON.parse(readFileSync(require.resolve('electron-to-chromium/full-versions.json'), 'utf8')) as Record<string, string>;
    const chromium = table[electronVersion];
    expect(chromium, `electron-to-chromium does not know Electron ${electronVersion}`).toBeDefined();
    expect(ELECTRON_TARGETS.chrome).toBe(`chrome${chromium!.split('.')[0]}`);
  });

  it('are set on every process build, not left to electron-vite', () => {
    const resolved = config as unknown as Record<'main' | 'preload' | 'renderer', { build: { target: string } }>;
    expect(resolved.main.build.target).toBe(ELECTRON_TARGETS.node);
    expect(resolved.preload.build.target).toBe(ELECTRON_TARGETS.node);
    expect(resolved.renderer.build.target).toBe(ELECTRON_TARGETS.chrome);
  });
});
