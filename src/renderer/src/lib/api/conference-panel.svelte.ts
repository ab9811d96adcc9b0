// What every conference side panel (clashes, what changed, travel, watch later) is given, and the
// one rule for keeping its state on the conference on screen.
import { untrack } from 'svelte';
import type { ClientApi } from '../../../../shared/contract.ts';

export interface ConferencePanelProps {
  api: ClientApi;
  /** The conference to show; null shows every conference. */
  conferenceId: number | null;
  /** The zone the app shows times in. */
  timeZone: string;
  /** Called after the panel changed the plan (the services also emit 'plan.changed'). */
  onchanged?: () => void;
  /** The person clicked an item: show it in the week. */
  onselect?: (itemId: number) => void;
}

/** A state that loads one conference's data and refreshes on its changes. */
export interface FollowsConference {
  connect(): () => void;
  setConference(conferenceId: number | null): void;
}

/**
 * Call while a component is set up: `state` listens to the change events for the component's life
 * and is told each time `conferenceId()` gives another conference.
 */
export function followConference(state: FollowsConference, conferenceId: () => number | null): void {
  $effect(() => state.connect());
  $effect(() => {
    const id = conferenceId();
    untrack(() => state.setConference(id));
  });
}
