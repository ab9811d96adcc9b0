// What the week and the catalog do not hold of a session (SessionSummary): its abstract, link,
// attributes and speakers with affiliation, role and bio. Asked for (session.get) the first time
// something shows it, the details panel or a catalog row whose match is in the abstract, and kept
// for the most recent sessions. An import or an edit elsewhere (data.changed) forgets them all, so
// what is shown next is asked again.
import { SvelteMap } from 'svelte/reactivity';
import type { ClientApi } from '../../../../shared/contract.ts';
import type { Session } from '../../../../shared/domain.ts';

/** Sessions kept; the oldest asked is forgotten first (a few hundred KB at most). */
const KEPT = 300;

export class SessionDetails {
  readonly #api: ClientApi;
  readonly #kept = new SvelteMap<number, Session>();
  /** Asked and not answered yet, or failed (not asked again until the data changes). */
  readonly #asked = new Set<number>();
  /** Bumped by forget(), so an answer to a question asked before is dropped. */
  #generation = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  /** The session in full, or undefined until it has arrived (asking for it the first time). */
  get(id: number): Session | undefined {
    const kept = this.#kept.get(id);
    if (kept === undefined && !this.#asked.has(id)) this.#ask(id);
    return kept;
  }

  /** The data changed: nothing kept is trusted any more. */
  forget(): void {
    this.#generation++;
    this.#asked.clear();
    this.#kept.clear();
  }

  #ask(id: number): void {
    this.#asked.add(id);
    const generation = this.#generation;
    this.#api['session.get']({ sessionId: id }).then(
      (session) => {
        if (generation !== this.#generation) return;
        this.#asked.delete(id);
        this.#kept.set(id, session);
        if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value as number);
      },
      () => undefined // a session deleted meanwhile has no details to show; it stays asked until forget()
    );
  }
}
