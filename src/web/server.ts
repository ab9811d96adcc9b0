// The browser host: the built renderer and the contract over HTTP, for any browser on this machine.
//
// Policy (the renderer is untrusted, and so is every other page the browser has open):
// - listen on 127.0.0.1 only;
// - every API request carries the per-run random token (header X-Clashless-Token; the SSE stream,
//   which cannot set headers, takes it as ?token=) — compared in constant time;
// - the Host header must be our own 127.0.0.1:PORT/localhost:PORT (defeats DNS rebinding) and an
//   Origin, when sent, must be our own origin (defeats cross-site requests);
// - API calls are POST with a JSON body of bounded size (counted while it streams in, refused with
//   413 once past the limit), validated by the same schemas as IPC;
// - a malformed request (bad percent-encoding, a target that is not a plain path, garbage bytes)
//   gets a short 400 and never takes the server down;
// - every response carries the same CSP as the Electron window.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import { isChannel } from '../shared/contract.ts';
import type { Channel, WireResult } from '../shared/contract.ts';
import type { Backend } from '../main/backend.ts';
import { buildInvokeHandlers, dispatchInvoke, type ErrorLogger, type InvokeHandler } from '../main/dispatch.ts';
import { APP_ORIGIN, resolveAppRequest } from '../main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../main/csp.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebHostOptions {
  backend: Backend;
  rendererDir: string;
  token: string;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } } satisfies WireResult<never>);
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host must name this server on loopback; Origin, when present, must be this server. */
export function isOwnRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!req.headers.host || !allowedHosts.includes(req.headers.host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

function sendPlain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(message),
    'Cache-Control': 'no-store'
  });
  res.end(message);
}

/**
 * The body, counted while it streams in: null as soon as it passes `limit` bytes (or when the
 * declared Content-Length already does), without buffering the rest. After a null the caller
 * answers 413 and drains the rest (drainRefusedBody).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        req.off('data', onData);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    req.on('close', () => {
      if (settled) return;
      settled = true;
      reject(new Error('the connection closed before the body ended'));
    });
  });
}

/**
 * After refusing a body: keep reading what the client still sends and drop it (nothing is kept),
 * so it is not cut off before it reads the refusal; a body that has not ended within two seconds
 * loses its connection.
 */
function drainRefusedBody(req: IncomingMessage): void {
  if (req.complete) return;
  const timer = setTimeout(() => req.socket.destroy(), 2_000);
  timer.unref();
  req.on('data', () => {});
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

const logWebError: ErrorLogger = (channel, err) => console.error(`[clashless web] ${channel} failed:`, err);

/**
 * The HTTP half of the door: body size and JSON are HTTP's own questions; parsing with the
 * channel's schema, calling the service and wrapping the outcome are the shared dispatch's. The
 * token and origin checks in route() are this door's trust decision.
 */
async function handleApi(handler: InvokeHandler, channel: Channel, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let bytes: Buffer | null;
  try {
    bytes = await readBody(req, MAX_BODY_BYTES);
  } catch {
    req.socket.destroy(); // the client went away mid-body: nobody to answer
    return;
  }
  if (bytes === null) {
    sendJson(res, 413, { ok: false, error: { code: 'too-large', message: 'The request is larger than 25 MB.' } });
    drainRefusedBody(req);
    return;
  }
  const body = bytes.toString('utf8');
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: 'The request body is not JSON.' } });
    return;
  }
  sendJson(res, 200, await dispatchInvoke(channel, true, handler, payload, logWebError));
}

function handleEvents(backend: Backend, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive'
  });
  res.write(': connected\n\n');
  const unsubscribe = backend.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/**
 * Static files go through the same traversal guard as the app:// protocol. It reads the raw
 * request path, before URL normalisation could turn "/../x" into "/x".
 */
async function handleStatic(rendererDir: string, rawUrl: string, res: ServerResponse): Promise<void> {
  const rawPath = rawUrl.replace(/[?#].*$/s, '');
  const resolved = resolveAppRequest(APP_ORIGIN + rawPath, rendererDir);
  if (!resolved.ok) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  try {
    const data = await readFile(resolved.filePath);
    res.writeHead(200, {
      'Content-Type': resolved.mimeType,
      'Cache-Control': resolved.filePath.endsWith('.html') ? 'no-store' : 'max-age=3600'
    });
    res.end(data);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(rawPath === '/' || rawPath === '/index.html' ? 'The renderer is not built. Run: npm run build:renderer' : 'Not found');
  }
}

/**
 * The path and query of a request target, or null when the target is not a plain origin-form
 * path ("/…"): absolute-form ("http://elsewhere/…"), authority-form, "*", a path starting with
 * "//" (which URL parsers read as a host name), or anything that does not parse.
 */
function parseTarget(rawUrl: string | undefined, port: number): URL | null {
  if (rawUrl === undefined || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  try {
    return new URL(`http://127.0.0.1:${port}${rawUrl}`);
  } catch {
    return null;
  }
}

function route(opts: WebHostOptions, handlers: Map<string, InvokeHandler>, port: number, req: IncomingMessage, res: ServerResponse): void {
  if (!isOwnRequest(req, port)) {
    refuse(res, 403, 'This Clashless server only answers its own page on 127.0.0.1.');
    return;
  }
  const url = parseTarget(req.url, port);
  if (url === null) {
    sendPlain(res, 400, 'Bad request: the address is not a path on this server.');
    return;
  }
  if (url.pathname === '/api/events') {
    if (req.method !== 'GET' || !tokenMatches(url.searchParams.get('token'), opts.token)) {
      refuse(res, 403, 'Missing or wrong token.');
      return;
    }
    handleEvents(opts.backend, req, res);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      sendPlain(res, 400, 'Bad request: malformed percent-encoding in the address.');
      return;
    }
    if (!tokenMatches(req.headers['x-clashless-token'] as string | undefined, opts.token)) {
      refuse(res, 403, 'Missing or wrong token.');
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Use POST.' } });
      return;
    }
    if (!isChannel(channel)) {
      sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `No channel “${channel.slice(0, 80)}”.` } });
      return;
    }
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler built for channel ${channel}`);
    handleApi(handler, channel, req, res).catch((err: unknown) => failed(res, err));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Use GET.' } });
    return;
  }
  handleStatic(opts.rendererDir, req.url ?? '/', res).catch((err: unknown) => failed(res, err));
}

/** Last resort for a request that threw: log it, answer 500 if nothing was sent yet, keep serving. */
function failed(res: ServerResponse, err: unknown): void {
  console.error('[clashless web] request failed:', err);
  if (!res.headersSent) sendPlain(res, 500, 'Internal error.');
  else res.destroy();
}

export function createWebServer(opts: WebHostOptions): Server {
  const handlers = buildInvokeHandlers(opts.backend.api);
  const server = createServer((req, res) => {
    try {
      securityHeaders(res);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      route(opts, handlers, port, req, res);
    } catch (err) {
      failed(res, err);
    }
  });
  // Requests Node's parser rejects (bad request line, NUL bytes, headers too large): one short
  // plain answer when the socket can still take it, never an exception.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this socket must not get a second one spliced into it.
    const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'Request headers too large.']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['408 Request Timeout', 'Request timed out.']
          : ['400 Bad Request', 'Bad request.'];
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`
    );
  });
  return server;
}
