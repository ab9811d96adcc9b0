// Loads the BUILT Electron main bundle (out/main/index.js) in a Node child process where
// `electron` resolves to a recording stub (tests/fixtures/electron-stub), with the real services
// and SQLite behind it, and checks what it wired up: every IPC channel, the window's secure
// settings, the app:// protocol and its CSP, the navigation/permission/network guards, the menu,
// and the refusals (foreign sender, bad payload). Also checks the built preload and the
// packaging config. The Electron binary itself cannot run here.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, EVENT_NAMES, DESKTOP_CHANNELS } from '../../src/shared/contract.ts';
import { BUILT_PRELOAD_DIR, REPO, startBuiltMain } from '../fixtures/electron-stub/harness.ts';
import type { BuiltMain } from '../fixtures/electron-stub/harness.ts';

let main: BuiltMain;
let work: string;
let snapshot: any;
const call: BuiltMain['call'] = (op, args) => main.call(op, args);

beforeAll(async () => {
  main = await startBuiltMain();
  work = main.work;
  snapshot = await call('ready');
});

afterAll(async () => {
  await main?.stop();
});

describe('the built main bundle starts', () => {
  it('starts without an error dialog and names the app', () => {
    expect(snapshot.errorBoxes).toEqual([]);
    expect(snapshot.name).toBe('Clashless');
    expect(snapshot.singleInstanceLockRequested).toBe(true);
    expect(snapshot.sandboxEnabled).toBe(true);
  });

  it('keeps its database in the userData folder', async () => {
    const info = await call('invoke', { channel: 'app.info', payload: {} });
    expect(info.ok).toBe(true);
    expect(info.value.dbPath).toBe(join(work, 'userData', 'clashless.db'));
    expect(existsSync(join(work, 'userData', 'clashless.db'))).toBe(true);
  });

  it('registers app:// as a privileged standard secure scheme before ready, and serves it', () => {
    expect(snapshot.schemesRegisteredBeforeReady).toBe(true);
    expect(snapshot.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
    ]);
    expect(snapshot.protocolSchemes).toContain('app');
  });

  it('registers a handler for every contract channel and nothing else', () => {
    expect([...snapshot.ipcChannels].sort()).toEqual([...CHANNELS, ...DESKTOP_CHANNELS].sort());
  });
});

describe('the main window', () => {
  it('has exactly the secure web preferences, with the built CommonJS preload', () => {
    const prefs = snapshot.window.options.webPreferences;
    const { preload, ...rest } = prefs;
    expect(rest).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    });
    expect(preload).toBe(join(work, 'out/preload/index.cjs'));
    expect(existsSync(preload)).toBe(true);
  });

  it('opens hidden with a sensible size and shows on ready-to-show', async () => {
    const { options, shown, readyToShowListeners } = snapshot.window;
    expect(options).toMatchObject({ show: false, width: 1280, height: 800, minWidth: 900, minHeight: 600 });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(shown).toBe(false);
    expect(readyToShowListeners).toBe(1);
    await expect(call('readyToShow')).resolves.toEqual({ shown: true });
  });

  it('loads the app from app://clashless', () => {
    expect(snapshot.window.loadedURLs).toEqual(['app://clashless/index.html']);
  });
});

