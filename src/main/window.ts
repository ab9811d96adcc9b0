// The window and everything that keeps it safe: the app:// protocol that serves the built
// renderer with our CSP, the main window's web preferences, the navigation / new-window /
// permission guards, the network block, and the hidden window that turns an agenda into a PDF.
//
// Policy (Electron's security checklist): sandboxed, context-isolated renderers without Node; our
// own page only (app://clashless, or the loopback dev server while developing); no navigation
// away, no new windows (http(s) links go to the OS browser), no permissions, no <webview>, and no
// network requests at all.
import { readFile } from 'node:fs/promises';
import { BrowserWindow, session as electronSession } from 'electron';
import type { Protocol, Session, WebContents } from 'electron';
import { isExternalLinkAllowed } from '../shared/contract.ts';
import { APP_HOST, APP_SCHEME, isAllowedRequestUrl, isOwnPageUrl, resolveAppRequest } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './csp.ts';

/** Must run before the app is ready: makes app:// a standard, secure origin with fetch support. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ]);
}

function securityHeaders(contentType: string, csp: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache'
  };
}

/** Serve app://clashless/… from the built renderer folder; every response carries the CSP. */
export function serveAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (!resolved.ok) {
      return new Response(`Not available (${resolved.reason}).`, {
        status: resolved.status,
        headers: securityHeaders('text/plain; charset=utf-8', CONTENT_SECURITY_POLICY)
      });
    }
    try {
      const body = await readFile(resolved.filePath);
      return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(resolved.mimeType, CONTENT_SECURITY_POLICY) });
    } catch {
      return new Response('Not found.', { status: 404, headers: securityHeaders('text/plain; charset=utf-8', CONTENT_SECURITY_POLICY) });
    }
  });
}

/**
 * Lock the main session down: deny every permission request and check, refuse device access,
 * cancel every request that is not for our own page, and (in development) put the CSP on the
 * dev server's responses.
 */
export function lockDownSession(ses: Session, devOrigin: string | null): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) });
  });
  if (devOrigin !== null) {
    const csp = contentSecurityPolicy(devOrigin);
    ses.webRequest.onHeadersReceived((details, callback) => {
      const headers = { ...details.responseHeaders };
      if (isOwnPageUrl(details.url, devOrigin)) headers['Content-Security-Policy'] = [csp];
      callback({ responseHeaders: headers });
    });
  }
}

/**
 * Guards for any web contents the app creates (installed from app 'web-contents-created'): no
 * navigation or redirect away from our page, no new windows, no <webview>.
 */
export function guardWebContents(contents: WebContents, devOrigin: string | null, openExternal: (url: string) => void): void {
  const stayHome = (event: { preventDefault(): void; url: string }): void => {
    if (!isOwnPageUrl(event.url, devOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayHome(event));
  contents.on('will-frame-navigate', (event) => stayHome(event));
  contents.on('will-redirect', (event) => stayHome(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Every window's renderer: isolated, sandboxed, no Node, no webviews, no insecure content. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const;

export interface MainWindowOptions {
  preloadPath: string;
  /** app://clashless/index.html, or the dev server URL. */
  url: string;
  backgroundColor: string;
  title: string;
  icon?: string | undefined;
}

/** The one window. Shown only when its first paint is ready, so there is no blank flash. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: options.backgroundColor,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      ...LOCKED_DOWN,
      preload: options.preloadPath
    }
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}

const PRINT_PARTITION = 'clashless-print';
const PRINT_URL = `${APP_SCHEME}://${APP_HOST}/print.html`;
let printQueue: Promise<unknown> = Promise.resolve();

/**
 * Render an HTML document to PDF bytes in a hidden, sandboxed window with JavaScript off, in its
 * own in-memory session that can load nothing but the document itself. Calls are queued: the
 * print session serves one document at a time.
 */
export function renderHtmlToPdf(html: string): Promise<Uint8Array> {
  const job = printQueue.then(() => renderOne(html));
  printQueue = job.catch(() => undefined);
  return job;
}

async function renderOne(html: string): Promise<Uint8Array> {
  const ses = electronSession.fromPartition(PRINT_PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url === PRINT_URL || details.url.startsWith('data:')) });
  });
  if (ses.protocol.isProtocolHandled(APP_SCHEME)) ses.protocol.unhandle(APP_SCHEME);
  ses.protocol.handle(APP_SCHEME, (request) =>
    request.url === PRINT_URL
      ? new Response(html, { status: 200, headers: securityHeaders('text/html; charset=utf-8', PRINT_CONTENT_SECURITY_POLICY) })
      : new Response(null, { status: 404 })
  );
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    webPreferences: {
      session: ses,
      javascript: false,
      ...LOCKED_DOWN
    }
  });
  try {
    await window.loadURL(PRINT_URL);
    const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    ses.protocol.unhandle(APP_SCHEME);
  }
}
