// The catalog's state: the search text (debounced into the search index), the filters, the
// clash toggle, and the resulting rows. Reads sessions and the plan from the AppState.
import type { SessionSummary } from '../../../../shared/domain.ts';
import { IdRuns } from '../../../../shared/id-runs.ts';
import { describeError } from '../api/user-error.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import type { CandidateClash } from '../state/candidate-clashes.ts';
import { rankMatches, searchWords } from './search-match.ts';
import { friendFilter } from '../friends/friend-view.ts';
import { filterOptions, filterSessions, NO_FILTERS, type CatalogFilters, type FilterOptions } from './filter.ts';
import type { Writable } from '../state/writable.ts';

export const SEARCH_DEBOUNCE_MS = 100;
/** The most matches the catalog ranks by how well they answer the search. */
export const RANK_LIMIT = 5_000;

export class CatalogState {
  readonly #set: Writable<CatalogState> = this;
  readonly #app: AppState;
  readonly query: string = $state('');
  /** What the search index matched for #searchedFor, or null when there is no search. */
  #searchIds = $state.raw<IdRuns | null>(null);
  #searchedFor = $state('');
  readonly filters = $state.raw<CatalogFilters>(NO_FILTERS);
  readonly hideClashing: boolean = $state(false);
  /** In My week: every conference of the week ('week') or only the chosen one ('conference'). */
  readonly scope = $state<'week' | 'conference'>('week');
  #scoped = $derived.by<SessionSummary[]>(() => {
    const app = this.#app;
    return app.scope.myWeek && this.scope === 'conference' ? app.sessions.filter((s) => s.conferenceId === app.conferenceId) : app.sessions;
  });
  #timer: ReturnType<typeof setTimeout> | null = null;
  #sequence = 0;

  readonly options = $derived<FilterOptions>(filterOptions(this.#appSessions(), this.#zone(), this.#boundary()));
  #clashCache = $derived.by(() => {
    // Rebuilt whenever the plan (and so the checker) changes; filled lazily row by row.
    void this.#app.checkCandidate;
    return new Map<number, CandidateClash[]>();
  });
  /** The words of the search the rows answer (not of text still being typed). */
  readonly words: readonly string[] = $derived(this.#searchIds === null ? [] : searchWords(this.#searchedFor));
  readonly rows = $derived<SessionSummary[]>(
    this.#ranked(
      filterSessions(
        this.#appSessions(),
        this.#zone(),
        this.#searchIds,
        this.filters,
        this.#keep(),
        this.#boundary()
      )
    )
  );

  /** Session id → the friends who go (friends/friends-state.svelte.ts), for the friend filter. */
  readonly #attendance: () => ReadonlyMap<number, readonly number[]>;

  constructor(app: AppState, attendance: () => ReadonlyMap<number, readonly number[]> = () => new Map()) {
    this.#app = app;
    this.#attendance = attendance;
  }

  /** The clash toggle and the friend filter, as one rule (null when neither is on). */
  #keep(): ((s: SessionSummary) => boolean) | null {
    const friend = friendFilter(this.filters.friend, this.#attendance());
    const clash = this.hideClashing ? (s: SessionSummary) => this.#app.itemForSession(s.id) !== undefined || !this.#app.checkCandidate.any(s) : null;
    if (!friend) return clash;
    return clash ? (s) => friend(s.id) && clash(s) : (s) => friend(s.id);
  }

  /**
   * Best answers first (the exact title above a longer title that merely contains the words), then
   * schedule order. Past RANK_LIMIT matches the search is too broad for ranking to help anyone,
   * and it would cost a frame per keystroke, so the list stays in schedule order.
   */
  #ranked(rows: SessionSummary[]): SessionSummary[] {
    return this.words.length === 0 || rows.length > RANK_LIMIT ? rows : rankMatches(rows, this.words);
  }

  #appSessions(): SessionSummary[] {
    return this.#scoped;
  }
  #zone(): string {
    return this.#app.displayZone;
  }
  #boundary(): number {
    return this.#app.dayBoundary;
  }

  /** True while typed text has not been searched yet (the list still shows the previous answer). */
  get searching(): boolean {
    return this.query.trim() !== this.#searchedFor;
  }
  get total(): number {
    return this.#scoped.length;
  }
  get inMyWeek(): boolean {
    return this.#app.scope.myWeek;
  }
  setScope(scope: 'week' | 'conference'): void {
    this.#set.scope = scope;
  }
  get filtered(): boolean {
    return this.#searchIds !== null || this.hideClashing || Object.values(this.filters).some((v) => v !== '');
  }

  /** Planned items this session would clash with if it were added (its own item excluded). */
  clashesOf(session: SessionSummary): CandidateClash[] {
    let found = this.#clashCache.get(session.id);
    if (!found) {
      const own = this.#app.itemForSession(session.id);
      if (own) found = this.#app.clashPartners(own.id).map((item) => ({ item, kind: 'overlap' as const, minutes: 0 }));
      else found = this.#app.checkCandidate(session);
      this.#clashCache.set(session.id, found);
    }
    return found;
  }

  setQuery(text: string): void {
    this.#set.query = text;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(text.trim()), SEARCH_DEBOUNCE_MS);
  }

  setFilter(key: keyof CatalogFilters, value: string): void {
    this.#set.filters = { ...this.filters, [key]: value };
  }

  setHideClashing(on: boolean): void {
    this.#set.hideClashing = on;
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#sequence++;
    this.#set.query = '';
    this.#searchedFor = '';
    this.#searchIds = null;
    this.#set.filters = NO_FILTERS;
    this.#set.hideClashing = false;
  }

  /** Forget a search that belonged to another conference. */
  resetForConference(): void {
    this.clear();
  }

  /**
   * The ids the search index finds in the shown conference ('all' while the text is not a search
   * yet, such as a single letter); null (and an error said) when it fails. Ids only: shipping every
   * matching session on each keystroke took seconds at 100k sessions; ids as runs, because a
   * two-letter prefix matches most of a big conference.
   */
  async #searchSessionIds(search: string): Promise<IdRuns | 'all' | null> {
    const conferenceId = this.#app.conferenceId;
    if (conferenceId === null) return new IdRuns([]);
    // My week searches every conference at once (either catalog scope); the rows keep only the sessions shown.
    const where = this.#app.scope.myWeek ? {} : { conferenceId };
    try {
      const { runs } = await this.#app.api['session.search']({ ...where, search });
      return runs === null ? 'all' : new IdRuns(runs);
    } catch (err) {
      this.#app.status.error(describeError(err));
      return null;
    }
  }

  async #search(text: string): Promise<void> {
    const sequence = ++this.#sequence;
    if (text === '') {
      this.#searchIds = null;
      this.#searchedFor = '';
      return;
    }
    const ids = await this.#searchSessionIds(text);
    if (sequence !== this.#sequence) return; // A newer keystroke already asked.
    if (ids === 'all') this.#searchIds = null;
    else if (ids) this.#searchIds = ids;
    this.#searchedFor = text;
  }
}
