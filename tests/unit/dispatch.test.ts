import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ClashlessError, DESKTOP_CHANNELS } from '../../src/shared/contract.ts';
import type { Api, DesktopApi } from '../../src/shared/contract.ts';
import { FORBIDDEN, buildInvokeHandlers, dispatchInvoke, isTrustedFrame } from '../../src/main/dispatch.ts';
import type { SenderFrame } from '../../src/main/dispatch.ts';

const MAIN: SenderFrame = { url: 'app://clashless/index.html', processId: 4, routingId: 1, parent: null };

describe('isTrustedFrame', () => {
  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedFrame(MAIN, MAIN, null)).toBe(true);
    expect(isTrustedFrame({ ...MAIN, url: 'app://clashless/index.html#/week' }, MAIN, null)).toBe(true);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedFrame(null, MAIN, null)).toBe(false);
    expect(isTrustedFrame(MAIN, null, null)).toBe(false);
  });

  it('refuses a frame from another process or another frame of the page', () => {
    expect(isTrustedFrame({ ...MAIN, processId: 5 }, MAIN, null)).toBe(false);
    expect(isTrustedFrame({ ...MAIN, routingId: 2 }, MAIN, null)).toBe(false);
    expect(isTrustedFrame({ ...MAIN, parent: MAIN }, MAIN, null)).toBe(false);
  });

  it('refuses our frame once it shows a foreign page', () => {
    const navigated = { ...MAIN, url: 'https://example.com/' };
    expect(isTrustedFrame(navigated, navigated, null)).toBe(false);
  });

  it('trusts the dev server page only when developing', () => {
    const dev = { ...MAIN, url: 'http://localhost:5173/' };
    expect(isTrustedFrame(dev, dev, null)).toBe(false);
    expect(isTrustedFrame(dev, dev, 'http://localhost:5173')).toBe(true);
  });
});

function fakeApis() {
  const calls: Array<[string, unknown]> = [];
  const record = (name: string) => async (req: unknown) => {
    calls.push([name, req]);
    return { echoed: req };
  };
  const api = Object.fromEntries(CHANNELS.map((c) => [c, record(c)])) as unknown as Api;
  const desktopApi = Object.fromEntries(DESKTOP_CHANNELS.map((c) => [c, record(c)])) as unknown as DesktopApi;
  return { api, desktopApi, calls };
}

describe('buildInvokeHandlers', () => {
  it('has one handler for every service and host channel', () => {
    const { api, desktopApi } = fakeApis();
    const handlers = buildInvokeHandlers(api, desktopApi);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS, ...DESKTOP_CHANNELS].sort());
  });

  it('passes the parsed request to the service', async () => {
    const { api, desktopApi, calls } = fakeApis();
    const handler = buildInvokeHandlers(api, desktopApi).get('plan.add');
    await expect(handler?.({ sessionIds: [3, 4], state: 'going' })).resolves.toEqual({ echoed: { sessionIds: [3, 4], state: 'going' } });
    expect(calls).toEqual([['plan.add', { sessionIds: [3, 4], state: 'going' }]]);
  });

  it('treats a missing payload as an empty request', async () => {
    const { api, desktopApi, calls } = fakeApis();
    await buildInvokeHandlers(api, desktopApi).get('conference.list')?.(undefined);
    expect(calls).toEqual([['conference.list', {}]]);
  });
});

describe('dispatchInvoke', () => {
  const silent = () => undefined;

  it('wraps a value as ok', async () => {
    await expect(dispatchInvoke('x', true, async () => 42, {}, silent)).resolves.toEqual({ ok: true, value: 42 });
  });

  it('answers forbidden without running anything for an untrusted sender', async () => {
    const handler = vi.fn(async () => 1);
    await expect(dispatchInvoke('plan.add', false, handler, {}, silent)).resolves.toEqual({ ok: false, error: FORBIDDEN });
    expect(handler).not.toHaveBeenCalled();
    expect(FORBIDDEN.code).toBe('forbidden');
  });

  it('answers bad-request naming the field, and the service is never called', async () => {
    const { api, desktopApi, calls } = fakeApis();
    const handler = buildInvokeHandlers(api, desktopApi).get('plan.add');
    if (!handler) throw new Error('no plan.add handler');
    const result = await dispatchInvoke('plan.add', true, handler, { sessionIds: ['1; DROP TABLE'] }, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', where: 'field sessionIds.0' } });
    const extraKey = await dispatchInvoke('plan.add', true, handler, { sessionIds: [1], __proto__: { admin: true }, extra: 1 }, silent);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });

  it('passes a ClashlessError through as its wire form', async () => {
    const result = await dispatchInvoke(
      'import.commit',
      true,
      async () => {
        throw new ClashlessError('zone-required', 'Choose the zone.', 'line 3');
      },
      {},
      silent
    );
    expect(result).toEqual({ ok: false, error: { code: 'zone-required', message: 'Choose the zone.', where: 'line 3' } });
  });

  it('hides an unexpected error behind a calm internal error and logs it in main', async () => {
    const log = vi.fn();
    const boom = new TypeError('cannot read properties of undefined (reading "x") at /home/me/src/main/services.ts:12');
    const result = await dispatchInvoke('session.get', true, async () => Promise.reject(boom), {}, log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toMatch(/services\.ts|TypeError|undefined/);
    expect(log).toHaveBeenCalledWith('session.get', boom);
  });
});
