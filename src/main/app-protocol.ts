// The app:// scheme: how a URL the renderer asks for becomes a file in out/renderer, and which URLs
// count as "our own page". Pure (no electron import, no file system access), so the traversal
// guard is unit-tested on its own.
//
// Policy: the renderer is untrusted. A request is served only when its path, after
// percent-decoding, is a plain relative path inside the renderer folder: no "." or ".." segments
// (raw or encoded), no empty segments, no backslashes, colons (drive letters, NTFS streams) or
// control characters (NUL), and no hidden files. Anything else is refused rather than normalised,
// so there is no clever spelling that normalises to somewhere else.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clashless';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
};

/** The Content-Type for a file we serve; unknown kinds are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const PREFIX = `${APP_ORIGIN}/`;
// C0 controls (NUL included) and DEL.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Resolve an app:// request URL to a file under `rootDir` (the built renderer), or say why not.
 * "app://clashless" and "app://clashless/" serve index.html.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string): AppRequestResolution {
  if (rawUrl.length > 4096) return { ok: false, status: 400, reason: 'URL too long' };
  const lower = rawUrl.toLowerCase();
  if (lower !== APP_ORIGIN && !lower.startsWith(PREFIX)) {
    return { ok: false, status: 403, reason: 'not an app://clashless URL' };
  }
  // The raw path, before any URL normalisation could hide a ".." from us.
  const rest = rawUrl.slice(APP_ORIGIN.length);
  const rawPath = rest.replace(/[?#].*$/s, '').replace(/^\//, '');

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded === '') decoded = 'index.html';

  if (CONTROL_CHARS.test(decoded)) return { ok: false, status: 400, reason: 'control character in path' };
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
  if (decoded.includes(':')) return { ok: false, status: 403, reason: 'colon in path' };
  for (const segment of decoded.split('/')) {
    if (segment === '') return { ok: false, status: 403, reason: 'empty or absolute path segment' };
    if (segment.startsWith('.')) return { ok: false, status: 403, reason: 'dot segment or hidden file' };
  }

  const root = resolve(rootDir);
  const filePath = resolve(root, decoded);
  // Belt and braces: whatever the checks above missed, the result must still be inside root.
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

/**
 * The dev server origin to trust, from electron-vite's ELECTRON_RENDERER_URL. Only honoured for
 * an unpackaged app and only for a loopback http URL: a packaged app must never be pointed at a
 * remote page by an environment variable.
 */
export function devServerOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || rendererUrl === undefined || rendererUrl === '') return null;
  let url: URL;
  try {
    url = new URL(rendererUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Non-special schemes (app:) report origin "null"; rebuild it from the parts we compare.
    return parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host.toLowerCase()}` : parsed.origin;
  } catch {
    return null;
  }
}

/** Whether a URL belongs to our own page: app://clashless, or the trusted dev server. */
export function isOwnPageUrl(url: string, devOrigin: string | null): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin);
}

/**
 * Whether the main session may load this URL at all (webRequest guard). The app makes no network
 * requests: only its own page, inline data: images and, while developing, the dev server (http
 * and its hot-reload WebSocket) and the DevTools front end.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null): boolean {
  if (isOwnPageUrl(url, devOrigin)) return true;
  if (url.startsWith('data:')) return true;
  if (devOrigin !== null) {
    if (url.startsWith('devtools://')) return true;
    const socketOrigin = devOrigin.replace(/^http:/, 'ws:');
    if (originOf(url) === socketOrigin) return true;
  }
  return false;
}
