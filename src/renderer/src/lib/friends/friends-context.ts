// The friends' overlay is app-wide: the shell provides one FriendsState, and the catalog rows,
// the week's blocks and the Now view read it without every component in between passing it on.
import { getContext, setContext } from 'svelte';
import type { FriendsState } from './friends-state.svelte.ts';

const KEY = Symbol('friends');

export function provideFriends(friends: FriendsState): void {
  setContext(KEY, friends);
}

/** The app's FriendsState, or null outside the app shell (nothing to show then). */
export function useFriends(): FriendsState | null {
  return getContext<FriendsState | undefined>(KEY) ?? null;
}
