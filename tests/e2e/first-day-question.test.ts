// A pasted schedule whose days are only weekdays: the import dialog asks "On which date is the
// first day, Thursday?" instead of guessing the week, refuses a date on another weekday saying
// so, and with the right date previews and imports every session on its day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openApp, startHost, type AppPage, type Host } from './helpers.ts';

const TITLE = 'Weekday Fest 2012';
const TEXT = [
  `# ${TITLE}`,
  '',
  '## Thursday',
  '',
  '- 10:00 - 11:00 Sprint kickoff',
  '- 14:00 - 15:00 Sprint review',
  '',
  '## Saturday',
  '',
  '- 09:30 - 10:00 Opening keynote',
  '',
  '## Sunday',
  '',
  '- 16:00 - 17:00 Closing panel',
  ''
].join('\n');

describe('import dialog: the first-day question', () => {
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const dialog = () => app.page.getByRole('dialog', { name: 'Import schedule' });
  const question = () => dialog().getByRole('textbox', { name: 'On which date is the first day, Thursday?' });
  const useDate = () => dialog().getByRole('button', { name: 'Use this date' });

  it('asks on which date the first day is, with the year the schedule names, and nothing to import yet', async () => {
    await app.page.getByRole('button', { name: 'Import…' }).click();
    await dialog().getByRole('textbox', { name: 'Schedule text' }).fill(TEXT);
    await question().waitFor({ timeout: 15_000 });
    const alert = dialog().getByRole('alert');
    expect(await alert.textContent()).toMatch(/On which date is the first day, Thursday\?.*names the year 2012/s);
    // The year is evidence, not an answer: the field starts with it and cannot be used as it is.
    expect(await question().inputValue()).toBe('2012-');
    expect(await useDate().isDisabled()).toBe(true);
    expect(await dialog().getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
  });

  it('a date on another weekday is refused, saying which weekday it is', async () => {
    await question().fill('2012-09-14');
    await useDate().click();
    await expect.poll(() => dialog().getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/2012-09-14 is a Friday, but the schedule's first day is Thursday/);
    expect(await question().isVisible()).toBe(true);
  });

  it('the right date previews every session on its day; with the zone chosen it imports', async () => {
    const { page } = app;
    await question().fill('2012-09-13');
    await question().press('Enter');
    await expect.poll(() => dialog().getByTestId('session-count').textContent(), { timeout: 15_000 }).toBe('4 sessions');
    expect(await dialog().getByTestId('first-day').textContent()).toMatch(/2012-09-13/);
    // The schedule names no zone either: that question comes next, as always.
    await dialog().getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Paris');
    const importButton = dialog().getByRole('button', { name: 'Import 4 sessions' });
    await expect.poll(() => importButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await importButton.click();
    await dialog().getByRole('region', { name: 'Import report' }).waitFor();

    const conference = (await callApi(page, 'conference.list', {})).find((c) => c.title.includes(TITLE));
    expect(conference).toMatchObject({ timeZone: 'Europe/Paris', startDate: '2012-09-13', endDate: '2012-09-16' });
    const sessions = await callApi(page, 'session.list', { conferenceId: conference!.id });
    expect(sessions.map((s) => [s.title, new Date(s.start).toISOString()]).sort((a, b) => a[1]!.localeCompare(b[1]!))).toEqual([
      ['Sprint kickoff', '2012-09-13T08:00:00.000Z'],
      ['Sprint review', '2012-09-13T12:00:00.000Z'],
      ['Opening keynote', '2012-09-15T07:30:00.000Z'],
      ['Closing panel', '2012-09-16T14:00:00.000Z']
    ]);
  });
});
