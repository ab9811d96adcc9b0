// The clash panel with a whole-congress wish list: 38C3 with 300 sessions planned (thousands of
// clashes). It used to paint every card at once and freeze the page for seconds; now it shows the
// first page of cards, says how many there are, and shows more on request. Resolve all by
// priority still previews a clash-free plan for all of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openApp, startHost, type AppPage, type Host } from './helpers.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

describe('clash panel with 300 planned 38C3 sessions', () => {
  let host: Host;
  let app: AppPage;
  let clashCount = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Berlin' });
    const { page } = app;
    const text = readFileSync(join(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml'), 'utf8');
    const report = await callApi(page, 'import.commit', { text, fileName: '38c3.xml', format: 'frab-xml' });
    const sessions = (await callApi(page, 'session.list', { conferenceId: report.conferenceId, limit: 100_000 }))
      .filter((s) => s.status === 'scheduled')
      .sort((a, b) => a.start - b.start || a.id - b.id);
    const step = sessions.length / 300;
    const ids = Array.from({ length: 300 }, (_, i) => sessions[Math.floor(i * step)]!.id);
    await callApi(page, 'plan.add', { sessionIds: ids });
    clashCount = (await callApi(page, 'clash.list', { conferenceId: report.conferenceId })).length;
    expect(clashCount).toBeGreaterThan(1000);
    await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: '38C3' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const panel = () => app.page.getByRole('region', { name: 'Clashes' });
  const cards = () => panel().getByRole('listitem').filter({ has: app.page.getByRole('button', { name: 'Keep A' }) });

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
