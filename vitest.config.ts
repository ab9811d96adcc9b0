import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Six projects so `npm test` runs everything while each kind keeps its own pace: unit (pure
// functions, fast), renderer (the renderer's state classes, runes compiled by Svelte's own plugin,
// against a fake ClientApi), integration (real SQLite, CLI child processes), fuzz (hostile input), faults (injected
// failures), e2e
// (the real UI in Chromium through the browser host).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000
        }
      },
      {
        // Svelte's client build and runtime (the 'browser' condition and an environment that asks Vite
        // for the client build, see client-environment.ts), so $state and $derived react as in the app.
        plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: './tests/renderer/client-environment.ts',
          testTimeout: 30_000
        }
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          // Hostile-input fuzzing of every parser: 10,000 cases each by default (FUZZ_RUNS), more
          // with `npm run fuzz`. Replays tests/fuzz/corpus first.
          name: 'fuzz',
          include: ['tests/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          // Fault injection with real files and real processes: locks, a full disk, unreadable
          // files, racing writers, broken backups, malformed HTTP. A case that cannot run here
          // fails with its reason; none is skipped.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // The page answers within a frame on a quiet machine, but CI shares two cores with the
          // browser host and Chromium: polls wait up to 10 s (a failure still fails, just later).
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000
        }
      }
    ]
  }
});