describe('the app:// protocol', () => {
  it('serves the renderer with the right type and the CSP on every response', async () => {
    const page = await call('protocol', { url: 'app://clashless/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Clashless</title>');
    const script = await call('protocol', { url: 'app://clashless/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const missing = await call('protocol', { url: 'app://clashless/assets/nope.js' });
    expect(missing.status).toBe(404);
    for (const response of [page, script, missing]) {
      const csp: string = response.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/https?:|wss?:|\*/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it.each([
    'app://clashless/../secret.txt',
    'app://clashless/%2e%2e%2fsecret.txt',
    'app://clashless/..%5csecret.txt',
    'app://clashless//etc/passwd',
    'app://clashless/index.html%00.js'
  ])('refuses %s', async (url) => {
    const response = await call('protocol', { url });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain('TOP SECRET');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('guards', () => {
  it('denies every permission request, check and device', async () => {
    expect(snapshot.defaultSession).toMatchObject({
      permissionRequestHandlerSet: true,
      permissionCheckHandlerSet: true,
      devicePermissionHandlerSet: true
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      await expect(call('permission', { permission })).resolves.toEqual({ granted: false, checked: false, device: false });
    }
  });

  it('denies window.open and sends http(s) links to the OS browser only', async () => {
    const web = await call('windowOpen', { url: 'https://example.com/talk/42' });
    expect(web).toEqual({ result: { action: 'deny' }, openedExternal: ['https://example.com/talk/42'] });
    const file = await call('windowOpen', { url: 'file:///etc/passwd' });
    expect(file).toEqual({ result: { action: 'deny' }, openedExternal: [] });
    const script = await call('windowOpen', { url: 'javascript:alert(1)' });
    expect(script).toEqual({ result: { action: 'deny' }, openedExternal: [] });
  });

  it('prevents navigation and redirects away from app://clashless', async () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      await expect(call('navigate', { event, url: 'https://example.com' })).resolves.toEqual({ prevented: true });
      await expect(call('navigate', { event, url: 'file:///etc/passwd' })).resolves.toEqual({ prevented: true });
      await expect(call('navigate', { event, url: 'app://clashless/index.html#/week' })).resolves.toEqual({ prevented: false });
    }
  });

  it('refuses to attach a <webview>', async () => {
    await expect(call('attachWebview')).resolves.toEqual({ prevented: true });
  });

  it('cancels every network request that is not for the app itself', async () => {
    expect(snapshot.defaultSession.beforeRequestSet).toBe(true);
    await expect(call('request', { url: 'https://example.com/tracker.js' })).resolves.toEqual({ cancel: true });
    await expect(call('request', { url: 'http://localhost:5173/' })).resolves.toEqual({ cancel: true });
    await expect(call('request', { url: 'file:///etc/passwd' })).resolves.toEqual({ cancel: true });
    await expect(call('request', { url: 'app://clashless/assets/app.js' })).resolves.toEqual({ cancel: false });
  });
});

describe('IPC refusals', () => {
  it.each(['foreign-process', 'subframe', 'foreign-url', 'null'])('answers forbidden to a %s sender', async (sender) => {
    const reply = await call('invoke', { channel: 'conference.list', payload: {}, sender });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const host = await call('invoke', { channel: 'desktop.openExternal', payload: { url: 'https://example.com/' }, sender });
    expect(host).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers bad-request to a bad payload and does not run the service', async () => {
    const before = await call('invoke', { channel: 'conference.list', payload: {} });
    expect(before.ok).toBe(true);
    expect(before.value.length).toBeGreaterThan(0);
    const target = before.value[0].id;
    for (const payload of [{ conferenceId: String(target) }, { conferenceId: target, extra: true }, { conferenceId: -1 }, null, 'x']) {
      const reply = await call('invoke', { channel: 'conference.remove', payload });
      expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(JSON.stringify(reply)).not.toMatch(/\n\s+at /);
    }
    const after = await call('invoke', { channel: 'conference.list', payload: {} });
    expect(after.value).toEqual(before.value);
  });

  it('answers a trusted, valid request with the value', async () => {
    const reply = await call('invoke', { channel: 'session.list', payload: { limit: 3 } });
    expect(reply.ok).toBe(true);
    expect(reply.value.length).toBeLessThanOrEqual(3);
  });

  it('refuses an external link that is not http(s) without opening anything', async () => {
    const reply = await call('invoke', { channel: 'desktop.openExternal', payload: { url: 'file:///etc/passwd' } });
    expect(reply).toEqual({ ok: true, value: { opened: false } });
  });
});

describe('printing an agenda to PDF', () => {
  it('renders in a hidden sandboxed window without JavaScript and saves where the person chose', async () => {
    const target = join(work, 'agenda.pdf');
    await call('answerSaveDialog', { filePath: target });
    const html = '<!doctype html><title>Agenda</title><h1>Tuesday</h1><script>alert(1)</script>';
    const reply = await call('invoke', { channel: 'desktop.printPdf', payload: { fileName: 'agenda.html', html } });
    await call('answerSaveDialog', { filePath: null });
    expect(reply).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target, 'utf8')).toMatch(/^%PDF-/);

    const [printWindow, ...more] = await call('otherWindows');
    expect(more).toEqual([]);
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      session: 'clashless-print'
    });
    expect(printWindow.options.webPreferences.preload).toBeUndefined();
    expect(printWindow.guarded).toBe(true);
    expect(printWindow.destroyed).toBe(true);
    // The document is served from memory with a policy that allows no script and no load.
    expect(printWindow.loadedResponse.body).toBe(html);
    expect(printWindow.loadedResponse.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(printWindow.loadedResponse.headers['content-security-policy']).not.toContain('script-src');
  });

  it('lets the print session load nothing but the document and inline images', async () => {
    const ask = (url: string) => call('sessionRequest', { partition: 'clashless-print', url });
    await expect(ask('app://clashless/print.html')).resolves.toEqual({ cancel: false });
    await expect(ask('data:image/png;base64,AAAA')).resolves.toEqual({ cancel: false });
    await expect(ask('https://example.com/pixel.gif')).resolves.toEqual({ cancel: true });
    await expect(ask('file:///etc/passwd')).resolves.toEqual({ cancel: true });
    await expect(ask('app://clashless/index.html')).resolves.toEqual({ cancel: true });
  });
});

describe('menu and events', () => {
  it('installs the native menu with the File, Edit and View commands', () => {
    expect(snapshot.applicationMenuSet).toBe(true);
    const labels = snapshot.menuTemplate.map((m: any) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/File/), expect.stringMatching(/Edit/), expect.stringMatching(/View/)]));
  });

  it('turns a menu click into a menu.command event sent to the window', async () => {
    const sent = await call('menuClick', { itemId: 'import' });
    expect(sent).toEqual([{ channel: 'event', args: ['menu.command', { command: 'import' }] }]);
    expect(EVENT_NAMES).toContain('menu.command');
  });

  it('imports a schedule file handed over by a second launch through a file.opened event', async () => {
    await call('didFinishLoad');
    const file = join(work, 'handed-over.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const sent = await call('secondInstance', { argv: ['/opt/Clashless/clashless', '.', file], waitForEvent: 'file.opened' });
    const opened = sent.find((m: any) => m.args[0] === 'file.opened');
    expect(opened.args[1].fileName).toBe('handed-over.ics');
    // The import decoder normalises line endings.
    expect(opened.args[1].text.replace(/\r\n/g, '\n')).toBe('BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n');
  });
});

describe('the built preload', () => {
  const files = (): string[] => readdirSync(BUILT_PRELOAD_DIR);
  const code = (): string => readFileSync(join(BUILT_PRELOAD_DIR, 'index.cjs'), 'utf8');

  it('is one CommonJS file that requires nothing but electron', () => {
    expect(files().filter((f) => /\.(c|m)?js$/.test(f))).toEqual(['index.cjs']);
    const source = code();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/import\.meta/);
    const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    // Only the contract's names are inlined, not the schema library.
    expect(source).not.toMatch(/zod|safeParse/i);
    // Compiles as a CommonJS function body: any ESM syntax would throw here.
    expect(() => compileFunction(source, ['require', 'module', 'exports'])).not.toThrow();
  });

  it('exposes exactly the contract as named functions and unwraps results', async () => {
    const exposed = new Map<string, any>();
    const invoked: Array<[string, unknown]> = [];
    const listeners: Array<(...args: unknown[]) => void> = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push([channel, payload]);
          return channel === 'session.get'
            ? { ok: false, error: { code: 'not-found', message: 'No session with id 9.', where: 'field sessionId' } }
            : { ok: true, value: { channel } };
        },
        on: (_channel: string, listener: (...args: unknown[]) => void) => listeners.push(listener),
        removeListener: (_channel: string, listener: (...args: unknown[]) => void) => listeners.splice(listeners.indexOf(listener), 1)
      }
    };
    const module = { exports: {} };
    const run = compileFunction(code(), ['require', 'module', 'exports', 'process']);
    run(
      (name: string) => {
        if (name !== 'electron') throw new Error(`the sandboxed preload cannot require ${name}`);
        return fakeElectron;
      },
      module,
      module.exports,
      { env: {} }
    );

    const api = exposed.get('api');
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'desktop', 'on'].sort());
    expect(Object.keys(api.desktop).sort()).toEqual([...DESKTOP_CHANNELS, 'kind'].sort());
    expect(api.desktop.kind).toBe('electron');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);

    await expect(api['plan.add']({ sessionIds: [1] })).resolves.toEqual({ channel: 'plan.add' });
    await expect(api.desktop['desktop.openFile']()).resolves.toEqual({ channel: 'desktop.openFile' });
    expect(invoked).toEqual([
      ['plan.add', { sessionIds: [1] }],
      ['desktop.openFile', {}]
    ]);
    await expect(api['session.get']({ sessionId: 9 })).rejects.toEqual({
      name: 'ClashlessError',
      code: 'not-found',
      message: 'No session with id 9.',
      where: 'field sessionId'
    });

    const seen: unknown[] = [];
    const off = api.on('plan.changed', (payload: unknown) => seen.push(payload));
    for (const listener of [...listeners]) {
      listener({}, 'data.changed', { conferenceId: 1 });
      listener({}, 'plan.changed', { conferenceId: 2 });
    }
    off();
    for (const listener of [...listeners]) listener({}, 'plan.changed', { conferenceId: 3 });
    expect(seen).toEqual([{ conferenceId: 2 }]);
    expect(listeners).toEqual([]);
    expect(() => api.on('no.such.event', () => undefined)).toThrow();
  });
});

