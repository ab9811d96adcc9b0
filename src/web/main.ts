// `npm run web -- [--db PATH] [--port N]`: the full app in any browser on this machine.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDbPath } from '../main/paths.ts';
import { openBackend } from '../main/backend.ts';
import { createWebServer } from './server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  process.stderr.write(`clashless web: ${message}\n`);
  process.exit(1);
}

function parse(argv: string[]): { db: string; port: number } {
  let db = defaultDbPath();
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--db' && value) {
      db = resolve(value);
      i++;
    } else if (arg === '--port' && value) {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not “${value}”.`);
      i++;
    } else {
      fail(`unknown option “${arg}”. Usage: npm run web -- [--db PATH] [--port N]`);
    }
  }
  return { db, port };
}

const { db, port } = parse(process.argv.slice(2));
const rendererDir = join(ROOT, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) fail('the renderer is not built. Run: npm run build:renderer');

let backend;
try {
  backend = openBackend({
    dbPath: db,
    seedDir: join(ROOT, 'seed'),
    seedOnFirstRun: true,
    // Large imports run in this worker so the page keeps getting answers and live progress.
    importWorker: join(ROOT, 'src', 'main', 'import', 'import-worker.ts'),
    // Large .ics exports are written on several threads.
    icsWorker: join(ROOT, 'src', 'main', 'export', 'ics-worker.ts')
  });
  // A first run imports the samples before the page is served.
  await backend.ready;
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const token = randomBytes(24).toString('base64url');
const server = createWebServer({ backend, rendererDir, token });
server.on('error', (err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`Clashless is running at http://127.0.0.1:${actual}/?token=${token}\n`);
});

const stop = () => {
  server.close();
  backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
