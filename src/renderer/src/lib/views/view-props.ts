// What the view header and the view body are both given: the app, the drag controller and the
// week and day models the views draw from.
import type { DayModel } from '../calendar/day-model.svelte.ts';
import type { DragController } from '../calendar/drag-controller.svelte.ts';
import type { WeekModel } from '../calendar/week-model.svelte.ts';
import type { AppState } from '../state/app-state.svelte.ts';

export interface ViewProps {
  app: AppState;
  drag: DragController;
  week: WeekModel;
  day: DayModel;
}
