// The views besides Week, as a person uses them at the seeded KubeCon (18 sessions, Salt Lake City,
// America/Denver): Day (one column), List (the plan by day), By room (the day's programme, one
// column per room, planned by a click) and Now (with the page's clock set during a planned talk),
// the view keys, and the "Keyboard shortcuts" sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { callApi, catalogEntry, chooseConference, dayColumn, escapeRegExp, openApp, planBlock, startHost, type AppPage, type Host } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const WED = 'Wednesday, November 13, 2024';
const THU = 'Thursday, November 14, 2024';
const FRI = 'Friday, November 15, 2024';
const ROUTES = 'All Your Routes Are Ready, More or Less'; // Wed 11:15 AM, 155 EF
const ENVOY = 'Harnessing the Power of Envoy Proxy for Building an LLM Gateway'; // Thu 11:00 AM, 155 EF
const TESTING = 'Testing Kubernetes Without Kubernetes: A Networking Deep Dive'; // Fri 2:00 PM, 155 EF
const GOTO = 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!'; // Fri 2:55 PM, 255 EF
const TOPOLOGY = 'Topology Aware Routing: Understanding the Tradeoffs'; // Fri 4:00 PM, 155 EF
const FLEXIBILITY = 'With Great Flexibility Comes Great Complexity: Inspect Your Gateway API Configuration'; // Fri 4:55 PM, 155 EF

function viewButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
}

async function showView(page: Page, name: string): Promise<void> {
  await viewButton(page, name).click();
  await expect.poll(() => viewButton(page, name).getAttribute('aria-pressed'), SLOW).toBe('true');
}

/** Every day column on screen (their names are the long dates). */
function dayColumns(page: Page): Locator {
  return page.getByRole('group', { name: /^\w+day, November \d+, 2024$/ });
}

function startsWith(title: string): RegExp {
  return new RegExp(`^${escapeRegExp(title)}`);
}

