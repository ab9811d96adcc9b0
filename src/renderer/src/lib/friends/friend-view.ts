// Pure helpers for showing friends: each friend's colour, the names behind a badge row, the
// catalog filter's rule, and "who is where now".
import type { FriendInfo } from '../../../../shared/friends.ts';
import type { SessionSummary } from '../../../../shared/domain.ts';
import { paletteStyle, TRACK_PALETTE } from '../views/track-palette.ts';

/** A friend keeps one colour of the track palette (contrast-checked in both themes), chosen by id. */
export function friendStyle(friendId: number): string {
  const colour = TRACK_PALETTE[friendId % TRACK_PALETTE.length];
  return colour ? paletteStyle('track', colour) : '';
}

/** "Alex and Bea go", "Alex, Bea and Chris go", "Alex goes". */
export function goingText(friends: readonly FriendInfo[]): string {
  const names = friends.map((f) => f.name);
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} ${names.length === 1 ? 'goes' : 'go'}`;
}

/**
 * The catalog's friend filter: '' keeps every session, 'any' those a friend attends, a friend's id
 * those that friend attends.
 */
export function friendFilter(value: string, attendance: ReadonlyMap<number, readonly number[]>): ((sessionId: number) => boolean) | null {
  if (value === '') return null;
  if (value === 'any') return (id) => (attendance.get(id)?.length ?? 0) > 0;
  const friendId = Number(value);
  return (id) => attendance.get(id)?.includes(friendId) ?? false;
}

export interface FriendsInSession {
  session: SessionSummary;
  /** By name. */
  friends: FriendInfo[];
}

/** The sessions friends are in at `now`, each with who is there; ordered by the first friend's name. */
export function friendsNow(
  now: number,
  sessions: readonly SessionSummary[],
  attendance: ReadonlyMap<number, readonly number[]>,
  friends: readonly FriendInfo[]
): FriendsInSession[] {
  const byId = new Map(friends.map((f) => [f.id, f]));
  const byName = (a: FriendInfo, b: FriendInfo): number => a.name.localeCompare(b.name);
  const out: FriendsInSession[] = [];
  for (const session of sessions) {
    if (session.start > now || session.end <= now || session.status !== 'scheduled') continue;
    const there = (attendance.get(session.id) ?? []).flatMap((id) => byId.get(id) ?? []).sort(byName);
    if (there.length > 0) out.push({ session, friends: there });
  }
  return out.sort((a, b) => byName(a.friends[0]!, b.friends[0]!) || a.session.start - b.session.start);
}
