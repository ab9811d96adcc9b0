// The app's shared state: the conferences, the chosen conference's sessions and plan, the clashes
// in that plan, and every verb that changes the plan. Components read its read-only fields (see
// writable.ts) and call verbs; only this class (and the feature panels' own state classes) talk to the api.
//
// Policy: after every change the plan is reloaded from the services (the source of truth, which also
// keeps undo history), but drags and keyboard nudges update the local copy first so blocks never
// jump back while the round trip runs. Changes are sent one at a time, in order.
import type { AppInfo, ClientApi, TravelEntry } from '../../../../shared/contract.ts';
import type { Clash, Conference, PlanItem, PlanState, Reminder, SessionSummary } from '../../../../shared/domain.ts';
import { dayBoundaryMinutes } from '../../../../shared/conference-days.ts';
import type { TravelLookup } from '../../../../shared/travel.ts';
import { describeError } from '../api/user-error.ts';
import type { CandidateChecker } from './candidate-clashes.ts';
import { formatTimeRange } from '../calendar/format.ts';
import { reminderStatus } from '../details/reminder.ts';
import { outcomeStatus, type OutcomeEdit } from '../details/outcome.ts';
import { shortTitle } from './app-helpers.ts';
import { HistoryActions } from './history-actions.ts';
import { PlanClashes } from './plan-clashes.svelte.ts';
import { DesktopActions } from './desktop-actions.ts';
import { ScopeState } from './scope-state.svelte.ts';
import { loadPlan, loadSessions, loadTravel } from './scope-loaders.ts';
import { ChangeQueue } from './change-queue.ts';
import { ConferenceEdits } from './conference-edits.ts';
import { StatusState } from './status.svelte.ts';
import { ViewState } from './view-state.svelte.ts';
import { SessionDetails } from './session-details.svelte.ts';
import type { Writable } from './writable.ts';

export type Selection = { kind: 'session'; sessionId: number } | { kind: 'item'; itemId: number } | null;

export class AppState {
  readonly #set: Writable<AppState> = this;
  readonly api: ClientApi;
  readonly status = new StatusState();
  readonly view: ViewState;
  /** What only the host shell does: print, open a link. */
  readonly desktop: DesktopActions;
  /** The parts of a session the list does not hold, asked for when shown. */
  readonly details: SessionDetails;
  /** Deleting and renaming a conference. */
  readonly conferenceEdits: ConferenceEdits;

  readonly info = $state.raw<AppInfo | null>(null);
  /** Sessions of the chosen conference, in start order. */
  readonly sessions = $state.raw<SessionSummary[]>([]);
  readonly plan = $state.raw<PlanItem[]>([]);
  /** Each shown conference's travel table. */
  #travel = $state.raw<Map<number, TravelEntry[]>>(new Map());
  /** Which conferences are shown: one, or My week. */
  readonly scope: ScopeState;
  readonly loading: boolean = $state(true);
  /** The sessions, plan and travel of what is shown have arrived since it last changed (until then a count of clashes would be wrong). */
  readonly shownLoaded: boolean = $state(false);
  #shownSequence = 0;
  readonly selection = $state.raw<Selection>(null);
  readonly now: number = $state(Date.now());

