// Which days the grid shows: the conference's days in the display zone, grouped into weeks, and
// the week being looked at. Derived from the AppState; the only thing it keeps is nothing — the
// week index lives in the ViewState so menus and keys can move it too.
import { HOUR } from '../../../../shared/time.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { conferenceDates, dayBounds, groupIntoWeeks, type DayBounds } from './days.ts';
import { formatDateRange } from './format.ts';

export class WeekModel {
  readonly #app: AppState;
  #dates = $derived.by(() => {
    const app = this.#app;
    const conference = app.conference;
    return conferenceDates(
      app.sessions,
      app.displayZone,
      { startDate: conference?.startDate ?? null, endDate: conference?.endDate ?? null },
      app.dayBoundary
    );
  });
  #weeks = $derived(groupIntoWeeks(this.#dates));
  #index = $derived.by(() => Math.min(this.#app.view.weekIndex, Math.max(0, this.#weeks.length - 1)));
  #days = $derived.by<DayBounds[]>(() => (this.#weeks[this.#index] ?? []).map((d) => dayBounds(d, this.#app.displayZone, this.#app.dayBoundary)));

  constructor(app: AppState) {
    this.#app = app;
  }

  get days(): DayBounds[] {
    return this.#days;
  }
  get weekCount(): number {
    return this.#weeks.length;
  }
  get weekIndex(): number {
    return this.#index;
  }
  get hasPrevious(): boolean {
    return this.#index > 0;
  }
  get hasNext(): boolean {
    return this.#index < this.#weeks.length - 1;
  }
  /** "Nov 13 – 15, 2024". */
  get label(): string {
    const days = this.#days;
    const first = days[0];
    const last = days[days.length - 1];
    return first && last ? formatDateRange(first.date, last.date) : '';
  }

  previous(): void {
    if (this.hasPrevious) this.#app.view.setWeek(this.#index - 1);
  }
  next(): void {
    if (this.hasNext) this.#app.view.setWeek(this.#index + 1);
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
    return this.#days.findIndex((d) => ms >= d.start && ms < d.end);
  }

  /**
   * The hour to scroll to: just before the first session (or planned item) of the week's first
   * busy day, in hours from that day's start; 8 o'clock for an empty week. Seen from another zone a
   * conference's evening can spill past midnight, but its first day still starts where it starts.
   */
  get firstHour(): number {
    const days = this.#days;
    const first = days[0];
    const last = days[days.length - 1];
    if (!first || !last) return 8;
    let earliest = Number.POSITIVE_INFINITY;
    for (const s of this.#app.sessions) if (s.start >= first.start && s.start < last.end && s.start < earliest) earliest = s.start;
    for (const i of this.#app.plan) if (i.start >= first.start && i.start < last.end && i.start < earliest) earliest = i.start;
    const day = days.find((d) => earliest >= d.start && earliest < d.end);
    return day ? Math.max(0, Math.floor((earliest - day.start) / HOUR - 0.5)) : 8;
  }
}
