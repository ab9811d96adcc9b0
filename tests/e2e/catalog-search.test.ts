// The catalog as a person searches 38C3 at 1024×700: the exact title first, the typed words lit,
// a hit that only the abstract explains shown with the abstract's words; and rows as tall as their
// content, with whole room names (issue #17, defects 8 and 9).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntry, chooseConference, import38c3, openApp, sessionsList, startHost, type AppPage, type Host } from './helpers.ts';

describe('searching the catalog', () => {
  let host: Host;
  let app: AppPage;
  let count = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Berlin', width: 1024, height: 700 });
    const { sessions } = await import38c3(app.page);
    count = sessions.length;
    await chooseConference(app.page, '38C3', count);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  async function search(text: string): Promise<void> {
    const box = app.page.getByRole('searchbox', { name: 'Search sessions' });
    await box.fill(text);
    await expect.poll(() => app.page.locator('.count').innerText()).toMatch(/ of /);
    await expect.poll(() => app.page.locator('.searching').count()).toBe(0);
  }

  it('lists the exact title first and lights the words typed', async () => {
    await search('hacker jeopardy');
    const rows = sessionsList(app.page).getByRole('listitem');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().getAttribute('aria-label')).toMatch(/^Hacker Jeopardy,/);
    expect(await rows.first().locator('.title mark').allInnerTexts()).toEqual(['Hacker', 'Jeopardy']);
    // The longer title that merely contains both words comes after it, lit as well.
    const other = catalogEntry(app.page, 'Hacker*innen Jeopardy');
    expect(await other.locator('.title mark').allInnerTexts()).toEqual(['Hacker', 'Jeopardy']);
  });

  it('shows the words of the abstract when only the abstract matched', async () => {
    await search('Wettkampf');
    const row = catalogEntry(app.page, 'Hacker*innen Jeopardy');
    await row.waitFor();
    expect(await row.locator('.title mark').count()).toBe(0);
    const snippet = row.locator('.snippet');
    expect(await snippet.textContent()).toMatch(/^In the abstract: ….*Wettkampf/);
    // The lit word is on screen, not clipped away by the two-line limit.
    const [mark, box] = await Promise.all([snippet.locator('mark').boundingBox(), snippet.boundingBox()]);
    expect(mark!.y + mark!.height).toBeLessThanOrEqual(box!.y + box!.height + 0.5);
    await app.page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-catalog-search.png') });
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['Wettkampf']);
  });

  it('sizes every row to its content: no empty band under short titles, room names whole', async () => {
    await app.page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    await chooseConference(app.page, '38C3', count);
    const rows = await sessionsList(app.page)
      .getByRole('listitem')
      .evaluateAll((els) =>
        els.map((el) => {
          const row = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const last = Math.max(...[...el.children].map((c) => c.getBoundingClientRect().bottom));
          const room = el.querySelector('.room');
          return {
            name: el.getAttribute('aria-label') ?? '',
            height: row.height,
            slack: row.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) - last,
            roomCut: room ? room.scrollWidth > room.clientWidth + 1 || room.getClientRects().length === 0 : false,
            top: row.top
          };
        })
      );
    const inView = rows.filter((r) => r.top < 700);
    expect(inView.length).toBeGreaterThan(4);
    for (const r of inView) {
      expect(r.slack, r.name).toBeLessThan(2);
      expect(r.roomCut, r.name).toBe(false);
    }
    expect(new Set(inView.map((r) => Math.round(r.height))).size).toBeGreaterThan(1);
  });

  it('lays the page out once per frame while a person types, never forced by the catalog', async () => {
    const box = app.page.getByRole('searchbox', { name: 'Search sessions' });
    await box.fill('');
    const cdp = await app.page.context().newCDPSession(app.page);
    const events: { name: string; args?: { beginData?: { stackTrace?: unknown[] } } }[] = [];
    // Protocol types give each trace event as string fields; only the name and the stack are read.
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as typeof events)));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    // With the stack category, a layout that script forced carries the script's stack.
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
    for (const text of ['h', 'ha', 'hac', 'hack', 'hacke', 'hacker', '']) {
      await box.fill(text);
      await expect.poll(() => app.page.locator('.searching').count()).toBe(0);
    }
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    const layouts = events.filter((e) => e.name === 'Layout');
    const forced = layouts.filter((e) => e.args?.beginData?.stackTrace !== undefined);
    expect(layouts.length).toBeGreaterThan(5); // the trace saw the typing
    // Reading the list's width in an effect forced layouts on every keystroke (11 for these 7).
    expect(forced.length).toBeLessThanOrEqual(2);
  });
});
