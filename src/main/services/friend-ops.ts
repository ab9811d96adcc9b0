// Friends' plans: read a friend's exported agenda, match it to stored sessions and keep it as a
// named overlay (store/friends.ts). Their plan never mixes with the person's own: nothing here
// touches plan_item, and removing a friend removes their whole overlay.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/contract.ts';
import type { Request, Responses } from '../../shared/contract.ts';
import { friendInitials } from '../../shared/friends.ts';
import type { FriendInfo } from '../../shared/friends.ts';
import { matchFriendEvents } from '../friends/match.ts';
import type { FriendMatch } from '../friends/match.ts';
import type { FriendAgenda } from '../friends/read-agenda.ts';
import { changeFriendWithHistory, deleteFriend, findFriend, friendSessions, listFriends, putFriend } from '../store/friends.ts';
import { sessionIdentities } from '../store/sessions.ts';

export function friendList(db: Db): FriendInfo[] {
  const rows = listFriends(db);
  const initials = friendInitials(rows.map((r) => r.name));
  return rows.map((r, i) => ({ ...r, initials: initials[i] ?? '?' }));
}

/** A friend's agenda as read from their file (friends/read-agenda.ts, loaded on demand), matched to the sessions here. */
function matched(db: Db, agenda: FriendAgenda): FriendMatch & { owner: string | null } {
  return { owner: agenda.owner, ...matchFriendEvents(agenda.events, sessionIdentities(db)) };
}

export function previewFriend(db: Db, agenda: FriendAgenda): Responses['friends.preview'] {
  const { owner, matches, unmatched } = matched(db, agenda);
  const replaces = owner ? (findFriend(db, owner)?.name ?? null) : null;
  return { owner, matched: matches.length, unmatched, replaces };
}

export function addFriend(db: Db, now: number, req: Request<'friends.add'>, agenda: FriendAgenda): Responses['friends.add'] {
  const { owner, matches, unmatched } = matched(db, agenda);
  if (matches.length === 0) {
    // Keeping an empty overlay would only hide the mistake (another conference's file, or one not imported yet).
    throw new ClashlessError(
      'parse-failed',
      `None of the ${unmatched.length} events in ${req.fileName ?? 'this file'} is a session of a conference here. Import that conference's schedule first, then add ${req.name}'s plan.`,
      'field text'
    );
  }
  // One undoable step (Ctrl+Z, `clashless undo`), adding or replacing.
  const taken = findFriend(db, req.name);
  const label = `${taken ? 'Replace' : 'Add'} friend “${req.name}”`;
  const { id, replaced } = changeFriendWithHistory(db, now, label, () => findFriend(db, req.name)?.id ?? null, () => {
    const put = putFriend(db, now, { name: req.name, owner, fileName: req.fileName ?? null, sessions: matches });
    return { id: put.id, result: put };
  });
  const friend = friendList(db).find((f) => f.id === id);
  if (!friend) throw new ClashlessError('internal', `${req.name}'s plan was not saved.`);
  return { friend, replaced, matched: matches.length, unmatched };
}

/** Remove a friend's whole overlay as one undoable step. */
export function removeFriend(db: Db, now: number, friendId: number): Responses['friends.remove'] {
  const row = listFriends(db).find((f) => f.id === friendId);
  if (!row) return { removed: false, name: null, sessions: 0 };
  changeFriendWithHistory(db, now, `Remove friend “${row.name}”`, () => friendId, () => ({ id: friendId, result: deleteFriend(db, friendId) }));
  return { removed: true, name: row.name, sessions: row.sessions };
}

export function friendAttendance(db: Db, conferenceId: number): Responses['friends.sessions'] {
  const out: Responses['friends.sessions'] = [];
  for (const row of friendSessions(db, conferenceId)) {
    const last = out[out.length - 1];
    if (last?.sessionId === row.sessionId) last.friendIds.push(row.friendId);
    else out.push({ sessionId: row.sessionId, friendIds: [row.friendId] });
  }
  return out;
}
