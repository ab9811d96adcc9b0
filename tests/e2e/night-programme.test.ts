// The week view files a night programme's small hours under the night they belong to: 38C3's
// Friday runs to ~03:00, and "Desiring Technology" at 00:15 shows in Friday's column, with the
// hour axis running from the quiet hour instead of midnight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, import38c3, openApp, startHost, type AppPage, type Host } from './helpers.ts';

const DESIRING = 'Desiring Technology. Über Porno, Abhängigkeit und Fortschritt';

describe('a night programme in the week view', () => {
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Berlin' });
    const { page } = app;
    const { sessions } = await import38c3(page);
    const desiring = sessions.find((s) => s.title === DESIRING)!;
    await callApi(page, 'plan.add', { sessionIds: [desiring.id] });
    await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: '38C3' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows the 00:15 talk in Friday’s column, not Saturday’s', async () => {
    const { page } = app;
    const block = page.locator('.day-column[data-day="2024-12-27"] [data-item-id]').filter({ hasText: 'Desiring Technology' });
    await expect.poll(() => block.count()).toBe(1);
    expect(await page.locator('.day-column[data-day="2024-12-28"] [data-item-id]').filter({ hasText: 'Desiring Technology' }).count()).toBe(0);
    expect(await block.getAttribute('aria-label')).toContain('12:15 AM');
  });
});
