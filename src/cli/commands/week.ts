// `clashless week --from DATE [--days N]`: the app's My week from the command line. Everything
// planned across every conference whose dates touch the span, day by day in each item's own
// conference zone, and the clashes among them, across conferences too (the same clash.list).
import { isIsoDate, MAX_WEEK_DAYS, overlappingConferences, weekAgenda, weekRange } from '../../shared/my-week.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, flagValue, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { weekJson } from '../json.ts';
import { hhmm, plural, print } from '../output.ts';
import type { Io } from '../output.ts';

function spanOf(args: ParsedArgs): { from: string; days: number } {
  const from = flagValue(args, '--from');
  if (from === undefined) throw new UsageError('week needs --from YYYY-MM-DD: the first day to show.');
  if (!isIsoDate(from)) throw new UsageError(`--from needs a date written YYYY-MM-DD, like 2024-11-13, not “${from}”.`);
  const daysText = flagValue(args, '--days') ?? '7';
  const days = Number(daysText);
  if (!/^\d+$/.test(daysText) || days < 1 || days > MAX_WEEK_DAYS) {
    throw new UsageError(`--days needs a whole number of days from 1 to ${MAX_WEEK_DAYS}, not “${daysText}”.`);
  }
  return { from, days };
}

export async function cmdWeek(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'week', ['--from', '--days', '--json']);
  if (args.positionals.length > 1) throw new UsageError('week takes no arguments (give the first day with --from YYYY-MM-DD).');
  const { from, days } = spanOf(args);
  const span = weekRange(from, days);
  const conferences = overlappingConferences(span, await backend.api['conference.list']({}));
  const inSpan = new Set(conferences.map((c) => c.id));
  const plan = (await backend.api['plan.list']({})).filter((p) => inSpan.has(p.conferenceId));
  const agenda = weekAgenda(plan, conferences, span);
  const shown = new Map(agenda.flatMap((d) => d.items.map(({ item }) => [item.id, item] as const)));
  // A clash belongs to the span when either side is shown (the other may start the evening before).
  const clashes = (await backend.api['clash.list']({})).filter((c) => shown.has(c.a) || shown.has(c.b));
  const items = new Map(plan.map((p) => [p.id, p]));
  if (hasFlag(args, '--json')) {
    print(io, weekJson(span, conferences, agenda, clashes, items));
    return 0;
  }
  io.out(`My week ${span.startDate} – ${span.endDate}: ${plural(conferences.length, 'conference')}, ${plural(shown.size, 'planned item')}.\n`);
  const label = new Map<number, string>(conferences.map((c, i) => [c.id, `[${i + 1}]`]));
  for (const c of conferences) io.out(`  ${label.get(c.id)} ${c.title} (${c.startDate} – ${c.endDate}, times in ${c.timeZone})\n`);
  for (const day of agenda) {
    io.out(`\n${day.date}\n`);
    for (const { item, conference } of day.items) {
      io.out(`  ${hhmm(item.start, conference.timeZone)}–${hhmm(item.end, conference.timeZone)} ${label.get(conference.id)} ${item.title}${item.state === 'going' ? '' : ` (${item.state})`}\n`);
    }
  }
  io.out(clashes.length === 0 ? '\nNo clashes.\n' : `\n${plural(clashes.length, 'clash')}:\n`);
  const name = (id: number): string => {
    const item = items.get(id);
    return item ? `${label.get(item.conferenceId) ?? ''} ${item.title}`.trim() : `item ${id}`;
  };
  const across = (a: number, b: number): boolean => items.get(a)?.conferenceId !== items.get(b)?.conferenceId;
  for (const c of clashes) {
    const what = c.kind === 'overlap' ? `overlap ${c.minutes} min` : `transfer ${c.minutes} min short`;
    io.out(`  ${what}${across(c.a, c.b) ? ' (across conferences)' : ''}: ${name(c.a)} ↔ ${name(c.b)}\n`);
  }
  return 0;
}
