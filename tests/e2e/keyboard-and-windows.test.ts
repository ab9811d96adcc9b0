// Attending part of a session ("split time") and the keyboard, on the seeded KubeCon week in its own
// zone (Mountain time). The two Friday 2:55 PM talks clash; the details panel's "Arrive at"/"Leave
// at" shorten each, the clash panel's "Split time" shares the rest, and the exported .ics carries the
// attended times. Then a personal block is moved and stretched from the keyboard, and undo follows
// the focus: the plan's from the grid and the catalog, the field's own while typing.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanItem } from '../../src/shared/domain.ts';
import { catalogEntry, chooseConference, dayColumn, openApp, planBlock, startHost, waitForName, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const GOTO = 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!';
const GAMERS = 'Thousands of Gamers, One Kubernetes Network';
const THU = 'Thursday, November 14, 2024';
const FRI = 'Friday, November 15, 2024';
const COFFEE = 'Coffee with Sam';
const ROUTES = 'All Your Routes Are Ready, More or Less';
const SLOW = { timeout: 15_000 };


/** "20241115T215500Z": how the exporter writes a UTC instant. */
function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Each VEVENT's SUMMARY, DTSTART and DTEND (lines unfolded first). */
function icsEvents(ics: string): { summary: string; start: string; end: string }[] {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  return unfolded
    .split(/\r?\nBEGIN:VEVENT\r?\n/)
    .slice(1)
    .map((e) => ({
      summary: /^SUMMARY[^:]*:(.*)$/m.exec(e)?.[1]?.trim() ?? '',
      start: /^DTSTART[^:]*:(.*)$/m.exec(e)?.[1]?.trim() ?? '',
      end: /^DTEND[^:]*:(.*)$/m.exec(e)?.[1]?.trim() ?? ''
    }));
}

describe('split time and the keyboard', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;
  let conferenceId = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
    page = app.page;
    await chooseConference(page, KUBECON, 18);
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON);
    if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
    conferenceId = kubecon.id;
    const sessions = await callApi(page, 'session.list', { conferenceId });
    const friday = sessions.filter((s) => s.title === GOTO || s.title === GAMERS);
    expect(friday).toHaveLength(2);
    await callApi(page, 'plan.add', { sessionIds: friday.map((s) => s.id) });
    // A personal block on Thursday, 1:00 – 2:00 PM Mountain time.
    await callApi(page, 'block.create', {
      conferenceId,
      title: COFFEE,
      start: Date.parse('2024-11-14T20:00:00Z'),
      end: Date.parse('2024-11-14T21:00:00Z'),
      place: 'Hotel lobby'
    });
    await planBlock(dayColumn(page, FRI), GAMERS).waitFor(SLOW);
    await planBlock(dayColumn(page, THU), COFFEE).waitFor(SLOW);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const goto = (): Locator => planBlock(dayColumn(page, FRI), GOTO);
  const gamers = (): Locator => planBlock(dayColumn(page, FRI), GAMERS);
  const coffee = (): Locator => planBlock(dayColumn(page, THU), COFFEE);
  const details = (): Locator => page.getByRole('complementary', { name: 'Details' });
  const clashPanel = (): Locator => page.getByRole('region', { name: 'Clashes' });

  async function planItem(title: string): Promise<PlanItem> {
    const item = (await callApi(page, 'plan.list', { conferenceId })).find((i) => i.title === title);
    if (!item) throw new Error(`“${title}” is not planned`);
    return item;
  }

  it('“Leave at” and “Arrive at” in the details panel split each session, and its block says what is attended', async () => {
    await goto().click();
    const leave = details().getByLabel('Leave at');
    await leave.fill('15:10');
    await leave.press('Enter');
    expect(await waitForName(goto(), /, 2:55 PM – 3:10 PM, 255 EF, track Connectivity, going, attending part of 2:55 PM – 3:30 PM/)).toMatch(/^How GoTo/);
    await expect.poll(() => details().textContent(), SLOW).toMatch(/Attending 2:55 PM – 3:10 PM · leaving early/);

    await gamers().click();
    const arrive = details().getByLabel('Arrive at');
    await arrive.fill('15:00');
    await arrive.press('Enter');
    await waitForName(gamers(), /, 3:00 PM – 3:30 PM, .*attending part of 2:55 PM – 3:30 PM/);

    // The grid shows an edit before the store has it: read the store until the write lands.
    await expect.poll(async () => (await planItem(GOTO)).leaveAt, SLOW).toBe(Date.parse('2024-11-15T22:10:00Z'));
    await expect.poll(async () => (await planItem(GAMERS)).arriveAt, SLOW).toBe(Date.parse('2024-11-15T22:00:00Z'));
    // They still share 3:00 – 3:10.
    await waitForName(goto(), /clash with Thousands of Gamers/);
  });

  it('a time outside the session is refused with the reason, and nothing changes', async () => {
    const arrive = details().getByLabel('Arrive at');
    await arrive.fill('16:00');
    await arrive.press('Enter');
    const problem = details().getByRole('alert');
    expect(await problem.textContent()).toBe('“Arrive at” must be between 2:55 PM and 3:30 PM.');
    expect(await arrive.getAttribute('aria-invalid')).toBe('true');
    await arrive.press('Escape');
    expect(await arrive.inputValue()).toBe('15:00');
    expect((await planItem(GAMERS)).arriveAt).toBe(Date.parse('2024-11-15T22:00:00Z'));
  });

  it('“Split time” in the clash panel shares the rest, and the Friday clash count drops to 0', async () => {
    await page.getByTestId('clash-badge').click();
    await clashPanel().waitFor();
    const count = clashPanel().getByTestId('clash-count');
    await expect.poll(() => count.textContent(), SLOW).toBe('1');
    const clash = clashPanel().getByRole('listitem', { name: `Clash between ${GOTO} and ${GAMERS}` });
    await clash.getByRole('button', { name: 'Split time' }).click();
    await expect.poll(() => count.textContent(), SLOW).toBe('0');

    const a = await planItem(GOTO);
    const b = await planItem(GAMERS);
    // GoTo leaves earlier than 3:10 and Gamers is joined later than 3:00, with the walk between.
    expect(a.leaveAt).not.toBeNull();
    expect(b.arriveAt).not.toBeNull();
    expect(a.leaveAt!).toBeLessThan(Date.parse('2024-11-15T22:10:00Z'));
    expect(b.arriveAt!).toBeGreaterThan(a.leaveAt!);
    await waitForName(goto(), /, 2:55 PM – 3:0\d PM, 255 EF, .*going, attending part of 2:55 PM – 3:30 PM$/);
    await waitForName(gamers(), /, 3:\d\d PM – 3:30 PM, .*going, attending part of 2:55 PM – 3:30 PM$/);
    await page.getByTestId('clash-badge').click(); // close the panel again
  });

  it('the exported .ics carries the attended times as DTSTART/DTEND of both', async () => {
    const a = await planItem(GOTO);
    const b = await planItem(GAMERS);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export agenda' });
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const events = icsEvents(await readFile(await download.path(), 'utf8'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const gotoEvent = events.find((e) => e.summary.startsWith('How GoTo Financial'));
    const gamersEvent = events.find((e) => e.summary.startsWith('Thousands of Gamers'));
    expect(gotoEvent).toEqual({ summary: expect.any(String), start: icsUtc(a.start), end: icsUtc(a.leaveAt!) });
    expect(gamersEvent).toEqual({ summary: expect.any(String), start: icsUtc(b.arriveAt!), end: icsUtc(b.end) });
    // The sessions themselves still run 2:55 – 3:30 PM MST.
    expect(a.start).toBe(Date.parse('2024-11-15T21:55:00Z'));
    expect(b.end).toBe(Date.parse('2024-11-15T22:30:00Z'));
  });

  it('Shift+ArrowDown stretches a focused personal block by 5 minutes, ArrowDown moves it by 5', async () => {
    await coffee().focus();
    await page.keyboard.press('Shift+ArrowDown');
    await waitForName(coffee(), /^Coffee with Sam, 1:00 PM – 2:05 PM, Hotel lobby, personal block/);
    await page.keyboard.press('ArrowDown');
    await waitForName(coffee(), /^Coffee with Sam, 1:05 PM – 2:10 PM, Hotel lobby, personal block/);
    // The grid moves the block before the store has the move: read the store until it lands.
    await expect
      .poll(async () => {
        const item = await planItem(COFFEE);
        return [item.start, item.end];
      }, SLOW)
      .toEqual([Date.parse('2024-11-14T20:05:00Z'), Date.parse('2024-11-14T21:10:00Z')]);
  });

  it('Ctrl+Z while typing in the search field is the field’s own undo; on a block it undoes the plan', async () => {
    const search = page.getByRole('searchbox', { name: 'Search sessions' });
    await search.click();
    await page.keyboard.type('gateway');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await search.inputValue()).length, SLOW).toBeLessThan('gateway'.length);
    await search.fill('');

    // Exactly one plan step is undone by the next Ctrl+Z (the move): had the field's Ctrl+Z also
    // reached the plan, changes run in order, so the stretch would be gone as well.
    await coffee().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Undid: move block “Coffee with Sam”/);
    await waitForName(coffee(), /1:00 PM – 2:05 PM/);
    await expect
      .poll(async () => {
        const item = await planItem(COFFEE);
        return [item.start, item.end];
      }, SLOW)
      .toEqual([Date.parse('2024-11-14T20:00:00Z'), Date.parse('2024-11-14T21:05:00Z')]);

    await page.keyboard.press('Control+Shift+z');
    await waitForName(coffee(), /1:05 PM – 2:10 PM/);
  });

  it('Ctrl+Z and Ctrl+Y work with focus in the catalog', async () => {
    await catalogEntry(page, ROUTES).focus();
    await page.keyboard.press('Control+z');
    await waitForName(coffee(), /1:00 PM – 2:05 PM/);
    await page.keyboard.press('Control+y');
    await waitForName(coffee(), /1:05 PM – 2:10 PM/);
  });

  it('everything persists after a reload, and no request left this machine', async () => {
    await page.reload();
    await chooseConference(page, KUBECON, 18);
    await waitForName(coffee(), /1:05 PM – 2:10 PM, Hotel lobby/);
    await waitForName(goto(), /, 2:55 PM – 3:0\d PM, .*attending part of/);
    await waitForName(gamers(), /, 3:\d\d PM – 3:30 PM, .*attending part of/);
    expect(app.externalRequests).toEqual([]);
  });
});
