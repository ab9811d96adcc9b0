// The `clashless` command: the same services as the app, for scripting, conversion and headless
// tests. Contract: docs/cli.md. Exit status 0 done, 1 bad usage, 2 the input could not be read or
// parsed, or the database could not be opened (locked, disk full, no permission). Errors are one
// line on stderr, never a stack trace; with --json stdout holds JSON alone.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { ClashlessError } from '../shared/contract.ts';
import type { ImportPreview } from '../shared/contract.ts';
import { IMPORT_FORMATS, PLAN_STATES } from '../shared/domain.ts';
import type { ImportFormat, PlanState } from '../shared/domain.ts';
import { epochToWall } from '../shared/time.ts';
import { decodeBytes, MAX_IMPORT_BYTES } from '../main/import/decode.ts';
import { defaultDbPath } from '../main/paths.ts';
import { openServices } from '../main/services.ts';
import { storeUnavailable } from '../main/store/open.ts';
import type { ServiceHost } from '../main/service-host.ts';
import { allowOnly, flagValue, hasFlag, parseArgs, UsageError, USAGE } from './args.ts';
import type { ParsedArgs } from './args.ts';
import { clashJson, planJson, sessionJson } from './json.ts';
import { cmdConference, cmdHistory } from './conference.ts';
import { cmdRemind } from './remind.ts';

export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seed');

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, or null as soon as it is longer than `limit` bytes (never read whole first). */
  readStdin(limit: number): Buffer | null;
}

const INPUT_ERRORS = new Set(['parse-failed', 'empty', 'too-large', 'zone-required', 'first-day-required']);

