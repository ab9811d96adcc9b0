// Friends' plans end to end: Alex exports her agenda from her own Clashless (the Export dialog,
// with her name), and I add that file in mine through the Friends panel's file picker. Her
// sessions then carry her initials in my catalog and on my week grid, the catalog's friend filter
// keeps only them, my own plan is untouched, and removing her takes all of it away (one undo step).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, catalogEntry, openKubecon, planBlock, sessionsList, waitForName, type KubeconApp } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const ALEX_GOES = [
  'All Your Routes Are Ready, More or Less',
  'Harnessing the Power of Envoy Proxy for Building an LLM Gateway',
  'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!'
];

describe('a friend’s exported agenda as an overlay', () => {
  let alex: KubeconApp;
  let me: KubeconApp;
  let agendaPath = '';

  beforeAll(async () => {
    [alex, me] = await Promise.all([openKubecon(), openKubecon()]);
  });

  afterAll(async () => {
    for (const k of [alex, me]) {
      await k?.app.close();
      await k?.host.stop();
    }
  });

  it('Alex exports her plan with her name in it', async () => {
    const { page, conferenceId } = alex;
    const sessions = await callApi(page, 'session.list', { conferenceId });
    await callApi(page, 'plan.add', { sessionIds: sessions.filter((s) => ALEX_GOES.includes(s.title)).map((s) => s.id) });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export agenda' });
    await dialog.getByRole('textbox', { name: 'Your name (for friends)' }).fill('Alex');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    agendaPath = await download.path();
    const text = await readFile(agendaPath, 'utf8');
    expect(text).toMatch(/\r\nX-CLASHLESS-OWNER:Alex\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('I add her file in the Friends panel: her name is proposed and three sessions match', async () => {
    const { page } = me;
    await page.getByRole('button', { name: 'Friends', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Friends' });
    await panel.waitFor(SLOW);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Add a friend’s plan…' }).click()]);
    await chooser.setFiles(agendaPath);
    await expect.poll(() => panel.getByTestId('friend-preview').textContent(), SLOW).toMatch(/3 sessions found\.$/);
    const name = panel.getByRole('textbox', { name: 'Whose plan is it?' });
    expect(await name.inputValue()).toBe('Alex');
    await panel.getByRole('button', { name: 'Add plan' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), SLOW).toBe('Added Alex’s plan: 3 sessions.');
    await panel.getByRole('list', { name: 'Friends' }).getByText('Alex', { exact: true }).waitFor(SLOW);
  });

  it('the filter “Friends attend” keeps her three sessions, each with her initials; my plan is still empty', async () => {
    const { page, conferenceId } = me;
    const filter = page.getByRole('combobox', { name: 'Friends' });
    await filter.selectOption({ label: 'Friends attend' });
    await expect.poll(() => sessionsList(page).getByRole('listitem').count(), SLOW).toBe(3);
    for (const title of ALEX_GOES) {
      const entry = catalogEntry(page, title);
      await waitForName(entry, /Alex goes/, 15_000);
      expect(await entry.locator('[data-friends]').getAttribute('data-friends')).toBe('A');
    }
    expect(await callApi(page, 'plan.list', { conferenceId })).toEqual([]);
    // A session's details say who goes.
    await catalogEntry(page, ALEX_GOES[1]!).click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await expect.poll(() => details.locator('dt:text-is("Friends") + dd').textContent(), SLOW).toBe('Alex');
    await page.keyboard.press('Escape');
    await filter.selectOption({ label: 'Every session' });
    await expect.poll(() => sessionsList(page).getByRole('listitem').count(), SLOW).toBeGreaterThan(3);
  });

  it('a session of hers that I plan shows her initials on my week grid', async () => {
    const { page, conferenceId } = me;
    await page.getByRole('button', { name: 'Friends', exact: true }).click();
    const session = (await callApi(page, 'session.list', { conferenceId })).find((s) => s.title === ALEX_GOES[0]);
    if (!session) throw new Error('the session is missing');
    await callApi(page, 'plan.add', { sessionIds: [session.id] });
    const block = planBlock(page.locator('.day-column'), ALEX_GOES[0]!);
    await waitForName(block, /, Alex goes$/, 15_000);
    expect(await block.locator('[data-friends]').getAttribute('data-friends')).toBe('A');
  });

  it('the Now view says which session she is in at the moment', async () => {
    const { app, host } = me;
    // Thursday 11:10 AM in Salt Lake City: Alex is in the Envoy talk (11:00–11:35).
    const p = await app.context.newPage();
    try {
      await p.clock.setFixedTime(new Date('2024-11-14T18:10:00Z'));
      await p.goto(host.url);
      await catalogEntry(p, ALEX_GOES[0]!).waitFor(SLOW);
      await p.getByRole('combobox', { name: 'Conference' }).selectOption({ label: 'KubeCon + CloudNativeCon North America 2024' });
      await p.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Now', exact: true }).click();
      const friendsNow = p.getByRole('region', { name: 'Friends now' });
      await friendsNow.getByRole('button', { name: ALEX_GOES[1], exact: true }).waitFor(SLOW);
      expect(await friendsNow.textContent()).toContain('Alex · 11:00 AM');
    } finally {
      await p.close();
    }
  });

  it('removing her (after a confirmation) removes every badge and leaves my plan as it was', async () => {
    const { page, conferenceId } = me;
    const panel = page.getByRole('complementary', { name: 'Friends' });
    await panel.getByRole('button', { name: 'Remove Alex’s plan' }).click();
    await panel.getByRole('button', { name: 'Remove Alex’s plan' }).click();
    await expect.poll(() => panel.getByRole('status').textContent(), SLOW).toBe('Removed Alex’s plan; your own plan is unchanged. Undo (Ctrl+Z) brings it back.');
    await expect.poll(() => page.locator('[data-friends]').count(), SLOW).toBe(0);
    expect(await callApi(page, 'friends.list', {})).toEqual([]);
    expect((await callApi(page, 'plan.list', { conferenceId })).map((p) => p.title)).toEqual([ALEX_GOES[0]]);
    // Undo puts her whole overlay back, badges included; redo takes it away again.
    await page.locator('header.toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
    await panel.getByRole('list', { name: 'Friends' }).getByText('Alex', { exact: true }).waitFor(SLOW);
    await expect.poll(() => page.locator('.day-column [data-friends]').count(), SLOW).toBe(1);
    await page.locator('header.toolbar').getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => page.locator('[data-friends]').count(), SLOW).toBe(0);
  });
});
