// Which single day the Day and By-room views show: the one chosen with previous/next, else today
// when the conference is on, else the first day of the week being looked at. Derived from the
// AppState and the WeekModel; the chosen date lives in the ViewState, and moving the day also moves
// the week, so switching back to Week shows the same days.
import { conferenceDateOf } from '../../../../shared/conference-days.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { dayBounds, firstBusyHour, type DayBounds } from './days.ts';
import { formatDateLong } from './format.ts';
import type { WeekModel } from './week-model.svelte.ts';

export class DayModel {
  readonly #app: AppState;
  readonly #week: WeekModel;
  readonly date = $derived.by<string | null>(() => {
    const dates = this.#week.dates;
    const chosen = this.#app.view.dayDate;
    if (chosen !== null && dates.includes(chosen)) return chosen;
    const today = conferenceDateOf(this.#app.now, this.#app.displayZone, this.#app.dayBoundary);
    if (dates.includes(today)) return today;
    return this.#week.days[0]?.date ?? dates[0] ?? null;
  });
  readonly index: number = $derived.by(() => (this.date === null ? -1 : this.#week.dates.indexOf(this.date)));
  /** The day as a one-column "week", so the week grid can draw it. */
  readonly days = $derived.by<DayBounds[]>(() => (this.date === null ? [] : [dayBounds(this.date, this.#app.displayZone, this.#app.dayBoundary)]));

  constructor(app: AppState, week: WeekModel) {
    this.#app = app;
    this.#week = week;
  }

  get count(): number {
    return this.#week.dates.length;
  }
  get hasPrevious(): boolean {
    return this.index > 0;
  }
  get hasNext(): boolean {
    return this.index >= 0 && this.index < this.#week.dates.length - 1;
  }
  /** "Wednesday, November 13, 2024". */
  get label(): string {
    return this.date === null ? '' : formatDateLong(this.date);
  }
  get firstHour(): number {
    return firstBusyHour(this.days, [...this.#app.sessions, ...this.#app.plan]);
  }

  previous(): void {
    if (this.hasPrevious) this.#go(this.#week.dates[this.index - 1]);
  }
  next(): void {
    if (this.hasNext) this.#go(this.#week.dates[this.index + 1]);
  }

  /** Show the day that contains an instant (a selection made elsewhere). */
  reveal(ms: number): void {
    const date = conferenceDateOf(ms, this.#app.displayZone, this.#app.dayBoundary);
    if (this.#week.dates.includes(date)) this.#app.view.setDay(date);
  }

  #go(date: string | undefined): void {
    if (date === undefined) return;
    this.#app.view.setDay(date);
    this.#week.reveal(dayBounds(date, this.#app.displayZone, this.#app.dayBoundary).start);
  }
}
