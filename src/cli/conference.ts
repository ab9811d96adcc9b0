// `clashless conferences` (alias `conference list`), `conference remove|rename`, `undo|redo`, and the one
// resolver every `--conference ID|TITLE` goes through: the same services the app's conference menu
// and Ctrl+Z use, so a removal from the command line is undone by either.
import { ClashlessError, parseRequest } from '../shared/contract.ts';
import type { Conference } from '../shared/domain.ts';
import type { Backend } from '../main/backend.ts';
import { allowOnly, flagValue, hasFlag, UsageError } from './args.ts';
import type { ParsedArgs } from './args.ts';
import { plural, print } from './output.ts';
import type { Io } from './output.ts';

const LISTED = 10;

/** “Title” (id 3), … for an error message: the first few, then how many more. */
function candidates(conferences: readonly Conference[]): string {
  const names = conferences.slice(0, LISTED).map((c) => `“${c.title}” (id ${c.id})`);
  const more = conferences.length > LISTED ? ` and ${conferences.length - LISTED} more (see: clashless conferences)` : '';
  return names.join(', ') + more;
}

/**
 * The conference an argument names: its id, else its title (any case), else the one conference whose
 * title contains it (not for a number). Several matches are refused with their ids, never guessed.
 */
export function findConference(conferences: readonly Conference[], text: string): Conference {
  const wanted = text.trim();
  const number = /^\d+$/.test(wanted);
  if (number) {
    const byId = conferences.find((c) => c.id === Number(wanted));
    if (byId) return byId;
  }
  const lower = wanted.toLocaleLowerCase();
  const exact = conferences.filter((c) => c.title.toLocaleLowerCase() === lower);
  // A number is an id (or a whole title), never part of one: "2024" must not pick a conference by its year.
  const matches = exact.length > 0 || number ? exact : conferences.filter((c) => c.title.toLocaleLowerCase().includes(lower));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    const known = conferences.length === 0 ? 'There are no conferences yet; import a schedule first.' : `The conferences are ${candidates(conferences)}.`;
    throw new ClashlessError('not-found', `No conference has the id or title “${wanted}”. ${known}`);
  }
  throw new ClashlessError('conflict', `“${wanted}” matches ${matches.length} conferences: ${candidates(matches)}. Give the id or the whole title.`);
}

/** The conference `--conference` names, or undefined (every conference) when the flag is not given. */
export async function conferenceScope(backend: Backend, args: ParsedArgs): Promise<Conference | undefined> {
  const text = flagValue(args, '--conference');
  return text === undefined ? undefined : findConference(await backend.api['conference.list']({}), text);
}

/** For commands that work on one conference at a time: the one `--conference` names, or the only one there is. */
export async function oneConference(backend: Backend, args: ParsedArgs, command: string): Promise<Conference> {
  const conferences = await backend.api['conference.list']({});
  const text = flagValue(args, '--conference');
  if (text !== undefined) return findConference(conferences, text);
  if (conferences.length === 1) return conferences[0]!;
  if (conferences.length === 0) throw new ClashlessError('not-found', 'There are no conferences yet. Import a schedule first: clashless import FILE');
  throw new UsageError(`${command} works on one conference; name it with --conference ID|TITLE: ${candidates(conferences)}.`);
}

/** `conferences` and its older spelling `conference list`: newest first, one line or one JSON object each. */
export async function listConferences(backend: Backend, args: ParsedArgs, io: Io, command: string, words: number): Promise<number> {
  allowOnly(args, command, ['--json']);
  if (args.positionals.length > words) throw new UsageError(`${command} takes no arguments.`);
  const conferences = await backend.api['conference.list']({});
  if (hasFlag(args, '--json')) {
    print(io, conferences);
    return 0;
  }
  if (conferences.length === 0) io.out('No conferences yet. Import a schedule with: clashless import FILE\n');
  for (const c of conferences) {
    const dates = c.startDate ? `${c.startDate}${c.endDate && c.endDate !== c.startDate ? ` to ${c.endDate}` : ''}` : 'no dates';
    io.out(`${c.id}\t${c.title}\t${plural(c.sessionCount, 'session')}\t${dates}\n`);
  }
  return 0;
}

export async function cmdConference(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  const verb = args.positionals[1];
  if (verb === 'list') return listConferences(backend, args, io, 'conference list', 2);
  if (verb === 'remove') {
    allowOnly(args, 'conference remove', []);
    const text = args.positionals.slice(2).join(' ');
    if (text.trim() === '') throw new UsageError('conference remove needs the conference’s ID or TITLE (see: clashless conferences).');
    const target = findConference(await backend.api['conference.list']({}), text);
    const done = await backend.api['conference.remove']({ conferenceId: target.id });
    if (!done.removed) throw new ClashlessError('not-found', `“${target.title}” was already removed.`);
    const blocks = done.blocks > 0 ? `, ${plural(done.blocks, 'personal block')}` : '';
    io.out(
      `Removed “${done.title}” (${plural(done.sessions, 'session')}, ${done.planned} planned${blocks}). Undo with: clashless undo\n`
    );
    return 0;
  }
  if (verb === 'rename') return renameConference(backend, args, io);
  throw new UsageError('conference takes list, remove or rename.');
}

/** `conference rename ID|TITLE NEW-TITLE`: two arguments (quote a title with spaces), one undoable step. */
async function renameConference(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'conference rename', []);
  const [text, title] = args.positionals.slice(2);
  if (text === undefined || title === undefined || args.positionals.length > 4) {
    throw new UsageError('conference rename needs two arguments: ID|TITLE NEW-TITLE (quote a title that has spaces).');
  }
  const target = findConference(await backend.api['conference.list']({}), text);
  let request;
  try {
    // The same contract check as the app's door: trimmed, 1–200 characters.
    request = parseRequest('conference.rename', { conferenceId: target.id, title });
  } catch (err) {
    const why = err instanceof ClashlessError ? err.message.replace(/^Invalid request for conference\.rename: /, '') : String(err);
    throw new ClashlessError('bad-request', `conference rename NEW-TITLE: ${why}. Nothing was renamed.`);
  }
  const done = await backend.api['conference.rename'](request);
  io.out(`Renamed “${done.oldTitle}” to “${done.title}”. Undo with: clashless undo\n`);
  return 0;
}

/** Undo or redo the newest step, whichever door made it (the app, the browser host, this command). */
export async function cmdHistory(backend: Backend, args: ParsedArgs, io: Io, which: 'undo' | 'redo'): Promise<number> {
  allowOnly(args, which, []);
  if (args.positionals.length > 1) throw new UsageError(`${which} takes no arguments.`);
  const { label } = await backend.api[which === 'undo' ? 'history.undo' : 'history.redo']({});
  if (label === null) {
    io.out(`Nothing to ${which}.\n`);
    return 0;
  }
  io.out(`${which === 'undo' ? 'Undid' : 'Redid'}: ${label.charAt(0).toLowerCase()}${label.slice(1)}.\n`);
  return 0;
}
