// `clashless friends add|list|remove`: friends' plans as overlays (services/friend-ops.ts). A
// friend's agenda is read like an import (size check, decoding) but never touches my plan.
import { ClashlessError, parseRequest } from '../../shared/contract.ts';
import { sameFriendName, type FriendInfo, type UnmatchedEvent } from '../../shared/friends.ts';
import { decodeBytes } from '../../main/import/decode.ts';
import type { Backend } from '../../main/backend.ts';
import { toIsoUtc } from '../../shared/time.ts';
import { allowOnly, flagValue, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { friendJson } from '../json.ts';
import { plural, print } from '../output.ts';
import type { Io } from '../output.ts';
import { readInput } from './import.ts';

function unmatchedLines(io: Io, unmatched: readonly UnmatchedEvent[]): void {
  for (const u of unmatched) io.out(`  not found: ${u.title} — ${toIsoUtc(u.start)}\n`);
}

async function add(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'friends add', ['--name', '--json']);
  const file = args.positionals[2];
  if (!file || args.positionals.length > 3) throw new UsageError('friends add takes one FILE (or - for standard input) and --name NAME.');
  const input = readInput(io, file);
  const text = decodeBytes(input.bytes, { name: input.name });
  // A "share mine" export names its owner; --name wins, and one of the two is needed.
  const name = flagValue(args, '--name') ?? (await backend.api['friends.preview']({ text, fileName: input.name })).owner;
  if (!name) throw new UsageError(`${input.name} does not say whose plan it is: give it a name with --name NAME.`);
  // The contract's own check (trimmed, 1–60 characters), with the same words as the app.
  const done = await backend.api['friends.add'](parseRequest('friends.add', { text, fileName: input.name, name }));
  if (hasFlag(args, '--json')) {
    print(io, { friend: friendJson(done.friend), replaced: done.replaced, matched: done.matched, unmatched: done.unmatched.map((u) => ({ title: u.title, start: toIsoUtc(u.start) })) });
    return 0;
  }
  const verb = done.replaced ? `Replaced ${done.friend.name}'s plan` : `Added ${done.friend.name}'s plan`;
  io.out(`${verb} (${done.friend.initials}): ${plural(done.matched, 'session')} matched, ${done.unmatched.length} not found.\n`);
  unmatchedLines(io, done.unmatched);
  return 0;
}

function listLine(f: FriendInfo): string {
  return `${f.id}\t${f.name}\t${f.initials}\t${plural(f.sessions, 'session')}\t${plural(f.conferences, 'conference')}\t${f.fileName ?? ''}\n`;
}

/** A friend by id or by name in any case. */
function findFriend(friends: readonly FriendInfo[], text: string): FriendInfo {
  const found = friends.find((f) => sameFriendName(f.name, text)) ?? friends.find((f) => String(f.id) === text.trim());
  if (found) return found;
  const names = friends.map((f) => `“${f.name}”`).join(', ');
  throw new ClashlessError('not-found', `No friend is called “${text}”. ${friends.length > 0 ? `The friends are ${names}.` : 'There are no friends yet.'}`);
}

export async function cmdFriends(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  const verb = args.positionals[1];
  if (verb === 'add') return add(backend, args, io);
  if (verb === 'list' || verb === undefined) {
    allowOnly(args, 'friends list', ['--json']);
    if (args.positionals.length > 2) throw new UsageError('friends list takes no arguments.');
    const friends = await backend.api['friends.list']({});
    if (hasFlag(args, '--json')) print(io, friends.map(friendJson));
    else if (friends.length === 0) io.out('No friends yet. Add a friend’s exported agenda with: clashless friends add FILE --name NAME\n');
    else for (const f of friends) io.out(listLine(f));
    return 0;
  }
  if (verb === 'remove') {
    allowOnly(args, 'friends remove', []);
    const text = args.positionals.slice(2).join(' ');
    if (text.trim() === '') throw new UsageError('friends remove needs the friend’s NAME (see: clashless friends list).');
    const friend = findFriend(await backend.api['friends.list']({}), text);
    const done = await backend.api['friends.remove']({ friendId: friend.id });
    if (!done.removed) throw new ClashlessError('not-found', `“${friend.name}” was already removed.`);
    io.out(`Removed ${friend.name}'s plan (${plural(done.sessions, 'session')}). Your own plan is unchanged. Undo with: clashless undo\n`);
    return 0;
  }
  throw new UsageError(`Unknown friends command “${verb}”. Use friends add FILE --name NAME, friends list or friends remove NAME.`);
}
