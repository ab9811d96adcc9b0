// My week (issue #18, part 1): a co-located event imported beside the main conference is offered
// to be shown together, both conferences' sessions share one week, each block says which conference
// it is from, a clash across the two is found (overlap only: nothing says how far apart the two
// venues are), and a restart reopens on My week. The co-located event is a copy of the Cilium seed
// moved to KubeCon NA 2024's week, written to this test's own temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KUBECON_TALK, SHIFTED_CILIUM_TITLE, SHIFTED_TALK, shiftedCiliumSeed } from '../fixtures/shifted-seed.ts';
import { callApi, catalogEntry, dayColumn, KUBECON, openKubecon, planBlock, sessionsList, waitForName, type KubeconApp } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const WEDNESDAY = 'Wednesday, November 13, 2024';

describe('My week: KubeCon NA 2024 and a co-located Cilium event together', () => {
  let opened: KubeconApp;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clashless-my-week-'));
    opened = await openKubecon();
    page = opened.page;
  });

  afterAll(async () => {
    await opened?.app.close();
    await opened?.host.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The catalog lists a window of rows: search brings an entry into it. */
  async function findEntry(title: string) {
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill(title.split(':')[0]!);
    const entry = catalogEntry(page, title);
    await entry.waitFor(SLOW);
    return entry;
  }

  const dialog = () => page.getByRole('dialog', { name: 'Import schedule' });
  const switcher = () => page.getByRole('combobox', { name: 'Conference' });

  it('the import preview says the new schedule runs in KubeCon’s days and offers to show them together', async () => {
    const file = join(dir, 'cilium-kubecon-na-2024.md');
    writeFileSync(file, shiftedCiliumSeed());
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog().getByRole('textbox', { name: 'Schedule text' }).fill(readFileSync(file, 'utf8'));
    await expect.poll(() => dialog().getByTestId('session-count').textContent(), SLOW).toBe('25 sessions');
    const offer = dialog().getByTestId('import-together');
    expect(await offer.textContent()).toContain(`This schedule runs in the same days as “${KUBECON}”.`);
    await offer.getByRole('checkbox', { name: 'Show together in My week' }).check();
    await dialog().getByRole('button', { name: 'Import 25 sessions' }).click();
    await dialog().getByRole('region', { name: 'Import report' }).waitFor(SLOW);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'hidden' });
  });

  it('shows both conferences in one week, each catalog entry naming its conference', async () => {
    await expect.poll(() => switcher().inputValue(), SLOW).toBe('my-week');
    // 18 KubeCon sessions and 25 Cilium ones; the 2023 Cilium seed is another year, not this week.
    await expect.poll(() => sessionsList(page).getByRole('listitem').first().getAttribute('aria-setsize'), SLOW).toBe('43');
    expect(await (await findEntry(KUBECON_TALK)).getAttribute('aria-label')).toContain(`at ${KUBECON}`);
    expect(await (await findEntry(SHIFTED_TALK)).getAttribute('aria-label')).toContain(`at ${SHIFTED_CILIUM_TITLE}`);
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    // Monday 11 (Cilium's first day) to Sunday 17: KubeCon's Wednesday is in the same grid.
    await dayColumn(page, 'Monday, November 11, 2024').waitFor();
    await dayColumn(page, WEDNESDAY).waitFor();

    // "This conference" narrows the catalog to the chosen one (the imported Cilium copy).
    const scope = page.getByRole('combobox', { name: 'Sessions of' });
    await scope.selectOption('conference');
    await expect.poll(() => sessionsList(page).getByRole('listitem').first().getAttribute('aria-setsize'), SLOW).toBe('25');
    await scope.selectOption('week');
    await expect.poll(() => sessionsList(page).getByRole('listitem').first().getAttribute('aria-setsize'), SLOW).toBe('43');
  });

  it('planning a talk of each conference shows the clash across them, in the grid and the Clashes panel', async () => {
    for (const title of [KUBECON_TALK, SHIFTED_TALK]) {
      const entry = await findEntry(title);
      await entry.click();
      await entry.press('Enter');
      await waitForName(catalogEntry(page, title), /planned \(going\)/);
    }
    const wednesday = dayColumn(page, WEDNESDAY);
    // My week shows times in the zone of the conference it was opened on (the Chicago event): the
    // KubeCon talk, 15:25–16:00 in Salt Lake City, is 16:25–17:00 there, and the Cilium talk is at
    // 16:30: 30 minutes together.
    expect(await page.getByTestId('zone-label').textContent()).toContain('America/Chicago');
    const kubeconName = await waitForName(planBlock(wednesday, KUBECON_TALK), /clash with Turning up Performance/);
    expect(kubeconName).toContain('4:25 PM – 5:00 PM');
    expect(kubeconName).toContain(`at ${KUBECON}`);
    const ciliumName = await waitForName(planBlock(wednesday, SHIFTED_TALK), /clash with Extending the Gateway API/);
    expect(ciliumName).toContain('4:30 PM – 5:05 PM');
    expect(ciliumName).toContain(`at ${SHIFTED_CILIUM_TITLE}`);

    await expect.poll(() => page.getByTestId('clash-badge').textContent(), SLOW).toMatch(/1/);
    await page.getByTestId('clash-badge').click();
    const panel = page.getByRole('region', { name: 'Clashes' });
    const card = panel.getByRole('listitem', { name: `Clash between ${KUBECON_TALK} and ${SHIFTED_TALK}` });
    await card.waitFor(SLOW);
    expect(await card.textContent()).toMatch(/30 min/);
    // Each side names its conference, so a clash across two schedules says which talk is where.
    const sideConferences = await card.locator('[data-conference]').evaluateAll((swatches) => swatches.map((s) => s.parentElement?.textContent?.trim()));
    expect(sideConferences).toEqual([KUBECON, SHIFTED_CILIUM_TITLE]);
    const stored = await callApi(page, 'clash.list', {});
    expect(stored.map((c) => [c.kind, c.minutes])).toEqual([['overlap', 30]]);
    if (process.env.CLASHLESS_SCREENSHOTS) {
      // The README's picture: the whole week, the two clashing blocks in view, the panel open.
      await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      await planBlock(wednesday, KUBECON_TALK).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS, 'my-week-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS, 'my-week-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('reopens on My week after a restart, and a conference chosen alone shows only its own', async () => {
    await page.reload();
    await expect.poll(() => switcher().inputValue(), SLOW).toBe('my-week');
    await waitForName(planBlock(dayColumn(page, WEDNESDAY), SHIFTED_TALK), /clash with/);
    await switcher().selectOption({ label: KUBECON });
    await expect.poll(() => sessionsList(page).getByRole('listitem').first().getAttribute('aria-setsize'), SLOW).toBe('18');
    expect(await planBlock(page, SHIFTED_TALK).count()).toBe(0);
    expect((await callApi(page, 'view.get', {})).myWeek).toBe(false);
    expect(opened.app.externalRequests).toEqual([]);
  });
});
