// `clashless conference list|remove` and `clashless undo|redo`: the same services the app's
// conference menu and Ctrl+Z use, so a removal from the command line is undone by either.
import { ClashlessError } from '../shared/contract.ts';
import type { Conference } from '../shared/domain.ts';
import type { ServiceHost } from '../main/service-host.ts';
import { allowOnly, hasFlag, UsageError } from './args.ts';
import type { ParsedArgs } from './args.ts';
import type { Io } from './main.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
    throw new ClashlessError('not-found', `No conference has the id or title “${wanted}”. See them with: clashless conference list`);
  }
  const names = matches.map((c) => `“${c.title}” (id ${c.id})`).join(', ');
  throw new ClashlessError('conflict', `“${wanted}” matches ${matches.length} conferences: ${names}. Give the id or the whole title.`);
}

export async function cmdConference(host: ServiceHost, args: ParsedArgs, io: Io): Promise<number> {
  const verb = args.positionals[1];
  if (verb === 'list') {
    allowOnly(args, 'conference list', ['--json']);
    if (args.positionals.length > 2) throw new UsageError('conference list takes no arguments.');
    const conferences = await host.api['conference.list']({});
    if (hasFlag(args, '--json')) {
      io.out(JSON.stringify(conferences, null, 2) + '\n');
      return 0;
    }
    if (conferences.length === 0) io.out('No conferences yet. Import a schedule with: clashless import FILE\n');
    for (const c of conferences) {
      const dates = c.startDate ? `${c.startDate}${c.endDate && c.endDate !== c.startDate ? ` to ${c.endDate}` : ''}` : 'no dates';
      io.out(`${c.id}\t${c.title}\t${plural(c.sessionCount, 'session')}\t${dates}\n`);
    }
    return 0;
  }
  if (verb === 'remove') {
    allowOnly(args, 'conference remove', []);
    const text = args.positionals.slice(2).join(' ');
    if (text.trim() === '') throw new UsageError('conference remove needs the conference’s ID or TITLE (see: clashless conference list).');
    const target = findConference(await host.api['conference.list']({}), text);
    const done = await host.api['conference.remove']({ conferenceId: target.id });
    if (!done.removed) throw new ClashlessError('not-found', `“${target.title}” was already removed.`);
    const blocks = done.blocks > 0 ? `, ${plural(done.blocks, 'personal block')}` : '';
    io.out(
      `Removed “${done.title}” (${plural(done.sessions, 'session')}, ${done.planned} planned${blocks}). Undo with: clashless undo\n`
    );
    return 0;
  }
  throw new UsageError('conference takes list or remove.');
}

/** Undo or redo the newest step, whichever door made it (the app, the browser host, this command). */
export async function cmdHistory(host: ServiceHost, args: ParsedArgs, io: Io, which: 'undo' | 'redo'): Promise<number> {
  allowOnly(args, which, []);
  if (args.positionals.length > 1) throw new UsageError(`${which} takes no arguments.`);
  const { label } = await host.api[which === 'undo' ? 'history.undo' : 'history.redo']({});
  if (label === null) {
    io.out(`Nothing to ${which}.\n`);
    return 0;
  }
  io.out(`${which === 'undo' ? 'Undid' : 'Redid'}: ${label.charAt(0).toLowerCase()}${label.slice(1)}.\n`);
  return 0;
}
