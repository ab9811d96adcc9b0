// The browser host's guards and its contract door, against a real store.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/contract.ts';
import { createWebServer } from '../../src/web/server.ts';
import { tempDir, tempServices } from './helpers.ts';

const TOKEN = 'test-token-0123456789';
const host = tempServices({ seeded: true });
const site = tempDir('clashless-web-');
const rendererDir = join(site.dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clashless</title>');
writeFileSync(join(site.dir, 'secret.txt'), 'not for the web');
const server = createWebServer({ backend: host, rendererDir, token: TOKEN });
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  host.cleanup();
  site.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      }
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function call(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Clashless-Token': TOKEN, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload)
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('serves the renderer with the strict CSP', async () => {
    const r = await send('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Clashless</title>');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
  });

  it('answers the contract with the token', async () => {
    const r = await call('conference.list', {});
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(2);
  });

  it('refuses requests without the token, with a wrong one, or from another Host or Origin', async () => {
    expect((await call('conference.list', {}, { 'X-Clashless-Token': '' })).status).toBe(403);
    expect((await call('conference.list', {}, { 'X-Clashless-Token': TOKEN.replace('0', '1') })).status).toBe(403);
    expect((await call('conference.list', {}, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await call('conference.list', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('conference.list', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await send('/api/events?token=nope')).status).toBe(403);
    expect((await call('conference.list', {}, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/a/%00/b']) {
      const r = await send(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('not for the web');
    }
  });

  it('rejects malformed and hostile payloads on every channel with a typed error, changing nothing', async () => {
    const before = JSON.parse((await call('session.list', {})).body).value.length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.oneof(
          fc.constant('{not json'),
          fc.constant('{"__proto__":{"polluted":true}}'),
          fc.constant('{"constructor":{"prototype":{"polluted":true}}}'),
          fc.jsonValue().map((v) => JSON.stringify(Array.isArray(v) || typeof v !== 'object' || v === null ? v : { ...v, zz_unknown: 1 })),
          fc.string({ maxLength: 200 }).map((s) => JSON.stringify({ sessionIds: [s], itemId: s, text: 5 }))
        ),
        async (channel, body) => {
          const r = await call(channel, body);
          const reply = JSON.parse(r.body);
          expect(reply.ok).toBe(false);
          expect(['bad-request']).toContain(reply.error.code);
          expect(reply.error.message).not.toMatch(/\bat .*:\d+:\d+/);
        }
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) }
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse((await call('session.list', {})).body).value.length).toBe(before);
  });

  it('refuses unknown channels and wrong methods', async () => {
    expect((await call('toString', {})).status).toBe(404);
    expect((await send('/api/conference.list', { headers: { 'X-Clashless-Token': TOKEN } })).status).toBe(405);
  });
});