describe('electron-builder.yml', () => {
  const yaml = readFileSync(join(REPO, 'electron-builder.yml'), 'utf8');
  /** The value of `key:` directly under the top-level `section:` (simple two-level YAML only). */
  function nested(section: string, key: string): string | undefined {
    const block = new RegExp(`^${section}:\\s*\\n((?:[ \\t]+.*\\n?|\\s*\\n)*)`, 'm').exec(yaml)?.[1] ?? '';
    return new RegExp(`^[ \\t]+${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(block)?.[1];
  }
  function topLevel(key: string): string | undefined {
    return new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(yaml)?.[1];
  }

  it('never rebuilds native modules and unpacks them from the asar', () => {
    expect(topLevel('npmRebuild')).toBe('false');
    expect(yaml).toMatch(/^asarUnpack:\s*\n\s+- "\*\*\/\*\.node"/m);
  });

  it('sets the Electron fuses that close the Node back doors', () => {
    expect(nested('electronFuses', 'runAsNode')).toBe('false');
    expect(nested('electronFuses', 'enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(nested('electronFuses', 'enableNodeCliInspectArguments')).toBe('false');
    expect(nested('electronFuses', 'onlyLoadAppFromAsar')).toBe('true');
    expect(nested('electronFuses', 'enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(nested('electronFuses', 'enableCookieEncryption')).toBe('true');
  });

  it('names the app and ships the built app and the seed schedules', () => {
    expect(topLevel('appId')).toBe('dev.clashless.app');
    expect(topLevel('productName')).toBe('Clashless');
    expect(yaml).toMatch(/^files:\s*\n\s+- out\/\*\*\n\s+- package\.json/m);
    expect(yaml).toMatch(/^extraResources:\s*\n\s+- from: seed\/\n\s+to: seed/m);
    expect(nested('linux', 'category')).toBe('Office');
  });

  it('points at icons that exist', () => {
    for (const file of ['resources/icon.icns', 'resources/icon.ico', 'resources/icon.png', 'resources/icons/16x16.png', 'resources/icons/1024x1024.png']) {
      expect(existsSync(join(REPO, file)), file).toBe(true);
    }
    expect(nested('mac', 'icon')).toBe('resources/icon.icns');
    expect(nested('win', 'icon')).toBe('resources/icon.ico');
    expect(nested('linux', 'icon')).toBe('resources/icons');
  });
});
