// What re-imports changed in a conference's schedule, newest import first, with the plan items
// they touch (so the panel can jump to a planned session in the week).
import type { ClientApi } from '../../../../shared/contract.ts';
import type { PlanItem, ScheduleChange } from '../../../../shared/domain.ts';
import { toUserError, type UserError } from '../import/user-error.ts';
import { groupByImport, type ImportBatch } from '../../../../shared/change-text.ts';
import { followConferenceChanges } from '../api/follow-changes.ts';

export class ChangesState {
  readonly #api: ClientApi;
  #conferenceId = $state<number | null>(null);
  #changes = $state.raw<ScheduleChange[]>([]);
  #items = $state.raw<PlanItem[]>([]);
  #batches = $derived(groupByImport(this.#changes));
  #itemBySession = $derived(new Map(this.#items.filter((i) => i.sessionId !== null).map((i) => [i.sessionId, i.id])));
  #loaded = $state(false);
  #error = $state.raw<UserError | null>(null);
  #sequence = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  /** Newest import first; within one, planned sessions first. */
  get batches(): ImportBatch[] {
    return this.#batches;
  }
  get latest(): ImportBatch | null {
    return this.#batches[0] ?? null;
  }
  get earlier(): ImportBatch[] {
    return this.#batches.slice(1);
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get error(): UserError | null {
    return this.#error;
  }
  /** The plan item for a changed session, when it is planned. */
  planItemFor(change: ScheduleChange): number | null {
    return this.#itemBySession.get(change.sessionId) ?? null;
  }

  setConference(conferenceId: number | null): void {
    this.#conferenceId = conferenceId;
    void this.refresh();
  }

  connect(): () => void {
    return followConferenceChanges(this.#api, () => this.#conferenceId, () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    const conferenceId = this.#conferenceId;
    if (conferenceId === null) {
      this.#changes = [];
      this.#items = [];
      this.#loaded = true;
      return;
    }
    try {
      const [changes, items] = await Promise.all([
        this.#api['change.list']({ conferenceId }),
        this.#api['plan.list']({ conferenceId })
      ]);
      if (sequence !== this.#sequence) return;
      this.#changes = changes;
      this.#items = items;
      this.#error = null;
    } catch (err) {
      if (sequence === this.#sequence) this.#error = toUserError(err, 'Could not load what changed.');
    } finally {
      if (sequence === this.#sequence) this.#loaded = true;
    }
  }
}
