// Worker: first_view_ms, week_render_ms and drag_frame_p95_ms — the real renderer, built by the
// project's build and served by the real browser host, driven by Playwright in Debian's Chromium.
// Figures come from what the renderer publishes (clashless:week-painted marks and
// clashless:drag-frame measures) plus long tasks; when the renderer does not publish them the
// figure is reported missing with the reason, never estimated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureRendererBuilt, startHost, type RunningHost } from './lib/host.ts';
import {
  CLICK_UNTIL_MARK,
  CLEAR_DRAG_FRAMES,
  CONFERENCE_OPTIONS,
  GEOMETRY,
  INSTRUMENT,
  NAVIGATE,
  READ_DRAG,
  READ_FIRST_VIEW,
  inPage,
  type ClickTiming,
  type DragGeometry,
  type FirstView,
  type Rect,
  type Timed,
  type WeekStep
} from './lib/page-scripts.ts';
import { FIXTURE_38C3, SEED_DIR } from './lib/paths.ts';
import { percentile, round, median } from './lib/stats.ts';
import { pastDeadline } from './lib/run-plan.ts';
import { runWorker, type WorkerContext } from './lib/worker.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'
];
const VIEWPORT = { width: 1440, height: 900 };
const PLANNED = 300;

/** Seeds (first run) + 38C3 + 300 planned sessions spread over the congress, through the services. */
async function prepare38c3(dbPath: string): Promise<{ title: string; planned: number; sessions: number }> {
  const { openBackend } = await import('../src/main/backend.ts');
  const host = openBackend({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: true });
  try {
    const text = readFileSync(FIXTURE_38C3, 'utf8');
    const report = await host.api['import.commit']({ text, fileName: '38c3_2025-12-06.xml', format: 'frab-xml' });
    const sessions = (await host.api['session.list']({ conferenceId: report.conferenceId, limit: 100_000 }))
      .filter((s) => s.status === 'scheduled')
      .sort((a, b) => a.start - b.start || a.id - b.id);
    const step = sessions.length / PLANNED;
    const ids = Array.from({ length: Math.min(PLANNED, sessions.length) }, (_, i) => sessions[Math.floor(i * step)]!.id);
    await host.api['plan.add']({ sessionIds: ids });
    const conference = (await host.api['conference.list']({})).find((c) => c.id === report.conferenceId);
    return { title: conference?.title ?? '', planned: ids.length, sessions: report.total };
  } finally {
    host.close();
  }
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

/**
 * Poll from Node until the first view is there (the times themselves are taken in the page, so
 * polling does not blur them). Not page.waitForFunction: it evaluates strings in the page, which
 * the app's CSP (no unsafe-eval) rightly refuses.
 */
async function waitForFirstView(page: Page, timeoutMs = 15_000): Promise<FirstView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = await inPage<FirstView>(page, READ_FIRST_VIEW);
    if ((view.paintedAt !== null && view.rowsAt !== null) || Date.now() > until) return view;
    await page.waitForTimeout(50);
  }
}

async function measureFirstView(ctx: WorkerContext, browser: Browser, host: RunningHost): Promise<void> {
  const samples: number[] = [];
  for (let i = -1; i < 5; i++) {
    const { page, close } = await openPage(browser, host.url);
    const view = await waitForFirstView(page);
    await close();
    if (view.paintedAt === null) throw new Error('no clashless:week-painted mark with day columns within 15 s of page load');
    if (view.rowsAt === null) throw new Error('the catalog showed no session rows within 15 s of page load');
    if (i >= 0) samples.push(Math.max(view.paintedAt, view.rowsAt));
    if (samples.length > 0 && pastDeadline()) break;
  }
  ctx.record('first_view_ms', samples, {
    note: `navigation start → week painted with day columns and catalog rows shown; seed data; host started in ${round(host.startMs)} ms`
  });
}

async function selectConference(page: Page, title: string): Promise<{ value: string; others: string[] }> {
  const options = await inPage<{ value: string; text: string }[] | null>(page, CONFERENCE_OPTIONS);
  if (!options) throw new Error('no combobox named “Conference”');
  const target = options.find((o) => o.text.includes(title));
  if (!target) throw new Error(`the Conference combobox has no “${title}” (it has: ${options.map((o) => o.text).join(', ')})`);
  await navigate(page, { select: 'Conference', value: target.value }, 'selecting 38C3');
  return { value: target.value, others: options.filter((o) => o !== target && o.value !== '').map((o) => o.value) };
}

