// `clashless travel list|set`: the walking minutes between places of one conference, from the
// service the app's Travel times panel uses. Clashes count a gap shorter than the walk.
import { ClashlessError } from '../../shared/contract.ts';
import type { TravelEntry } from '../../shared/contract.ts';
import type { Conference } from '../../shared/domain.ts';
import { placeKeyOfLabel, placeOf } from '../../shared/places.ts';
import { parseMinutes } from '../../shared/travel.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { oneConference } from '../conference.ts';
import { print } from '../output.ts';
import type { Io } from '../output.ts';

const LISTED = 12;

/** Every place the conference's sessions and personal blocks name: comparison key → label. */
async function knownPlaces(backend: Backend, conference: Conference): Promise<Map<string, string>> {
  const places = new Map<string, string>();
  const sessions = await backend.api['session.list']({ conferenceId: conference.id, limit: 100_000 });
  const plan = await backend.api['plan.list']({ conferenceId: conference.id });
  for (const where of [...sessions, ...plan]) {
    const p = placeOf(where.venue, where.room);
    if (p) places.set(p.key, p.label);
  }
  return places;
}

/** The label of the place a person typed, in any case or spacing; an unknown place is refused with the known ones. */
function placeNamed(places: ReadonlyMap<string, string>, typed: string, conference: Conference): string {
  const label = places.get(placeKeyOfLabel(typed));
  if (label !== undefined) return label;
  const labels = [...places.values()].sort((a, b) => a.localeCompare(b));
  const some = labels.slice(0, LISTED).map((l) => `“${l}”`).join(', ');
  const more = labels.length > LISTED ? ` and ${labels.length - LISTED} more` : '';
  const known = labels.length === 0 ? 'Its sessions name no places.' : `Its places are ${some}${more}.`;
  throw new ClashlessError('not-found', `No session of “${conference.title}” is at “${typed.trim()}”. ${known}`);
}

/** One `travel list` line; a walk to a place the person typed (not a conference room) is unknown, not "null". */
function travelLine(t: TravelEntry): string {
  const how = t.custom ? 'set by you' : t.minutes === null ? 'unknown: not a conference room (set it with travel set)' : 'default';
  return `${t.minutes ?? '?'} min\t${t.from} ↔ ${t.to}\t${how}`;
}

export async function cmdTravel(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  const verb = args.positionals[1];
  if (verb === 'list') {
    allowOnly(args, 'travel list', ['--json', '--conference']);
    if (args.positionals.length > 2) throw new UsageError('travel list takes no arguments.');
    const conference = await oneConference(backend, args, 'travel list');
    const table = await backend.api['travel.list']({ conferenceId: conference.id });
    if (hasFlag(args, '--json')) {
      print(io, table);
      return 0;
    }
    if (table.length === 0) io.out(`No walking times in “${conference.title}” yet: the plan has fewer than two places.\n`);
    for (const t of table) io.out(`${travelLine(t)}\n`);
    return 0;
  }
  if (verb === 'set') {
    allowOnly(args, 'travel set', ['--conference']);
    const words = args.positionals.slice(2);
    if (words.length !== 3) {
      throw new UsageError('travel set takes two places and the minutes: travel set "PLACE A" "PLACE B" MINUTES (quote a place with spaces).');
    }
    const [fromText, toText, minutesText] = words as [string, string, string];
    const minutes = parseMinutes(minutesText);
    if (!minutes.ok) throw new UsageError(`Walking time “${minutesText}”: ${minutes.message}`);
    const conference = await oneConference(backend, args, 'travel set');
    const places = await knownPlaces(backend, conference);
    const from = placeNamed(places, fromText, conference);
    const to = placeNamed(places, toText, conference);
    if (placeKeyOfLabel(from) === placeKeyOfLabel(to)) throw new UsageError(`“${from}” is the same place twice; name two different places.`);
    await backend.api['travel.set']({ conferenceId: conference.id, from, to, minutes: minutes.minutes });
    io.out(`Walking time in “${conference.title}”: ${from} ↔ ${to} is now ${minutes.minutes} min.\n`);
    return 0;
  }
  throw new UsageError('travel takes list or set.');
}
