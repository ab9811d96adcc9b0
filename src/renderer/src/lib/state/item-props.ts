// What a component about one plan item is given: the app (every plan verb goes through it, so each
// change can be undone) and the item.
import type { PlanItem } from '../../../../shared/domain.ts';
import type { AppState } from './app-state.svelte.ts';

export interface ItemProps {
  app: AppState;
  item: PlanItem;
}
