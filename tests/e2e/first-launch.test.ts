// First launch on a fresh database: the seeded KubeCon week is there, in the conference's own
// zone, and nothing reaches off this machine. Also takes the README screenshot: into the folder
// CLASHLESS_SCREENSHOTS names (`CLASHLESS_SCREENSHOTS=docs` renews docs/screenshot.png), else a
// temporary folder, so a test run never changes a tracked file.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntry, chooseConference, dayColumn, openApp, planBlock, ROOT, sessionsList, startHost, type AppPage, type Host } from './helpers.ts';

/** Services answer over HTTP on a busy machine: give polled expectations room. */
const SLOW = { timeout: 15_000 };
const KUBECON = 'KubeCon + CloudNativeCon North America 2024';

describe('first launch', () => {
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost();
    // A computer in Berlin looking at a conference in Salt Lake City: times must still read as Mountain.
    app = await openApp(host, { timezoneId: 'Europe/Berlin' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('opens the KubeCon week with its conference chosen', async () => {
    const { page } = app;
    const conference = page.getByRole('combobox', { name: 'Conference' });
    const options = await conference.locator('option').allTextContents();
    expect(options).toContain(KUBECON);
    // The first conference is shown on first launch; the seeds' order is the services' to choose.
    const chosen = await conference.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
    expect(options[0]).toBe(chosen);
    if (chosen !== KUBECON) await chooseConference(page, KUBECON, 18);
    await expect.poll(() => conference.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent), SLOW).toBe(KUBECON);
  });

  it('the catalog lists the 18 sessions, each with its time in Mountain time', async () => {
    const { page } = app;
    const first = sessionsList(page).getByRole('listitem').first();
    await expect.poll(() => first.getAttribute('aria-setsize'), SLOW).toBe('18');
    await expect.poll(() => page.getByText('18 sessions', { exact: true }).count(), SLOW).toBe(1);
    const routes = catalogEntry(page, 'All Your Routes Are Ready, More or Less');
    expect(await routes.getAttribute('aria-label')).toMatch(/11:15 AM – 11:50 AM/);
    // Only the rows in view are in the DOM.
    expect(await sessionsList(page).getByRole('listitem').count()).toBeLessThan(18);
  });

  it('the week has a column per conference day, named by its full date', async () => {
    const { page } = app;
    for (const day of ['Wednesday, November 13, 2024', 'Thursday, November 14, 2024', 'Friday, November 15, 2024']) {
      expect(await dayColumn(page, day).count(), day).toBe(1);
    }
    expect(await page.getByRole('group', { name: /^Tuesday|^Saturday/ }).count()).toBe(0);
  });

  it('says which zone the times are in', async () => {
    const label = await app.page.getByTestId('zone-label').textContent();
    expect(label?.replace(/\s+/g, ' ').trim()).toBe('Times in Mountain Time (America/Denver)');
  });

  it('search narrows the catalog as you type', async () => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search sessions' });
    await search.fill('gamers');
    await expect.poll(() => sessionsList(page).getByRole('listitem').count(), SLOW).toBe(1);
    expect(await sessionsList(page).getByRole('listitem').first().getAttribute('aria-label')).toMatch(/^Thousands of Gamers/);
    await search.fill('');
    await expect.poll(() => sessionsList(page).getByRole('listitem').first().getAttribute('aria-setsize'), SLOW).toBe('18');
  });

  it('takes the README screenshot and made no request off this machine', async () => {
    const { page } = app;
    // A small plan so the picture shows what the app is for: a session, a clash side by side, a selection.
    for (const title of [
      'All Your Routes Are Ready, More or Less',
      'Harnessing the Power of Envoy Proxy for Building an LLM Gateway',
      'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!',
      'Thousands of Gamers, One Kubernetes Network'
    ]) {
      const search = page.getByRole('searchbox', { name: 'Search sessions' });
      await search.fill(title.split(' ').slice(0, 3).join(' '));
      // Wait for the search to answer, so the entry is not replaced under the keyboard.
      await expect.poll(() => sessionsList(page).getByRole('listitem').count(), SLOW).toBeLessThan(4);
      const entry = catalogEntry(page, title);
      await entry.focus();
      await page.keyboard.press('Enter');
      await planBlock(page, title).first().waitFor();
    }
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    await planBlock(page, 'Thousands of Gamers').click();
    await page.getByRole('heading', { name: 'Thousands of Gamers, One Kubernetes Network' }).waitFor();
    // One step of zoom so the side-by-side clash reads at a glance.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.mouse.move(0, 0);
    const folder = process.env.CLASHLESS_SCREENSHOTS ? join(ROOT, process.env.CLASHLESS_SCREENSHOTS) : tmpdir();
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, 'screenshot.png') });
    expect(app.externalRequests).toEqual([]);
  });
});
