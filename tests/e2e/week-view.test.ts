// Planning in the week view as a person does it: drag from the catalog, see clashes side by side,
// undo, switch zones, and make, move and resize a personal block by mouse and by keyboard.
// The page's computer is in Berlin; the conference is in Salt Lake City (Mountain time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  box,
  catalogEntry,
  chooseConference,
  dayColumn,
  dragMouse,
  openApp,
  planBlock,
  sessionsList,
  startHost,
  waitForName,
  type AppPage,
  type Host
} from './helpers.ts';

/** Services answer over HTTP on a busy machine: give polled expectations room. */
const SLOW = { timeout: 15_000 };
const WED = 'Wednesday, November 13, 2024';
const THU = 'Thursday, November 14, 2024';
const FRI = 'Friday, November 15, 2024';
const ROUTES = 'All Your Routes Are Ready, More or Less';
const GOTO = 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!';
const GAMERS = 'Thousands of Gamers, One Kubernetes Network';

/** Pixels per minute of the grid, read from a planned block of known length. */
async function pxPerMinute(block: Locator, minutes: number): Promise<number> {
  return (await box(block)).height / minutes;
}

/** The viewport point at a wall-clock time in a day column (minutes from its midnight). */
async function pointAt(column: Locator, minutesFromMidnight: number, ppm: number): Promise<{ x: number; y: number }> {
  const b = await box(column);
  return { x: b.x + b.width / 2, y: b.y + minutesFromMidnight * ppm };
}

async function planByKeyboard(page: Page, title: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search sessions' });
  await search.fill(title.split(' ').slice(0, 3).join(' '));
  await expect.poll(() => sessionsList(page).getByRole('listitem').count(), SLOW).toBeLessThan(4);
  await catalogEntry(page, title).focus();
  await page.keyboard.press('Enter');
  await planBlock(page, title).waitFor();
  await search.fill('');
}

