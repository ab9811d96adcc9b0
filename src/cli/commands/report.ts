// `clashless report --out FILE [--format md|html] [--conference C]`: "my conference", the report the
// app's Export dialog writes (what was attended, ratings and notes, what to watch later with the
// recordings), written atomically like `export`.
import { resolve } from 'node:path';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, flagValue, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { conferenceScope } from '../conference.ts';
import type { Io } from '../output.ts';
import { writeAtomically } from './export.ts';

export async function cmdReport(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'report', ['--out', '--format', '--conference']);
  if (args.positionals.length > 1) throw new UsageError('report takes no arguments; name the file with --out FILE.');
  const out = flagValue(args, '--out');
  if (!out) throw new UsageError('report needs --out FILE.');
  const format = flagValue(args, '--format') ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html for a report (not “${format}”).`);
  const scope = await conferenceScope(backend, args);
  const file = await backend.api['export.agenda']({ format: format === 'md' ? 'report-md' : 'report-html', ...(scope ? { conferenceId: scope.id } : {}) });
  const target = resolve(out);
  writeAtomically(target, file.content, 'The report');
  io.out(`Wrote the report on ${file.count} planned session${file.count === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}
