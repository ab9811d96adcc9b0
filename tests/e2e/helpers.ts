// End-to-end plumbing: the real browser host (the same services and store the app uses) on a
// temporary database, and Debian's Chromium driven by playwright-core. No browser is ever
// downloaded, and every request the page makes off 127.0.0.1 is recorded so tests can assert the
// app stays offline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Channel, Request, Responses } from '../../src/shared/contract.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CLASHLESS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];
const URL_LINE = /Clashless is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

/** Build the renderer once if `out/renderer` is missing (the host serves the built files). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return;
  const result = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build:renderer failed:\n${result.stdout}\n${result.stderr}`);
}

export interface Host {
  /** The page URL with its token: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  dbPath: string;
  /** Stop the host process and leave its files (to start another host on the same database). */
  kill(): Promise<void>;
  /** Stop the host and delete the temporary folder it made (none when it was given a database). */
  stop(): Promise<void>;
}

/**
 * Start the browser host on a free port with a fresh database (seeded on first run), or on the
 * database another host used (`dbPath`), as a person restarting `npm run web` would.
 */
export async function startHost(opts: { dbPath?: string } = {}): Promise<Host> {
  ensureRendererBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const dir = opts.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'clashless-e2e-')) : null;
  const dbPath = opts.dbPath ?? join(dir as string, 'plan.db');
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(ROOT, 'src', 'web', 'main.ts'), '--db', dbPath, '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  const url = await waitForUrl(child);
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return {
    url,
    origin: new URL(url).origin,
    dbPath,
    kill,
    async stop() {
      await kill();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    }
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the browser host printed no URL within 60 s:\n${output}`)), 60_000);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`the browser host exited (${code}) before it was ready:\n${output}`)));
  });
}

export interface AppPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page made to anything but the host on 127.0.0.1. */
  externalRequests: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The computer's zone as the page sees it (Intl and Date). */
  timezoneId?: string;
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

/** Launch Chromium, open the app and wait until the catalog has loaded. */
export async function openApp(host: Host, opts: OpenOptions = {}): Promise<AppPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: 'en-US',
    timezoneId: opts.timezoneId ?? 'America/Denver',
    colorScheme: opts.colorScheme ?? 'light'
  });
  const externalRequests: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return;
    if (url.hostname !== '127.0.0.1') externalRequests.push(request.url());
  });
  const page = await context.newPage();
  await page.goto(host.url);
  await sessionsList(page).getByRole('listitem').first().waitFor();
  return {
    browser,
    context,
    page,
    externalRequests,
    async close() {
      await context.close();
      await browser.close();
    }
  };
}

/** Show a conference (by its title in the switcher) and wait until its catalog is in. */
export async function chooseConference(page: Page, title: string, sessionCount: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: title });
  await page.waitForFunction(
    (count) => document.querySelector('[role="list"][aria-label="Sessions"] [role="listitem"]')?.getAttribute('aria-setsize') === String(count),
    sessionCount,
    { timeout: 15_000 }
  );
}

export function sessionsList(page: Page): Locator {
  return page.getByRole('list', { name: 'Sessions' });
}

/** The catalog entry whose accessible name starts with the title. */
export function catalogEntry(page: Page, title: string): Locator {
  return sessionsList(page).getByRole('listitem', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

export function dayColumn(page: Page, fullDate: string): Locator {
  return page.getByRole('group', { name: fullDate, exact: true });
}

/** A planned block (a button) whose name starts with the title. */
export function planBlock(scope: Page | Locator, title: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} has no box (not visible)`);
  return b;
}

/** Press, travel in several steps (as a hand would) and release. */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Wait until the locator's accessible name matches (names change after the services answer). */
export async function waitForName(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.getAttribute('aria-label').catch(() => null)) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`name never matched ${pattern}; last was “${last}”`);
}

/** Call a service the way the page does (same token, same host), to check what the store holds. */
export async function callApi<C extends Channel>(page: Page, channel: C, request: Request<C>): Promise<Responses[C]> {
  return page.evaluate(
    async ({ channel, request }) => {
      const token = sessionStorage.getItem('clashless.token') ?? '';
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Clashless-Token': token },
        body: JSON.stringify(request)
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message ?? 'api call failed');
      return body.value;
    },
    { channel, request }
  ) as Promise<Responses[C]>;
}

/** Import 38C3 (the real frab schedule in tests/fixtures/peer) through the API; its sessions, in start order. */
export async function import38c3(page: Page): Promise<{ conferenceId: number; sessions: Responses['session.list'] }> {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'peer', 'frab-xml', '38c3_2025-12-06.xml'), 'utf8');
  const report = await callApi(page, 'import.commit', { text, fileName: '38c3.xml', format: 'frab-xml' });
  const sessions = (await callApi(page, 'session.list', { conferenceId: report.conferenceId, limit: 100_000 })).sort(
    (a, b) => a.start - b.start || a.id - b.id
  );
  return { conferenceId: report.conferenceId, sessions };
}

export const KUBECON = 'KubeCon + CloudNativeCon North America 2024';

export interface KubeconApp {
  host: Host;
  app: AppPage;
  page: Page;
  /** The seeded KubeCon's id. */
  conferenceId: number;
}

/** A fresh host and page showing the seeded KubeCon (18 sessions, America/Denver). */
export async function openKubecon(opts: OpenOptions = {}): Promise<KubeconApp> {
  const host = await startHost();
  const app = await openApp(host, { timezoneId: 'America/Denver', ...opts });
  await chooseConference(app.page, KUBECON, 18);
  const kubecon = (await callApi(app.page, 'conference.list', {})).find((c) => c.title === KUBECON);
  if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
  return { host, app, page: app.page, conferenceId: kubecon.id };
}

export interface With38c3 {
  host: Host;
  app: AppPage;
  page: Page;
  conferenceId: number;
  /** 38C3's sessions in start order. */
  sessions: Responses['session.list'];
  close(): Promise<void>;
}

/** A fresh host and page (computer in Berlin) with 38C3 imported and shown. */
export async function openWith38c3(opts: OpenOptions = {}): Promise<With38c3> {
  const host = await startHost();
  const app = await openApp(host, { timezoneId: 'Europe/Berlin', width: 1280, height: 800, ...opts });
  const { conferenceId, sessions } = await import38c3(app.page);
  await chooseConference(app.page, '38C3', sessions.length);
  return {
    host,
    app,
    page: app.page,
    conferenceId,
    sessions,
    async close() {
      await app.close();
      await host.stop();
    }
  };
}