describe('views', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;
  let conferenceId = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver', width: 1280, height: 800 });
    page = app.page;
    await chooseConference(page, KUBECON, 18);
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON);
    if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
    conferenceId = kubecon.id;
    const sessions = await callApi(page, 'session.list', { conferenceId });
    const wanted = sessions.filter((s) => [ROUTES, ENVOY, GOTO, FLEXIBILITY].includes(s.title));
    expect(wanted).toHaveLength(4);
    await callApi(page, 'plan.add', { sessionIds: wanted.map((s) => s.id) });
    await planBlock(dayColumn(page, FRI), FLEXIBILITY).waitFor(SLOW);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('the view switch offers Week, Day, List, By room and Now, with Week pressed at first', async () => {
    const buttons = page.getByRole('group', { name: 'View' }).getByRole('button');
    expect(await buttons.allInnerTexts()).toEqual(['Week', 'Day', 'List', 'By room', 'Now']);
    expect(await viewButton(page, 'Week').getAttribute('aria-pressed')).toBe('true');
    expect(await viewButton(page, 'Day').getAttribute('aria-pressed')).toBe('false');
    expect(await dayColumns(page).count()).toBe(3);
  });

  it('Day shows one day, full width, and moves to the next and previous day', async () => {
    await showView(page, 'Day');
    await expect.poll(() => dayColumns(page).count(), SLOW).toBe(1);
    expect(await dayColumns(page).first().getAttribute('aria-label')).toBe(WED);
    await planBlock(dayColumn(page, WED), ROUTES).waitFor(SLOW);
    const region = await page.getByRole('region', { name: 'Day view' }).boundingBox();
    const column = await dayColumn(page, WED).boundingBox();
    // The column takes the view's width but for the hour axis.
    expect(column!.width).toBeGreaterThan(region!.width - 90);

    await page.getByRole('button', { name: 'Next day' }).click();
    await planBlock(dayColumn(page, THU), ENVOY).waitFor(SLOW);
    expect(await dayColumns(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Previous day' }).click();
    await dayColumn(page, WED).waitFor(SLOW);
  });

  it('List shows each planned item under its day’s heading, in time order, and arrows and Enter reach the details', async () => {
    await showView(page, 'List');
    const wed = page.getByRole('region', { name: WED });
    const fri = page.getByRole('region', { name: FRI });
    await wed.getByRole('button', { name: startsWith(ROUTES) }).waitFor(SLOW);
    expect(await page.getByRole('heading', { name: WED, level: 2 }).count()).toBe(1);
    expect(await page.getByRole('region', { name: THU }).getByRole('button', { name: startsWith(ENVOY) }).count()).toBe(1);
    const friday = await fri.getByRole('button').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')?.split(',')[0]));
    expect(friday).toEqual(['How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!', 'With Great Flexibility Comes Great Complexity: Inspect Your Gateway API Configuration']);
    // A row says its time, room, state and track.
    const routes = await wed.getByRole('button', { name: startsWith(ROUTES) }).getAttribute('aria-label');
    expect(routes).toMatch(/, 11:15 AM – 11:50 AM, Connectivity track, 155 EF, Going$/);

    await wed.getByRole('button', { name: startsWith(ROUTES) }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), SLOW).toMatch(startsWith(ENVOY));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: ENVOY, level: 2 }).waitFor(SLOW);
  });

  it('List marks a clash with the partner’s name', async () => {
    const gamers = (await callApi(page, 'session.list', { conferenceId })).find((s) => s.title.startsWith('Thousands of Gamers'));
    await callApi(page, 'plan.add', { sessionIds: [gamers!.id] });
    const row = page.getByRole('region', { name: FRI }).getByRole('button', { name: startsWith(GOTO) });
    await expect.poll(() => row.textContent(), SLOW).toContain('Clash with Thousands of Gamers, One Kubernetes Network');
    const added = (await callApi(page, 'plan.list', { conferenceId })).find((i) => i.sessionId === gamers!.id);
    await callApi(page, 'plan.remove', { itemIds: [added!.id] });
    await expect.poll(() => row.textContent(), SLOW).not.toContain('Clash');
  });

  it('By room draws the day’s whole programme in room columns, and a click on a session’s button plans it', async () => {
    await showView(page, 'By room');
    // The day shown follows the last selection (Envoy, Thursday); go to Friday, where two rooms are used.
    for (let i = 0; i < 3 && !(await page.getByRole('group', { name: /^255 EF/ }).count()); i++) {
      await page.getByRole('button', { name: 'Next day' }).click();
    }
    const room155 = page.getByRole('group', { name: /^155 EF/ });
    const room255 = page.getByRole('group', { name: /^255 EF/ });
    await room255.waitFor(SLOW);
    expect(await room155.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await room155.textContent()).toContain('Salt Palace · Level 1');
    expect(await room255.textContent()).toContain('Salt Palace · Level 2');
    // Every Friday session, planned or not, in its room: six in 155 EF, GoTo alone in 255 EF.
    expect(await room155.getByRole('button', { name: /^Plan / }).count()).toBe(6);
    expect(await room255.getByRole('button', { name: /^Plan / }).count()).toBe(1);
    expect(await room255.getByRole('button', { name: `Plan ${GOTO}` }).getAttribute('aria-pressed')).toBe('true');
    const a155 = await room155.boundingBox();
    const a255 = await room255.boundingBox();
    expect(a155!.x + a155!.width).toBeLessThanOrEqual(a255!.x + 1);

    const plan = room155.getByRole('button', { name: `Plan ${TESTING}` });
    expect(await plan.getAttribute('aria-pressed')).toBe('false');
    await plan.click();
    await expect.poll(() => plan.getAttribute('aria-pressed'), SLOW).toBe('true');
    await expect.poll(async () => (await callApi(page, 'plan.list', { conferenceId })).some((i) => i.title === TESTING), SLOW).toBe(true);
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Added “Testing Kubernetes/);
    // A card names the session's track (its colour is never the only sign).
    expect(await room155.getByRole('button', { name: startsWith(TOPOLOGY) }).getAttribute('aria-label')).toContain('track Connectivity');
  });

  it('the chosen view is still chosen after a reload', async () => {
    await page.reload();
    await catalogEntry(page, ROUTES).waitFor(SLOW);
    await expect.poll(() => viewButton(page, 'By room').getAttribute('aria-pressed'), SLOW).toBe('true');
  });

  it('1–5 switch views, but not while typing in a field', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('3');
    await expect.poll(() => viewButton(page, 'List').getAttribute('aria-pressed'), SLOW).toBe('true');
    const search = page.getByRole('searchbox', { name: 'Search sessions' });
    await search.focus();
    await page.keyboard.press('1');
    expect(await search.inputValue()).toBe('1');
    expect(await viewButton(page, 'List').getAttribute('aria-pressed')).toBe('true');
    await search.fill('');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('1');
    await expect.poll(() => viewButton(page, 'Week').getAttribute('aria-pressed'), SLOW).toBe('true');
  });

  it('? opens the “Keyboard shortcuts” dialog, which lists the view keys; Escape closes it', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor(SLOW);
    expect(await sheet.textContent()).toContain('Show the Week, Day, List, By room or Now view');
    expect(await sheet.getByRole('region', { name: 'Session list (catalog)' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden', ...SLOW });
    // Escape went to the dialog, not to the plan: the view is unchanged and nothing else closed.
    expect(await viewButton(page, 'Week').getAttribute('aria-pressed')).toBe('true');
  });

  it('the state controls’ tooltips name their keys', async () => {
    await planBlock(dayColumn(page, WED), ROUTES).click();
    const going = page.getByRole('radio', { name: 'Going' });
    await going.waitFor(SLOW);
    const tip = await page.locator('label', { has: going }).getAttribute('title');
    expect(tip).toMatch(/\bG\b/);
    expect(await page.getByRole('group', { name: 'State' }).getAttribute('title')).toMatch(/Delete/);
  });

  describe('Now, with the page’s clock set', () => {
    async function pageAt(iso: string): Promise<Page> {
      const p = await app.context.newPage();
      await p.clock.setFixedTime(new Date(iso));
      await p.goto(host.url);
      await catalogEntry(p, ROUTES).waitFor(SLOW);
      await chooseConference(p, KUBECON, 18);
      await showView(p, 'Now');
      return p;
    }

    it('during a planned talk: it is “Now”, the next one comes with its walk, and what starts soon can be planned', async () => {
      // Friday 3:10 PM in Salt Lake City: in GoTo (255 EF, Level 2) until 3:30.
      const p = await pageAt('2024-11-15T22:10:00Z');
      try {
        const now = p.getByRole('region', { name: 'Now', exact: true });
        await now.getByRole('button', { name: GOTO }).waitFor(SLOW);
        expect(await now.textContent()).toContain('until 3:30 PM');
        const next = p.getByRole('region', { name: 'Next', exact: true });
        expect(await next.getByRole('button', { name: FLEXIBILITY }).count()).toBe(1);
        expect(await next.textContent()).toContain('in 1 h 45 min');
        // 255 EF on Level 2 to 155 EF on Level 1: another level of the same venue, 8 minutes.
        const walk = (await p.getByTestId('now-walk').textContent())!.replace(/\s+/g, ' ');
        expect(walk).toContain('Walk 8 min from 255 EF to 155 EF (Salt Palace · Level 1)');
        expect(walk).toContain('leave by 4:47 PM');
        // Topology (4:00 PM) starts within the hour and is not planned.
        const soon = p.getByRole('region', { name: 'Starting soon' });
        expect(await soon.textContent()).toContain('in 50 min');
        await soon.getByRole('button', { name: `Plan ${TOPOLOGY}` }).click();
        await expect.poll(async () => (await callApi(p, 'plan.list', { conferenceId })).some((i) => i.title === TOPOLOGY), SLOW).toBe(true);
        // Planned now, Topology is the next thing, in the same room as Flexibility after it.
        await next.getByRole('button', { name: TOPOLOGY }).waitFor(SLOW);
        await expect.poll(async () => ((await p.getByTestId('now-walk').textContent()) ?? '').replace(/\s+/g, ' '), SLOW).toContain('leave by 3:52 PM');
      } finally {
        await p.close();
      }
    });

    it('before the conference: says so, when it starts, and the first day’s first items', async () => {
      const p = await pageAt('2024-11-01T18:00:00Z');
      try {
        await p.getByRole('heading', { name: `${KUBECON} has not started yet` }).waitFor(SLOW);
        expect((await p.getByTestId('now-starts').textContent())!.replace(/\s+/g, ' ')).toContain('Starts Wed, Nov 13 at 11:15 AM');
        expect(await p.getByRole('button', { name: ROUTES, exact: true }).count()).toBe(1);
      } finally {
        await p.close();
      }
    });
  });
});
