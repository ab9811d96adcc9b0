// The one rule for panels that show a conference's data: refresh when the plan or the data of
// that conference (or of everything) changed, wherever the change came from — the week view,
// undo, an import, another window.
import type { ClientApi } from '../../../../shared/contract.ts';

/** Subscribe `refresh` to plan and data changes that concern `shown()`; returns the unsubscribe. */
export function followConferenceChanges(api: ClientApi, shown: () => number | null, refresh: () => void): () => void {
  const onChange = (payload: { conferenceId: number | null }): void => {
    const mine = shown();
    if (payload.conferenceId === null || mine === null || payload.conferenceId === mine) refresh();
  };
  const offPlan = api.on('plan.changed', onChange);
  const offData = api.on('data.changed', onChange);
  return () => {
    offPlan();
    offData();
  };
}
