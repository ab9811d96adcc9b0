// electron-vite build for the three processes:
// - main: src/main/index.ts → out/main/index.js (ESM, because package.json says "type": "module");
//   npm dependencies stay external and load from node_modules / app.asar at run time — above all
//   better-sqlite3, whose native binding must never be bundled. electron-vite adds the __dirname
//   shim to the ESM bundle itself.
// - workers: src/main/import/import-worker.ts → out/main/import-worker.cjs and
//   src/main/export/ics-worker.ts → out/main/ics-worker.cjs, ONE CommonJS file each with every
//   dependency but better-sqlite3 inlined. A worker thread started from inside
//   app.asar loads through Node's CommonJS loader, which Electron teaches to read asar archives;
//   an ESM worker with chunks is not guaranteed to. (electron-builder.yml says the same.)
// - preload: src/preload/index.ts → out/preload/index.cjs, ONE CommonJS file with everything
//   inlined: a sandboxed preload can only require('electron') and cannot load ESM or chunks. It
//   imports only the channel and event names (src/shared/channels.ts, checked against the contract
//   at compile time), so it carries no zod (schema construction cost tens of ms at start).
// - renderer: src/renderer → out/renderer, Svelte 5 via the root svelte.config.js.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { build as viteBuild } from 'vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// import.meta.url (not import.meta.dirname) because electron-vite rewrites it to this file's real
// location when it bundles the config.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * What the bundles are compiled for: the runtimes inside Electron 45. electron-vite 6 only knows
 * Electron up to 44 and guesses for newer ones, so they are set here.
 * - Chrome 156: Electron 45.4.1 embeds Chromium 156.0.8078.100 (the electron-to-chromium table);
 *   tests/unit/build-targets.test.ts checks this against the installed Electron.
 * - Node 24.11: the Node that Electron 40 moved to (its release notes); Electron never goes back a
 *   Node version, so code compiled for 24.11 runs on Electron 45's Node. A floor, not a guess.
 */
export const ELECTRON_TARGETS = { electron: '45', chrome: 'chrome156', node: 'node24.11' } as const;

/** The worker threads the main process starts, each built into out/main as one CommonJS file. */
const WORKERS = [
  { entry: 'src/main/import/import-worker.ts', file: 'import-worker.cjs' },
  { entry: 'src/main/export/ics-worker.ts', file: 'ics-worker.cjs' }
] as const;

/**
 * Build the worker threads as one CommonJS file each after the main bundle is written (see the
 * header). Everything is inlined except better-sqlite3, whose native binding loads from
 * node_modules (unpacked from the asar by electron-builder's asarUnpack of *.node).
 */
function commonJsWorkers(): Plugin {
  return {
    name: 'clashless:workers-cjs',
    apply: 'build',
    async closeBundle() {
      for (const worker of WORKERS) {
        await viteBuild({
          configFile: false,
          logLevel: 'warn',
          root,
          ssr: { noExternal: true, external: ['better-sqlite3'] },
          build: {
            ssr: resolve(root, worker.entry),
            outDir: resolve(root, 'out/main'),
            emptyOutDir: false,
            target: ELECTRON_TARGETS.node,
            minify: false,
            copyPublicDir: false,
            rolldownOptions: {
              external: ['better-sqlite3'],
              output: { format: 'cjs', entryFileNames: worker.file, codeSplitting: false }
            }
          }
        });
      }
    }
  };
}

export default defineConfig({
  main: {
    plugins: [commonJsWorkers()],
    build: {
      outDir: resolve(root, 'out/main'),
      target: ELECTRON_TARGETS.node,
      externalizeDeps: { include: ['better-sqlite3'] },
      lib: {
        entry: { index: resolve(root, 'src/main/index.ts') },
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`
      },
      rolldownOptions: {
        external: ['better-sqlite3'],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // electron-vite requires a node* target for preloads; main, preload and renderer share one
      // V8 inside Electron, so the Node floor is right here too.
      target: ELECTRON_TARGETS.node,
      externalizeDeps: false,
      lib: { entry: resolve(root, 'src/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      target: ELECTRON_TARGETS.chrome,
      // Minified: the first view parses this bundle before it can paint (first_view_ms budget).
      minify: true,
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') }
    },
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })]
  }
});
