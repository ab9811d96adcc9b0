// `clashless export`: the agenda the app's Export dialog writes (iCalendar, Markdown, CSV, or the
// printable HTML page), for the whole plan or one --conference, written atomically to --out.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClashlessError } from '../../shared/contract.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, flagValue, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { conferenceScope } from '../conference.ts';
import type { Io } from '../output.ts';

const EXPORT_FORMATS = ['ics', 'md', 'csv', 'html'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Write next to the target and rename, so a crash never leaves half an agenda behind. When the
 * write or the rename fails, the temporary file is removed before the one-line error is thrown:
 * a failed export leaves nothing behind.
 */
export function writeAtomically(target: string, content: string, what = 'The agenda'): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the message below still says the agenda was not saved.
    }
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    const why = code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'its folder does not exist' : code;
    throw new ClashlessError('internal', `Could not write ${target} (${why}). ${what} was not saved; choose another --out file.`);
  }
}

export async function cmdExport(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'export', ['--out', '--format', '--alarm', '--owner', '--conference']);
  const out = flagValue(args, '--out');
  if (!out) throw new UsageError('export needs --out FILE.');
  const format = flagValue(args, '--format') ?? 'ics';
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError(`--format must be ics, md, csv or html (not “${format}”).`);
  const alarmText = flagValue(args, '--alarm');
  const alarm = alarmText === undefined ? undefined : Number(alarmText);
  if (alarm !== undefined && (!Number.isInteger(alarm) || alarm < 0 || alarm > 10_080)) {
    throw new UsageError('--alarm takes whole minutes from 0 to 10080.');
  }
  const scope = await conferenceScope(backend, args);
  const owner = flagValue(args, '--owner');
  if (owner !== undefined && format !== 'ics') throw new UsageError('--owner names the plan in an .ics export (--format ics).');
  const file = await backend.api['export.agenda']({
    format: format as ExportFormat,
    ...(alarm !== undefined ? { alarmMinutes: alarm } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(scope ? { conferenceId: scope.id } : {})
  });
  const target = resolve(out);
  writeAtomically(target, file.content);
  io.out(`Exported ${file.count} item${file.count === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}
