// The clash panel's state: the conference's clashes and the plan items they name, kept fresh by
// 'plan.changed'/'data.changed' events, plus resolving one clash or all of them by priority.
// Every resolution goes through the services, which record it in the undo history.
import type { ClashView, ClientApi, ResolveAllPreview } from '../../../../shared/contract.ts';
import type { PlanItem } from '../../../../shared/domain.ts';
import { toUserError, type UserError } from '../api/user-error.ts';
import { buildClashRows, resolutionMessage, type ClashAction, type ClashRow } from './clash-text.ts';
import { followConferenceChanges } from '../api/follow-changes.ts';
import { clashScope, sameScope } from './clash-scope.ts';
import type { Writable } from '../state/writable.ts';

export class ClashState {
  readonly #set: Writable<ClashState> = this;
  readonly #api: ClientApi;
  readonly conferenceId = $state<number | null>(null);
  #within: readonly number[] | null = null;
  #clashes = $state.raw<ClashView[]>([]);
  #items = $state.raw<PlanItem[]>([]);
  readonly rows: ClashRow[] = $derived(buildClashRows(this.#clashes, this.#items));
  #itemsById = $derived(new Map(this.#items.map((i) => [i.id, i])));
  readonly loaded: boolean = $state(false);
  readonly busy: boolean = $state(false);
  #error = $state.raw<UserError | null>(null);
  /** Loading failed. Kept apart from #error so a refresh never wipes why an action failed. */
  #loadError = $state.raw<UserError | null>(null);
  /** The clash whose resolution failed last: its card says why, where the person clicked. */
  #failedKey = $state<string | null>(null);
  /** What the last action did ("Keeping “A”; “B” is now a backup."). */
  readonly status = $state<string | null>(null);
  /** The last action was ours and can be undone from the panel. */
  readonly canUndo: boolean = $state(false);
  #resolveAll = $state.raw<ResolveAllPreview | null>(null);
  #sequence = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  get count(): number {
    return this.#clashes.length;
  }
  get error(): UserError | null {
    return this.#error ?? this.#loadError;
  }
  /** The error of the last action when it was a resolution of this clash, else null. */
  failureOf(rowKey: string): UserError | null {
    return this.#failedKey === rowKey ? this.#error : null;
  }
  /** The last error belongs to one card (failureOf), not to the panel. */
  get errorOnCard(): boolean {
    return this.#failedKey !== null && this.#error !== null;
  }
  get resolveAllPreview(): ResolveAllPreview | null {
    return this.#resolveAll;
  }
  /** Plan items by id, for naming the items a resolve-all would change. */
  item(id: number): PlanItem | undefined {
    return this.#itemsById.get(id);
  }

  /** In My week (conference null): the conferences shown, so other weeks' clashes stay out. */
  setWithin(within: readonly number[] | null): void {
    if (sameScope(within, this.#within)) return;
    this.#within = within;
    void this.refresh();
  }

  /** Show another conference (null: every conference, or those of setWithin). */
  setConference(conferenceId: number | null): void {
    if (conferenceId === this.conferenceId && this.loaded) return;
    this.#set.conferenceId = conferenceId;
    this.#set.status = null;
    this.#set.canUndo = false;
    this.#resolveAll = null;
    void this.refresh();
  }

  /** Follow plan and data changes from anywhere (the week view, undo, an import). Returns the unsubscribe. */
  connect(): () => void {
    return followConferenceChanges(this.#api, () => this.conferenceId, () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    const scope = this.conferenceId === null ? {} : { conferenceId: this.conferenceId };
    const within = this.conferenceId === null && this.#within !== null ? new Set(this.#within) : null;
    try {
      const [clashes, plan] = await Promise.all([
        this.#api['clash.list'](clashScope(this.conferenceId, this.#within)),
        this.#api['plan.list'](scope)
      ]);
      const items = within ? plan.filter((p) => within.has(p.conferenceId)) : plan;
      if (sequence !== this.#sequence) return;
      this.#clashes = clashes;
      this.#items = items;
      this.#loadError = null;
      // A preview computed for an older plan would apply something the person did not see.
      this.#resolveAll = null;
    } catch (err) {
      if (sequence !== this.#sequence) return;
      this.#loadError = toUserError(err, 'Could not load the clashes.');
    } finally {
      if (sequence === this.#sequence) this.#set.loaded = true;
    }
  }

  async resolve(row: ClashRow, action: ClashAction): Promise<void> {
    if (this.busy) return;
    await this.#run(async () => {
      await this.#api['clash.resolve']({ a: row.a.id, b: row.b.id, action });
      this.#set.status = resolutionMessage(action, row.a.title, row.b.title);
      this.#set.canUndo = true;
    }, 'Could not resolve that clash. Your plan was not changed.');
    if (this.#error !== null) this.#failedKey = row.key;
  }

  /** Ask which items would become backups if every clash were resolved by priority. */
  async previewResolveAll(): Promise<void> {
    const conferenceId = this.conferenceId;
    if (conferenceId === null || this.busy) return;
    await this.#run(async () => {
      const preview = await this.#api['clash.resolveAll']({ conferenceId, apply: false });
      this.#resolveAll = preview;
    }, 'Could not work out a resolution.', false);
  }

  async applyResolveAll(): Promise<void> {
    const conferenceId = this.conferenceId;
    if (conferenceId === null || this.busy || this.#resolveAll === null) return;
    await this.#run(async () => {
      const result = await this.#api['clash.resolveAll']({ conferenceId, apply: true });
      const n = result.toBackup.length;
      this.#set.status = n === 0 ? 'Nothing needed to change.' : `Resolved by priority: ${n} ${n === 1 ? 'session is' : 'sessions are'} now backups.`;
      this.#set.canUndo = n > 0;
      this.#resolveAll = null;
    }, 'Could not resolve the clashes. Your plan was not changed.');
  }

  cancelResolveAll(): void {
    this.#resolveAll = null;
  }

  async undo(): Promise<void> {
    if (this.busy) return;
    await this.#run(async () => {
      const result = await this.#api['history.undo']({});
      this.#set.status = result.label === null ? 'Nothing to undo.' : `Undone: ${result.label}`;
      this.#set.canUndo = false;
    }, 'Could not undo.');
  }

  dismissStatus(): void {
    this.#set.status = null;
    this.#set.canUndo = false;
  }

  async #run(work: () => Promise<void>, failure: string, refreshAfter = true): Promise<void> {
    this.#set.busy = true;
    this.#error = null;
    this.#failedKey = null;
    try {
      await work();
    } catch (err) {
      this.#error = toUserError(err, failure);
    } finally {
      this.#set.busy = false;
    }
    // The services also emit 'plan.changed'; refreshing here keeps hosts without events correct.
    if (refreshAfter) await this.refresh();
  }
}
