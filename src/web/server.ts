// The browser host: the built renderer and the contract over HTTP, for any browser on this machine.
//
// Policy (the renderer is untrusted, and so is every other page the browser has open):
// - listen on 127.0.0.1 only;
// - every API request carries the per-run random token (header X-Clashless-Token; the SSE stream,
//   which cannot set headers, takes it as ?token=) — compared in constant time;
// - the Host header must be our own 127.0.0.1:PORT/localhost:PORT (defeats DNS rebinding) and an
//   Origin, when sent, must be our own origin (defeats cross-site requests);
// - API calls are POST with a JSON body of bounded size, validated by the same schemas as IPC;
// - every response carries the same CSP as the Electron window.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import { isChannel, parseRequest, toWireError } from '../shared/contract.ts';
import type { Api, Channel, WireResult } from '../shared/contract.ts';
import type { ServiceHost } from '../main/service-host.ts';
import { APP_ORIGIN, resolveAppRequest } from '../main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../main/csp.ts';

const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebHostOptions {
  host: ServiceHost;
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('too-large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(api: Api, channel: Channel, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    sendJson(res, 413, { ok: false, error: { code: 'too-large', message: 'The request is larger than 25 MB.' } });
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: 'The request body is not JSON.' } });
    return;
  }
  try {
    const request = parseRequest(channel, payload);
    const handler = api[channel] as (r: unknown) => Promise<unknown>;
    const value = await handler(request);
    sendJson(res, 200, { ok: true, value });
  } catch (err) {
    const error = toWireError(err);
    if (error.code === 'internal') console.error(`[clashless web] ${channel} failed:`, err);
    sendJson(res, 200, { ok: false, error });
  }
}

function handleEvents(host: ServiceHost, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive'
  });
  res.write(': connected\n\n');
  const unsubscribe = host.subscribe((event, payload) => {
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

export function createWebServer(opts: WebHostOptions): Server {
  const server = createServer((req, res) => {
    securityHeaders(res);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (!isOwnRequest(req, port)) {
      refuse(res, 403, 'This Clashless server only answers its own page on 127.0.0.1.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET' || !tokenMatches(url.searchParams.get('token'), opts.token)) {
        refuse(res, 403, 'Missing or wrong token.');
        return;
      }
      handleEvents(opts.host, req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
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
      void handleApi(opts.host.api, channel, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Use GET.' } });
      return;
    }
    void handleStatic(opts.rendererDir, req.url ?? '/', res);
  });
  return server;
}
