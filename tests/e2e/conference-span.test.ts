// Defect 10 of issue #17, at 1024×700: the app reopens on the conference the person was looking
// at; an 8-day conference is one span of days, not "week 1 of 2"; at the widest zoom a whole 38C3
// day (10:00–03:00) fits in the window; Ctrl+wheel (and a trackpad pinch) zooms around the pointer.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, chooseConference, import38c3, openApp, sessionsList, startHost, type AppPage, type Host } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const EIGHT_DAYS = 'Eight Day Summit 2025';

/** A small .ics of eight consecutive days (Mon 3 – Mon 10 Mar 2025), two talks a day, in Berlin. */
function eightDayIcs(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//clashless tests//EN', `X-WR-CALNAME:${EIGHT_DAYS}`, 'X-WR-TIMEZONE:Europe/Berlin'];
  for (let day = 0; day < 8; day++) {
    const date = `202503${String(3 + day).padStart(2, '0')}`;
    for (const [slot, hour] of [[1, '09'], [2, '14']] as const) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:day${day + 1}-${slot}@eight-day`,
        'DTSTAMP:20250101T000000Z',
        `DTSTART:${date}T${hour}0000Z`,
        `DTEND:${date}T${hour}4500Z`,
        `SUMMARY:Day ${day + 1} talk ${slot}`,
        'LOCATION:Hall A',
        'END:VEVENT'
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

function catalogSize(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[role="list"][aria-label="Sessions"] [role="listitem"]')?.getAttribute('aria-setsize') ?? null);
}

function conferenceSwitcher(page: Page) {
  return page.getByRole('combobox', { name: 'Conference' });
}

async function selectedConference(page: Page): Promise<string> {
  return conferenceSwitcher(page).evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent?.trim() ?? '';
  });
}

/** The week grid's geometry: pixels per hour (from two hour labels) and the scroller. */
async function grid(page: Page): Promise<{ pph: number; scrollTop: number; visibleHeight: number }> {
  return page.evaluate(() => {
    const hours = [...document.querySelectorAll<HTMLElement>('.week .axis .hour')];
    const scroller = document.querySelector<HTMLElement>('.week .scroller');
    if (hours.length < 2 || !scroller) throw new Error('no week grid on screen');
    const pph = parseFloat(hours[1]!.style.top) - parseFloat(hours[0]!.style.top);
    return { pph, scrollTop: scroller.scrollTop, visibleHeight: scroller.clientHeight };
  });
}

describe('a conference week at 1024×700', () => {
  let host: Host;
  /** The host that made the temporary folder; later hosts reuse its database. */
  let firstHost: Host;
  let app: AppPage;
  let page: Page;
  let c3Count = 0;
  let c3Id = 0;

  beforeAll(async () => {
    host = await startHost();
    firstHost = host;
    app = await openApp(host, { timezoneId: 'Europe/Berlin', width: 1024, height: 700 });
    page = app.page;
    const c3 = await import38c3(page);
    c3Id = c3.conferenceId;
    c3Count = c3.sessions.length;
    // Imported last, so it is the newest conference.
    await callApi(page, 'import.commit', { text: eightDayIcs(), fileName: 'eight-days.ics', format: 'ics' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.kill();
    await firstHost?.stop();
  });

  it('reopens on the conference the person was viewing, not the newest one: after a reload and after a restart', async () => {
    await chooseConference(page, '38C3', c3Count);
    await page.reload();
    await sessionsList(page).getByRole('listitem').first().waitFor(SLOW);
    await expect.poll(() => selectedConference(page), SLOW).toBe('38C3');
    await expect.poll(() => catalogSize(page), SLOW).toBe(String(c3Count));

    // `npm run web` again: a new port is a new origin, with none of this page's storage.
    await host.kill();
    host = await startHost({ dbPath: firstHost.dbPath });
    try {
      const second = await openApp(host, { timezoneId: 'Europe/Berlin', width: 1024, height: 700 });
      try {
        await expect.poll(() => selectedConference(second.page), SLOW).toBe('38C3');
        await expect.poll(() => catalogSize(second.page), SLOW).toBe(String(c3Count));
      } finally {
        await second.close();
      }
    } finally {
      // The rest of the tests go on in the first page, now on the new host.
      await page.goto(host.url);
      await sessionsList(page).getByRole('listitem').first().waitFor(SLOW);
    }
  });

  it('shows all eight days of an 8-day conference as one span, the last day reachable by scrolling', async () => {
    await chooseConference(page, EIGHT_DAYS, 16);
    const columns = page.getByRole('group', { name: /^\w+day, March \d+, 2025$/ });
    await expect.poll(() => columns.count(), SLOW).toBe(8);
    expect(await page.getByText(/week 1 of 2/).count()).toBe(0);
    const last = page.getByRole('group', { name: 'Monday, March 10, 2025', exact: true });
    await last.scrollIntoViewIfNeeded();
    const b = await last.boundingBox();
    expect(b).not.toBeNull();
    // On screen, and wide enough to read a title.
    expect(b!.x + b!.width).toBeLessThanOrEqual(1024);
    expect(b!.width).toBeGreaterThanOrEqual(80);
    // Its header (weekday and date) scrolled along with it.
    const header = page.locator('.day-header').nth(7);
    const h = await header.boundingBox();
    expect(h).not.toBeNull();
    expect(Math.abs(h!.x - b!.x)).toBeLessThan(2);
    await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-eight-days.png') });
  });

  it('at the widest zoom one whole 38C3 day (10:00–03:00) is on screen at once', async () => {
    await chooseConference(page, '38C3', c3Count);
    const zoomOut = page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Zoom out' });
    while (await zoomOut.isEnabled()) await zoomOut.click();
    const shown = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.week .scroller');
      if (!scroller) throw new Error('no week grid');
      const top = (text: string): number => {
        const label = [...document.querySelectorAll<HTMLElement>('.week .axis .hour')].find((h) => h.textContent?.trim() === text);
        if (!label) throw new Error(`no ${text} line on the axis`);
        return parseFloat(label.style.top);
      };
      return { from: scroller.scrollTop, to: scroller.scrollTop + scroller.clientHeight, ten: top('10 AM'), three: top('3 AM') };
    });
    expect(shown.ten).toBeGreaterThanOrEqual(shown.from);
    expect(shown.three).toBeLessThanOrEqual(shown.to);
  });

  it('Ctrl+wheel zooms the time axis around the pointer; a plain wheel still scrolls', async () => {
    const zoomIn = page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 4; i++) await zoomIn.click();
    const scroller = page.locator('.week .scroller');
    const box = await scroller.boundingBox();
    if (!box) throw new Error('no scroller');
    const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(pointer.x, pointer.y);

    const before = await grid(page);
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await grid(page)).scrollTop, SLOW).toBeGreaterThan(before.scrollTop);
    expect((await grid(page)).pph).toBe(before.pph);

    const start = await grid(page);
    const hourAtPointer = (start.scrollTop + (pointer.y - box.y)) / start.pph;
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await grid(page)).pph, SLOW).toBeGreaterThan(start.pph);
    const zoomed = await grid(page);
    // The hour under the pointer stays under the pointer (within a few minutes).
    const hourNow = (zoomed.scrollTop + (pointer.y - box.y)) / zoomed.pph;
    expect(Math.abs(hourNow - hourAtPointer)).toBeLessThan(0.1);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 120);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await grid(page)).pph, SLOW).toBe(start.pph);
    expect(app.externalRequests).toEqual([]);
  });

  it('falls back to another conference when the one last viewed was deleted', async () => {
    await callApi(page, 'conference.remove', { conferenceId: c3Id });
    await page.reload();
    await sessionsList(page).getByRole('listitem').first().waitFor(SLOW);
    await expect.poll(() => selectedConference(page), SLOW).not.toBe('');
    expect(await selectedConference(page)).not.toBe('38C3');
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
