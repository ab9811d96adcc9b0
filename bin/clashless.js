#!/usr/bin/env node
// The `clashless` command. It runs the TypeScript sources directly with Node's type stripping, so
// it works right after `npm install` with no build step. Node 22.14–22.17 need the flag; newer
// Nodes strip types by default.
//
// The version check comes first, before anything native loads: on an older Node, better-sqlite3 13
// crashes the process (a segfault, exit 139) and the type-stripping flag is unknown, and neither
// names the real cause. Keep this file plain JavaScript that any Node can parse.
import { spawnSync } from 'node:child_process';
import { readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NEEDED = [22, 14];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  process.stderr.write(
    `clashless: needs Node.js ${NEEDED.join('.')} or newer; this is Node.js ${process.versions.node}. Install a newer Node.js and run it again.\n`
  );
  process.exit(1);
}

if (!process.features.typescript) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', self, ...process.argv.slice(2)], {
    stdio: 'inherit'
  });
  process.exit(r.status ?? 1);
}

// A reader that stops early (`clashless sessions | head -1`) closes the pipe. The rest of the
// output has nowhere to go, and that is not a failure: stop writing and end quietly, with the
// command's own status, instead of dying on an unhandled EPIPE with a stack trace. The same for
// standard error (`2>&1 | head`), where there is nobody left to tell anyway.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr']) {
  process[name].on('error', (err) => {
    closed[name] = true;
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    if (name === 'stdout' && !closed.stderr) process.stderr.write(`clashless: cannot write the output (${err.code ?? err.message}).\n`);
    process.exitCode = 1;
  });
}

const { run } = await import('../src/cli/main.ts');
const status = await run(process.argv.slice(2), {
  out: (t) => {
    if (!closed.stdout) process.stdout.write(t);
  },
  err: (t) => {
    if (!closed.stderr) process.stderr.write(t);
  },
  readStdin: (limit) => readAtMost(0, limit)
});
if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = status;

/**
 * Standard input, read in chunks and refused as soon as it passes `limit` bytes: a 1 GB pipe must
 * not be loaded into memory before it is refused. Returns null when the input is larger.
 */
function readAtMost(fd, limit) {
  const chunks = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if (err.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a non-blocking pipe with nothing yet
        continue;
      }
      if (err.code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return null;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}
