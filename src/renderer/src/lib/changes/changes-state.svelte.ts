// What re-imports changed in a conference's schedule, newest import first, with the plan items
// they touch (so the panel can jump to a planned session in the week).
import type { ClientApi } from '../../../../shared/contract.ts';
import type { PlanItem, ScheduleChange } from '../../../../shared/domain.ts';
import { groupByImport, type ImportBatch } from '../../../../shared/change-text.ts';
import { ConferenceData } from '../api/conference-data.svelte.ts';

export class ChangesState extends ConferenceData<{ changes: ScheduleChange[]; items: PlanItem[] }> {
  #changes = $state.raw<ScheduleChange[]>([]);
  #items = $state.raw<PlanItem[]>([]);
  /** Newest import first; within one, planned sessions first. */
  readonly batches: ImportBatch[] = $derived(groupByImport(this.#changes));
  #itemBySession = $derived(new Map(this.#items.filter((i) => i.sessionId !== null).map((i) => [i.sessionId, i.id])));

  constructor(api: ClientApi) {
    super(api, 'Could not load what changed.');
  }

  get latest(): ImportBatch | null {
    return this.batches[0] ?? null;
  }
  get earlier(): ImportBatch[] {
    return this.batches.slice(1);
  }
  /** The plan item for a changed session, when it is planned. */
  planItemFor(change: ScheduleChange): number | null {
    return this.#itemBySession.get(change.sessionId) ?? null;
  }

  protected async load(conferenceId: number | null): Promise<{ changes: ScheduleChange[]; items: PlanItem[] }> {
    if (conferenceId === null) return { changes: [], items: [] };
    const [changes, items] = await Promise.all([this.api['change.list']({ conferenceId }), this.api['plan.list']({ conferenceId })]);
    return { changes, items };
  }

  protected empty(): { changes: ScheduleChange[]; items: PlanItem[] } {
    return { changes: [], items: [] };
  }

  protected keep(value: { changes: ScheduleChange[]; items: PlanItem[] }): void {
    this.#changes = value.changes;
    this.#items = value.items;
  }
}
