// axe-core on every surface of the app at 1024×700, in the light and the dark theme: the week view
// and the other views, each side panel, each dialog, the printable agenda and the report page. Any serious or
// critical finding fails, listed with its rule, element and what is wrong.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BLOG_SEED } from '../fixtures/paths.ts';
import { shiftedCiliumSeed } from '../fixtures/shifted-seed.ts';
import { seriousViolations } from './axe.ts';
import { callApi, catalogEntry, openKubecon, waitForName, type KubeconApp } from './helpers.ts';

const SLOW = { timeout: 15_000 };
// Two Friday 2:55 PM talks that clash, and two more planned sessions.
const PLANNED = [
  'All Your Routes Are Ready, More or Less',
  'Harnessing the Power of Envoy Proxy for Building an LLM Gateway',
  'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!'
];

/** Moderate rules the app passes as well: one level-one heading, everything inside landmarks. */
const STRUCTURE_RULES = ['page-has-heading-one', 'landmark-one-main', 'region'];

async function expectClean(page: Page): Promise<void> {
  const found = await seriousViolations(page, STRUCTURE_RULES);
  expect(found, `axe found serious or critical violations:\n${found.join('\n')}`).toEqual([]);
}

function viewButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
}

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', ...SLOW });
}

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (colorScheme) => {
  let k: KubeconApp;
  let page: Page;
  let conferenceId = 0;

  beforeAll(async () => {
    k = await openKubecon({ colorScheme, width: 1024, height: 700 });
    ({ page, conferenceId } = k);
  });

  afterEach(async () => {
    // A failed check must not leave its dialog over the next one.
    const open = page.getByRole('dialog');
    if ((await open.count()) > 0) await closeDialog(page, open.first());
  });

  afterAll(async () => {
    await k?.app.close();
    await k?.host.stop();
  });

  it('the main week view with nothing planned (the toolbar shows “Clashes 0”)', async () => {
    await waitForName(page.getByTestId('clash-badge'), /^Clashes 0$/, 15_000);
    await expectClean(page);
  });

  it('the main week view with a plan and a clash', async () => {
    const sessions = await callApi(page, 'session.list', { conferenceId });
    const friday = sessions.filter((s) => s.start === sessions.find((x) => x.title === PLANNED[2])?.start);
    const wanted = sessions.filter((s) => PLANNED.includes(s.title) || friday.includes(s));
    expect(friday.length).toBeGreaterThan(1);
    await callApi(page, 'plan.add', { sessionIds: wanted.map((s) => s.id) });
    await waitForName(page.getByTestId('clash-badge'), /^Clashes [1-9]/, 15_000);
    await expectClean(page);
  });

  for (const view of ['Day', 'List', 'By room', 'Now', 'Week']) {
    it(`the ${view} view`, async () => {
      await viewButton(page, view).click();
      await expect.poll(() => viewButton(page, view).getAttribute('aria-pressed'), SLOW).toBe('true');
      await expectClean(page);
    });
  }

  it('the catalog with a search and the details of a session', async () => {
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('Envoy');
    await catalogEntry(page, PLANNED[1]!).click();
    await page.getByRole('complementary', { name: 'Details' }).waitFor(SLOW);
    await expectClean(page);
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
  });

  for (const [button, panel] of [
    [/^Clashes/, 'Clashes'],
    [/^Changes$/, 'Changes'],
    [/^Travel times$/, 'Travel']
  ] as const) {
    it(`the ${panel} panel`, async () => {
      await page.getByRole('toolbar').or(page.locator('header.toolbar')).getByRole('button', { name: button }).click();
      await page.getByRole('complementary', { name: panel }).waitFor(SLOW);
      await page.waitForLoadState('networkidle');
      await expectClean(page);
    });
  }

  it('the Watch later panel with a missed session', async () => {
    const item = (await callApi(page, 'plan.list', { conferenceId })).find((p) => p.kind === 'session')!;
    await callApi(page, 'plan.mark', { itemIds: [item.id], outcome: 'missed', rating: 3 });
    await page.locator('header.toolbar').getByRole('button', { name: 'Watch later' }).click();
    await page.getByRole('complementary', { name: 'Watch later' }).getByRole('listitem').first().waitFor(SLOW);
    await expectClean(page);
  });

  it('the Friends panel with a friend’s plan, a file waiting for a name, and friends’ initials in the catalog and grid', async () => {
    // "Alex" is my own plan exported with her name: every planned session then carries her badge.
    const { content } = await callApi(page, 'export.agenda', { format: 'ics', conferenceId, owner: 'Alex' });
    await callApi(page, 'friends.add', { text: content, fileName: 'alex.ics', name: 'Alex' });
    await page.locator('header.toolbar').getByRole('button', { name: 'Friends', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Friends' });
    await panel.getByText('Alex', { exact: true }).waitFor(SLOW);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Add a friend’s plan…' }).click()]);
    await chooser.setFiles({ name: 'bea.ics', mimeType: 'text/calendar', buffer: Buffer.from(content.replace('X-CLASHLESS-OWNER:Alex', 'X-CLASHLESS-OWNER:Bea')) });
    await panel.getByRole('textbox', { name: 'Whose plan is it?' }).waitFor(SLOW);
    await page.locator('.day-column [data-friends]').first().waitFor(SLOW);
    await expectClean(page);
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the Import dialog with a preview loaded', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import schedule' });
    await dialog.getByRole('textbox', { name: 'Schedule text' }).fill(readFileSync(BLOG_SEED, 'utf8'));
    await dialog.getByRole('table', { name: 'Sessions to import' }).waitFor(SLOW);
    await expectClean(page);
    // The preview scrolls by keyboard: Tab reaches its scroller, Page Down moves it.
    const scroller = dialog.getByRole('region', { name: 'Sessions to import, scrollable' });
    await scroller.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop), SLOW).toBeGreaterThan(0);
    await closeDialog(page, dialog);
  });

  it('the Export dialog', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export agenda' });
    await dialog.waitFor(SLOW);
    await expectClean(page);
    await closeDialog(page, dialog);
  });

  it('the Keyboard shortcuts sheet', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor(SLOW);
    await expectClean(page);
    await closeDialog(page, dialog);
  });

  for (const [item, name] of [
    ['Delete conference…', 'Delete conference'],
    ['Restore from backup…', 'Restore from backup']
  ] as const) {
    it(`the ${name} dialog`, async () => {
      await page.getByRole('button', { name: 'More commands' }).click();
      await page.getByRole('menuitem', { name: item }).click();
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor(SLOW);
      await page.waitForLoadState('networkidle');
      await expectClean(page);
      await closeDialog(page, dialog);
    });
  }

  it('the printable agenda', async () => {
    const file = await callApi(page, 'export.agenda', { format: 'html', conferenceId });
    expect(file.count).toBeGreaterThan(3);
    const agenda = await k.app.context.newPage();
    await agenda.setContent(file.content);
    await expectClean(agenda);
    await agenda.close();
  });

  it('the “My conference” report page', async () => {
    const file = await callApi(page, 'export.agenda', { format: 'report-html', conferenceId });
    expect(file.content).toContain('<h2>Watch later</h2>');
    const report = await k.app.context.newPage();
    await report.setContent(file.content);
    await expectClean(report);
    await report.close();
  });

  it('My week: the import’s offer to show a co-located schedule together, then both in one grid', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import schedule' });
    await dialog.getByRole('textbox', { name: 'Schedule text' }).fill(shiftedCiliumSeed());
    const offer = dialog.getByTestId('import-together');
    await offer.waitFor(SLOW);
    await expectClean(page);
    await offer.getByRole('checkbox', { name: 'Show together in My week' }).check();
    await dialog.getByRole('button', { name: /^Import \d+ sessions$/ }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden', ...SLOW });
    await expect.poll(() => page.getByRole('combobox', { name: 'Conference' }).inputValue(), SLOW).toBe('my-week');
    await page.getByRole('combobox', { name: 'Sessions of' }).waitFor(SLOW);
    await waitForName(page.getByRole('button', { name: new RegExp(`^${PLANNED[0]}`) }), /at KubeCon/, 15_000);
    await expectClean(page);
  });
});
