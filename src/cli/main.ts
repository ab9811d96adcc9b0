// The `clashless` command: the same services as the app, for scripting, conversion and headless
// tests. Contract: docs/cli.md. Exit status 0 done, 1 bad usage, 2 the input could not be read or
// parsed, or the database could not be opened (locked, disk full, no permission). Errors are one
// line on stderr, never a stack trace; with --json stdout holds JSON alone. Each command lives in
// commands/*.ts (or conference.ts); this file opens the services, dispatches and maps errors.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { ClashlessError } from '../shared/contract.ts';
import { defaultDbPath } from '../main/paths.ts';
import { openBackend } from '../main/backend.ts';
import { storeUnavailable } from '../main/store/problems.ts';
import type { Backend } from '../main/backend.ts';
import { allowOnly, flagValue, hasFlag, parseArgs, UsageError, USAGE } from './args.ts';
import type { ParsedArgs } from './args.ts';
import { cmdConference, cmdHistory, listConferences } from './conference.ts';
import { cmdChanges } from './commands/changes.ts';
import { cmdClashes, cmdResolve } from './commands/clashes.ts';
import { cmdExport } from './commands/export.ts';
import { cmdReport } from './commands/report.ts';
import { cmdFriends } from './commands/friends.ts';
import { cmdImport } from './commands/import.ts';
import { cmdPlan, cmdSessions } from './commands/plan.ts';
import { cmdTravel } from './commands/travel.ts';
import { cmdWeek } from './commands/week.ts';
import type { Io } from './output.ts';

export type { Io } from './output.ts';

export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seed');

const INPUT_ERRORS = new Set(['parse-failed', 'empty', 'too-large', 'zone-required', 'first-day-required']);

const COMMANDS: Record<string, (backend: Backend, args: ParsedArgs, io: Io) => Promise<number>> = {
  import: cmdImport,
  seed: async (backend, args, io) => {
    allowOnly(args, 'seed', []);
    if (args.positionals.length > 1) throw new UsageError('seed takes no arguments.');
    for (const d of await backend.seed()) io.out(`Imported ${d.sessions} sessions from ${d.file}.\n`);
    return 0;
  },
  sessions: cmdSessions,
  // The CLI addresses sessions by key; the services address them by id.
  plan: (backend, args, io) => cmdPlan(backend, args, io, (key) => backend.sessionsByKey(key)),
  clashes: cmdClashes,
  resolve: cmdResolve,
  changes: cmdChanges,
  travel: cmdTravel,
  export: cmdExport,
  report: cmdReport,
  week: cmdWeek,
  friends: cmdFriends,
  conferences: (backend, args, io) => listConferences(backend, args, io, 'conferences', 1),
  conference: cmdConference,
  undo: (backend, args, io) => cmdHistory(backend, args, io, 'undo'),
  redo: (backend, args, io) => cmdHistory(backend, args, io, 'redo')
};

/** Run one command; returns the exit status. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let backend: Backend | null = null;
  let dbPath: string | null = null;
  try {
    const args = parseArgs(argv);
    if (hasFlag(args, '--help') || hasFlag(args, '-h') || args.positionals.length === 0) {
      io.out(USAGE + '\n');
      return args.positionals.length === 0 && !hasFlag(args, '--help') && !hasFlag(args, '-h') ? 1 : 0;
    }
    const command = args.positionals[0]!;
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError(`Unknown command “${command}”.`);
    dbPath = resolve(flagValue(args, '--db') ?? defaultDbPath());
    backend = openBackend({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: false });
    // What the app shows in a banner, the CLI says once on stderr (stdout stays the command's own).
    const { recovery, backupFailed } = await backend.api['app.info']({});
    if (recovery) {
      io.err(
        `clashless: ${dbPath} was damaged (${recovery.reason}); it was moved to ${recovery.movedTo} and ` +
          (recovery.restoredFrom ? `the backup ${recovery.restoredFrom} was restored.\n` : 'a new, empty database was started (no usable backup).\n')
      );
    }
    if (backupFailed) io.err(`clashless: ${backupFailed}\n`);
    return await handler(backend, args, io);
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
    backend?.close();
  }
}
