// The clash panel on the seeded KubeCon week: plan all 18 sessions, see the one real clash (the
// two Friday 2:55 pm talks), keep one of them, and undo that with the app's own Undo.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startHost, type AppPage, type Host, callApi } from './helpers.ts';

const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
const GOTO = 'How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!';
const GAMERS = 'Thousands of Gamers, One Kubernetes Network';


describe('clash panel', () => {
  let host: Host;
  let app: AppPage;
  let conferenceId = 0;

  beforeAll(async () => {
    host = await startHost();
    app = await openApp(host, { timezoneId: 'America/Denver' });
    const { page } = app;
    const kubecon = (await callApi(page, 'conference.list', {})).find((c) => c.title === KUBECON);
    if (!kubecon) throw new Error(`the seeded ${KUBECON} is missing`);
    conferenceId = kubecon.id;
    await page.getByRole('combobox', { name: 'Conference' }).selectOption({ label: KUBECON });
    const sessions = await callApi(page, 'session.list', { conferenceId });
    expect(sessions).toHaveLength(18);
    await callApi(page, 'plan.add', { sessionIds: sessions.map((s) => s.id) });
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  function panel() {
    return app.page.getByRole('region', { name: 'Clashes' });
  }
  function clashes() {
    return panel().getByRole('listitem').filter({ has: app.page.getByRole('button', { name: 'Keep A' }) });
  }

  it('lists exactly one clash: the two Friday 2:55 pm talks, overlapping 35 min', async () => {
    const { page } = app;
    const badge = page.getByTestId('clash-badge');
    await expect.poll(() => badge.getAttribute('aria-label')).toBe('Clashes 1');
    await badge.click();
    await panel().waitFor();
    await expect.poll(() => clashes().count()).toBe(1);
    const clash = clashes().first();
    const text = (await clash.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('overlap 35 min');
    expect(text).toContain(GOTO);
    expect(text).toContain(GAMERS);
    expect(text).toContain('Fri, Nov 15 · 2:55 PM – 3:30 PM');
    expect(await panel().getByTestId('clash-count').textContent()).toBe('1');
    await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-clash-panel.png') });
  });

  it('“Keep A” makes the other talk a backup and clears the clash', async () => {
    const { page } = app;
    const clash = clashes().first();
    const label = (await clash.getAttribute('aria-label')) ?? '';
    // A is the earlier of the pair; both start at 2:55, so read which one the panel calls A.
    const [titleA, titleB] = label.startsWith(`Clash between ${GOTO}`) ? [GOTO, GAMERS] : [GAMERS, GOTO];
    await clash.getByRole('button', { name: 'Keep A' }).click();

    await expect.poll(() => panel().getByTestId('clash-count').textContent()).toBe('0');
    await expect.poll(() => clashes().count()).toBe(0);
    expect(await panel().getByRole('status').first().textContent()).toContain(`Keeping “${titleA}”; “${titleB}” is now a backup.`);
    await expect.poll(() => page.getByTestId('clash-badge').getAttribute('aria-label')).toBe('Clashes 0');

    const plan = await callApi(page, 'plan.list', { conferenceId });
    expect(plan.find((i) => i.title === titleA)?.state).toBe('going');
    expect(plan.find((i) => i.title === titleB)?.state).toBe('backup');
    expect(await callApi(page, 'clash.list', { conferenceId })).toEqual([]);
  });

  it('the app’s Undo brings the clash back', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => clashes().count()).toBe(1);
    expect(await panel().getByTestId('clash-count').textContent()).toBe('1');
    const plan = await callApi(page, 'plan.list', { conferenceId });
    expect(plan.filter((i) => i.state === 'going')).toHaveLength(18);
  });

  it('“Resolve all by priority” previews the backups, then applies them', async () => {
    const { page } = app;
    await panel().getByRole('button', { name: 'Resolve all by priority' }).click();
    const preview = panel().getByRole('group', { name: 'Resolve all by priority' });
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/This one becomes a backup:/);
    // Nothing is applied by the preview.
    expect(await callApi(page, 'clash.list', { conferenceId })).toHaveLength(1);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => panel().getByTestId('clash-count').textContent()).toBe('0');
    const plan = await callApi(page, 'plan.list', { conferenceId });
    expect(plan.filter((i) => i.state === 'backup')).toHaveLength(1);
  });

  it('the preview says when the person’s own blocks still clash, since Resolve never moves them', async () => {
    const { page } = app;
    // Two personal blocks on Friday morning, before the first talk, overlapping each other.
    const at = (iso: string) => Date.parse(iso);
    await callApi(page, 'block.create', { conferenceId, title: 'Breakfast meeting', start: at('2024-11-15T15:00:00Z'), end: at('2024-11-15T16:00:00Z') });
    await callApi(page, 'block.create', { conferenceId, title: 'Call home', start: at('2024-11-15T15:30:00Z'), end: at('2024-11-15T16:30:00Z') });
    await expect.poll(() => panel().getByTestId('clash-count').textContent()).toBe('1');
    await panel().getByRole('button', { name: 'Resolve all by priority' }).click();
    const preview = panel().getByRole('group', { name: 'Resolve all by priority' });
    await preview.waitFor();
    await expect.poll(async () => (await preview.textContent())?.replace(/\s+/g, ' ')).toContain(
      '2 of your own blocks still clash; Resolve leaves them to you.'
    );
    expect(await preview.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });
});
