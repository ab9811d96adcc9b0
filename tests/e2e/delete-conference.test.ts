// Deleting a conference as a person does: the ⋯ menu's "Delete conference…", a confirmation that
// names it and what of it is planned, then it is gone from the conference picker (and from the
// store, with its sessions out of search); Ctrl+Z brings it back with its plan.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseConference, openApp, startHost, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const CILIUM = 'Cilium Talks at KubeCon NA 2023';
const ROUTES = 'All Your Routes Are Ready, More or Less';
const SLOW = { timeout: 15_000 };

describe('delete a conference', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;
  let kubeconId = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
    page = app.page;
    await chooseConference(page, KUBECON, 18);
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON);
    if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
    kubeconId = kubecon.id;
    const sessions = await callApi(page, 'session.list', { conferenceId: kubeconId });
    await callApi(page, 'plan.add', { sessionIds: sessions.slice(0, 2).map((s) => s.id) });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const picker = (): Locator => page.getByRole('combobox', { name: 'Conference' });
  const kubeconOption = (): Locator => picker().locator('option', { hasText: KUBECON });
  const dialog = (): Locator => page.getByRole('dialog', { name: 'Delete conference' });

  async function openDeleteDialog(): Promise<void> {
    await page.getByRole('button', { name: 'More commands' }).click();
    await page.getByRole('menuitem', { name: 'Delete conference…' }).click();
    await dialog().waitFor(SLOW);
  }

  it('asks first, naming the conference and its planned sessions; Cancel keeps it', async () => {
    await openDeleteDialog();
    await expect.poll(() => dialog().textContent(), SLOW).toContain(`“${KUBECON}” and its 18 sessions will be deleted, with the 2 sessions in your plan.`);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'hidden', ...SLOW });
    expect(await kubeconOption().count()).toBe(1);
    expect((await callApi(page, 'conference.list', {})).map((c) => c.title)).toContain(KUBECON);
  });

  it('deletes it when confirmed: gone from the picker, the store and search', async () => {
    await openDeleteDialog();
    await dialog().getByRole('button', { name: 'Delete conference' }).click();
    await dialog().waitFor({ state: 'hidden', ...SLOW });
    await kubeconOption().waitFor({ state: 'detached', ...SLOW });
    await expect.poll(async () => picker().locator('option:checked').textContent(), SLOW).toBe(CILIUM);
    expect((await callApi(page, 'conference.list', {})).map((c) => c.title)).toEqual([CILIUM]);
    expect(await callApi(page, 'session.list', { search: ROUTES })).toEqual([]);
    expect((await callApi(page, 'plan.list', {})).every((p) => p.conferenceId !== kubeconId)).toBe(true);
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Deleted “KubeCon/);
  });

  it('Ctrl+Z brings it back, shown again, with its plan', async () => {
    // Focus is back on the ⋯ button (the dialog returned it): the plan's undo, not a field's.
    await page.keyboard.press('Control+z');
    await kubeconOption().waitFor({ state: 'attached', ...SLOW });
    await expect.poll(async () => picker().locator('option:checked').textContent(), SLOW).toBe(KUBECON);
    const conferences = await callApi(page, 'conference.list', {});
    expect(conferences.find((c) => c.title === KUBECON)).toMatchObject({ id: kubeconId, sessionCount: 18 });
    expect((await callApi(page, 'plan.list', { conferenceId: kubeconId })).length).toBe(2);
    expect((await callApi(page, 'session.list', { search: ROUTES })).map((s) => s.title)).toEqual([ROUTES]);
  });
});
