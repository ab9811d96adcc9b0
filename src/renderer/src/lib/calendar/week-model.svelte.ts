// Which days the grid shows: the conference's days in the display zone, grouped into weeks, and
// the week being looked at. Derived from the AppState; the only thing it keeps is nothing — the
// week index lives in the ViewState so menus and keys can move it too.
import type { AppState } from '../state/app-state.svelte.ts';
import { addDaysIso } from '../../../../shared/time.ts';
import { conferenceDates, conferencePages, datesBetween, dayBounds, firstBusyHour, pageLabel, type DayBounds } from './days.ts';
import { formatDateRange } from './format.ts';

export class WeekModel {
  readonly #app: AppState;
  /** Every day of the conference (ISO dates in the display zone), all weeks. */
  readonly dates: string[] = $derived.by(() => {
    const app = this.#app;
    const from = app.scope.weekStart;
    // My week: seven days from its first day, whatever each conference's own span.
    if (from !== null) return datesBetween(from, addDaysIso(from, 6));
    const conference = app.conference;
    return conferenceDates(
      app.sessions,
      app.displayZone,
      { startDate: conference?.startDate ?? null, endDate: conference?.endDate ?? null },
      app.dayBoundary
    );
  });
  // Up to ten days are one span, longer events page by seven days (see conferencePages).
  #weeks = $derived(conferencePages(this.dates));
  #index = $derived.by(() => Math.min(this.#app.view.weekIndex, Math.max(0, this.#weeks.length - 1)));
  readonly days = $derived.by<DayBounds[]>(() => (this.#weeks[this.#index] ?? []).map((d) => dayBounds(d, this.#app.displayZone, this.#app.dayBoundary)));

  constructor(app: AppState) {
    this.#app = app;
  }

  get weekCount(): number {
    return this.#weeks.length;
  }
  get weekIndex(): number {
    return this.#index;
  }
  get hasPrevious(): boolean {
    return this.#app.scope.myWeek || this.#index > 0;
  }
  get hasNext(): boolean {
    return this.#app.scope.myWeek || this.#index < this.#weeks.length - 1;
  }
  /** There is more than one page of days to move between (always in My week: the weeks before and after). */
  get pages(): boolean {
    return this.#app.scope.myWeek || this.#weeks.length > 1;
  }
  /** "days 8–14 of 16": which of the conference's days this page shows (empty when one page shows all). */
  get pageLabel(): string {
    if (this.#app.scope.myWeek) {
      const n = this.#app.scope.weekConferences.length;
      return `My week: ${n} ${n === 1 ? 'conference' : 'conferences'}`;
    }
    return pageLabel(this.#weeks, this.#index);
  }
  /** "Nov 13 – 15, 2024". */
  get label(): string {
    const days = this.days;
    const first = days[0];
    const last = days[days.length - 1];
    return first && last ? formatDateRange(first.date, last.date) : '';
  }

  previous(): void {
    if (this.#app.scope.myWeek) void this.#app.scope.moveWeek(-7);
    else if (this.hasPrevious) this.#app.view.setWeek(this.#index - 1);
  }
  next(): void {
    if (this.#app.scope.myWeek) void this.#app.scope.moveWeek(7);
    else if (this.hasNext) this.#app.view.setWeek(this.#index + 1);
  }

  /** Show the week that contains an instant (a selected session in another week). */
  reveal(ms: number): void {
    const index = this.#weeks.findIndex((w) => w.some((date) => {
      const b = dayBounds(date, this.#app.displayZone, this.#app.dayBoundary);
      return ms >= b.start && ms < b.end;
    }));
    if (index >= 0 && index !== this.#index) this.#app.view.setWeek(index);
  }

  /** The column index whose day contains an instant, or -1. */
  dayIndexOf(ms: number): number {
    return this.days.findIndex((d) => ms >= d.start && ms < d.end);
  }

  /** The hour to scroll to: just before the week's first session or planned item (see firstBusyHour). */
  get firstHour(): number {
    return firstBusyHour(this.days, [...this.#app.sessions, ...this.#app.plan]);
  }
}
