// Matching a friend's agenda back to stored sessions. Pure: events and sessions in, matches out.
//
// Rules, in order, for each event of the friend's file:
// 1. Its UID is the UID our .ics export writes for a stored session (export/agenda.ts sessionUid,
//    or the session's kept export_uid): a Clashless export matches exactly, wherever it moved.
// 2. Its UID is a stored session's key: an event of Sched's or pretalx's own .ics, imported here
//    from the same feed, keeps that UID as its key.
// 3. Otherwise the same start instant and the same title, normalised (case, accents, punctuation):
//    favourites exported by other tools.
// When several conferences hold a match (the same talk imported twice), the conference with the
// most matched events wins, so one file lands in one conference. Cancelled events in the file are
// left out: they say the talk is off, not that the friend goes.
import { sessionUid } from '../export/agenda.ts';
import { normaliseForKey } from '../import/keys.ts';
import type { FriendState, UnmatchedEvent } from '../../shared/friends.ts';

export interface FriendEvent {
  /** The event's UID (the importer's key). */
  uid: string;
  title: string;
  start: number;
  state: FriendState;
  cancelled: boolean;
}

export interface StoredSession {
  id: number;
  conferenceId: number;
  key: string;
  exportUid: string | null;
  title: string;
  start: number;
}

export interface FriendMatch {
  matches: { sessionId: number; state: FriendState }[];
  unmatched: UnmatchedEvent[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const titleKey = (start: number, title: string): string => `${start}\u001f${normaliseForKey(title)}`;

export function matchFriendEvents(events: readonly FriendEvent[], sessions: readonly StoredSession[]): FriendMatch {
  const byUid = new Map<string, StoredSession[]>();
  const byKey = new Map<string, StoredSession[]>();
  const byTitle = new Map<string, StoredSession[]>();
  for (const s of sessions) {
    push(byUid, s.exportUid ?? sessionUid(s.key, s.id), s);
    push(byKey, s.key, s);
    push(byTitle, titleKey(s.start, s.title), s);
  }
  const wanted = events.filter((e) => !e.cancelled);
  const candidates = wanted.map((e) => byUid.get(e.uid) ?? byKey.get(e.uid) ?? byTitle.get(titleKey(e.start, e.title)) ?? []);
  // Each conference's score: the events it could take.
  const score = new Map<number, number>();
  for (const list of candidates) {
    for (const conferenceId of new Set(list.map((s) => s.conferenceId))) score.set(conferenceId, (score.get(conferenceId) ?? 0) + 1);
  }
  const matches = new Map<number, FriendState>();
  const unmatched: UnmatchedEvent[] = [];
  wanted.forEach((event, i) => {
    const list = candidates[i] ?? [];
    const best = list.reduce<StoredSession | null>(
      (a, b) => (a === null || (score.get(b.conferenceId) ?? 0) > (score.get(a.conferenceId) ?? 0) ? b : a),
      null
    );
    if (!best) unmatched.push({ title: event.title, start: event.start });
    // The same session twice (a split attendance exported as one event each): going wins over maybe.
    else if (matches.get(best.id) !== 'going') matches.set(best.id, event.state);
  });
  return { matches: [...matches].map(([sessionId, state]) => ({ sessionId, state })), unmatched };
}
