// The browser host against whatever a socket can send. The host runs as its own process (the real
// createWebServer over a real seeded store); each case writes raw bytes over TCP, reads what comes
// back, and then checks that the host is still alive and still answers a valid request with its
// token. A crash shows up as a dead process and a refused connection, not as a swallowed error.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/paths.ts';

const TOKEN = 'raw-requests-token-0123456789';
let child: ChildProcess;
let port = 0;
let stderr = '';

beforeAll(async () => {
  child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(REPO_ROOT, 'tests', 'fixtures', 'web-host-process.ts'), TOKEN],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
  );
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (stderr += c));
  port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}) before listening: ${stderr}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

interface RawReply {
  /** Everything the server sent, as latin1 so any byte survives. */
  text: string;
  status: number | null;
  /** The server closed the connection (rather than our timeout ending the read). */
  closed: boolean;
}

/**
 * Write `bytes` on a fresh TCP connection and read until the server closes it or `waitMs` passes.
 * Our side stays open unless `end` (Node's server drops a half-closed connection before an
 * asynchronous answer, so a half-close would hide answers rather than test them).
 */
function raw(bytes: Buffer | string, opts: { waitMs?: number; end?: boolean; untilResponse?: boolean } = {}): Promise<RawReply> {
  const waitMs = opts.waitMs ?? 3_000;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3}) /.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('connect', () => {
      socket.write(bytes, () => {
        if (opts.end) socket.end();
      });
    });
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // For a connection we keep open on purpose, stop once a whole response head has arrived.
      if (opts.untilResponse && Buffer.concat(chunks).includes('\r\n\r\n')) finish();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after the server answered is fine; a refused connection means the host is gone.
      if (err.code === 'ECONNREFUSED') {
        clearTimeout(timer);
        reject(new Error('the browser host no longer accepts connections'));
        return;
      }
      closed = true;
      finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
  });
}

function head(requestLine: string, extra: string[] = []): string {
  return [requestLine, `Host: 127.0.0.1:${port}`, `X-Clashless-Token: ${TOKEN}`, 'Connection: close', ...extra, '', ''].join('\r\n');
}