function print(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

function hhmm(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

function day(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return `${names[w.weekday - 1]} ${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function readInput(io: Io, file: string): { bytes: Buffer; name: string } {
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

async function cmdImport(host: ServiceHost, args: ParsedArgs, io: Io): Promise<number> {
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
  const preview = await host.api['import.preview'](req);
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
  const report = await host.api['import.commit'](req);
  if (json) {
    print(io, {
      ...previewJson(preview),
      result: {
        conferenceId: report.conferenceId,
        added: report.added,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        changes: report.changes.map((c) => ({ key: c.sessionKey, title: c.title, kind: c.kind, detail: c.detail, planned: c.planned }))
      }
    });
  } else {
    io.out(
      `Imported “${preview.conference.title}”: ${report.total} sessions (${report.added} added, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.removed} removed) in ${preview.conference.timeZone}.\n`
    );
    for (const c of report.changes) io.out(`  ${c.kind}${c.planned ? ' (planned)' : ''}: ${c.title} — ${c.detail}\n`);
  }
  for (const w of report.warnings) io.err(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
  return 0;
}

async function cmdSessions(host: ServiceHost, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'sessions', ['--search', '--json']);
  const search = flagValue(args, '--search');
  const sessions = await host.api['session.list'](search ? { search } : {});
  const conferences = new Map((await host.api['conference.list']({})).map((c) => [c.id, c]));
  if (hasFlag(args, '--json')) {
    print(io, sessions.map((s) => sessionJson(s, conferences.get(s.conferenceId)?.timeZone ?? 'UTC')));
    return 0;
  }
  for (const s of sessions) {
    const zone = conferences.get(s.conferenceId)?.timeZone ?? 'UTC';
    io.out(`${s.key}\t${day(s.start, zone)} ${hhmm(s.start, zone)}–${hhmm(s.end, zone)}\t${s.title}${s.status !== 'scheduled' ? ` (${s.status})` : ''}\n`);
  }
  return 0;
}

function sessionIdsForKeys(keys: string[], lookup: (key: string) => { id: number }[]): number[] {
  return keys.map((key) => {
    const found = lookup(key);
    if (found.length === 0) throw new ClashlessError('not-found', `No session has the key “${key}”. List keys with: clashless sessions`);
    if (found.length > 1) throw new ClashlessError('conflict', `The key “${key}” is in ${found.length} conferences; remove one of them first.`);
    return found[0]!.id;
  });
}

async function cmdPlan(host: ServiceHost, args: ParsedArgs, io: Io, lookup: (key: string) => { id: number }[]): Promise<number> {
  const verb = args.positionals[1];
  const keys = args.positionals.slice(2);
  if (verb === 'add') {
    allowOnly(args, 'plan add', ['--all', '--state']);
    const state = flagValue(args, '--state') ?? 'going';
    if (!PLAN_STATES.includes(state as PlanState)) throw new UsageError(`--state must be going, backup or maybe (not “${state}”).`);
    let ids: number[];
    if (hasFlag(args, '--all')) {
      if (keys.length > 0) throw new UsageError('plan add takes KEY... or --all, not both.');
      ids = (await host.api['session.list']({})).filter((s) => s.status === 'scheduled').map((s) => s.id);
      if (ids.length === 0) throw new ClashlessError('not-found', 'There are no sessions to plan. Import a schedule first.');
    } else {
      if (keys.length === 0) throw new UsageError('plan add needs at least one KEY (or --all).');
      ids = sessionIdsForKeys(keys, lookup);
    }
    const { items } = await host.api['plan.add']({ sessionIds: ids, state: state as PlanState });
    io.out(`Planned ${items.length} session${items.length === 1 ? '' : 's'} as ${state}.\n`);
    return 0;
  }
  if (verb === 'remove') {
    allowOnly(args, 'plan remove', []);
    if (keys.length === 0) throw new UsageError('plan remove needs at least one KEY.');
    const plan = await host.api['plan.list']({});
    const itemIds = keys.map((key) => {
      const item = plan.find((p) => p.sessionKey === key || `block-${p.id}` === key);
      if (!item) throw new ClashlessError('not-found', `“${key}” is not in the plan. See it with: clashless plan list`);
      return item.id;
    });
    const { items } = await host.api['plan.remove']({ itemIds });
    io.out(`Removed ${items.length} item${items.length === 1 ? '' : 's'} from the plan.\n`);
    return 0;
  }
  if (verb === 'remind') return await cmdRemind(host, args, io);
  if (verb === 'list') {
    allowOnly(args, 'plan list', ['--json']);
    const plan = await host.api['plan.list']({});
    if (hasFlag(args, '--json')) {
      print(io, plan.map(planJson));
      return 0;
    }
    const zones = new Map((await host.api['conference.list']({})).map((c) => [c.id, c.timeZone]));
    for (const p of plan) {
      const zone = zones.get(p.conferenceId) ?? 'UTC';
      io.out(`${p.sessionKey ?? `block-${p.id}`}\t${day(p.start, zone)} ${hhmm(p.start, zone)}–${hhmm(p.end, zone)}\t${p.state}\t${p.title}\n`);
    }
    return 0;
  }
  throw new UsageError('plan takes add, remove, remind or list.');
}

async function cmdClashes(host: ServiceHost, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'clashes', ['--json']);
  const clashes = await host.api['clash.list']({});
  const items = new Map((await host.api['plan.list']({})).map((p) => [p.id, p]));
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
 * Write next to the target and rename, so a crash never leaves half an agenda behind. When the
 * write or the rename fails, the temporary file is removed before the one-line error is thrown:
 * a failed export leaves nothing behind.
 */
function writeAtomically(target: string, content: string): void {
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
    throw new ClashlessError('internal', `Could not write ${target} (${why}). The agenda was not saved; choose another --out file.`);
  }
}

async function cmdExport(host: ServiceHost, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'export', ['--out', '--format', '--alarm']);
  const out = flagValue(args, '--out');
  if (!out) throw new UsageError('export needs --out FILE.');
  const format = flagValue(args, '--format') ?? 'ics';
  if (format !== 'ics' && format !== 'md' && format !== 'csv') throw new UsageError('--format must be ics, md or csv.');
  const alarmText = flagValue(args, '--alarm');
  const alarm = alarmText === undefined ? undefined : Number(alarmText);
  if (alarm !== undefined && (!Number.isInteger(alarm) || alarm < 0 || alarm > 10_080)) {
    throw new UsageError('--alarm takes whole minutes from 0 to 10080.');
  }
  const file = await host.api['export.agenda']({ format, ...(alarm !== undefined ? { alarmMinutes: alarm } : {}) });
  const target = resolve(out);
  writeAtomically(target, file.content);
  io.out(`Exported ${file.count} item${file.count === 1 ? '' : 's'} to ${target}.\n`);
  return 0;
}

/** Run one command; returns the exit status. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let host: ServiceHost | null = null;
  let dbPath: string | null = null;
  try {
    const args = parseArgs(argv);
    if (hasFlag(args, '--help') || hasFlag(args, '-h') || args.positionals.length === 0) {
      io.out(USAGE + '\n');
      return args.positionals.length === 0 && !hasFlag(args, '--help') && !hasFlag(args, '-h') ? 1 : 0;
    }
    const command = args.positionals[0]!;
    const known = ['import', 'seed', 'sessions', 'plan', 'clashes', 'export', 'conference', 'undo', 'redo'];
    if (!known.includes(command)) throw new UsageError(`Unknown command “${command}”.`);
    dbPath = resolve(flagValue(args, '--db') ?? defaultDbPath());
    host = openServices({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: false });
    const opened = host;
    // What the app shows in a banner, the CLI says once on stderr (stdout stays the command's own).
    const { recovery, backupFailed } = await host.api['app.info']({});
    if (recovery) {
      io.err(
        `clashless: ${dbPath} was damaged (${recovery.reason}); it was moved to ${recovery.movedTo} and ` +
          (recovery.restoredFrom ? `the backup ${recovery.restoredFrom} was restored.\n` : 'a new, empty database was started (no usable backup).\n')
      );
    }
    if (backupFailed) io.err(`clashless: ${backupFailed}\n`);
    // The CLI addresses sessions by key; the services address them by id.
    const lookup = (key: string) => opened.sessionsByKey(key);
    switch (command) {
      case 'import':
        return await cmdImport(host, args, io);
      case 'seed': {
        allowOnly(args, 'seed', []);
        if (args.positionals.length > 1) throw new UsageError('seed takes no arguments.');
        const done = host.seed();
        for (const d of done) io.out(`Imported ${d.sessions} sessions from ${d.file}.\n`);
        return 0;
      }
      case 'sessions':
        return await cmdSessions(host, args, io);
      case 'plan':
        return await cmdPlan(host, args, io, lookup);
      case 'clashes':
        return await cmdClashes(host, args, io);
      case 'export':
        return await cmdExport(host, args, io);
      case 'conference':
        return await cmdConference(host, args, io);
      case 'undo':
      case 'redo':
        return await cmdHistory(host, args, io, command);
    }
    return 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`clashless: ${err.message}\nRun “clashless --help” for usage.\n`);
      return 1;
    }
    // The database could not be opened or written (locked, disk full, no permission): exit 2, like
    // an input that could not be read. Nothing was moved or changed.
    const store = dbPath === null ? null : storeUnavailable(err, dbPath, 'save changes to');
    if (store) {
      io.err(`clashless: ${store.message}\n`);
      return 2;
    }
    if (err instanceof ClashlessError) {
      io.err(`clashless: ${err.message}${err.where ? ` (${err.where})` : ''}\n`);
      return INPUT_ERRORS.has(err.code) ? 2 : 1;
    }
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`clashless: unexpected error: ${detail.split('\n')[0]}. Nothing was changed.\n`);
    return 1;
  } finally {
    host?.close();
  }
}
