#!/usr/bin/env node
// The `clashless` command. It runs the TypeScript sources directly with Node's type stripping, so
// it works right after `npm install` with no build step. Node 22.14–22.17 need the flag; newer
// Nodes strip types by default.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (!process.features.typescript) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', self, ...process.argv.slice(2)], {
    stdio: 'inherit'
  });
  process.exit(r.status ?? 1);
}

const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0)
});