/** A valid contract call with the token: the host must still answer it. */
function stillAnswers(): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      reject(new Error(`the browser host died (exit ${child.exitCode}, signal ${child.signalCode}): ${stderr.slice(-2000)}`));
      return;
    }
    const body = '{}';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/conference.list',
        method: 'POST',
        agent: false,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Clashless-Token': TOKEN }
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            expect(res.statusCode).toBe(200);
            const parsed = JSON.parse(text) as { ok: boolean; value: unknown[] };
            expect(parsed.ok).toBe(true);
            expect(parsed.value.length).toBeGreaterThan(0);
            resolve();
          } catch (err) {
            reject(err as Error);
          }
        });
      }
    );
    req.setTimeout(10_000, () => req.destroy(new Error('the browser host did not answer a valid request within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The answer is one short plain line, not a stack trace or an echo of internals. */
function expectShortPlain(reply: RawReply, status: number): void {
  expect(reply.status, reply.text.slice(0, 300)).toBe(status);
  const [headPart, body = ''] = reply.text.split('\r\n\r\n');
  expect(headPart).toMatch(/content-type: text\/plain/i);
  expect(body.length).toBeGreaterThan(0);
  expect(body.length).toBeLessThan(120);
  expect(body).not.toMatch(/\n|at .*\.ts:\d+|URIError|TypeError/);
}

describe('browser host against raw requests', () => {
  it('answers a valid request to begin with', async () => {
    await stillAnswers();
  });

  it('malformed percent-encoding in an API path gets 400, before and after the token check', async () => {
    for (const target of ['/api/%ZZ', '/api/%', '/api/%E0%A4%A', '/api/conference.%C0%AF', '/api/%FF%FE']) {
      const reply = await raw(head(`POST ${target} HTTP/1.1`, ['Content-Length: 0']));
      expectShortPlain(reply, 400);
      await stillAnswers();
    }
    // Without a token as well: the path is read before anything else can throw.
    const reply = await raw(`POST /api/%ZZ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expect([400, 403]).toContain(reply.status);
    await stillAnswers();
  });

  it('targets that do not parse as a URL get 400', async () => {
    // A target starting with "//" reads as a host name to URL parsers: refused, never resolved.
    for (const target of ['//[', '//[::1', '//a:b:c/', '//%zz', '//user@[/x', '//', '//127.0.0.1/api/conference.list']) {
      expectShortPlain(await raw(head(`GET ${target} HTTP/1.1`)), 400);
      await stillAnswers();
    }
    for (const target of ['/api//[', '/[', '/%zz', '/a/../../b']) {
      const reply = await raw(head(`GET ${target} HTTP/1.1`));
      expect(reply.status, target).not.toBeNull();
      expect([400, 403, 404, 405], target).toContain(reply.status);
      await stillAnswers();
    }
    expectShortPlain(await raw(head('GET //[ HTTP/1.1')), 400);
    expectShortPlain(await raw(head('POST //[ HTTP/1.1', ['Content-Length: 0'])), 400);
    await stillAnswers();
  });

  it('absolute-form and other non-path targets are refused, never served', async () => {
    for (const target of [
      `http://127.0.0.1:${port}/api/conference.list`,
      'http://evil.example/api/conference.list',
      'http://[/',
      'https://127.0.0.1/',
      '127.0.0.1:443',
      '*',
      'api/conference.list'
    ]) {
      const reply = await raw(head(`POST ${target} HTTP/1.1`, ['Content-Length: 2']) + '{}');
      expect(reply.status, target).not.toBeNull();
      expect([400, 403], target).toContain(reply.status);
      expect(reply.text, target).not.toMatch(/"ok":true/);
      await stillAnswers();
    }
  });

  it('a huge header gets 431, and the host lives on', async () => {
    const reply = await raw(head('GET / HTTP/1.1', [`X-Huge: ${'a'.repeat(200_000)}`]));
    expect(reply.status).toBe(431);
    await stillAnswers();
    const many = await raw(head('GET / HTTP/1.1', Array.from({ length: 5_000 }, (_, i) => `X-H${i}: ${'b'.repeat(20)}`)));
    expect([400, 431]).toContain(many.status);
    await stillAnswers();
  });

  it('NUL bytes in the request line, the path and the headers are refused', async () => {
    for (const bytes of [
      head('GET /\u0000 HTTP/1.1'),
      head('GET /api/%00 HTTP/1.1'),
      head('POST /api/conference.list\u0000 HTTP/1.1', ['Content-Length: 0']),
      head('GET / HTTP/1.1', ['X-Nul: a\u0000b']),
      head('\u0000\u0000\u0000 / HTTP/1.1'),
      '\u0000'.repeat(10_000)
    ]) {
      const reply = await raw(Buffer.from(bytes, 'latin1'));
      expect(reply.status === null || (reply.status >= 400 && reply.status < 500), JSON.stringify(reply.text.slice(0, 100))).toBe(true);
      await stillAnswers();
    }
  });

  it('garbage bytes, truncated requests and a bare connection do not hurt it', async () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff;
    const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, next));
    for (const bytes of [
      garbage,
      Buffer.from('GET'),
      Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1'),
      Buffer.from(`POST /api/conference.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Clashless-Token: ${TOKEN}\r\nContent-Length: 100\r\n\r\n{"a"`),
      Buffer.from(`POST /api/conference.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: -1\r\n\r\n`),
      Buffer.from(`POST /api/conference.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nzz\r\n`),
      Buffer.from('\r\n\r\n\r\n'),
      Buffer.from([0xff, 0xfe, 0xfd, 0x16, 0x03, 0x01, 0x00, 0xa5]) // the start of a TLS hello
    ]) {
      const reply = await raw(bytes, { waitMs: 1_500 });
      expect(reply.status === null || reply.status < 500, reply.text.slice(0, 200)).toBe(true);
      await stillAnswers();
    }
    // A connection that sends nothing and goes away.
    await raw(Buffer.alloc(0), { waitMs: 200 });
    await stillAnswers();
  });

  it('a declared body over the limit is refused at once, before any of it is sent', async () => {
    const started = Date.now();
    const reply = await raw(
      `POST /api/import.preview HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Clashless-Token: ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${30 * 1024 * 1024}\r\n\r\n`,
      { untilResponse: true, waitMs: 5_000 }
    );
    expect(reply.status).toBe(413);
    expect(reply.text).toContain('too-large');
    expect(Date.now() - started).toBeLessThan(4_000);
    await stillAnswers();
  });

  it('a streamed body is refused once it passes the limit, while it is still coming in', async () => {
    // Chunked, no length: 26 MB of body and then nothing more, never the final chunk. A server that
    // buffers the whole body before judging it would wait for ever; this one answers 413.
    const reply = await new Promise<RawReply>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ text: Buffer.concat(chunks).toString('latin1'), status: null, closed: false });
      }, 15_000);
      const done = (): void => {
        clearTimeout(timer);
        socket.destroy();
        const text = Buffer.concat(chunks).toString('latin1');
        const m = /^HTTP\/1\.[01] (\d{3}) /.exec(text);
        resolve({ text, status: m ? Number(m[1]) : null, closed: true });
      };
      socket.on('data', (c: Buffer) => {
        chunks.push(c);
        if (Buffer.concat(chunks).includes('\r\n\r\n')) done();
      });
      socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? reject(err) : done()));
      socket.on('connect', async () => {
        socket.write(
          `POST /api/import.preview HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Clashless-Token: ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`
        );
        const piece = Buffer.alloc(1024 * 1024, 0x61);
        for (let i = 0; i < 26 && !socket.destroyed; i++) {
          socket.write(`${piece.length.toString(16)}\r\n`);
          socket.write(piece);
          if (!socket.write('\r\n')) await new Promise((r) => socket.once('drain', r));
        }
      });
    });
    expect(reply.status, reply.text.slice(0, 200)).toBe(413);
    await stillAnswers();
  });

  it('a random sample of request lines never takes it down', async () => {
    const methods = fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'CONNECT', 'PRI', 'get'), fc.string({ minLength: 0, maxLength: 8 }));
    const percent = fc.constantFrom('%', '%Z', '%ZZ', '%0', '%00', '%2F', '%E0%A4', '%C0%AF', '%FF', '%%', '%25', '%u1234');
    const piece = fc.oneof(
      fc.constantFrom('/', '//', '/api/', '/api/conference.list', '/api/events', '[', ']', '@', ':', '?', '#', '..', '\\', 'http://', '*', ' ', '\t'),
      percent,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 })
    );
    const target = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', '', 'HTTP/9');
    await fc.assert(
      fc.asyncProperty(methods, target, version, async (m, t, v) => {
        // latin1 keeps every generated code unit below 256 as one byte; higher ones become their low byte.
        const bytes = Buffer.from(head(`${m} ${t} ${v}`, ['Content-Length: 0']), 'latin1');
        const reply = await raw(bytes, { waitMs: 2_000 });
        if (reply.status !== null && reply.status >= 500) throw new Error(`HTTP ${reply.status} for ${JSON.stringify(`${m} ${t} ${v}`)}`);
        await stillAnswers();
      }),
      { numRuns: Number(process.env.RAW_HTTP_RUNS ?? 150), seed: 20240913 }
    );
  });

  it('logged no failed request and is still running', async () => {
    await stillAnswers();
    expect(stderr).not.toMatch(/request failed|Uncaught|URIError|TypeError/);
    expect(child.exitCode).toBeNull();
  });
});
