// The friends' channels: request schemas and response types, spread into contract.ts's tables so
// the contract stays one list. Same policy: strict objects, bounded strings, positive ids.
import { z } from 'zod';
import { FRIEND_NAME_MAX } from './friends.ts';
import type { FriendAdded, FriendAttendance, FriendInfo, FriendPreview } from './friends.ts';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A friend's exported agenda: 20 MB of text at most, like an import. */
const agendaText = z.string().max(20 * 1024 * 1024);
const fileName = z.string().max(500).optional();
const friendName = z
  .string()
  .trim()
  .min(1, 'the name is empty; say whose plan this is')
  .max(FRIEND_NAME_MAX, `the name is longer than ${FRIEND_NAME_MAX} characters`);

export const friendSchemas = {
  'friends.list': z.strictObject({}),
  'friends.preview': z.strictObject({ text: agendaText, fileName }),
  'friends.add': z.strictObject({ text: agendaText, fileName, name: friendName }),
  'friends.remove': z.strictObject({ friendId: id }),
  'friends.sessions': z.strictObject({ conferenceId: id })
} as const;

export interface FriendResponses {
  'friends.list': FriendInfo[];
  /** What adding this file would match, and the owner name to propose; nothing is stored. */
  'friends.preview': FriendPreview;
  'friends.add': FriendAdded;
  /** `removed` is false when there was no such friend. */
  'friends.remove': { removed: boolean; name: string | null; sessions: number };
  'friends.sessions': FriendAttendance[];
}
