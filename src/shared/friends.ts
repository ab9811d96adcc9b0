// Friends' plans: the shapes every door shares, and how a friend's initials are chosen. No zod here
// (the renderer uses these); the request schemas are in friend-contract.ts.

/** How a friend's file marked a session: CONFIRMED (or no status) is 'going', TENTATIVE is 'maybe'. */
export type FriendState = 'going' | 'maybe';

export const FRIEND_NAME_MAX = 60;

/** The calendar property a "share mine" .ics export names its owner with. */
export const OWNER_PROPERTY = 'X-CLASHLESS-OWNER';

export interface FriendInfo {
  id: number;
  name: string;
  /** One or two letters for badges, unique among the friends when the names allow it. */
  initials: string;
  /** The name the file's X-CLASHLESS-OWNER gave, if any. */
  owner: string | null;
  fileName: string | null;
  /** Sessions they go to, and in how many conferences. */
  sessions: number;
  conferences: number;
}

/** An event of the friend's file that matched no stored session. */
export interface UnmatchedEvent {
  title: string;
  /** UTC epoch ms. */
  start: number;
}

export interface FriendPreview {
  /** X-CLASHLESS-OWNER of the file: the name to propose. */
  owner: string | null;
  matched: number;
  unmatched: UnmatchedEvent[];
  /** The friend of that name that adding would replace, if any. */
  replaces: string | null;
}

export interface FriendAdded {
  friend: FriendInfo;
  /** True when a friend of the same name (any case) was replaced. */
  replaced: boolean;
  matched: number;
  unmatched: UnmatchedEvent[];
}

/** Who goes to each session of one conference that friends attend. */
export interface FriendAttendance {
  sessionId: number;
  friendIds: number[];
}

function letters(name: string): string[] {
  return [...name.trim()].filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/**
 * Initials for every friend, in the order given: the first letters of the first two words
 * ("Alex Kim" → "AK"), or of a one-word name its first letter ("Alex" → "A"). When two friends
 * would share initials, one-word names take a second letter ("Alex", "Anna" → "Al", "An").
 */
export function friendInitials(names: readonly string[]): string[] {
  const short = names.map((name) => {
    const words = name.trim().split(/\s+/).map(letters).filter((w) => w.length > 0);
    if (words.length === 0) return '?';
    if (words.length === 1) return (words[0]?.[0] ?? '?').toUpperCase();
    return `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`.toUpperCase();
  });
  return short.map((initials, i) => {
    const shared = short.some((other, j) => j !== i && other === initials);
    const word = letters(names[i] ?? '');
    if (!shared || initials.length > 1 || word.length < 2) return initials;
    return `${initials}${(word[1] ?? '').toLowerCase()}`;
  });
}

/**
 * Whether two names are the same friend: the database's rule (friend.name is UNIQUE COLLATE
 * NOCASE, which folds only A–Z), so the panel, the CLI and the store never disagree ("Émile" and
 * "émile" are two friends everywhere; "Alex" and "ALEX" are one).
 */
export function sameFriendName(a: string, b: string): boolean {
  const fold = (s: string) => s.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(a) === fold(b);
}
