// The clash panel with a whole-congress wish list: 38C3 with 300 sessions planned (thousands of
// clashes). It used to paint every card at once and freeze the page for seconds; now it shows the
// first page of cards, says how many there are, and shows more on request. Resolve all by
// priority still previews a clash-free plan for all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, import38c3, openApp, startHost, type AppPage, type Host } from './helpers.ts';

describe('clash panel with 300 planned 38C3 sessions', () => {
  let host: Host;
  let app: AppPage;
  let clashCount = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Berlin' });
    const { page } = app;
    const imported = await import38c3(page);
    const sessions = imported.sessions.filter((s) => s.status === 'scheduled');
    const step = sessions.length / 300;
    const ids = Array.from({ length: 300 }, (_, i) => sessions[Math.floor(i * step)]!.id);
    await callApi(page, 'plan.add', { sessionIds: ids });
    clashCount = (await callApi(page, 'clash.list', { conferenceId: imported.conferenceId })).length;
    expect(clashCount).toBeGreaterThan(1000);
    await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: '38C3' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const panel = () => app.page.getByRole('region', { name: 'Clashes' });
  const cards = () => panel().getByRole('listitem').filter({ has: app.page.getByRole('button', { name: 'Keep A' }) });

  it('draws crowded hours as a few readable blocks and a "+N" chip that lists the rest', async () => {
    const { page } = app;
    const chips = page.locator('.day-column .more-chip');
    // 300 blocks are drawn after the switch to 38C3; on a busy machine that is more than a second.
    await expect.poll(() => chips.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // No block is narrower than a third of its day column.
    const narrowest = await page.evaluate(() => {
      let min = Infinity;
      for (const col of document.querySelectorAll<HTMLElement>('.day-column')) {
        const w = col.getBoundingClientRect().width;
        for (const b of col.querySelectorAll<HTMLElement>('[data-item-id]')) min = Math.min(min, b.getBoundingClientRect().width / w);
      }
      return min;
    });
    expect(narrowest).toBeGreaterThan(0.3);
    const chip = chips.first();
    const label = (await chip.getAttribute('aria-label'))!;
    const n = Number((await chip.textContent())!.replace('+', ''));
    expect(label).toMatch(new RegExp(`^${n} more items? from \\d`));
    await chip.click();
    const list = page.getByRole('dialog', { name: label });
    await list.waitFor();
    expect(await list.getByRole('button').count()).toBe(n);
    await list.getByRole('button').first().click();
    await expect.poll(() => list.count()).toBe(0);
    await expect.poll(() => page.getByRole('complementary', { name: 'Details' }).count()).toBe(1);
  });

  it('By room gives each of 38C3’s many rooms the same readable width, however long a title', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'By room', exact: true }).click();
    const heads = page.locator('.room-head');
    await expect.poll(() => heads.count()).toBeGreaterThan(10);
    const widths = await heads.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    // More rooms than fit: each gets the 170 px minimum, not the width of its longest title.
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(169);
    expect(Math.max(...widths)).toBeLessThan(200);
    await page.getByRole('button', { name: 'Week', exact: true }).click();
  });

  it('shows the first 40 clashes, says how many there are, and shows more on request', async () => {
    const { page } = app;
    await page.getByTestId('clash-badge').click();
    await panel().waitFor();
    await expect.poll(() => cards().count()).toBe(40);
    await expect.poll(() => panel().getByText(`Showing 40 of ${clashCount} clashes.`).count()).toBe(1);
    await panel().getByRole('button', { name: 'Show 40 more' }).click();
    await expect.poll(() => cards().count()).toBe(80);
    await expect.poll(() => panel().getByText(`Showing 80 of ${clashCount} clashes.`).count()).toBe(1);
  });

  it('previews resolve-all by priority for every clash, naming the sessions that become backups', async () => {
    await panel().getByRole('button', { name: 'Resolve all by priority' }).click();
    const preview = panel().getByRole('group', { name: 'Resolve all by priority' });
    await preview.waitFor();
    const backups = await preview.getByRole('listitem').count();
    expect(backups).toBeGreaterThan(100);
    await expect.poll(() => preview.getByText(/Plan item \d+/).count()).toBe(0);
  });
});