const QUIET_MS = 400;

async function navigate(page: Page, action: Record<string, string>, what: string): Promise<WeekStep & { ms: number }> {
  const step = await inPage<WeekStep>(page, NAVIGATE, { ...action, quietMs: QUIET_MS });
  if (step.error || step.ms === undefined) throw new Error(`${what}: ${step.error ?? 'no time'}`);
  return step as WeekStep & { ms: number };
}

/**
 * Navigate to a new week and time it to the last paint. When the conference fits one view (38C3
 * shows its four days at once) there is no other week to go to, so the navigation is switching
 * conference to 38C3 and back; only the switches into 38C3 (with its 300 planned) are the figure.
 */
async function measureWeekRender(ctx: WorkerContext, page: Page, chosen: { value: string; others: string[] }): Promise<void> {
  const hasWeeks = await page.evaluate<boolean>(`!!document.querySelector('button[aria-label="Next week"]:not([disabled])')`);
  const samples: number[] = [];
  const away: number[] = [];
  let staged = 0;
  let blocks = 0;
  if (hasWeeks) {
    for (let i = -2; i < 12; i++) {
      const step = await navigate(page, { button: i % 2 === 0 ? 'Next week' : 'Previous week' }, `week navigation ${i + 3}`);
      if (i >= 0) samples.push(step.ms);
      if ((step.marks ?? 1) > 1) staged++;
      blocks = Math.max(blocks, step.blocks ?? 0);
      if (samples.length > 0 && pastDeadline()) break;
    }
  } else {
    const other = chosen.others[0];
    if (other === undefined) throw new Error('38C3 fits one view and there is no other conference to switch to');
    for (let i = -1; i < 8; i++) {
      const out = await navigate(page, { select: 'Conference', value: other }, 'switching away from 38C3');
      const back = await navigate(page, { select: 'Conference', value: chosen.value }, 'switching to 38C3');
      if (i >= 0) {
        away.push(out.ms);
        samples.push(back.ms);
      }
      if ((back.marks ?? 1) > 1) staged++;
      blocks = Math.max(blocks, back.blocks ?? 0);
      if (samples.length > 0 && pastDeadline()) break;
    }
  }
  // A repaint with no data fetch at all: zoom in and out on 38C3.
  const zoom: number[] = [];
  for (let i = 0; i < 8 && !(i % 2 === 0 && pastDeadline()); i++) {
    const step = await inPage<WeekStep>(page, NAVIGATE, { button: i % 2 === 0 ? 'Zoom in' : 'Zoom out', quietMs: QUIET_MS });
    if (step.ms !== undefined) zoom.push(step.ms);
  }
  const how = hasWeeks
    ? 'next/previous week, click → last week-painted mark'
    : `38C3 shows all 4 days in one view, so: switch to 38C3 from another conference → last week-painted mark (switching away: median ${round(median(away))} ms)`;
  const parts = [
    how,
    `${blocks} plan blocks on screen`,
    staged > 0 ? `${staged} of ${samples.length + (hasWeeks ? 2 : 1)} navigations painted in stages (last paint counted)` : null,
    zoom.length ? `zoom repaint without fetching: median ${round(median(zoom))} ms` : 'zoom buttons not found'
  ];
  ctx.record('week_render_ms', samples, { note: parts.filter(Boolean).join('; ') });
}

function dragPath(from: Rect, columns: Rect[], moves: number): { x: number; y: number }[] {
  const first = columns[0] as Rect;
  const last = columns[columns.length - 1] as Rect;
  const top = Math.max(...columns.map((c) => c.y)) + 30;
  const bottom = Math.min(...columns.map((c) => c.y + c.h)) - 30;
  const startX = from.x + from.w / 2;
  const startY = from.y + Math.min(from.h / 2, 12);
  const path: { x: number; y: number }[] = [];
  for (let k = 1; k <= moves; k++) {
    const t = k / moves;
    // Out to the far column and back, wandering up and down: every column, many hours.
    const sweep = t < 0.5 ? t * 2 : 2 - t * 2;
    const x = first.x + first.w / 2 + sweep * (last.x + last.w / 2 - (first.x + first.w / 2));
    const y = top + (bottom - top) * (0.5 + 0.4 * Math.sin(t * Math.PI * 4));
    path.push(k <= 3 ? { x: startX + (x - startX) * (k / 3), y: startY + (y - startY) * (k / 3) } : { x, y });
  }
  return path;
}

