// Defect 4 of issue #17 at 38C3: "Split time" used to do nothing visible when the walk between the
// rooms did not fit. Now the card offers it only when it can work, says why when it cannot, and a
// click always ends in a visible result.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, openWith38c3, type AppPage, type With38c3 } from './helpers.ts';

const SLOW = { timeout: 15_000 };
const MIN = 60_000;

describe('split time (38C3)', () => {
  let opened: With38c3;
  let app: AppPage;
  let page: Page;
  let conferenceId = 0;
  let rooms: [string, string] = ['', ''];

  beforeAll(async () => {
    opened = await openWith38c3();
    ({ app, page } = opened);
    conferenceId = opened.conferenceId;
    const talks = opened.sessions.filter((s) => s.status === 'scheduled' && s.room !== null && s.end - s.start >= 40 * MIN);
    // Two talks of at least 40 minutes that start together in two different rooms.
    const a = talks.find((s) => talks.some((t) => t.start === s.start && t.room !== s.room));
    const b = talks.find((t) => a !== undefined && t.start === a.start && t.room !== a.room);
    if (!a || !b) throw new Error('38C3 has no two long talks starting together');
    rooms = [a.room!, b.room!];
    await callApi(page, 'plan.add', { sessionIds: [a.id, b.id] });
    // The person says the walk between the two rooms takes an hour: no split can leave time for both.
    await callApi(page, 'travel.set', { conferenceId, from: rooms[0], to: rooms[1], minutes: 60 });
  });

  afterAll(async () => {
    await opened?.close();
  });

  function panel() {
    return page.getByRole('region', { name: 'Clashes' });
  }
  function splitButton() {
    return panel().getByRole('button', { name: 'Split time' });
  }

  it('is not offered when the walk cannot fit, and says why', async () => {
    await page.getByTestId('clash-badge').click();
    await panel().waitFor();
    await expect.poll(() => splitButton().count(), SLOW).toBe(1);
    await expect.poll(() => splitButton().isDisabled(), SLOW).toBe(true);
    const why = await splitButton().getAttribute('aria-describedby');
    expect(why).toBeTruthy();
    const reason = await page.locator(`[id="${why}"]`).textContent();
    expect(reason).toContain('can’t be split');
    expect(reason).toContain('60-min walk');
    expect(await panel().getByRole('button', { name: 'Keep A' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(process.env.CLASHLESS_SCREENSHOTS ?? tmpdir(), 'clashless-split-refused.png') });
  });

  it('once the walk is short enough it is offered, says what it will do, and the click resolves the clash', async () => {
    await callApi(page, 'travel.set', { conferenceId, from: rooms[0], to: rooms[1], minutes: 10 });
    await expect.poll(() => splitButton().isEnabled(), SLOW).toBe(true);
    expect(await splitButton().getAttribute('title')).toMatch(/^Leave “.+” at \d+:\d\d [AP]M, walk 10 min and arrive at “.+” at \d+:\d\d [AP]M$/);
    await splitButton().click();
    await expect.poll(() => panel().getByTestId('clash-count').textContent(), SLOW).toBe('0');
    expect(await panel().getByRole('status').first().textContent()).toMatch(/Split the time between/);
    const plan = await callApi(page, 'plan.list', { conferenceId });
    expect(plan.filter((i) => i.leaveAt !== null || i.arriveAt !== null)).toHaveLength(2);
    expect(await callApi(page, 'clash.list', { conferenceId })).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });
});
