// `clashless plan mark KEY... attended|missed|clear [--rating 1-5|none] [--conference C]`: after the
// talk, the outcome and rating the app's details panel sets (plan.mark), as one undoable step for all
// the keys given. `clear` forgets the outcome and the rating; `--rating` alone only rates.
import { RATING_MAX } from '../shared/domain.ts';
import type { Outcome } from '../shared/domain.ts';
import type { Backend } from '../main/backend.ts';
import { allowOnly, flagValue, UsageError } from './args.ts';
import type { ParsedArgs } from './args.ts';
import type { Io } from './output.ts';
import { scopedPlanItemIds } from './remind.ts';

const WORDS = ['attended', 'missed', 'clear'] as const;

export interface MarkArguments {
  keys: string[];
  outcome?: Outcome | null;
  rating?: number | null;
}

/** The keys and what to set, from the words after `plan mark` and --rating. */
export function markArguments(words: readonly string[], ratingText: string | undefined): MarkArguments {
  const last = words[words.length - 1];
  const word = WORDS.find((w) => w === last);
  const keys = word ? words.slice(0, -1) : [...words];
  if (keys.length === 0) throw new UsageError('plan mark needs at least one KEY, then attended, missed or clear.');
  const out: MarkArguments = { keys };
  if (word) out.outcome = word === 'clear' ? null : word;
  if (word === 'clear') out.rating = null;
  if (ratingText !== undefined) {
    const n = Number(ratingText);
    if (ratingText === 'none') out.rating = null;
    else if (Number.isInteger(n) && n >= 1 && n <= RATING_MAX) out.rating = n;
    else throw new UsageError(`--rating must be a whole number from 1 to ${RATING_MAX}, or none (not “${ratingText}”).`);
  }
  if (out.outcome === undefined && out.rating === undefined) {
    throw new UsageError('plan mark needs attended, missed or clear after the keys, or --rating 1-5|none.');
  }
  return out;
}

function what(m: MarkArguments): string {
  const parts: string[] = [];
  if (m.outcome !== undefined) parts.push(m.outcome === null ? 'not marked' : `marked ${m.outcome}`);
  if (m.rating !== undefined && !(m.outcome === null && m.rating === null)) {
    parts.push(m.rating === null ? 'not rated' : `rated ${m.rating}/${RATING_MAX}`);
  }
  return parts.join(', ');
}

export async function cmdMark(backend: Backend, args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'plan mark', ['--rating', '--conference']);
  const mark = markArguments(args.positionals.slice(2), flagValue(args, '--rating'));
  const itemIds = await scopedPlanItemIds(backend, args, mark.keys);
  const { items } = await backend.api['plan.mark']({
    itemIds,
    ...(mark.outcome !== undefined ? { outcome: mark.outcome } : {}),
    ...(mark.rating !== undefined ? { rating: mark.rating } : {})
  });
  io.out(`${items.length} item${items.length === 1 ? ' is' : 's are'} now ${what(mark)}.\n`);
  return 0;
}
