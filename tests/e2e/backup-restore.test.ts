// Backups as a person meets them: the browser host started three times on the same database. The
// first start takes a daily backup; a day later the next start takes another (with two planned
// sessions in it); a third session is planned; then the file is overwritten with garbage. On the
// next start the page says, in a banner, where the unreadable file went, and the plan is the
// backup's two sessions. Finally the restore dialog brings that backup back after asking first.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntry, chooseConference, ensureRendererBuilt, openApp, planBlock, startHost, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const ROUTES = 'All Your Routes Are Ready, More or Less';
const HEAT = 'Can Your Kubernetes Network Handle the Heat?';
const CILIUM = 'Cilium, EBPF, WireGuard: Can We Tame the Network Encryption Performance Gap?';
const SLOW = { timeout: 15_000 };

async function plannedTitles(page: Page): Promise<string[]> {
  return (await callApi(page, 'plan.list', {})).map((i) => i.title).sort();
}

/** Plan a catalog entry as a person does from the keyboard: focus it, press Enter. */
async function planFromCatalog(page: Page, title: string): Promise<void> {
  const entry = catalogEntry(page, title);
  await entry.focus();
  await page.keyboard.press('Enter');
  await planBlock(page, title).first().waitFor(SLOW);
}

describe('backups and recovery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clashless-backup-e2e-'));
  const dbPath = join(dir, 'plan.db');
  const backupsDir = join(dir, 'backups');
  let host: Host | null = null;
  let app: AppPage | null = null;
  /** The backup the recovery restored, by file name. */
  let restoredName = '';

  async function open(): Promise<Page> {
    host = await startHost({ dbPath });
    app = await openApp(host, { timezoneId: 'America/Denver' });
    await chooseConference(app.page, KUBECON, 18);
    return app.page;
  }

  async function close(): Promise<void> {
    await app?.close();
    app = null;
    await host?.stop();
    host = null;
  }

  function backups(): string[] {
    return existsSync(backupsDir) ? readdirSync(backupsDir).filter((f) => f.endsWith('.db')).sort() : [];
  }

  beforeAll(() => {
    ensureRendererBuilt();
  });

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first start takes a daily backup in backups/ next to the database', async () => {
    const page = await open();
    expect(backups()).toHaveLength(1);
    expect(backups()[0]).toMatch(/^plan-.+-daily\.db$/);
    await planFromCatalog(page, ROUTES);
    await planFromCatalog(page, HEAT);
    expect(await plannedTitles(page)).toHaveLength(2);
    await close();
  });

  it('a day later the next start backs up the two planned sessions', async () => {
    // A day passing, as the services see it: their daily backup is due when the last one is 24 h old.
    const db = new Database(dbPath);
    try {
      const changed = db.prepare("UPDATE setting SET value = ? WHERE key = 'last_backup'").run(String(Date.now() - 25 * 3_600_000));
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    const page = await open();
    expect(backups()).toHaveLength(2);
    await planFromCatalog(page, CILIUM);
    expect(await plannedTitles(page)).toHaveLength(3);
    await close();
  });

  it('an unreadable database is moved aside, the newest backup is back, and a banner says where the old file went', async () => {
    // 64 KB that is not SQLite (no header, no pages), and no journal beside it.
    writeFileSync(dbPath, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251)));
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

    const page = await open();
    const info = await callApi(page, 'app.info', {});
    expect(info.recovery).not.toBeNull();
    const movedTo = info.recovery?.movedTo ?? '';
    restoredName = basename(info.recovery?.restoredFrom ?? '');
    expect(basename(movedTo)).toMatch(/^plan\.db\.unreadable-/);
    expect(existsSync(movedTo)).toBe(true);
    expect(restoredName).toMatch(/-daily\.db$/);

    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await banner.waitFor(SLOW);
    const text = (await banner.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(movedTo);
    expect(text).toContain(restoredName);
    expect(await banner.getByRole('button', { name: 'Restore from backup…' }).isVisible()).toBe(true);

    // The plan is the backup's: the two sessions planned before it, not the third.
    const titles = await plannedTitles(page);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toBe(ROUTES);
    expect(titles[1]).toMatch(/^Can Your Kubernetes Network Handle the Heat\?/);
    await planBlock(page, ROUTES).waitFor(SLOW);
    await planBlock(page, HEAT).waitFor(SLOW);
    expect(await planBlock(page, CILIUM).count()).toBe(0);

    // The banner stays: it is not a passing status message.
    await page.waitForTimeout(500);
    expect(await banner.isVisible()).toBe(true);
    await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-recovery-banner.png') });
  });

  it('the restore dialog lists the backups and restores the chosen one after asking first', async () => {
    if (!app) throw new Error('the previous test left no page open');
    const { page } = app;
    // Change the plan, so the restore visibly puts it back.
    await planBlock(page, ROUTES).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => plannedTitles(page), SLOW).toHaveLength(1);

    await page.getByRole('button', { name: 'More commands' }).click();
    await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.waitFor();
    const rows = dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem');
    await expect.poll(() => rows.count(), SLOW).toBe(backups().length);
    const row = rows.filter({ hasText: restoredName });
    const rowText = (await row.textContent()) ?? '';
    // When it was taken (in this page's locale and zone), why and how big.
    expect(rowText).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}(:\d{2})? [AP]M/);
    expect(rowText).toMatch(/Daily copy · \d+(\.\d)? KB/);

    await row.getByRole('button', { name: /^Restore/ }).click();
    const confirm = row.getByRole('group', { name: 'Confirm restore' });
    expect(await confirm.textContent()).toContain('Your current data will be saved as a backup first.');
    await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-restore-dialog.png') });
    // Nothing is restored until the person says yes.
    expect(await plannedTitles(page)).toHaveLength(1);
    await confirm.getByRole('button', { name: 'Restore this backup' }).click();

    await dialog.waitFor({ state: 'hidden', ...SLOW });
    const status = page.getByTestId('status');
    await expect.poll(() => status.textContent(), SLOW).toMatch(/Restored the backup from .+\. Your previous data was saved as plan-.+-before-restore\.db\./);
    const savedAs = /saved as (\S+\.db)/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    expect(backups()).toContain(savedAs);

    expect(await plannedTitles(page)).toHaveLength(2);
    await planBlock(page, ROUTES).waitFor(SLOW);
    await planBlock(page, HEAT).waitFor(SLOW);
    // Restoring also answers the recovery notice.
    expect(await page.getByRole('alert').filter({ hasText: 'could not be read' }).count()).toBe(0);
    expect(app.externalRequests).toEqual([]);
  });
});
