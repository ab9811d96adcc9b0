// `clashless changes`: what each conference's newest re-import changed, from the service the app's
// "What changed" panel reads, in the panel's words and order.
import { changeLine, sortChanges } from '../../shared/change-text.ts';
import { isoDateInZone, toIsoUtc } from '../../shared/time.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { conferenceScope } from '../conference.ts';
import { changeJson } from '../json.ts';
import { hhmm, plural, print } from '../output.ts';
import type { Io } from '../output.ts';

export async function cmdChanges(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'changes', ['--json', '--conference']);
  if (args.positionals.length > 1) throw new UsageError('changes takes no arguments.');
  const scope = await conferenceScope(backend, args);
  const conferences = scope ? [scope] : await backend.api['conference.list']({});
  const report = [];
  for (const c of conferences) {
    const changes = sortChanges(await backend.api['change.list']({ conferenceId: c.id }));
    report.push({ conference: c, changes, importedAt: changes.length > 0 ? Math.max(...changes.map((x) => x.importedAt)) : null });
  }
  if (hasFlag(args, '--json')) {
    print(
      io,
      report.map((r) => ({
        conference: { id: r.conference.id, title: r.conference.title },
        importedAt: r.importedAt === null ? null : toIsoUtc(r.importedAt),
        changes: r.changes.map(changeJson)
      }))
    );
    return 0;
  }
  if (report.length === 0) io.out('No conferences yet. Import a schedule with: clashless import FILE\n');
  for (const { conference, changes, importedAt } of report) {
    if (importedAt === null) {
      io.out(`${conference.title}: nothing yet. When you import this schedule again, its changes show here.\n`);
      continue;
    }
    const zone = conference.timeZone;
    const planned = changes.filter((c) => c.planned).length;
    const touches = planned > 0 ? ` · ${planned} ${planned === 1 ? 'change touches' : 'changes touch'} your plan` : '';
    io.out(`${conference.title}: last import ${isoDateInZone(importedAt, zone)} ${hhmm(importedAt, zone)}${touches}\n`);
    // Like the panel: new sessions nobody planned are a count, not a list that buries what matters.
    for (const c of changes.filter((x) => x.kind !== 'added' || x.planned)) {
      io.out(`  ${changeLine(c)}\n`);
    }
    const added = changes.filter((x) => x.kind === 'added' && !x.planned).length;
    if (added > 0) io.out(`  ${plural(added, 'new session')} (list them with --json)\n`);
  }
  return 0;
}
