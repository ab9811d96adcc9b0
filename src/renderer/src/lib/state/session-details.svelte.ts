// What the week and the catalog do not hold of a session (SessionSummary): its abstract, link,
// attributes and speakers with affiliation, role and bio. Asked for (session.get) the first time
// something shows it, the details panel, a Watch later row or a catalog row whose match is only in
// the abstract, and kept until the data changes (data.changed) or other conferences are shown:
// then everything is forgotten, and whatever is on screen asks again.
//
// Kept without a count limit on purpose: evicting a session something on screen still reads would
// make that reader ask again, and with more readers than the limit the asking would never end. What
// is kept is what was shown since the last import, edit or switch of conference.
import { SvelteMap } from 'svelte/reactivity';
import type { ClientApi } from '../../../../shared/contract.ts';
import type { Session } from '../../../../shared/domain.ts';

export class SessionDetails {
  readonly #api: ClientApi;
  readonly #kept = new SvelteMap<number, Session>();
  /** Asked and not answered yet. A failed question is forgotten, so the next read asks again. */
  readonly #asked = new Set<number>();
  /** Bumped by forget(): readers follow it (so they ask again), and an older answer is dropped. */
  #generation = $state(0);

  constructor(api: ClientApi) {
    this.#api = api;
  }

  /** The session in full, or undefined until it has arrived (asking for it the first time). */
  get(id: number): Session | undefined {
    void this.#generation; // read, so a reader runs again after forget()
    const kept = this.#kept.get(id);
    if (kept === undefined && !this.#asked.has(id)) this.#ask(id);
    return kept;
  }

  /** The data changed, or other conferences are shown: nothing kept is trusted any more. */
  forget(): void {
    this.#asked.clear();
    this.#kept.clear();
    this.#generation++;
  }

  #ask(id: number): void {
    this.#asked.add(id);
    const generation = this.#generation;
    this.#api['session.get']({ sessionId: id }).then(
      (session) => {
        if (generation !== this.#generation) return;
        this.#asked.delete(id);
        this.#kept.set(id, session);
      },
      () => {
        // A session deleted meanwhile has nothing to show; nothing changes, so no reader loops,
        // and the next time something shows it, it is asked again.
        if (generation === this.#generation) this.#asked.delete(id);
      }
    );
  }
}
