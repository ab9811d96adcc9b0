// At 1024×700 every toolbar command is inside the window, unclipped, and the thing a click at its
// centre lands on — including with the longest seeded conference title chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startHost, type AppPage, type Host } from './helpers.ts';

describe('the toolbar at 1024×700', () => {
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver', width: 1024, height: 700 });
    await app.page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: 'KubeCon + CloudNativeCon North America 2024' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('keeps every command inside the window and clickable', async () => {
    const report = await app.page.evaluate(() => {
      const bar = document.querySelector('header.toolbar');
      if (!bar) return [{ name: 'toolbar', problem: 'missing' }];
      const problems: { name: string; problem: string }[] = [];
      for (const el of bar.querySelectorAll<HTMLElement>('button, select')) {
        const name = el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName;
        const r = el.getBoundingClientRect();
        if (r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight) problems.push({ name, problem: `outside the window (${Math.round(r.left)}–${Math.round(r.right)})` });
        else if (el.scrollWidth > el.clientWidth + 1 && el.tagName === 'BUTTON') problems.push({ name, problem: 'text clipped' });
        else if (r.height > 40) problems.push({ name, problem: `wraps (${Math.round(r.height)} px tall)` });
        else {
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (!hit || !(hit === el || el.contains(hit))) problems.push({ name, problem: 'covered by something else' });
        }
      }
      return problems;
    });
    expect(report).toEqual([]);
  });

  it('opens the ⋯ menu from its button', async () => {
    await app.page.getByRole('button', { name: 'More commands' }).click();
    await expect.poll(() => app.page.getByRole('menuitem', { name: 'Delete conference…' }).count()).toBe(1);
    await app.page.keyboard.press('Escape');
  });
});
