// Defect 5 of issue #17, the lunch case at 38C3: a talk in Saal 1 ends as the person's lunch at the
// "Food court" (a place they typed, not a conference room) begins, and a must-see talk overlaps
// that lunch. The typed place must not produce a transfer clash on a guessed walk, and "Resolve
// all by priority" must keep the lunch (a personal block) and move the overlapping talk to backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, dayColumn, openWith38c3, planBlock, waitForName, type AppPage, type With38c3 } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const MIN = 60_000;

describe('a lunch at a typed place (38C3)', () => {
  let opened: With38c3;
  let app: AppPage;
  let page: Page;
  let conferenceId = 0;
  let lunchId = 0;
  let before = { id: 0, title: '' };
  let during = { id: 0, title: '' };
  let overlap = 0;

  beforeAll(async () => {
    opened = await openWith38c3();
    ({ app, page } = opened);
    conferenceId = opened.conferenceId;
  });

  afterAll(async () => {
    await opened?.close();
  });

  function panel() {
    return page.getByRole('region', { name: 'Clashes' });
  }
  async function openPanel(): Promise<void> {
    if (!(await panel().isVisible())) await page.getByTestId('clash-badge').click();
    await panel().waitFor();
  }
  function cards() {
    return panel().getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Keep A' }) });
  }

  it('the person adds lunch at the food court in the week, right after a talk in Saal 1', async () => {
    const sessions = opened.sessions.filter((s) => s.status === 'scheduled' && s.room !== null);

    // The person makes the lunch block in the week, as they would: focus Saturday, press N, name
    // it "Lunch" at "Food court". It opens as one hour at the top of the visible grid.
    const saturday = dayColumn(page, 'Saturday, December 28, 2024');
    await saturday.focus();
    await page.keyboard.press('n');
    const form = page.getByRole('form', { name: 'New personal block' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Lunch');
    await form.getByRole('textbox', { name: /Place/ }).fill('Food court');
    await page.keyboard.press('Enter');
    await waitForName(planBlock(saturday, 'Lunch'), /Food court, personal block/);
    const made = (await callApi(page, 'plan.list', { conferenceId })).find((i) => i.kind === 'block');
    if (!made) throw new Error('the lunch block was not created');
    lunchId = made.id;

    // A talk in Saal 1 that ends at or after that hour, with a talk elsewhere starting 20–40
    // minutes after it ends (far enough after the first talk that the two never clash).
    const startsInLunch = (end: number) => (s: (typeof sessions)[number]) => s.start >= end + 20 * MIN && s.start <= end + 40 * MIN;
    const first = sessions.find((s) => s.room === 'Saal 1' && s.end >= made.start && sessions.some(startsInLunch(s.end)));
    if (!first) throw new Error('38C3 has no Saal 1 talk on day 2 with a talk starting during the lunch after it');
    const lunchStart = first.end;
    const lunchEnd = lunchStart + 60 * MIN;
    const second = sessions.find(startsInLunch(lunchStart));
    if (!second) throw new Error('unreachable');
    overlap = Math.round((Math.min(second.end, lunchEnd) - second.start) / MIN);
    before = { id: first.id, title: first.title };
    during = { id: second.id, title: second.title };

    // Move the lunch down to begin as that talk ends, one 5-minute step per arrow key.
    const block = planBlock(saturday, 'Lunch');
    await block.focus();
    for (let t = made.start; t < lunchStart; t += 5 * MIN) {
      const name = (await block.getAttribute('aria-label')) ?? '';
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => block.getAttribute('aria-label'), SLOW).not.toBe(name);
    }
    await expect
      .poll(async () => (await callApi(page, 'plan.list', { conferenceId })).find((i) => i.id === lunchId)?.start, SLOW)
      .toBe(lunchStart);

    const added = await callApi(page, 'plan.add', { sessionIds: [first.id, second.id] });
    for (const item of added.items) await callApi(page, 'plan.update', { itemId: item.id, priority: 5 });
  });

  it('shows only the real clash: the talk that overlaps lunch, no walk to the food court', async () => {
    const badge = page.getByTestId('clash-badge');
    await expect.poll(() => badge.getAttribute('aria-label'), SLOW).toBe('Clashes 1');
    await openPanel();
    await expect.poll(() => cards().count(), SLOW).toBe(1);
    const text = (await cards().first().textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(`overlap ${overlap} min`);
    expect(text).toContain('Lunch');
    expect(text).toContain(during.title);
    expect(text).not.toContain('transfer');
  });

  it('“Resolve all by priority” keeps the lunch and moves the overlapping talk to backup', async () => {
    await openPanel();
    await panel().getByRole('button', { name: 'Resolve all by priority' }).click();
    const preview = panel().getByRole('group', { name: 'Resolve all by priority' });
    await preview.waitFor();
    const listed = (await preview.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(during.title);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => panel().getByTestId('clash-count').textContent(), SLOW).toBe('0');
    const plan = await callApi(page, 'plan.list', { conferenceId });
    expect(plan.find((i) => i.id === lunchId)?.state).toBe('going');
    expect(plan.find((i) => i.sessionId === before.id)?.state).toBe('going');
    expect(plan.find((i) => i.sessionId === during.id)?.state).toBe('backup');
  });

  it('the walking times call the food court’s walk unknown instead of guessing it', async () => {
    const travel = await callApi(page, 'travel.list', { conferenceId });
    const toFood = travel.filter((e) => e.from === 'Food court' || e.to === 'Food court');
    expect(toFood.length).toBeGreaterThan(0);
    for (const entry of toFood) expect(entry.minutes).toBeNull();
    expect(app.externalRequests).toEqual([]);
  });
});
