// A reminder per planned item, as a person sets it: the details panel's Reminder select, by
// keyboard, applies at once, says so in the status line, and Ctrl+Z takes it back. The exported
// .ics then has that item's VALARM, none for an item set to "None", and the Export dialog's
// reminder for the rest.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chooseConference, dayColumn, openApp, planBlock, startHost, type AppPage, type Host } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const WED = 'Wednesday, November 13, 2024';
const FRI = 'Friday, November 15, 2024';
const ROUTES = 'All Your Routes Are Ready, More or Less';
const GOTO = 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!';
const GAMERS = 'Thousands of Gamers, One Kubernetes Network';

/** Each VEVENT's SUMMARY → the TRIGGERs of its VALARMs (lines unfolded, text unescaped enough for these titles). */
function triggers(ics: string): Map<string, string[]> {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const out = new Map<string, string[]>();
  for (const ev of unfolded.split('BEGIN:VEVENT').slice(1)) {
    const summary = /^SUMMARY:(.*)$/m.exec(ev)?.[1]?.replace(/\\,/g, ',').trim() ?? '';
    out.set(summary, [...ev.matchAll(/^TRIGGER[^:]*:(.*)$/gm)].map((m) => m[1]!.trim()));
  }
  return out;
}

describe('reminder per planned item', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
    page = app.page;
    await chooseConference(page, KUBECON, 18);
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON)!;
    const sessions = await callApi(page, 'session.list', { conferenceId: kubecon.id });
    const ids = [ROUTES, GOTO, GAMERS].map((t) => sessions.find((s) => s.title === t)!.id);
    await callApi(page, 'plan.add', { sessionIds: ids });
    await planBlock(dayColumn(page, WED), ROUTES).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const reminderSelect = () => page.getByRole('combobox', { name: 'Reminder', exact: true });
  const status = async () => ((await page.getByTestId('status').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const planned = async (title: string) => (await callApi(page, 'plan.list', {})).find((p) => p.title === title)!;

  it('sets a reminder from the keyboard, says so, and Ctrl+Z takes it back', async () => {
    await planBlock(dayColumn(page, WED), ROUTES).click();
    const select = reminderSelect();
    await select.waitFor();
    expect(await select.inputValue()).toBe('default');
    expect(await select.locator('option').allTextContents()).toEqual(['Export default', 'None', '5 min before', '10 min before', '15 min before', '30 min before']);

    // A native select: focusable, and End picks the last choice (one change, one undo step).
    await select.focus();
    await page.keyboard.press('End');
    await expect.poll(status, SLOW).toBe('“All Your Routes Are Ready, More or…” will remind you 30 min before. Undo');
    await expect.poll(async () => (await planned(ROUTES)).reminder, SLOW).toBe(30);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await planned(ROUTES)).reminder, SLOW).toBeNull();
    await expect.poll(() => select.inputValue(), SLOW).toBe('default');
    expect(await status()).toMatch(/^Undid: set a reminder 30 min before for “All Your Routes/);
  });

  it('exports each item’s own reminder, none for “None”, and the dialog’s reminder for the rest', async () => {
    await reminderSelect().selectOption({ label: '15 min before' });
    await expect.poll(async () => (await planned(ROUTES)).reminder, SLOW).toBe(15);
    await planBlock(dayColumn(page, FRI), GOTO).click();
    await expect.poll(() => reminderSelect().inputValue(), SLOW).toBe('default');
    await reminderSelect().selectOption({ label: 'None' });
    await expect.poll(status, SLOW).toMatch(/^No reminder for “How GoTo/);

    const dialog = page.getByRole('dialog', { name: 'Export agenda' });
    const exportIcs = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
      return triggers(await readFile(await download.path(), 'utf8'));
    };
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Reminder' }).selectOption({ label: '5 minutes before' });
    expect(Object.fromEntries(await exportIcs())).toEqual({ [ROUTES]: ['-PT15M'], [GOTO]: [], [GAMERS]: ['-PT5M'] });

    // The dialog's "None" leaves the items without their own reminder without any alarm.
    await dialog.getByRole('combobox', { name: 'Reminder' }).selectOption({ label: 'None' });
    expect(Object.fromEntries(await exportIcs())).toEqual({ [ROUTES]: ['-PT15M'], [GOTO]: [], [GAMERS]: [] });
    expect(app.externalRequests).toEqual([]);
  });
});
