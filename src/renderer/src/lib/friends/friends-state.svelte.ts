// Friends' plans in the app: the list of friends, who goes to which session of the conference on
// screen, and the one add/remove flow of the Friends panel. Built by the app shell during its
// set-up (it follows the conference shown and every data change from then on).
import { untrack } from 'svelte';
import type { ClientApi } from '../../../../shared/contract.ts';
import type { FriendInfo, FriendPreview } from '../../../../shared/friends.ts';
import { followConferenceChanges } from '../api/follow-changes.ts';
import { toUserError } from '../api/user-error.ts';
import { ActionMessages } from '../state/action-messages.svelte.ts';
import type { Writable } from '../state/writable.ts';

/** A chosen file waiting for its name: what adding it would match. */
export interface PendingFriend {
  fileName: string;
  text: string;
  preview: FriendPreview;
}

export class FriendsState extends ActionMessages {
  readonly #set: Writable<FriendsState> = this;
  readonly #api: ClientApi;
  /** The conferences on screen: one, or every conference of the week in My week. */
  #conferenceIds: readonly number[] = [];
  readonly list = $state.raw<FriendInfo[]>([]);
  /** Session id → the ids of the friends who go, for the conferences on screen. */
  readonly attendance = $state.raw<ReadonlyMap<number, readonly number[]>>(new Map());
  #byId = $derived(new Map(this.list.map((f) => [f.id, f])));
  readonly pending = $state.raw<PendingFriend | null>(null);
  #sequence = 0;

  constructor(api: ClientApi, conferenceIds: () => readonly number[]) {
    super();
    this.#api = api;
    $effect(() => {
      const ids = conferenceIds();
      untrack(() => {
        this.#conferenceIds = ids;
        void this.refresh();
      });
    });
    // One conference: its changes; several (My week): any change may concern one of them.
    const shown = (): number | null => (this.#conferenceIds.length === 1 ? this.#conferenceIds[0]! : null);
    $effect(() => followConferenceChanges(api, shown, () => void this.refresh()));
  }

  /** The friends who go to a session, by name. */
  at(sessionId: number): FriendInfo[] {
    const ids = this.attendance.get(sessionId);
    if (!ids) return [];
    return ids.flatMap((id) => this.#byId.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    const conferenceIds = this.#conferenceIds;
    try {
      const [list, ...perConference] = await Promise.all([
        this.#api['friends.list']({}),
        ...conferenceIds.map((conferenceId) => this.#api['friends.sessions']({ conferenceId }))
      ]);
      if (sequence !== this.#sequence) return;
      this.#set.list = list;
      this.#set.attendance = new Map(perConference.flat().map((s) => [s.sessionId, s.friendIds]));
      this.failure = null;
    } catch (err) {
      if (sequence === this.#sequence) this.failure = toUserError(err, 'Could not load your friends’ plans.');
    }
  }

  /** Choose a friend's exported .ics and see what it matches; nothing is stored yet. */
  async chooseFile(): Promise<void> {
    this.clearMessages();
    try {
      const file = await this.#api.desktop['desktop.openFile']({});
      if (!file) return;
      await this.previewText(file.fileName, file.text);
    } catch (err) {
      this.failure = toUserError(err, 'That file could not be read.');
    }
  }

  async previewText(fileName: string, text: string): Promise<void> {
    this.clearMessages();
    this.#set.pending = await this.attempt(
      async () => ({ fileName, text, preview: await this.#api['friends.preview']({ text, fileName }) }),
      'That file could not be read as a friend’s agenda.',
      null
    );
  }

  cancel(): void {
    this.#set.pending = null;
    this.clearMessages();
  }

  /** Add the pending file as `name`'s overlay (replacing a friend of that name). */
  async add(name: string): Promise<boolean> {
    const pending = this.pending;
    if (!pending || this.running) return false;
    this.clearMessages();
    return this.attempt(
      async () => {
        const done = await this.#api['friends.add']({ text: pending.text, fileName: pending.fileName, name });
        this.#set.pending = null;
        const missing = done.unmatched.length > 0 ? `, ${done.unmatched.length} not found` : '';
        this.statusLine = `${done.replaced ? 'Replaced' : 'Added'} ${done.friend.name}’s plan: ${done.matched} session${done.matched === 1 ? '' : 's'}${missing}.`;
        await this.refresh();
        return true;
      },
      'The plan could not be added. Nothing was changed.',
      false
    );
  }

  async remove(friend: FriendInfo): Promise<void> {
    this.clearMessages();
    try {
      const done = await this.#api['friends.remove']({ friendId: friend.id });
      this.statusLine = done.removed ? `Removed ${friend.name}’s plan; your own plan is unchanged. Undo (Ctrl+Z) brings it back.` : `${friend.name} was already removed.`;
      await this.refresh();
    } catch (err) {
      this.failure = toUserError(err, 'Could not remove that plan.');
    }
  }
}
