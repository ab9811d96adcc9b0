// Which plans a clash request covers: one conference, the conferences My week shows, or (neither)
// every conference.
import type { Request } from '../../../../shared/contract.ts';

export function clashScope(conferenceId: number | null, within: readonly number[] | null): Request<'clash.list'> {
  if (conferenceId !== null) return { conferenceId };
  return within === null ? {} : { conferenceIds: [...within] };
}

/** Whether two My week scopes name the same conferences in the same order (null: no scope). */
export function sameScope(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((id, i) => id === b[i]));
}
