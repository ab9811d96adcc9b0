// The Watch later list of one conference: missed sessions and backups not attended, with the
// recording each session's schedule links. Loads the plan, then the sessions on the list.
import type { ClientApi } from '../../../../shared/contract.ts';
import type { Session } from '../../../../shared/domain.ts';
import { ConferenceData } from '../api/conference-data.svelte.ts';
import { watchLaterItems, watchLaterRows, type WatchLaterRow } from './watch-later-rows.ts';
import type { Writable } from '../state/writable.ts';

export class WatchLaterState extends ConferenceData<WatchLaterRow[]> {
  readonly #set: Writable<WatchLaterState> = this;
  readonly rows = $state.raw<WatchLaterRow[]>([]);

  constructor(api: ClientApi) {
    super(api, 'Could not load the Watch later list.');
  }

  protected async load(conferenceId: number | null): Promise<WatchLaterRow[]> {
    const plan = conferenceId === null ? [] : await this.api['plan.list']({ conferenceId });
    const items = watchLaterItems(plan);
    const sessions = await Promise.all(items.map((i) => this.api['session.get']({ sessionId: i.sessionId! })));
    return watchLaterRows(items, new Map(sessions.map((s: Session) => [s.id, s])));
  }

  protected empty(): WatchLaterRow[] {
    return [];
  }

  protected keep(rows: WatchLaterRow[]): void {
    this.#set.rows = rows;
  }
}