  #sessionById = $derived(new Map(this.sessions.map((s) => [s.id, s])));
  #itemById = $derived(new Map(this.plan.map((i) => [i.id, i])));
  #itemBySession = $derived(new Map(this.plan.filter((i) => i.sessionId !== null).map((i) => [i.sessionId as number, i])));
  readonly #clashModel = new PlanClashes({
    conferenceIds: () => this.scope.shownIds,
    conferenceId: () => this.scope.conferenceId,
    sessions: () => this.sessions,
    plan: () => this.plan,
    travel: () => this.#travel
  });
  /** The zone every time on screen is shown in. */
  readonly displayZone: string = $derived.by(() => this.view.zoneFor(this.scope.conference?.timeZone ?? null));
  /**
   * Where a conference day starts in the display zone (minutes after midnight, see
   * shared/conference-days.ts): later than midnight for a night programme.
   */
  // Only in the conference's own zone: seen from another zone, an evening programme lands after
  // midnight without being a night programme, and days there start at midnight.
  readonly dayBoundary: number = $derived.by(() =>
    !this.scope.myWeek && this.scope.conference?.timeZone === this.displayZone
      ? dayBoundaryMinutes([...this.sessions, ...this.plan], this.displayZone)
      : 0
  );

  readonly #changes: ChangeQueue;
  readonly #history: HistoryActions;
  #planSequence = 0;
  #sessionSequence = 0;

  constructor(api: ClientApi, storage: Storage | null = null, localZone?: string) {
    this.api = api;
    this.view = new ViewState(storage, localZone);
    this.desktop = new DesktopActions(api, this.status);
    this.details = new SessionDetails(api);
    this.#changes = new ChangeQueue(this.status, () => this.reloadPlan());
    this.#history = new HistoryActions(api, this.#changes, this.status, async (id) => {
      await this.reloadConferences();
      await this.selectConference(id);
    });
    this.conferenceEdits = new ConferenceEdits(api, this.#changes, this.status, this.#history.undoAction, () => this.reloadConferences());
    this.scope = new ScopeState(api, this.status, async (moved) => {
      const sequence = ++this.#shownSequence;
      if (moved) this.#clearShown();
      await Promise.all([this.reloadSessions(), this.reloadPlan(), this.#reloadTravel()]);
      if (sequence === this.#shownSequence) this.#set.shownLoaded = true;
    });
  }

  get conferences(): Conference[] {
    return this.scope.conferences;
  }
  get conferenceId(): number | null {
    return this.scope.conferenceId;
  }
  get conference(): Conference | null {
    return this.scope.conference;
  }
  /** What the panels that follow the view show: the chosen conference, or null (every conference) in My week. */
  get scopeConferenceId(): number | null {
    return this.scope.myWeek ? null : this.scope.conferenceId;
  }
  conferenceOf(id: number): Conference | undefined {
    return this.scope.conferences.find((c) => c.id === id);
  }
  get clashes(): Clash[] {
    return this.#clashModel.clashes;
  }
  get travelLookup(): TravelLookup {
    return this.#clashModel.travelLookup;
  }
  /** Would-be clashes of a session or a moved block with the current plan. */
  get checkCandidate(): CandidateChecker {
    return this.#clashModel.checker;
  }

  session(id: number): SessionSummary | undefined {
    return this.#sessionById.get(id);
  }
  item(id: number): PlanItem | undefined {
    return this.#itemById.get(id);
  }
  itemForSession(sessionId: number): PlanItem | undefined {
    return this.#itemBySession.get(sessionId);
  }
  /** The plan items an item clashes with. */
  clashPartners(itemId: number): PlanItem[] {
    return this.#clashModel.partnerIds(itemId).map((id) => this.#itemById.get(id)).filter((i): i is PlanItem => i !== undefined);
  }

  /** Load everything and follow pushed events. Returns the function that stops following. */
  async start(): Promise<() => void> {
    const stops = [
      this.api.on('plan.changed', (p) => {
        if (p.conferenceId === null || this.scope.shownIds.includes(p.conferenceId)) void this.reloadPlan();
      }),
      this.api.on('data.changed', () => {
        this.details.forget();
        void this.reloadConferences();
      })
    ];
    const clock = setInterval(() => (this.#set.now = Date.now()), 30_000);
    try {
      const [info] = await Promise.all([this.api['app.info']({}), this.reloadConferences()]);
      // A recovery on start is shown by its own banner (BackupState), not in the passing status line.
      this.#set.info = info;
      // A daily backup that could not be saved did not stop the start; say so once, until replaced.
      if (info.backupFailed) this.status.error(info.backupFailed);
    } catch (err) {
      this.status.error(describeError(err));
    } finally {
      this.#set.loading = false;
    }
    return () => {
      clearInterval(clock);
      for (const stop of stops) stop();
    };
  }

  async reloadConferences(): Promise<void> {
    await this.scope.reload();
  }

  /** An import is starting (or ended, with false): a conference it creates becomes the one shown. */
  watchImport(on: boolean): void {
    this.scope.watchImport(on);
  }

  async selectConference(id: number | null): Promise<void> {
    await this.scope.select(id);
  }

  #clearShown(): void {
    this.#set.shownLoaded = false;
    this.details.forget();
    this.#set.selection = null;
    this.#set.sessions = [];
    this.#set.plan = [];
    this.view.setWeek(0);
  }

  async reloadSessions(): Promise<void> {
    const ids = this.scope.shownIds;
    const sequence = ++this.#sessionSequence;
    if (ids.length === 0) return;
    try {
      const sessions = await loadSessions(this.api, ids);
      if (sequence === this.#sessionSequence) this.#set.sessions = sessions;
    } catch (err) {
      this.status.error(describeError(err));
    }
  }

  async reloadPlan(): Promise<void> {
    const ids = this.scope.shownIds;
    const sequence = ++this.#planSequence;
    if (ids.length === 0 || this.#changes.pending > 0) return;
    try {
      const plan = await loadPlan(this.api, ids);
      if (sequence === this.#planSequence && this.#changes.pending === 0) this.#set.plan = plan;
    } catch (err) {
      this.status.error(describeError(err));
    }
  }

  async #reloadTravel(): Promise<void> {
    const ids = this.scope.shownIds;
    // Without overrides the defaults still apply; a table that cannot be read is not worth an error.
    const travel = await loadTravel(this.api, ids);
    if (ids.join() === this.scope.shownIds.join()) this.#travel = travel;
  }

  select(selection: Selection): void {
    this.#set.selection = selection;
  }

  /** The selected plan item, or the plan item of the selected session. */
  get selectedItem(): PlanItem | undefined {
    const s = this.selection;
    if (!s) return undefined;
    return s.kind === 'item' ? this.item(s.itemId) : this.itemForSession(s.sessionId);
  }
  get selectedSession(): SessionSummary | undefined {
    const s = this.selection;
    if (!s) return undefined;
    if (s.kind === 'session') return this.session(s.sessionId);
    const item = this.item(s.itemId);
    return item?.sessionId != null ? this.session(item.sessionId) : undefined;
  }

  // ── verbs ────────────────────────────────────────────────────────────────

  async planSession(sessionId: number, state: PlanState = 'going'): Promise<void> {
    const session = this.session(sessionId);
    const title = session ? shortTitle(session.title) : 'the session';
    const existing = this.itemForSession(sessionId);
    if (existing && existing.state === state) {
      this.status.info(`“${title}” is already in your plan.`);
      return;
    }
    const result = await this.#changes.run(() => this.api['plan.add']({ sessionIds: [sessionId], state }));
    if (!result) return;
    const clashes = session ? this.checkCandidate(session, result.items[0]?.id ?? null) : [];
    const clashText = clashes.length > 0 && state === 'going' ? ` It clashes with “${shortTitle(clashes[0]!.item.title, 28)}”.` : '';
    this.status.info(`Added “${title}”.${clashText}`, this.#history.undoAction);
  }

  async unplan(itemId: number): Promise<void> {
    const item = this.item(itemId);
    if (!item) return;
    this.#set.plan = this.plan.filter((i) => i.id !== itemId);
    if (this.selection?.kind === 'item' && this.selection.itemId === itemId) this.#set.selection = null;
    const done = await this.#changes.run(() => this.api['plan.remove']({ itemIds: [itemId] }));
    if (done) {
      const what = item.kind === 'block' ? 'Deleted' : 'Removed';
      this.status.info(`${what} “${shortTitle(item.title)}”.`, this.#history.undoAction);
    }
  }

  async setState(itemId: number, state: PlanState): Promise<void> {
    const item = this.item(itemId);
    if (!item || item.state === state) return;
    this.#patchLocal(itemId, { state });
    const done = await this.#changes.run(() => this.api['plan.update']({ itemId, state }));
    if (done) this.status.info(`“${shortTitle(item.title)}” is now ${state === 'going' ? 'going' : `a ${state}`}.`);
  }

  async setPriority(itemId: number, priority: number): Promise<void> {
    const item = this.item(itemId);
    if (!item || item.priority === priority) return;
    this.#patchLocal(itemId, { priority });
    const done = await this.#changes.run(() => this.api['plan.update']({ itemId, priority }));
    if (done) this.status.info(`“${shortTitle(item.title)}” is now priority ${priority}.`);
  }

  async setNote(itemId: number, note: string): Promise<void> {
    const item = this.item(itemId);
    const value = note.trim() === '' ? null : note;
    if (!item || item.note === value) return;
    this.#patchLocal(itemId, { note: value });
    const done = await this.#changes.run(() => this.api['plan.update']({ itemId, note: value }));
    if (done) this.status.info('Note saved.');
  }

  /** The item's own reminder in the .ics export (null: the export's default). */
  async setReminder(itemId: number, reminder: Reminder | null): Promise<void> {
    const item = this.item(itemId);
    if (!item || item.reminder === reminder) return;
    this.#patchLocal(itemId, { reminder });
    const done = await this.#changes.run(() => this.api['plan.remind']({ itemIds: [itemId], reminder }));
    if (done) this.status.info(reminderStatus(shortTitle(item.title), reminder), this.#history.undoAction);
  }

  /** After the talk: attended/missed and a rating (null clears either), one undoable step. */
  async markOutcome(itemId: number, edit: OutcomeEdit): Promise<void> {
    const item = this.item(itemId);
    if (!item) return;
    this.#patchLocal(itemId, edit);
    const done = await this.#changes.run(() => this.api['plan.mark']({ itemIds: [itemId], ...edit }));
    if (done) this.status.info(outcomeStatus(shortTitle(item.title), edit), this.#history.undoAction);
  }

  /** Attend only part of a session (null, null: all of it). */
  async setWindow(itemId: number, arriveAt: number | null, leaveAt: number | null): Promise<void> {
    const item = this.item(itemId);
    if (!item) return;
    this.#patchLocal(itemId, { arriveAt, leaveAt });
    const done = await this.#changes.run(() => this.api['plan.update']({ itemId, arriveAt, leaveAt }));
    if (!done) return;
    const title = shortTitle(item.title);
    if (arriveAt === null && leaveAt === null) this.status.info(`Attending all of “${title}”.`);
    else this.status.info(`Attending “${title}” ${formatTimeRange(arriveAt ?? item.start, leaveAt ?? item.end, this.displayZone)}.`, this.#history.undoAction);
  }

  async createBlock(title: string, start: number, end: number, place: string | null): Promise<number | null> {
    const id = this.scope.conferenceId;
    if (id === null) {
      this.status.error('Import or choose a conference before adding personal blocks.');
      return null;
    }
    const result = await this.#changes.run(() =>
      this.api['block.create']({ conferenceId: id, title: title.trim() || 'Busy', start, end, place: place?.trim() || null })
    );
    const created = result?.items[0];
    if (!created) return null;
    this.#set.selection = { kind: 'item', itemId: created.id };
    this.status.info(`Added block “${shortTitle(created.title)}”.`, this.#history.undoAction);
    return created.id;
  }

  async moveBlock(itemId: number, start: number, end: number): Promise<void> {
    const item = this.item(itemId);
    if (!item || item.kind !== 'block' || (item.start === start && item.end === end)) return;
    this.#patchLocal(itemId, { start, end });
    await this.#changes.run(() => this.api['block.update']({ itemId, start, end }));
  }

  async editBlock(itemId: number, patch: { title?: string; place?: string | null }): Promise<void> {
    const item = this.item(itemId);
    if (!item || item.kind !== 'block') return;
    const title = patch.title?.trim();
    const request = {
      itemId,
      ...(title ? { title } : {}),
      ...(patch.place !== undefined ? { place: patch.place?.trim() || null } : {})
    };
    if (request.title === undefined && request.place === undefined) return;
    if (title) this.#patchLocal(itemId, { title });
    await this.#changes.run(() => this.api['block.update'](request));
  }

  async undo(): Promise<void> {
    await this.#history.undo();
  }

  async redo(): Promise<void> {
    await this.#history.redo();
  }

  /**
   * A panel (clashes, schedule changes) changed the plan itself. A new change ends what the last
   * "Undid: … Redo" offered (the services drop the redo steps), so that line goes; then reload.
   */
  async planChangedElsewhere(): Promise<void> {
    this.status.dropHistory();
    await this.reloadPlan();
  }

  #patchLocal(itemId: number, patch: Partial<PlanItem>): void {
    this.#set.plan = this.plan.map((i) => (i.id === itemId ? { ...i, ...patch } : i));
  }
}
