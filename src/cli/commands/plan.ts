// `clashless sessions` and `plan add|remove|remind|mark|list`: the catalogue and the plan, by session key, each
// edit one step in the shared undo history. `--conference` limits them to one conference.
import { ClashlessError } from '../../shared/contract.ts';
import { PLAN_STATES } from '../../shared/domain.ts';
import type { PlanState } from '../../shared/domain.ts';
import type { Backend } from '../../main/backend.ts';
import { allowOnly, flagValue, hasFlag, UsageError } from '../args.ts';
import type { ParsedArgs } from '../args.ts';
import { conferenceScope } from '../conference.ts';
import { planJson, planKey, sessionJson } from '../json.ts';
import { print, slot } from '../output.ts';
import { cmdRemind, scopedPlanItemIds } from '../remind.ts';
import { cmdMark } from '../mark.ts';
import type { Io } from '../output.ts';

/** Conference id → time zone, for writing times in each conference's own zone. */
async function zones(backend: Backend): Promise<Map<number, string>> {
  return new Map((await backend.api['conference.list']({})).map((c) => [c.id, c.timeZone]));
}

export async function cmdSessions(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'sessions', ['--search', '--json', '--conference']);
  if (args.positionals.length > 1) throw new UsageError('sessions takes no arguments (search with --search TEXT).');
  const scope = await conferenceScope(backend, args);
  const search = flagValue(args, '--search');
  const sessions = await backend.api['session.list']({ ...(search ? { search } : {}), ...(scope ? { conferenceId: scope.id } : {}) });
  const zoneOf = await zones(backend);
  if (hasFlag(args, '--json')) {
    print(io, sessions.map((s) => sessionJson(s, zoneOf.get(s.conferenceId) ?? 'UTC')));
    return 0;
  }
  for (const s of sessions) {
    const zone = zoneOf.get(s.conferenceId) ?? 'UTC';
    io.out(`${s.key}\t${slot(s.start, s.end, zone)}\t${s.title}${s.status !== 'scheduled' ? ` (${s.status})` : ''}\n`);
  }
  return 0;
}

type KeyLookup = (key: string) => { id: number; conference_id: number }[];

function sessionIdsForKeys(keys: string[], lookup: KeyLookup, conferenceId: number | undefined): number[] {
  return keys.map((key) => {
    const found = lookup(key).filter((s) => conferenceId === undefined || s.conference_id === conferenceId);
    if (found.length === 0) {
      const where = conferenceId === undefined ? '' : ' in that conference';
      throw new ClashlessError('not-found', `No session has the key “${key}”${where}. List keys with: clashless sessions`);
    }
    if (found.length > 1) {
      throw new ClashlessError('conflict', `The key “${key}” is in ${found.length} conferences; say which with --conference ID|TITLE.`);
    }
    return found[0]!.id;
  });
}

async function planAdd(backend: Backend, args: ParsedArgs, io: Io, keys: string[], lookup: KeyLookup): Promise<number> {
  allowOnly(args, 'plan add', ['--all', '--state', '--conference']);
  const state = flagValue(args, '--state') ?? 'going';
  if (!PLAN_STATES.includes(state as PlanState)) throw new UsageError(`--state must be going, backup or maybe (not “${state}”).`);
  const scope = await conferenceScope(backend, args);
  let ids: number[];
  if (hasFlag(args, '--all')) {
    if (keys.length > 0) throw new UsageError('plan add takes KEY... or --all, not both.');
    const sessions = await backend.api['session.list'](scope ? { conferenceId: scope.id } : {});
    ids = sessions.filter((s) => s.status === 'scheduled').map((s) => s.id);
    if (ids.length === 0) {
      throw new ClashlessError('not-found', scope ? `“${scope.title}” has no scheduled sessions to plan.` : 'There are no sessions to plan. Import a schedule first.');
    }
  } else {
    if (keys.length === 0) throw new UsageError('plan add needs at least one KEY (or --all).');
    ids = sessionIdsForKeys(keys, lookup, scope?.id);
  }
  const { items } = await backend.api['plan.add']({ sessionIds: ids, state: state as PlanState });
  io.out(`Planned ${items.length} session${items.length === 1 ? '' : 's'} as ${state}.\n`);
  return 0;
}

export async function cmdPlan(backend: Backend, args: ParsedArgs, io: Io, lookup: KeyLookup): Promise<number> {
  const verb = args.positionals[1];
  const keys = args.positionals.slice(2);
  if (verb === 'add') return planAdd(backend, args, io, keys, lookup);
  if (verb === 'remove') {
    allowOnly(args, 'plan remove', ['--conference']);
    if (keys.length === 0) throw new UsageError('plan remove needs at least one KEY.');
    const itemIds = await scopedPlanItemIds(backend, args, keys);
    const { items } = await backend.api['plan.remove']({ itemIds });
    io.out(`Removed ${items.length} item${items.length === 1 ? '' : 's'} from the plan.\n`);
    return 0;
  }
  if (verb === 'remind') return cmdRemind(backend, args, io);
  if (verb === 'mark') return cmdMark(backend, args, io);
  if (verb === 'list') {
    allowOnly(args, 'plan list', ['--json', '--conference']);
    if (keys.length > 0) throw new UsageError('plan list takes no arguments.');
    const scope = await conferenceScope(backend, args);
    const plan = await backend.api['plan.list'](scope ? { conferenceId: scope.id } : {});
    if (hasFlag(args, '--json')) {
      print(io, plan.map(planJson));
      return 0;
    }
    const zoneOf = await zones(backend);
    for (const p of plan) io.out(`${planKey(p)}\t${slot(p.start, p.end, zoneOf.get(p.conferenceId) ?? 'UTC')}\t${p.state}\t${p.title}\n`);
    return 0;
  }
  throw new UsageError('plan takes add, remove, remind, mark or list.');
}