async function drag(page: Page, from: Rect, columns: Rect[]): Promise<{ frames: Timed[]; longtasks: Timed[] }> {
  const since = await inPage<number>(page, CLEAR_DRAG_FRAMES);
  await page.mouse.move(from.x + from.w / 2, from.y + Math.min(from.h / 2, 12));
  await page.mouse.down();
  for (const p of dragPath(from, columns, 60)) {
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(16); // about one frame per move, as a hand drags
  }
  await page.keyboard.press('Escape'); // cancel: the plan stays as it was for the next round
  await page.mouse.up();
  await page.waitForTimeout(300);
  return inPage<{ frames: Timed[]; longtasks: Timed[] }>(page, READ_DRAG, since);
}

function describeLongTasks(tasks: Timed[], dragMs: number): string {
  if (tasks.length === 0) return 'no long tasks during drags';
  const atStart = tasks.filter((t) => t.at < 50).length;
  const atEnd = tasks.filter((t) => t.at > dragMs).length;
  const longest = Math.max(...tasks.map((t) => t.ms));
  return (
    `${tasks.length} long tasks during drags (${atStart} within 50 ms of pointerdown, ${atEnd} after the last move, ` +
    `${tasks.length - atStart - atEnd} while moving), longest ${round(longest)} ms, median ${round(median(tasks.map((t) => t.ms)))} ms`
  );
}

async function measureDrag(ctx: WorkerContext, page: Page): Promise<void> {
  const samples: number[] = [];
  const all = { block: [] as number[], catalog: [] as number[], longtasks: [] as Timed[], dragMs: 0 };
  for (let round = -1; round < 4; round++) {
    const index = round + 1;
    const geo = await inPage<DragGeometry>(page, GEOMETRY, { blockIndex: index * 7, rowIndex: index * 3 });
    if (geo.columns.length === 0) throw new Error('no visible day columns ([data-day]) to drag across');
    if (!geo.block) throw new Error('no visible planned block (button[data-item-id]) to drag');
    const block = await drag(page, geo.block, geo.columns);
    const geo2 = await inPage<DragGeometry>(page, GEOMETRY, { blockIndex: index * 7, rowIndex: index * 3 });
    const catalog = geo2.row ? await drag(page, geo2.row, geo2.columns) : { frames: [], longtasks: [] };
    if (block.frames.length === 0) throw new Error('dragging a planned block produced no clashless:drag-frame measures');
    const frames = [...block.frames, ...catalog.frames].map((f) => f.ms);
    if (round >= 0) {
      samples.push(percentile(frames, 95));
      all.block.push(...block.frames.map((f) => f.ms));
      all.catalog.push(...catalog.frames.map((f) => f.ms));
      all.longtasks.push(...block.longtasks, ...catalog.longtasks);
      all.dragMs = Math.max(all.dragMs, ...block.frames.map((f) => f.at), ...catalog.frames.map((f) => f.at));
    }
    if (samples.length > 0 && pastDeadline()) break;
  }
  const p95 = (xs: number[]) => (xs.length ? `${round(percentile(xs, 95))} ms` : 'none');
  ctx.record('drag_frame_p95_ms', samples, {
    note:
      `${all.block.length + all.catalog.length} frames; p95 planned block ${p95(all.block)} (${all.block.length} frames), ` +
      `catalog entry ${p95(all.catalog)} (${all.catalog.length}); median frame ${round(median([...all.block, ...all.catalog]))} ms; ` +
      describeLongTasks(all.longtasks, all.dragMs)
  });
}

async function click(page: Page, name: string, mark: string): Promise<Required<Pick<ClickTiming, 'ms' | 'longestTaskMs'>>> {
  const t = await inPage<ClickTiming>(page, CLICK_UNTIL_MARK, { name, mark, timeoutMs: 60_000 });
  if (t.error || t.ms === undefined) throw new Error(`${name}: ${t.error ?? 'no time'}`);
  return { ms: t.ms, longestTaskMs: t.longestTaskMs ?? 0 };
}

