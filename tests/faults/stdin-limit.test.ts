// `clashless import -` fed 400 MB through a pipe, as a real child process. The command must refuse
// once the input passes 20 MB — reading in chunks, not loading the pipe whole — with exit 2 and one
// plain line, store nothing, and stay small while doing it. The 400 MB is generated as it is
// written (64 KB at a time, with backpressure), never held by the test either.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/paths.ts';
import { tempDir } from '../integration/helpers.ts';

const tmp = tempDir('clashless-stdin-limit-');
afterAll(() => tmp.cleanup());

const TOTAL = 400 * 1024 * 1024;
const LIMIT = 20 * 1024 * 1024;

/** A schedule-looking 64 KB block: text the importer would otherwise happily parse. */
function block(): Buffer {
  const event = (i: number) =>
    `BEGIN:VEVENT\r\nUID:flood-${i}@example.org\r\nDTSTART:20241113T181500Z\r\nDTEND:20241113T185000Z\r\nSUMMARY:Flood talk ${i}\r\nEND:VEVENT\r\n`;
  let text = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n';
  for (let i = 0; text.length < 64 * 1024; i++) text += event(i);
  return Buffer.from(text.slice(0, 64 * 1024), 'utf8');
}

function* flood(total: number): Generator<Buffer> {
  const piece = block();
  for (let sent = 0; sent < total; sent += piece.length) yield piece;
}

/** GNU time can report the child's peak resident set size (kB) to a file with -f %M -o FILE. */
function gnuTime(): string | null {
  const candidate = '/usr/bin/time';
  if (!existsSync(candidate)) return null;
  return candidate;
}

describe('clashless import - with 400 MB on standard input', () => {
  it('refuses past 20 MB with exit 2 and one line, stores nothing, and stays small', async () => {
    const db = join(tmp.dir, 'flood.db');
    const rssFile = join(tmp.dir, 'rss.txt');
    const time = gnuTime();
    const cliArgs = [join(REPO_ROOT, 'bin', 'clashless.js'), '--db', db, 'import', '-'];
    const [command, args] = time
      ? [time, ['-f', '%M', '-o', rssFile, process.execPath, ...cliArgs]]
      : [process.execPath, cliArgs];
    const started = Date.now();
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal }))
    );

    // Write until the child stops reading (EPIPE once it exits) or the 400 MB are out.
    let written = 0;
    let stdinError: NodeJS.ErrnoException | null = null;
    child.stdin.on('error', (err: NodeJS.ErrnoException) => (stdinError = err));
    let gone = false;
    void exited.then(() => (gone = true));
    for (const piece of flood(TOTAL)) {
      if (gone || stdinError || child.stdin.destroyed) break;
      const ok = child.stdin.write(piece);
      written += piece.length;
      if (!ok) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            child.stdin.off('drain', done);
            child.stdin.off('close', done);
            resolve();
          };
          child.stdin.once('drain', done);
          child.stdin.once('close', done);
          void exited.then(done);
        });
      }
    }
    if (!child.stdin.destroyed) child.stdin.end();
    const { code, signal } = await exited;
    const seconds = (Date.now() - started) / 1000;

    expect(signal).toBeNull();
    expect(code, stderr).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^clashless: Standard input is larger than 20 MB/);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+|Error:/);
    expect(stdout).toBe('');
    if (stdinError !== null) expect((stdinError as NodeJS.ErrnoException).code).toBe('EPIPE');

    // It stopped reading soon after the limit: far from all 400 MB went in, and quickly.
    expect(written).toBeGreaterThan(LIMIT);
    expect(written).toBeLessThan(TOTAL / 4);
    expect(seconds).toBeLessThan(60);

    // Nothing was stored: the database is either absent or holds no sessions.
    if (existsSync(db)) {
      const check = new Database(db, { readonly: true });
      try {
        expect((check.prepare('SELECT count(*) AS n FROM session').get() as { n: number }).n).toBe(0);
      } finally {
        check.close();
      }
    }

    // Peak memory: the 20 MB it may hold plus Node itself, nowhere near 400 MB.
    if (time) {
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      expect(Number.isFinite(kb) && kb > 0, `GNU time wrote no peak RSS: ${readFileSync(rssFile, 'utf8')}`).toBe(true);
      expect(kb / 1024, `peak RSS ${(kb / 1024).toFixed(0)} MB`).toBeLessThan(200);
    }
  });
});
