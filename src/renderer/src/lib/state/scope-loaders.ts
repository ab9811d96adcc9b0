// What the AppState loads for the conferences it shows: one conference, or every conference of the
// week in My week. Each conference is asked on its own (the services answer per conference), and
// the answers are put together here.
import type { ClientApi, TravelEntry } from '../../../../shared/contract.ts';
import type { PlanItem, SessionSummary } from '../../../../shared/domain.ts';
import { textPool } from '../../../../shared/text-pool.ts';

/** Sessions of the conferences, in start order. */
export async function loadSessions(api: ClientApi, conferenceIds: readonly number[]): Promise<SessionSummary[]> {
  const lists = await Promise.all(conferenceIds.map((conferenceId) => api['session.summaries']({ conferenceId, limit: 100_000 })));
  // Each repeated text once again: JSON gives every value its own string (shared/text-pool.ts).
  const share = textPool();
  const all = lists.flat();
  for (const s of all) {
    s.venue = share(s.venue);
    s.room = share(s.room);
    s.track = share(s.track);
    s.type = share(s.type);
    const names = s.speakerNames;
    for (let i = 0; i < names.length; i++) names[i] = share(names[i]!);
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end || a.title.localeCompare(b.title));
}

/** The plan items of the conferences: one conference asks for its own, several ask once for all and keep theirs. */
export async function loadPlan(api: ClientApi, conferenceIds: readonly number[]): Promise<PlanItem[]> {
  if (conferenceIds.length === 1) return api['plan.list']({ conferenceId: conferenceIds[0]! });
  const shown = new Set(conferenceIds);
  return (await api['plan.list']({})).filter((p) => shown.has(p.conferenceId));
}

/** Each conference's travel table; a table that cannot be read is left out (the defaults still apply). */
export async function loadTravel(api: ClientApi, conferenceIds: readonly number[]): Promise<Map<number, TravelEntry[]>> {
  const tables = await Promise.all(
    conferenceIds.map((conferenceId) => api['travel.list']({ conferenceId }).then((t) => [conferenceId, t] as const, () => null))
  );
  return new Map(tables.filter((t): t is readonly [number, TravelEntry[]] => t !== null));
}
