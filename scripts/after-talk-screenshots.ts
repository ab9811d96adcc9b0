// The README pictures of "After the talk", taken from the real UI in Debian's Chromium through the
// browser host: FOSDEM 2021 (tests/fixtures/peer) with four planned talks, one attended and rated,
// one missed, one kept as a backup, at 1024×700 in light and dark. Each shows the Watch later panel
// (recording links from the schedule) and, for the missed talk, its details with Attended/Missed and
// the rating. Writes docs/after-talk-*.png. `npm run screenshots` runs it after the views; alone:
// node --experimental-strip-types --no-warnings scripts/after-talk-screenshots.ts (after a build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, catalogEntry, chooseConference, openApp, ROOT, startHost } from '../tests/e2e/helpers.ts';

const FOSDEM = readFileSync(join(ROOT, 'tests', 'fixtures', 'peer', 'frab-xml', 'fosdem_2021.xml'), 'utf8');
const KEYS = { attended: 'fosdem-2021:11795', missed: 'fosdem-2021:11164', backup: 'fosdem-2021:11064', going: 'fosdem-2021:10916' };

const host = await startHost();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await openApp(host, { timezoneId: 'Europe/Brussels', colorScheme: scheme, width: 1024, height: 700 });
    const { page } = app;
    let conference = (await callApi(page, 'conference.list', {})).find((c) => c.title === 'FOSDEM 2021');
    if (!conference) {
      const { conferenceId } = await callApi(page, 'import.commit', { text: FOSDEM, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
      const sessions = await callApi(page, 'session.list', { conferenceId, limit: 100_000 });
      const id = (key: string) => sessions.find((s) => s.key === key)?.id;
      const ids = Object.values(KEYS).flatMap((k) => id(k) ?? []);
      const { items } = await callApi(page, 'plan.add', { sessionIds: ids });
      const item = (key: string) => items.find((i) => i.sessionKey === key)!.id;
      await callApi(page, 'plan.mark', { itemIds: [item(KEYS.attended)], outcome: 'attended', rating: 5 });
      await callApi(page, 'plan.update', { itemId: item(KEYS.attended), note: 'Great overview of the online format.' });
      await callApi(page, 'plan.mark', { itemIds: [item(KEYS.missed)], outcome: 'missed', rating: 4 });
      await callApi(page, 'plan.update', { itemId: item(KEYS.backup), state: 'backup' });
      conference = (await callApi(page, 'conference.list', {})).find((c) => c.title === 'FOSDEM 2021')!;
    }
    await page.reload();
    await chooseConference(page, 'FOSDEM 2021', conference.sessionCount);
    const missed = (await callApi(page, 'session.list', { conferenceId: conference.id, limit: 100_000 })).find((s) => s.key === KEYS.missed)!;
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill(missed.title);
    await catalogEntry(page, missed.title).click();
    await page.waitForTimeout(400);
    const details = join(ROOT, 'docs', `after-talk-details-${scheme}.png`);
    await page.screenshot({ path: details });
    console.log(details);
    await page.locator('header.toolbar').getByRole('button', { name: 'Watch later' }).click();
    await page.getByRole('complementary', { name: 'Watch later' }).getByRole('listitem').first().waitFor();
    await page.waitForTimeout(400);
    const later = join(ROOT, 'docs', `after-talk-watch-later-${scheme}.png`);
    await page.screenshot({ path: later });
    console.log(later);
    await app.close();
  }
} finally {
  await host.stop();
}
