// The export dialog: an .ics of the planned KubeCon sessions arrives as a download with one
// VEVENT per included item, each with a Clashless UID; the state checkboxes decide what is in it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startHost, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';


/** The VEVENT blocks' UIDs in an iCalendar text (lines unfolded first). */
function eventUids(ics: string): string[] {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const events = unfolded.split(/\r?\nBEGIN:VEVENT\r?\n/).slice(1);
  return events.map((e) => /^UID:(.*)$/m.exec(e)?.[1]?.trim() ?? '');
}

describe('export dialog', () => {
  let host: Host;
  let app: AppPage;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
    const { page } = app;
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON);
    if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
    await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: KUBECON });
    const sessions = await callApi(page, 'session.list', { conferenceId: kubecon.id });
    const { items } = await callApi(page, 'plan.add', { sessionIds: sessions.map((s) => s.id) });
    // One of the 18 is only a backup: going-only exports leave it out.
    const backup = items[items.length - 1];
    if (!backup) throw new Error('plan.add returned no items');
    await callApi(page, 'plan.update', { itemId: backup.id, state: 'backup' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  function dialog() {
    return app.page.getByRole('dialog', { name: 'Export agenda' });
  }

  async function exportIcs(): Promise<{ fileName: string; text: string; status: string }> {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Export' }).click()]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/^Saved \d+ events? as /);
    return { fileName: download.suggestedFilename(), text, status: (await dialog().getByRole('status').textContent()) ?? '' };
  }

  it('exports the going sessions as .ics: 17 VEVENTs with Clashless UIDs', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog().waitFor();
    expect(await dialog().getByRole('radio', { name: /^Calendar \(\.ics\)/ }).isChecked()).toBe(true);
    const { fileName, text, status } = await exportIcs();
    expect(fileName).toMatch(/\.ics$/);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    const uids = eventUids(text);
    expect(uids).toHaveLength(17);
    expect(status).toBe(`Saved 17 events as ${fileName} (in your downloads).`);
    for (const uid of uids) expect(uid).toMatch(/@clashless$/);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('ticking Backup adds the backup session', async () => {
    await dialog().getByRole('checkbox', { name: 'Backup' }).check();
    const { text } = await exportIcs();
    expect(eventUids(text)).toHaveLength(18);
  });

  it('with no state ticked there is nothing to export', async () => {
    for (const name of ['Going', 'Backup']) await dialog().getByRole('checkbox', { name }).uncheck();
    expect(await dialog().getByRole('button', { name: 'Export' }).isDisabled()).toBe(true);
    await app.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });
});
