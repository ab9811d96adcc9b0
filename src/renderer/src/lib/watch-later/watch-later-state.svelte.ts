// The Watch later list of one conference: missed sessions and backups not attended, with the
// recording each session's schedule links. Derived, not loaded: the plan items are the AppState's
// own (it reloads them on every plan change), and each listed session's recording comes from
// SessionDetails (asked for once, asked again after a re-import).
import type { PlanItem, Session } from '../../../../shared/domain.ts';
import { watchLaterItems, watchLaterRows, type WatchLaterRow } from './watch-later-rows.ts';

export interface WatchLaterSource {
  /** The conference the panel shows (null: none chosen). */
  conferenceId(): number | null;
  /** The plan on screen (AppState.plan). */
  plan(): readonly PlanItem[];
  /** A session in full once it has arrived (AppState.details.get), else undefined. */
  session(id: number): Session | undefined;
}

export class WatchLaterState {
  readonly #source: WatchLaterSource;
  #items = $derived.by<PlanItem[]>(() => {
    const id = this.#source.conferenceId();
    return id === null ? [] : watchLaterItems(this.#source.plan().filter((p) => p.conferenceId === id));
  });
  #sessions = $derived.by(() => {
    const found = new Map<number, Session>();
    for (const item of this.#items) {
      const session = this.#source.session(item.sessionId!);
      if (session) found.set(session.id, session);
    }
    return found;
  });
  /** The list, in time order; a row whose session has not arrived yet says so (recordingKnown false). */
  readonly rows: WatchLaterRow[] = $derived(watchLaterRows(this.#items, this.#sessions));

  constructor(source: WatchLaterSource) {
    this.#source = source;
  }
}
