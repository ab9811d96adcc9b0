// After the talk, as a person does it in the real UI (browser host, Chromium, FOSDEM 2021's frab
// export): a planned talk marked "Missed" in its details appears in the Watch later panel with the
// recording link its schedule carries, a backup without a recording says "No recording yet", a
// rating sticks, and the "My conference" report arrives as a download with the recording in it.
// Expected links are read from the schedule document itself.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, catalogEntry, chooseConference, openApp, startHost, type AppPage, type Host } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const FOSDEM = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'peer', 'frab-xml', 'fosdem_2021.xml'), 'utf8');
const EVENTS = FOSDEM.match(/<event [^>]*id="\d+"[\s\S]*?<\/event>/g)!;
const eventById = (id: string) => EVENTS.find((e) => e.includes(`id="${id}"`))!;
const titleOf = (ev: string) => /<title>([^<]*)<\/title>/.exec(ev)![1]!;
// The welcome talk carries its recording; a talk with no video.fosdem.org link at all carries none.
const WELCOME = eventById('11795');
const WELCOME_TITLE = titleOf(WELCOME);
const WELCOME_MP4 = /<link href="(https:\/\/video\.fosdem\.org\/[^"]+\.mp4)">Video recording \(mp4\)<\/link>/.exec(WELCOME)![1]!;
const BARE = EVENTS.find((e) => !e.includes('video.fosdem.org') && /<title>[^<&]+<\/title>/.test(e))!;
const BARE_TITLE = titleOf(BARE);

describe('Watch later', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'Europe/Brussels', width: 1024, height: 700 });
    page = app.page;
    const { conferenceId } = await callApi(page, 'import.commit', { text: FOSDEM, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
    await chooseConference(page, 'FOSDEM 2021', EVENTS.length);
    const sessions = await callApi(page, 'session.list', { conferenceId, limit: 100_000 });
    const id = (title: string) => sessions.find((s) => s.title === title)!.id;
    await callApi(page, 'plan.add', { sessionIds: [id(WELCOME_TITLE)] });
    await callApi(page, 'plan.add', { sessionIds: [id(BARE_TITLE)], state: 'backup' });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const planned = async (title: string) => (await callApi(page, 'plan.list', {})).find((p) => p.title === title)!;
  const side = () => page.getByRole('complementary', { name: 'Watch later' });

  it('marks a planned talk missed in its details, and Watch later lists it with its recording link', async () => {
    expect(WELCOME_MP4).toBe('https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4');
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill(WELCOME_TITLE);
    await catalogEntry(page, WELCOME_TITLE).click();
    const details = page.getByRole('complementary', { name: 'Details' });
    const missed = details.getByRole('button', { name: 'Missed', exact: true });
    await missed.click();
    await expect.poll(() => missed.getAttribute('aria-pressed'), SLOW).toBe('true');
    await expect.poll(async () => (await planned(WELCOME_TITLE)).outcome, SLOW).toBe('missed');
    await details.getByRole('radio', { name: '4 of 5 stars' }).check();
    await expect.poll(async () => (await planned(WELCOME_TITLE)).rating, SLOW).toBe(4);
    // The week's block says it too, to eyes (a mark) and to screen readers (its name).
    const item = await planned(WELCOME_TITLE);
    const block = page.locator(`.day-column [data-item-id="${item.id}"]`);
    await expect.poll(() => block.getAttribute('aria-label'), SLOW).toMatch(/, missed, rated 4 of 5/);
    expect(await block.locator('.outcome-mark').textContent()).toBe('✗');

    await page.locator('header.toolbar').getByRole('button', { name: 'Watch later' }).click();
    await side().waitFor(SLOW);
    const rows = side().getByRole('listitem');
    await expect.poll(() => rows.count(), SLOW).toBe(2);
    const welcome = rows.filter({ hasText: WELCOME_TITLE });
    const link = welcome.getByRole('link', { name: 'Watch recording ↗' });
    expect(await link.getAttribute('href')).toBe(WELCOME_MP4);
    expect(await welcome.textContent()).toContain('Missed');
    const bare = rows.filter({ hasText: BARE_TITLE });
    expect(await bare.textContent()).toContain('No recording yet');
    expect(await bare.getByRole('link').count()).toBe(0);
  });

  it('takes a talk off the list when it is marked attended, and Ctrl+Z puts it back', async () => {
    await callApi(page, 'plan.mark', { itemIds: [(await planned(BARE_TITLE)).id], outcome: 'attended' });
    await expect.poll(() => side().getByRole('listitem').count(), SLOW).toBe(1);
    await page.locator('body').press('Control+z');
    await expect.poll(() => side().getByRole('listitem').count(), SLOW).toBe(2);
  });

  it('exports “My conference” as Markdown with the recording of the missed talk', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export agenda' });
    await dialog.getByRole('radio', { name: /^My conference \(Markdown\)/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fosdem-2021-\d{4}-\d{2}-\d{2}-report\.md$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('# My conference: FOSDEM 2021');
    expect(text).toContain(`- ${WELCOME_TITLE} _(missed)_`);
    expect(text).toContain(`  - Recording: <${WELCOME_MP4}>`);
    expect(text).toContain('  - Rating: 4/5 ★★★★☆');
    expect(app.externalRequests).toEqual([]);
  });
});
