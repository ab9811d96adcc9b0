// `clashless import`: read a file or standard input, preview it like the app's import dialog, and
// commit it unless --dry-run. Inputs over 20 MiB are refused before they are read.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { changeLine, sortChanges } from '../../shared/change-text.ts';
import { ClashlessError } from '../../shared/contract.ts';
import type { ImportPreview } from '../../shared/contract.ts';
import { IMPORT_FORMATS } from '../../shared/domain.ts';
import type { ImportFormat } from '../../shared/domain.ts';
import { decodeBytes, MAX_IMPORT_BYTES } from '../../main/import/decode.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, flagValue, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { changeJson, sessionJson } from '../json.ts';
import { day, hhmm, print } from '../output.ts';
import type { Io } from '../output.ts';

export function readInput(io: Io, file: string): { bytes: Buffer; name: string } {
  if (file === '-') {
    const bytes = io.readStdin(MAX_IMPORT_BYTES);
    if (bytes === null) {
      throw new ClashlessError(
        'too-large',
        `Standard input is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; schedules larger than that are refused. Is this the right input?`
      );
    }
    return { bytes, name: 'standard input' };
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ClashlessError('parse-failed', `${file} is not a file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof ClashlessError) throw err;
    throw new ClashlessError('parse-failed', `Cannot read ${file}: no such file, or no permission to read it.`);
  }
  // Check the size before reading: a 2 GB file must be refused without loading it.
  if (size > MAX_IMPORT_BYTES) {
    throw new ClashlessError(
      'too-large',
      `${file} is ${(size / 1024 / 1024).toFixed(0)} MB; schedules larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB are refused. Is this the right file?`
    );
  }
  return { bytes: readFileSync(file), name: basename(file) };
}

function previewJson(p: ImportPreview) {
  return {
    format: p.format,
    conference: p.conference,
    zone: p.zone,
    sessions: p.sessions.map((s) => sessionJson(s, p.conference.timeZone)),
    warnings: p.warnings
  };
}

export async function cmdImport(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'import', ['--tz', '--first-day', '--format', '--dry-run', '--json']);
  const file = args.positionals[1];
  if (!file || args.positionals.length > 2) throw new UsageError('import takes one FILE (or - for standard input).');
  const format = flagValue(args, '--format') ?? 'auto';
  if (format !== 'auto' && !IMPORT_FORMATS.includes(format as ImportFormat)) {
    throw new UsageError(`Unknown format “${format}”. Use auto, ${IMPORT_FORMATS.join(', ')}.`);
  }
  const input = readInput(io, file);
  const text = decodeBytes(input.bytes, { name: input.name });
  const req = {
    text,
    fileName: input.name,
    format: format as ImportFormat | 'auto',
    ...(flagValue(args, '--tz') ? { timeZone: flagValue(args, '--tz')! } : {}),
    ...(flagValue(args, '--first-day') ? { firstDay: flagValue(args, '--first-day')! } : {})
  };
  const preview = await backend.api['import.preview'](req);
  // A CSV whose columns could not be matched previews as its columns and the reason (the app's
  // mapping step). The CLI has no mapping step: that reason is the error, never a 0-session success.
  if (preview.sessions.length === 0) {
    const reason = preview.warnings[0];
    const mapping = preview.columns !== null ? ' On the command line, name the columns in the header row (Title, Date, Start, End, Room …), or import the file in the app to choose them.' : '';
    throw new ClashlessError(
      'parse-failed',
      `${reason?.message ?? 'No sessions were found in this document.'}${mapping}`,
      reason?.line !== null && reason?.line !== undefined ? `line ${reason.line}` : undefined
    );
  }
  const json = hasFlag(args, '--json');
  if (hasFlag(args, '--dry-run')) {
    if (json) print(io, previewJson(preview));
    else {
      const zone = preview.conference.timeZone;
      io.out(`${preview.conference.title} — ${preview.sessions.length} sessions (${preview.format}, ${zone}: ${preview.zone.detail})\n`);
      for (const s of preview.sessions) {
        io.out(`  ${day(s.start, zone)} ${hhmm(s.start, zone)}–${hhmm(s.end, zone)}  ${s.title}${s.room ? `  [${s.room}]` : ''}\n`);
      }
    }
    for (const w of preview.warnings) io.err(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
    return 0;
  }
  const report = await backend.api['import.commit'](req);
  if (json) {
    print(io, {
      ...previewJson(preview),
      result: {
        conferenceId: report.conferenceId,
        added: report.added,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        changes: report.changes.map(changeJson)
      }
    });
  } else {
    io.out(
      `Imported “${preview.conference.title}”: ${report.total} sessions (${report.added} added, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.removed} removed) in ${preview.conference.timeZone}.\n`
    );
    for (const c of sortChanges(report.changes)) io.out(`  ${changeLine(c)}\n`);
  }
  for (const w of report.warnings) io.err(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
  return 0;
}

