// `clashless plan remind KEY... --minutes none|5|10|15|30|default [--conference C]`: each item's own reminder, the
// one the app's details panel sets (plan.remind), as one undoable step for all the keys given.
import { ClashlessError } from '../shared/contract.ts';
import { REMINDER_MINUTES } from '../shared/domain.ts';
import type { PlanItem, Reminder } from '../shared/domain.ts';
import type { Backend } from '../main/backend.ts';
import { allowOnly, flagValue, UsageError } from './args.ts';
import type { ParsedArgs } from './args.ts';
import { conferenceScope } from './conference.ts';
import { planKey } from './json.ts';
import type { Io } from './output.ts';

const CHOICES = 'none, 5, 10, 15, 30 or default';

/** The --minutes value as a reminder: null is "default" (follow the export's --alarm). */
export function reminderArgument(text: string | undefined): Reminder | null {
  if (text === undefined) throw new UsageError(`plan remind needs --minutes ${CHOICES.replace(/, | or /g, '|')}.`);
  if (text === 'none') return 'none';
  if (text === 'default') return null;
  const minutes = REMINDER_MINUTES.find((m) => String(m) === text);
  if (minutes === undefined) throw new UsageError(`--minutes must be ${CHOICES} (not “${text}”).`);
  return minutes;
}

/**
 * Plan item ids for keys as `plan list` prints them (a session key, or block-ID). A key that is in
 * the plan of several conferences (the same talk imported twice) is refused, never guessed; the
 * plan given is already limited to one conference when `--conference` names it.
 */
export function planItemIds(plan: readonly PlanItem[], keys: readonly string[], scoped = false): number[] {
  return keys.map((key) => {
    const found = plan.filter((p) => planKey(p) === key);
    if (found.length === 0) {
      const where = scoped ? ' of that conference' : '';
      throw new ClashlessError('not-found', `“${key}” is not in the plan${where}. See it with: clashless plan list`);
    }
    if (found.length > 1) {
      const conferences = new Set(found.map((p) => p.conferenceId)).size;
      throw new ClashlessError('conflict', `“${key}” is in ${conferences} conferences; say which with --conference ID|TITLE.`);
    }
    return found[0]!.id;
  });
}

/** The ids of the plan items these keys name, in the conference `--conference` names or in every one. */
export async function scopedPlanItemIds(backend: Backend, args: ParsedArgs, keys: readonly string[]): Promise<number[]> {
  const scope = await conferenceScope(backend, args);
  const plan = await backend.api['plan.list'](scope ? { conferenceId: scope.id } : {});
  return planItemIds(plan, keys, scope !== undefined);
}

function reminderPhrase(reminder: Reminder | null): string {
  if (reminder === null) return 'the export’s default reminder (--alarm)';
  return reminder === 'none' ? 'no reminder' : `a reminder ${reminder} min before`;
}

export async function cmdRemind(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'plan remind', ['--minutes', '--conference']);
  const keys = args.positionals.slice(2);
  if (keys.length === 0) throw new UsageError('plan remind needs at least one KEY.');
  const reminder = reminderArgument(flagValue(args, '--minutes'));
  const itemIds = await scopedPlanItemIds(backend, args, keys);
  const { items } = await backend.api['plan.remind']({ itemIds, reminder });
  io.out(`${items.length} item${items.length === 1 ? '' : 's'} now ${items.length === 1 ? 'has' : 'have'} ${reminderPhrase(reminder)}.\n`);
  return 0;
}
