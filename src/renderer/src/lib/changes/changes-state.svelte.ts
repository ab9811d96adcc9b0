// What re-imports changed in a conference's schedule, newest import first. Which changed session is
// planned (so the panel can jump to it in the week) is the AppState's plan, not a copy of it here.
import type { ClientApi } from '../../../../shared/contract.ts';
import type { ScheduleChange } from '../../../../shared/domain.ts';
import { groupByImport, type ImportBatch } from '../../../../shared/change-text.ts';
import { ConferenceData } from '../api/conference-data.svelte.ts';

export class ChangesState extends ConferenceData<ScheduleChange[]> {
  #changes = $state.raw<ScheduleChange[]>([]);
  /** Newest import first; within one, planned sessions first. */
  readonly batches: ImportBatch[] = $derived(groupByImport(this.#changes));

  constructor(api: ClientApi) {
    super(api, 'Could not load what changed.');
  }

  get latest(): ImportBatch | null {
    return this.batches[0] ?? null;
  }
  get earlier(): ImportBatch[] {
    return this.batches.slice(1);
  }
  protected async load(conferenceId: number | null): Promise<ScheduleChange[]> {
    return conferenceId === null ? [] : this.api['change.list']({ conferenceId });
  }

  protected empty(): ScheduleChange[] {
    return [];
  }

  protected keep(changes: ScheduleChange[]): void {
    this.#changes = changes;
  }
}
