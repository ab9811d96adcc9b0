// The README pictures of friends' plans (docs/friends-*.png), from the real UI through the browser
// host: 38C3 with my Saturday planned and two friends' exported agendas added as overlays (Alex's
// written by the app's own .ics export with her name, Bea's too), the clock on Saturday afternoon.
// Run: npx electron-vite build --logLevel warn && node --experimental-strip-types --no-warnings scripts/friends-screenshots.ts
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { callApi, chooseConference, import38c3, openApp, ROOT, startHost } from '../tests/e2e/helpers.ts';

const NOW = new Date('2024-12-28T13:20:00Z'); // Saturday 14:20 in Hamburg
const SATURDAY = [Date.UTC(2024, 11, 28, 10), Date.UTC(2024, 11, 28, 21)] as const;

/** Plan these sessions, export them as `owner`'s .ics, and take them out of my plan again. */
async function exportedAgenda(page: Page, conferenceId: number, owner: string, sessionIds: number[]): Promise<string> {
  const { items } = await callApi(page, 'plan.add', { sessionIds });
  const file = await callApi(page, 'export.agenda', { format: 'ics', conferenceId, owner });
  await callApi(page, 'plan.remove', { itemIds: items.map((i) => i.id) });
  return file.content;
}

const host = await startHost();
try {
  const first = await openApp(host, { timezoneId: 'Europe/Berlin' });
  const { conferenceId, sessions } = await import38c3(first.page);
  const saturday = sessions.filter((s) => s.start >= SATURDAY[0] && s.start < SATURDAY[1] && s.status === 'scheduled');
  // Back-to-back chains, as people plan: mine in the big halls, Alex's in the other halls, Bea's anywhere.
  const taken = new Set<number>();
  const chain = (keep: (room: string) => boolean, gapMinutes: number): number[] => {
    let free = SATURDAY[0];
    const ids: number[] = [];
    for (const s of saturday) {
      if (s.start < free || taken.has(s.id) || !keep(s.room ?? '')) continue;
      ids.push(s.id);
      taken.add(s.id);
      free = s.end + gapMinutes * 60_000;
    }
    return ids;
  };
  const mine = chain((room) => /^Saal [1GZ]/.test(room), 30);
  // Each friend also goes to one of my talks, so their initials show on my grid too.
  const alex = await exportedAgenda(first.page, conferenceId, 'Alex', [...chain((room) => /^Saal/.test(room), 15), mine[1]!]);
  const bea = await exportedAgenda(first.page, conferenceId, 'Bea Schulz', [...chain(() => true, 45), mine[1]!, mine[2]!]);
  await callApi(first.page, 'plan.add', { sessionIds: mine });
  await callApi(first.page, 'friends.add', { text: alex, fileName: 'alex.ics', name: 'Alex' });
  await callApi(first.page, 'friends.add', { text: bea, fileName: 'bea-favourites.ics', name: 'Bea Schulz' });
  await first.close();

  const shots = [
    { file: 'friends-week-1280-light.png', scheme: 'light', width: 1280, height: 800, view: 'Day' },
    { file: 'friends-now-1024-dark.png', scheme: 'dark', width: 1024, height: 700, view: 'Now' }
  ] as const;
  for (const shot of shots) {
    const app = await openApp(host, { timezoneId: 'Europe/Berlin', colorScheme: shot.scheme, width: shot.width, height: shot.height });
    const { page } = app;
    await page.clock.setFixedTime(NOW);
    await page.reload();
    await chooseConference(page, '38C3', sessions.length);
    await page.getByRole('button', { name: shot.view, exact: true }).click();
    await page.locator('header.toolbar').getByRole('button', { name: 'Friends', exact: true }).click();
    if (shot.view === 'Day') await page.getByRole('combobox', { name: 'Friends' }).selectOption({ label: 'Friends attend' });
    await page.waitForTimeout(600);
    const path = join(ROOT, 'docs', shot.file);
    await page.screenshot({ path });
    console.log(path);
    await app.close();
  }
} finally {
  await host.stop();
}
