// A fake ClientApi for the renderer's state classes: each channel answers from a function the test
// gives (validated by the real contract schemas, as the doors do), calls are recorded, answers can
// be held and released in any order, and events are emitted by hand.
import { ChangeQueue } from '../../src/renderer/src/lib/state/change-queue.ts';
import { StatusState } from '../../src/renderer/src/lib/state/status.svelte.ts';
import { parseRequest, type Channel, type ClientApi, type Events, type EventName, type Request, type Responses } from '../../src/shared/contract.ts';

type Answer<C extends Channel> = (req: Request<C>) => Responses[C] | Promise<Responses[C]>;

export class FakeApi {
  readonly #answers = new Map<Channel, Answer<Channel>>();
  readonly #calls = new Map<Channel, unknown[]>();
  readonly #held = new Map<Channel, (() => void)[]>();
  readonly #holding = new Set<Channel>();
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor() {
    // Every channel of the contract is a method, as on window.api.
    return new Proxy(this, {
      get: (target, prop) => {
        if (typeof prop === 'string' && prop.includes('.')) return (req: unknown) => target.#call(prop as Channel, req);
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
    });
  }

  answer<C extends Channel>(channel: C, fn: Answer<C>): void {
    this.#answers.set(channel, fn as unknown as Answer<Channel>);
  }

  calls(channel: Channel): unknown[] {
    return this.#calls.get(channel) ?? [];
  }

  /** From now on, answers of `channel` wait until release(). */
  hold(channel: Channel): void {
    this.#holding.add(channel);
  }

  /** Let the held answers of `channel` through, in the order of their call indexes given. */
  release(channel: Channel, order: number[]): void {
    this.#holding.delete(channel);
    const waiting = this.#held.get(channel) ?? [];
    for (const i of order) waiting[i]?.();
    this.#held.delete(channel);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.#listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.#listeners.get(event) ?? []) (l as (p: Events[E]) => void)(payload);
  }

  /** Wait until every answer given so far (and what it set off) has settled. */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  }

  async #call(channel: Channel, payload: unknown): Promise<unknown> {
    const req = parseRequest(channel, payload);
    this.#calls.set(channel, [...this.calls(channel), req]);
    if (this.#holding.has(channel)) {
      await new Promise<void>((resolve) => this.#held.set(channel, [...(this.#held.get(channel) ?? []), resolve]));
    }
    const fn = this.#answers.get(channel);
    if (!fn) throw new Error(`FakeApi: no answer for ${channel}`);
    return fn(req);
  }
}

/**
 * What the plan's verbs are built on in a test: a FakeApi (and it typed as the ClientApi), a status
 * line, and a change queue whose plan reloads are recorded in `reloads` as 'plan'.
 */
export function queuedChanges() {
  const fake = new FakeApi();
  const status = new StatusState();
  const reloads: string[] = [];
  const changes = new ChangeQueue(status, async () => void reloads.push('plan'));
  return { fake, api: fake as unknown as ClientApi, status, reloads, changes };
}
