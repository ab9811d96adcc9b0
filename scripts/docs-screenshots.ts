// `npm run screenshots`: the README and docs pictures of every view, taken from the real UI in
// Debian's Chromium through the browser host: 38C3 with three planned days (a few clashes and a
// lunch block), each of Week, Day, List, By room and Now at 1024×700 and 1920×1080, light and dark, the
// clock fixed on Saturday afternoon so "Now" has something to say. Writes docs/view-*.png, then the
// after-the-talk pictures (scripts/after-talk-screenshots.ts).
import { join } from 'node:path';
import { callApi, chooseConference, import38c3, openApp, ROOT, startHost } from '../tests/e2e/helpers.ts';

const VIEWS = ['Week', 'Day', 'List', 'By room', 'Now'] as const;
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 }
] as const;
const NOW = new Date('2024-12-28T13:20:00Z'); // Saturday 14:20 in Hamburg
const PICKS = [
  'Hacker Jeopardy',
  'Hacker*innen Jeopardy',
  'Desiring Technology. Über Porno, Abhängigkeit und Fortschritt'
];

const host = await startHost();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      const app = await openApp(host, { timezoneId: 'Europe/Berlin', colorScheme: scheme, ...size });
      const { page } = app;
      await page.clock.setFixedTime(NOW);
      let conference = (await callApi(page, 'conference.list', {})).find((c) => c.title === '38C3');
      if (!conference) {
        const { conferenceId, sessions } = await import38c3(page);
        // Each day a chain of talks in the big halls, back to back as a person would plan them,
        // plus the PICKS, which overlap some of them: a realistic plan with a few clashes.
        const picked = new Set(sessions.filter((s) => PICKS.includes(s.title)).map((s) => s.id));
        for (const day of [27, 28, 29]) {
          let free = Date.UTC(2024, 11, day, 10);
          for (const s of sessions) {
            if (s.start < free || s.start >= Date.UTC(2024, 11, day, 21) || !/^Saal/.test(s.room ?? '')) continue;
            picked.add(s.id);
            free = s.end + 30 * 60_000;
          }
        }
        await callApi(page, 'plan.add', { sessionIds: [...picked] });
        await callApi(page, 'block.create', {
          conferenceId,
          title: 'Lunch with Ana',
          start: Date.UTC(2024, 11, 28, 11, 30),
          end: Date.UTC(2024, 11, 28, 12, 15),
          place: 'Food court'
        });
        conference = (await callApi(page, 'conference.list', {})).find((c) => c.title === '38C3')!;
      }
      await page.reload();
      await chooseConference(page, '38C3', conference.sessionCount);
      for (const view of VIEWS) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await page.waitForTimeout(400);
        const file = join(ROOT, 'docs', `view-${view.toLowerCase().replace(' ', '')}-${size.width}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await app.close();
    }
  }
} finally {
  await host.stop();
}

// The "After the talk" pictures (docs/after-talk-*.png), on their own schedule.
await import('./after-talk-screenshots.ts');
