// The renderer's state classes run in Node but are compiled as the browser gets them: Vitest's
// 'node' environment asks Vite for its server build, where Svelte compiles $state to a plain field
// and $derived to a memo, so nothing would react as in the app. This environment is Node with
// Vite's client build (no DOM: the state classes touch none).
import type { Environment } from 'vitest/environments';

export default {
  name: 'node-client-build',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  }
} satisfies Environment;