describe('week view', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Berlin' });
    page = app.page;
    await chooseConference(page, 'KubeCon + CloudNativeCon North America 2024', 18);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('a session dragged from the catalog onto Wednesday lands at its own time', async () => {
    const entry = catalogEntry(page, ROUTES);
    const from = await box(entry);
    const wed = await box(dayColumn(page, WED));
    // Drop anywhere in the visible part of the column: a session keeps its own time.
    await dragMouse(page, { x: from.x + 60, y: from.y + 30 }, { x: wed.x + wed.width / 2, y: 450 });
    const block = planBlock(dayColumn(page, WED), ROUTES);
    await block.waitFor();
    expect(await block.getAttribute('aria-label')).toContain('11:15 AM – 11:50 AM');
    expect(await page.getByTestId('zone-label').textContent()).toMatch(/Mountain Time \(America\/Denver\)/);
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Added “All Your Routes/);
  });

  it('two sessions at the same time both say "clash" and sit side by side', async () => {
    await planByKeyboard(page, GOTO);
    await planByKeyboard(page, GAMERS);
    const fri = dayColumn(page, FRI);
    const goto = planBlock(fri, GOTO);
    const gamers = planBlock(fri, GAMERS);
    expect(await waitForName(goto, /clash with Thousands of Gamers/)).toContain('2:55 PM – 3:30 PM');
    await waitForName(gamers, /clash with How GoTo/);
    const a = await box(goto);
    const b = await box(gamers);
    const [left, right] = a.x < b.x ? [a, b] : [b, a];
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
  });

  it('Ctrl+Z undoes the last plan change', async () => {
    // Out of the search field, whose own Ctrl+Z edits its text.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    const fri = dayColumn(page, FRI);
    await expect.poll(() => planBlock(fri, GAMERS).count(), SLOW).toBe(0);
    const goto = planBlock(fri, GOTO);
    await waitForName(goto, /^(?!.*clash)/);
    expect(await planBlock(dayColumn(page, WED), ROUTES).count()).toBe(1);
  });

  it('B and G on a focused block make it a backup and going again', async () => {
    const goto = planBlock(dayColumn(page, FRI), GOTO);
    await goto.focus();
    await page.keyboard.press('b');
    await waitForName(goto, /, backup/);
    await page.keyboard.press('g');
    await waitForName(goto, /, going/);
  });

  it('a planned session dragged back onto the catalog is unplanned (and Undo in the status line restores it)', async () => {
    const fri = dayColumn(page, FRI);
    const goto = planBlock(fri, GOTO);
    const b = await box(goto);
    const list = await box(sessionsList(page));
    await dragMouse(page, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, { x: list.x + 120, y: 400 });
    await expect.poll(() => planBlock(fri, GOTO).count(), SLOW).toBe(0);
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Removed “How GoTo/);
    await page.getByTestId('status').getByRole('button', { name: 'Undo' }).click();
    await planBlock(fri, GOTO).waitFor();
  });

  it('switching to this computer’s zone moves the blocks by the offset (Denver → Berlin is 8 hours)', async () => {
    const column = dayColumn(page, WED);
    const block = planBlock(column, ROUTES);
    const before = (await box(block)).y - (await box(column)).y;
    await page.getByRole('button', { name: /Show my time \(Central European Time\)/ }).click();
    await expect.poll(() => page.getByTestId('zone-label').textContent(), SLOW).toMatch(/Central European Time \(Europe\/Berlin\)/);
    const moved = planBlock(dayColumn(page, WED), ROUTES);
    expect(await waitForName(moved, /7:15 PM – 7:50 PM/)).toBeTruthy();
    const after = (await box(moved)).y - (await box(dayColumn(page, WED))).y;
    // 11:15 → 19:15: the offset from midnight grows by 8/11.25.
    expect(after / before).toBeCloseTo(19.25 / 11.25, 2);
    await page.getByRole('button', { name: /Show conference time \(Mountain Time\)/ }).click();
    await waitForName(planBlock(dayColumn(page, WED), ROUTES), /11:15 AM – 11:50 AM/);
  });

  it('a personal block is drawn, named, moved and resized with the mouse', async () => {
    const ppm = await pxPerMinute(planBlock(dayColumn(page, WED), ROUTES), 35);
    const thu = dayColumn(page, THU);
    // Thursday 1:00 → 2:00 PM on empty grid.
    await dragMouse(page, await pointAt(thu, 13 * 60 + 1, ppm), await pointAt(thu, 14 * 60 - 1, ppm));
    const form = page.getByRole('form', { name: 'New personal block' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Title' }).fill('Lunch with Ana');
    await form.getByRole('textbox', { name: /Place/ }).fill('Hotel lobby');
    await page.keyboard.press('Enter');
    const lunch = planBlock(thu, 'Lunch with Ana');
    expect(await waitForName(lunch, /1:00 PM – 2:00 PM, Hotel lobby, personal block/)).toBeTruthy();

    // Move: grab the middle and carry it 30 minutes down.
    const b = await box(lunch);
    await dragMouse(page, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, { x: b.x + b.width / 2, y: b.y + b.height / 2 + 30 * ppm });
    await waitForName(lunch, /1:30 PM – 2:30 PM/);

    // Resize: the bottom edge 15 minutes further down.
    const c = await box(lunch);
    await dragMouse(page, { x: c.x + c.width / 2, y: c.y + c.height - 2 }, { x: c.x + c.width / 2, y: c.y + c.height - 2 + 15 * ppm });
    await waitForName(lunch, /1:30 PM – 2:45 PM/);
  });

  it('a session’s time cannot be dragged, and the status line says why', async () => {
    const block = planBlock(dayColumn(page, WED), ROUTES);
    const b = await box(block);
    await dragMouse(page, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, { x: b.x + b.width / 2, y: b.y + 120 });
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/can’t be moved/);
    expect(await block.getAttribute('aria-label')).toContain('11:15 AM – 11:50 AM');
  });

  it('the keyboard moves (arrows) and resizes (Shift+arrows) a focused block by one snap step', async () => {
    const lunch = planBlock(dayColumn(page, THU), 'Lunch with Ana');
    await lunch.focus();
    await page.keyboard.press('ArrowDown');
    await waitForName(lunch, /1:35 PM – 2:50 PM/);
    await page.keyboard.press('ArrowDown');
    await waitForName(lunch, /1:40 PM – 2:55 PM/);
    await page.keyboard.press('Shift+ArrowDown');
    await waitForName(lunch, /1:40 PM – 3:00 PM/);
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await waitForName(lunch, /1:40 PM – 2:50 PM/);
    await page.keyboard.press('ArrowLeft');
    const onWednesday = planBlock(dayColumn(page, WED), 'Lunch with Ana');
    await waitForName(onWednesday, /1:40 PM – 2:50 PM/);
  });

  it('a block is created from the keyboard on a focused day', async () => {
    const fri = dayColumn(page, FRI);
    await fri.focus();
    await page.keyboard.press('n');
    const form = page.getByRole('form', { name: 'New personal block' });
    await form.getByRole('textbox', { name: 'Title' }).waitFor();
    await page.keyboard.type('Call home');
    await page.keyboard.press('Enter');
    const call = planBlock(fri, 'Call home');
    await waitForName(call, /personal block/);
    // Focus moves to the new block, so arrows work at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), SLOW).toMatch(/^Call home/);
  });

  it('the plan persists after a reload', async () => {
    await page.reload();
    await sessionsList(page).getByRole('listitem').first().waitFor();
    await waitForName(planBlock(dayColumn(page, WED), 'Lunch with Ana'), /1:40 PM – 2:50 PM, Hotel lobby/);
    await waitForName(planBlock(dayColumn(page, WED), ROUTES), /11:15 AM – 11:50 AM/);
    expect(await planBlock(dayColumn(page, FRI), 'Call home').count()).toBe(1);
    expect(await planBlock(dayColumn(page, FRI), GOTO).count()).toBe(1);
  });

  it('Delete removes the selected block, and no request left this machine', async () => {
    const call = planBlock(dayColumn(page, FRI), 'Call home');
    await call.focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => planBlock(dayColumn(page, FRI), 'Call home').count(), SLOW).toBe(0);
    expect(app.externalRequests).toEqual([]);
  });
});
