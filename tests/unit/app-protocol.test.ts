import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  devServerOrigin,
  isAllowedRequestUrl,
  isOwnPageUrl,
  mimeTypeFor,
  resolveAppRequest
} from '../../src/main/app-protocol.ts';

const ROOT = resolve('/srv/clashless/out/renderer');

function refused(url: string): boolean {
  return !resolveAppRequest(url, ROOT).ok;
}

describe('resolveAppRequest serves files inside the renderer folder', () => {
  it('maps the entry URL to index.html with an HTML content type', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, ROOT)).toEqual({
      ok: true,
      filePath: join(ROOT, 'index.html'),
      mimeType: 'text/html; charset=utf-8'
    });
  });

  it('serves index.html for the bare origin, with or without a slash', () => {
    for (const url of ['app://clashless', 'app://clashless/']) {
      const result = resolveAppRequest(url, ROOT);
      expect(result.ok && result.filePath).toBe(join(ROOT, 'index.html'));
    }
  });

  it('maps nested assets and ignores the query and fragment', () => {
    const result = resolveAppRequest('app://clashless/assets/index-Ab12.js?v=3#top', ROOT);
    expect(result).toEqual({ ok: true, filePath: join(ROOT, 'assets', 'index-Ab12.js'), mimeType: 'text/javascript; charset=utf-8' });
  });

  it('decodes percent-encoded names that stay inside the folder', () => {
    const result = resolveAppRequest('app://clashless/fonts/Inter%20Var.woff2', ROOT);
    expect(result).toEqual({ ok: true, filePath: join(ROOT, 'fonts', 'Inter Var.woff2'), mimeType: 'font/woff2' });
  });

  it('accepts an upper-case scheme and host, as Chromium may report them', () => {
    expect(resolveAppRequest('APP://Clashless/index.html', ROOT).ok).toBe(true);
  });
});

describe('resolveAppRequest refuses every way out of the renderer folder', () => {
  it.each([
    ['plain parent segments', 'app://clashless/../../etc/passwd'],
    ['a parent segment after a folder', 'app://clashless/assets/../../secret.txt'],
    ['encoded dots and slash', 'app://clashless/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['upper-case encoded dots', 'app://clashless/%2E%2E/%2E%2E/etc/passwd'],
    ['a lone dot segment', 'app://clashless/./index.html'],
    ['an absolute path (double slash)', 'app://clashless//etc/passwd'],
    ['an encoded absolute path', 'app://clashless/%2fetc%2fpasswd'],
    ['a backslash', 'app://clashless/..\\..\\windows\\win.ini'],
    ['an encoded backslash', 'app://clashless/assets%5c..%5c..%5csecret'],
    ['a Windows drive letter', 'app://clashless/C:/Windows/win.ini'],
    ['an encoded NUL byte', 'app://clashless/index.html%00.png'],
    ['a raw NUL byte', 'app://clashless/index.html\u0000.png'],
    ['a hidden file', 'app://clashless/.env'],
    ['malformed percent-encoding', 'app://clashless/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a look-alike host prefix', 'app://clashless.evil/index.html']
  ])('refuses %s', (_what, url) => {
    expect(refused(url)).toBe(true);
  });

  it('says why, with an HTTP status', () => {
    expect(resolveAppRequest('app://clashless/../x', ROOT)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://clashless/a%00b', ROOT)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('https://example.com/', ROOT)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits and falls back to opaque bytes', () => {
    expect(mimeTypeFor('a/b/style.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('module.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('which URLs are our own page', () => {
  it('trusts app://clashless only, not look-alikes', () => {
    expect(isOwnPageUrl('app://clashless/index.html', null)).toBe(true);
    expect(isOwnPageUrl('app://clashless.evil/index.html', null)).toBe(false);
    expect(isOwnPageUrl('app://other/index.html', null)).toBe(false);
    expect(isOwnPageUrl('https://example.com/', null)).toBe(false);
    expect(isOwnPageUrl('not a url', null)).toBe(false);
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isOwnPageUrl('http://localhost:5173/', null)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
    expect(isOwnPageUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('honours ELECTRON_RENDERER_URL only unpackaged and only on loopback http', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull();
    expect(devServerOrigin('https://evil.example/', false)).toBeNull();
    expect(devServerOrigin('http://user:pw@localhost:5173/', false)).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html', false)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
  });

  it('lets the main session load only our page and data: URLs', () => {
    expect(isAllowedRequestUrl('app://clashless/assets/a.js', null)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', null)).toBe(true);
    expect(isAllowedRequestUrl('https://example.com/track.gif', null)).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', null)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', null)).toBe(false);
    expect(isAllowedRequestUrl('ws://localhost:5173/', null)).toBe(false);
  });

  it('also lets the dev server, its hot-reload socket and DevTools through while developing', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:8080/', dev)).toBe(false);
  });
});
