// Renaming a conference as a person does, at 1024×700: the ⋯ menu's "Rename conference…", a dialog
// with the title in a labelled field, Esc leaves it, Enter saves; the conference picker shows the
// new title at once, the status line offers Undo, and Ctrl+Z gives the old title back.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseConference, openApp, startHost, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const NEW_TITLE = 'KubeCon Salt Lake City';
const SLOW = { timeout: 15_000 };

describe('rename a conference', () => {
  let host: Host;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver', width: 1024, height: 700 });
    page = app.page;
    await chooseConference(page, KUBECON, 18);
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const picker = (): Locator => page.getByRole('combobox', { name: 'Conference' });
  const dialog = (): Locator => page.getByRole('dialog', { name: 'Rename conference' });
  const field = (): Locator => dialog().getByRole('textbox', { name: 'Conference title' });
  const shown = async (): Promise<string | null> => picker().locator('option:checked').textContent();

  async function openRenameDialog(): Promise<void> {
    await page.getByRole('button', { name: 'More commands' }).click();
    await page.getByRole('menuitem', { name: 'Rename conference…' }).click();
    await dialog().waitFor(SLOW);
  }

  it('opens with the title prefilled; Esc cancels and changes nothing', async () => {
    await openRenameDialog();
    expect(await field().inputValue()).toBe(KUBECON);
    await field().fill('Not this one');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden', ...SLOW });
    expect(await shown()).toBe(KUBECON);
    expect((await callApi(page, 'conference.list', {})).map((c) => c.title)).toContain(KUBECON);
  });

  it('an empty title cannot be saved', async () => {
    await openRenameDialog();
    await field().fill('   ');
    expect(await dialog().getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await expect.poll(() => dialog().textContent(), SLOW).toContain('Give the conference a name.');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'hidden', ...SLOW });
    expect(await shown()).toBe(KUBECON);
  });

  it('Enter saves: the picker shows the new title at once, the status line offers Undo', async () => {
    await openRenameDialog();
    await field().fill(`  ${NEW_TITLE} `);
    await field().press('Enter');
    await dialog().waitFor({ state: 'hidden', ...SLOW });
    await expect.poll(shown, SLOW).toBe(NEW_TITLE);
    await expect.poll(() => page.getByTestId('status').textContent(), SLOW).toMatch(/Renamed “KubeCon \+ CloudNativeCon.*” to “KubeCon Salt Lake City”/);
    expect(await page.getByTestId('status').getByRole('button', { name: 'Undo' }).count()).toBe(1);
    expect((await callApi(page, 'conference.list', {})).map((c) => c.title)).toContain(NEW_TITLE);
  });

  it('Ctrl+Z gives the old title back', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(shown, SLOW).toBe(KUBECON);
    expect((await callApi(page, 'conference.list', {})).map((c) => c.title)).toContain(KUBECON);
  });
});
