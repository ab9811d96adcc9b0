// Which plans a clash request covers: one conference, the conferences My week shows, or (neither)
// every conference.
import type { Request } from '../../../../shared/contract.ts';

export function clashScope(conferenceId: number | null, within: readonly number[] | null): Request<'clash.list'> {
  if (conferenceId !== null) return { conferenceId };
  return within === null ? {} : { conferenceIds: [...within] };
}