/**
 * The Clashes panel and "Resolve all by priority" with 300 planned: click → painted, and the
 * longest main-thread task during those and a week switch (conference away and back).
 */
async function measureClashPanel(ctx: WorkerContext, page: Page, chosen: { value: string; others: string[] }): Promise<void> {
  const panel: number[] = [];
  const resolve: number[] = [];
  const longest: number[] = [];
  for (let i = -1; i < 6; i++) {
    const open = await click(page, 'Clashes', 'clashless:clash-panel-painted');
    const preview = await click(page, 'Resolve all by priority', 'clashless:resolve-all-painted');
    await inPage(page, `() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel')?.click()`);
    // Close the panel again (the badge toggles it) so the next round opens it afresh.
    await inPage(page, `() => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') || '').startsWith('Clashes'))?.click()`);
    await page.waitForTimeout(200);
    const since = await page.evaluate<number>('performance.now()');
    const other = chosen.others[0];
    if (other !== undefined) {
      await navigate(page, { select: 'Conference', value: other }, 'switching away from 38C3');
      await navigate(page, { select: 'Conference', value: chosen.value }, 'switching to 38C3');
    }
    const switchTask = await page.evaluate<number>(
      `Math.max(0, ...window.__clashlessBench.longtasks.filter((t) => t.start >= ${since}).map((t) => t.duration))`
    );
    if (i >= 0) {
      panel.push(open.ms);
      resolve.push(preview.ms);
      longest.push(Math.max(open.longestTaskMs, preview.longestTaskMs, switchTask));
    }
    if (panel.length > 0 && pastDeadline()) break;
  }
  ctx.record('clash_panel_300_ms', panel, { note: 'click the Clashes badge → clashless:clash-panel-painted (first page of cards drawn)' });
  ctx.record('resolve_all_300_ms', resolve, { note: 'click Resolve all by priority → clashless:resolve-all-painted' });
  ctx.record('long_task_300_max_ms', longest, {
    note: 'per round, the longest long task while opening the panel, previewing resolve-all and switching conference away and back'
  });
}

await runWorker(async (ctx) => {
  const names = ['first_view_ms', 'week_render_ms', 'drag_frame_p95_ms', 'clash_panel_300_ms', 'resolve_all_300_ms', 'long_task_300_max_ms'] as const;
  try {
    ctx.note(ensureRendererBuilt());
  } catch (err) {
    for (const n of names) ctx.missing(n, err instanceof Error ? err.message : String(err));
    return;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    const why = `Chromium did not start (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); install it with apt-get install chromium`;
    for (const n of names) ctx.missing(n, why);
    return;
  }
  const hosts: RunningHost[] = [];
  try {
    await ctx.attempt(['first_view_ms'], async () => {
      const host = await startHost(join(ctx.shared, 'renderer-seed.db'));
      hosts.push(host);
      await measureFirstView(ctx, browser, host);
    });
    await ctx.attempt(['week_render_ms', 'drag_frame_p95_ms', 'clash_panel_300_ms', 'resolve_all_300_ms', 'long_task_300_max_ms'], async () => {
      const dbPath = join(ctx.shared, 'renderer-38c3.db');
      const prepared = await prepare38c3(dbPath);
      ctx.note(`38C3 (${prepared.sessions} sessions) imported with the seeds, ${prepared.planned} planned`);
      const host = await startHost(dbPath);
      hosts.push(host);
      const { page, close } = await openPage(browser, host.url);
      try {
        const view = await waitForFirstView(page);
        if (view.paintedAt === null) throw new Error('no clashless:week-painted mark with day columns within 15 s of page load');
        const chosen = await selectConference(page, prepared.title);
        await ctx.attempt(['week_render_ms'], () => measureWeekRender(ctx, page, chosen));
        await ctx.attempt(['drag_frame_p95_ms'], () => measureDrag(ctx, page));
        await ctx.attempt(['clash_panel_300_ms', 'resolve_all_300_ms', 'long_task_300_max_ms'], () => measureClashPanel(ctx, page, chosen));
      } finally {
        await close();
      }
    });
  } finally {
    await browser.close();
    for (const h of hosts) await h.stop();
  }
}, { ownCpu: false });
