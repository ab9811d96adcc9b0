// Command-line parsing for `clashless`: small and strict. Unknown flags are usage errors (exit 1),
// never silently ignored, so a typo cannot turn an import into something else.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  /** Positional words after the global options: ["import", "file.ics"]. */
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Flags that take a value; every other known flag is a switch. */
const VALUE_FLAGS = new Set(['--db', '--tz', '--first-day', '--format', '--search', '--state', '--out', '--alarm', '--conference', '--port', '--minutes', '--rating', '--from', '--days', '--name', '--owner']);
const SWITCHES = new Set(['--dry-run', '--json', '--all', '--all-by-priority', '--help', '-h', '--version']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // "-5" is a (bad) number, not a flag: `travel set A B -5` must say what is wrong with the minutes.
    if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
        flags.set(name, value);
      } else if (SWITCHES.has(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`Unknown option ${name}.`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/** Refuse flags that mean nothing for this command. */
export function allowOnly(args: ParsedArgs, command: string, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (name !== '--db' && !allowed.includes(name)) throw new UsageError(`${name} does not apply to “${command}”.`);
  }
}

export const USAGE = `Usage:
  clashless [--db PATH] import FILE|- [--tz ZONE] [--first-day YYYY-MM-DD] [--format FORMAT] [--dry-run] [--json]
  clashless [--db PATH] seed                      import the bundled sample schedules
  clashless [--db PATH] conferences [--json]      list the conferences (also: conference list)
  clashless [--db PATH] conference remove ID|TITLE  remove it with its sessions and plan (undoable)
  clashless [--db PATH] conference rename ID|TITLE NEW-TITLE  give it a title of your own (undoable)
  clashless [--db PATH] sessions [--search TEXT] [--conference C] [--json]
  clashless [--db PATH] plan add KEY... | --all   [--state going|backup|maybe] [--conference C]
  clashless [--db PATH] plan remove KEY...       [--conference C]
  clashless [--db PATH] plan remind KEY... --minutes none|5|10|15|30|default [--conference C]
  clashless [--db PATH] plan mark KEY... attended|missed|clear [--rating 1-5|none] [--conference C]
  clashless [--db PATH] plan list [--conference C] [--json]
  clashless [--db PATH] clashes [--conference C] [--json]
  clashless [--db PATH] resolve --all-by-priority [--dry-run] [--conference C] [--json]
  clashless [--db PATH] changes [--conference C] [--json]   what the last re-imports changed
  clashless [--db PATH] travel list [--conference C] [--json]
  clashless [--db PATH] travel set PLACE PLACE MINUTES [--conference C]
  clashless [--db PATH] week --from YYYY-MM-DD [--days N] [--json]   what is planned across every conference of those days, with clashes
  clashless [--db PATH] export --out FILE [--format ics|md|csv|html] [--alarm MINUTES] [--owner NAME] [--conference C]
  clashless [--db PATH] report --out FILE [--format md|html] [--conference C]   "my conference": attended, rated, to watch
  clashless [--db PATH] friends add FILE|- [--name NAME] [--json]   a friend's exported .ics as an overlay
  clashless [--db PATH] friends list [--json] | friends remove NAME
  clashless [--db PATH] undo | redo              undo or redo the last change (the app's Ctrl+Z)

C is a conference's id or title (any case; a unique piece of one will do). resolve and travel work on
one conference: --conference is needed when there are several.
FORMAT for import: auto (default), sched-text, markdown, text, ics, frab-xml, schedule-json, csv, html.
--first-day answers a schedule that names its days only as weekdays: the date of its first day.
--db defaults to the app's own database, so the command line and the app share one plan.`;
