// `clashless clashes` and `resolve --all-by-priority`: the clash panel's list and its "Resolve all
// by priority" button, over the same services (the rule itself is src/shared/resolve.ts).
import { unresolvedSentence } from '../../shared/resolve.ts';
import type { PlanItem } from '../../shared/domain.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { conferenceScope, oneConference } from '../conference.ts';
import { clashJson, planJson, planKey } from '../json.ts';
import { plural, print, slot } from '../output.ts';
import type { Io } from '../output.ts';

export async function cmdClashes(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'clashes', ['--json', '--conference']);
  if (args.positionals.length > 1) throw new UsageError('clashes takes no arguments.');
  const scope = await conferenceScope(backend, args);
  const req = scope ? { conferenceId: scope.id } : {};
  const clashes = await backend.api['clash.list'](req);
  const items = new Map((await backend.api['plan.list'](req)).map((p) => [p.id, p]));
  const rows = clashes.map((c) => clashJson(c, items));
  if (hasFlag(args, '--json')) {
    print(io, rows);
    return 0;
  }
  if (rows.length === 0) io.out('No clashes.\n');
  for (const r of rows) {
    io.out(`${r.kind === 'overlap' ? `overlap ${r.minutes} min` : `transfer ${r.minutes} min short`}: ${r.a.title} ↔ ${r.b.title}\n`);
  }
  return 0;
}

/**
 * Keep the clash-free set of going items with the most priority and move the rest to backup, in one
 * conference. --dry-run asks the service for the preview the app shows before its button is
 * confirmed, which writes nothing; without it the change is one undoable step.
 */
export async function cmdResolve(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'resolve', ['--all-by-priority', '--dry-run', '--json', '--conference']);
  if (args.positionals.length > 1) throw new UsageError('resolve takes no arguments.');
  if (!hasFlag(args, '--all-by-priority')) {
    throw new UsageError('resolve needs --all-by-priority (resolve one clash at a time in the app).');
  }
  const conference = await oneConference(backend, args, 'resolve');
  const apply = !hasFlag(args, '--dry-run');
  const plan = new Map((await backend.api['plan.list']({ conferenceId: conference.id })).map((p) => [p.id, p]));
  const result = await backend.api['clash.resolveAll']({ conferenceId: conference.id, apply });
  // The service moved them to backup (when applied); the titles and times are those read before.
  const pick = (ids: number[]) => ids.map((id) => plan.get(id)).filter((p): p is PlanItem => p !== undefined);
  const toBackup = pick(result.toBackup);
  const keep = pick(result.keep);
  if (hasFlag(args, '--json')) {
    print(io, {
      conference: { id: conference.id, title: conference.title },
      applied: result.applied && toBackup.length > 0,
      totalPriority: result.totalPriority,
      unresolved: result.unresolved,
      keep: keep.map(planJson),
      toBackup: toBackup.map((p) => ({ ...planJson(p), state: apply ? 'backup' : p.state }))
    });
    return 0;
  }
  const leftover = unresolvedSentence(result.unresolved);
  if (toBackup.length === 0) {
    // "No clashes" would be untrue while the person's own blocks still clash with each other.
    io.out(leftover === null ? `No clashes to resolve in “${conference.title}”: nothing was changed.\n` : `Nothing to move to backup in “${conference.title}”: nothing was changed.\n${leftover}\n`);
    return 0;
  }
  const kept = `keeping ${keep.length} going (total priority ${result.totalPriority})`;
  io.out(
    apply
      ? `Moved ${plural(toBackup.length, 'item')} to backup in “${conference.title}”, ${kept}. Undo with: clashless undo\n`
      : `Resolving by priority would move ${plural(toBackup.length, 'item')} to backup in “${conference.title}”, ${kept}:\n`
  );
  for (const p of toBackup) io.out(`  to backup: ${planKey(p)}\t${slot(p.start, p.end, conference.timeZone)}\tpriority ${p.priority}\t${p.title}\n`);
  if (leftover !== null) io.out(`${leftover}\n`);
  if (!apply) io.out('Nothing was changed (--dry-run).\n');
  return 0;
}
