// Scripts the bench runs inside the page. They are plain JavaScript source (the bench is
// type-checked against Node, not the DOM) and only read what the renderer publishes: the
// `clashless:week-painted` mark, `clashless:drag-frame` measures, long tasks, and the DOM.
import type { Page } from 'playwright-core';

/**
 * Installed before the app's own scripts. Wraps performance.mark to see the DOM at the instant
 * of each week-painted mark (an observer would see it a task later), collects long tasks, and
 * notes when the catalog first shows a session row.
 */
export const INSTRUMENT = `(() => {
  const bench = { marks: [], longtasks: [], rowsAt: null, waiters: [], named: {} };
  Object.defineProperty(window, '__clashlessBench', { value: bench });
  const original = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = original(name, options);
    const named = bench.named[name];
    if (named) {
      bench.named[name] = undefined;
      named(entry.startTime);
    }
    if (name === 'clashless:week-painted') {
      const record = {
        time: entry.startTime,
        days: document.querySelectorAll('[data-day]').length,
        blocks: document.querySelectorAll('[data-item-id]').length
      };
      bench.marks.push(record);
      const waiting = bench.waiters;
      bench.waiters = [];
      for (const resolve of waiting) resolve(record);
    }
    return entry;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const rows = new MutationObserver(() => {
    if (bench.rowsAt === null && document.querySelector('[data-session-id]')) {
      bench.rowsAt = performance.now();
      rows.disconnect();
    }
  });
  rows.observe(document, { childList: true, subtree: true });
})();`;

export interface ClickTiming {
  ms?: number;
  /** Longest long task from the click until the mark. */
  longestTaskMs?: number;
  error?: string;
}

/**
 * Click a button (by its accessible name's start, via aria-label or text) and time until the
 * renderer publishes the named mark — the panel or preview painted — with the longest long task
 * in between.
 */
export const CLICK_UNTIL_MARK = `async ({ name, mark, timeoutMs }) => {
  const b = window.__clashlessBench;
  const buttons = [...document.querySelectorAll('button')];
  const el = buttons.find((x) => (x.getAttribute('aria-label') || x.textContent || '').trim().startsWith(name));
  if (!el || el.disabled) return { error: 'no enabled “' + name + '” button' };
  const painted = new Promise((resolve) => { b.named[mark] = resolve; });
  const t0 = performance.now();
  el.click();
  const at = await Promise.race([painted, new Promise((r) => setTimeout(() => r(null), timeoutMs))]);
  if (at === null) return { error: 'no ' + mark + ' mark within ' + timeoutMs + ' ms' };
  await new Promise((r) => setTimeout(r, 50));
  const tasks = b.longtasks.filter((t) => t.start + t.duration >= t0 && t.start <= at);
  return { ms: at - t0, longestTaskMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0 };
}`;

/** Run `source` (a JS function expression) in the page with one JSON argument. */
export function inPage<T>(page: Page, source: string, arg: unknown = null): Promise<T> {
  return page.evaluate<T>(`(${source})(${JSON.stringify(arg)})`);
}

export interface FirstView {
  /** First week-painted mark with day columns on screen (ms after navigation start). */
  paintedAt: number | null;
  /** First catalog row on screen (ms after navigation start). */
  rowsAt: number | null;
}

export const READ_FIRST_VIEW = `() => {
  const b = window.__clashlessBench;
  const painted = b.marks.find((m) => m.days > 0);
  return { paintedAt: painted ? painted.time : null, rowsAt: b.rowsAt };
}`;

export interface WeekStep {
  ms?: number;
  firstMs?: number;
  marks?: number;
  days?: number;
  blocks?: number;
  error?: string;
}

/**
 * One navigation: press a button (by aria-label) or choose a <select> value, then wait for the
 * week-painted mark. The app may paint in stages (days first, then the plan when it arrives), so
 * the figure runs to the last paint before the page stays quiet for `quietMs`.
 */
export const NAVIGATE = `async ({ button, select, value, quietMs }) => {
  const b = window.__clashlessBench;
  let act;
  if (button) {
    const el = document.querySelector('button[aria-label="' + button + '"]');
    if (!el || el.disabled) return { error: 'no enabled “' + button + '” button' };
    act = () => el.click();
  } else {
    const el = document.querySelector('select[aria-label="' + select + '"]');
    if (!el) return { error: 'no “' + select + '” select' };
    act = () => { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); };
  }
  const nextMark = (ms) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    b.waiters.push((m) => { clearTimeout(timer); resolve(m); });
  });
  const t0 = performance.now();
  const pending = nextMark(5000);
  act();
  const first = await pending;
  if (!first) return { error: 'no clashless:week-painted mark within 5 s' };
  let last = first, marks = 1;
  for (let more = await nextMark(quietMs); more && more.time - t0 < 5000; more = await nextMark(quietMs)) {
    last = more;
    marks++;
  }
  return { ms: last.time - t0, firstMs: first.time - t0, marks, days: last.days, blocks: last.blocks };
}`;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DragGeometry {
  columns: Rect[];
  block: Rect | null;
  row: Rect | null;
  viewport: { w: number; h: number };
}

/** Visible day columns, a visible planned block and a visible catalog row (scrolled into view). */
export const GEOMETRY = `({ blockIndex, rowIndex }) => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
  const visible = (r) => r.w > 4 && r.h > 8 && r.x >= 0 && r.y >= 0 && r.x + r.w <= vw && r.y + r.h <= vh;
  const pick = (selector, index) => {
    const all = [...document.querySelectorAll(selector)];
    if (all.length === 0) return null;
    const el = all[index % all.length];
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const shown = all.filter((e) => visible(box(e)));
    return shown.length ? box(shown[index % shown.length]) : null;
  };
  const block = pick('button[data-item-id]', blockIndex);
  const row = pick('[data-session-id]', rowIndex);
  const columns = [...document.querySelectorAll('[data-day]')].map(box).map((r) => {
    const top = Math.max(r.y, 0), bottom = Math.min(r.y + r.h, vh);
    return { x: r.x, y: top, w: r.w, h: bottom - top };
  }).filter((r) => r.w > 0 && r.h > 40);
  return { columns, block, row, viewport: { w: vw, h: vh } };
}`;

export const CLEAR_DRAG_FRAMES = `() => { performance.clearMeasures('clashless:drag-frame'); return performance.now(); }`;

export const READ_DRAG = `(since) => ({
  frames: performance.getEntriesByName('clashless:drag-frame').map((e) => ({ at: e.startTime - since, ms: e.duration })),
  longtasks: window.__clashlessBench.longtasks.filter((l) => l.start >= since).map((l) => ({ at: l.start - since, ms: l.duration }))
})`;

export interface Timed {
  /** Start, ms after the drag began. */
  at: number;
  ms: number;
}

export const CONFERENCE_OPTIONS = `() => {
  const el = document.querySelector('select[aria-label="Conference"]');
  return el ? [...el.options].map((o) => ({ value: o.value, text: o.textContent.trim(), selected: o.selected })) : null;
}`;
