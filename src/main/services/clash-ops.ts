// Clashes over the stored plan: the pure engine (src/shared/clashes.ts) fed with the plan and the
// conference's travel table, plus the one-click resolutions, each a single undoable plan edit.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/contract.ts';
import type { ClashView, Request, ResolveAllPreview, TravelEntry } from '../../shared/contract.ts';
import { clashItemFromPlan, type ClashItem } from '../../shared/clashes.ts';
import { ACROSS_CONFERENCES, clashesAcrossConferences, type JudgedClash } from '../../shared/conference-clashes.ts';
import { inEngineOrder, splitFor, splitRefusal, type SplitPlan } from '../../shared/split.ts';
import type { PlanItem, ScheduleChange } from '../../shared/domain.ts';
import { KnownPlaces, placeKeyOfLabel, placeLabel, placeOf } from '../../shared/places.ts';
import { resolveByPriority, unresolvedBlockClashes } from '../../shared/resolve.ts';
import { createTravelLookup, estimateTravelMinutes } from '../../shared/travel.ts';
import type { TravelLookup } from '../../shared/travel.ts';
import { latestChanges } from '../store/changes.ts';
import { sessionPlaces } from '../store/sessions.ts';
import { listPlan } from '../store/plan.ts';
import { putTravel, travelOverrides } from '../store/travel.ts';
import { removeItems, setStates, setWindows } from './plan-ops.ts';

/** The conference's own places: a block's typed place outside them has an unknown walk. */
export function knownPlaces(db: Db, conferenceId: number | undefined): KnownPlaces {
  return new KnownPlaces(sessionPlaces(db, conferenceId));
}

export function travelLookup(db: Db, conferenceId: number | undefined): TravelLookup {
  return createTravelLookup(travelOverrides(db, conferenceId), knownPlaces(db, conferenceId));
}

/** The walks between two plan items: their conference's own, or unknown across conferences. */
function travelBetween(db: Db, a: PlanItem, b: PlanItem): TravelLookup {
  return a.conferenceId === b.conferenceId ? travelLookup(db, a.conferenceId) : ACROSS_CONFERENCES;
}

/** The split of two items in engine order; an unknown walk across conferences is no Travel times entry to set. */
function splitOf(a: ClashItem, b: ClashItem, travel: TravelLookup): SplitPlan {
  const split = splitFor(a, b, travel);
  return travel === ACROSS_CONFERENCES && !split.possible && split.reason === 'unknown-walk'
    ? { possible: false, reason: 'other-conference', walkMinutes: 0 }
    : split;
}

/**
 * The clashes of a plan, each with the walks it was judged by: each conference by its own places
 * and walking times, items of two conferences only by overlapping (shared/conference-clashes.ts).
 */
export function planClashes(db: Db, plan: readonly PlanItem[]): JudgedClash[] {
  return clashesAcrossConferences(plan, (cid) => travelLookup(db, cid));
}

/** Every clash in the plan, the ones a schedule change caused first, each with the split it allows. */
export function listClashes(db: Db, conferenceId: number | undefined, among?: readonly number[]): ClashView[] {
  const within = conferenceId === undefined && among !== undefined ? new Set(among) : null;
  const plan = within ? listPlan(db, undefined).filter((p) => within.has(p.conferenceId)) : listPlan(db, conferenceId);
  const clashes = planClashes(db, plan);
  const causes = new Map<number, ScheduleChange>();
  const confIds = conferenceId !== undefined ? [conferenceId] : [...new Set(plan.map((p) => p.conferenceId))];
  for (const cid of confIds) {
    for (const c of latestChanges(db, cid)) {
      if (c.kind === 'moved' || c.kind === 'room-changed' || c.kind === 'restored') causes.set(c.sessionId, c);
    }
  }
  const bySession = new Map(plan.map((p) => [p.id, p.sessionId]));
  const itemById = new Map(plan.map((p) => [p.id, clashItemFromPlan(p)]));
  const views: ClashView[] = clashes.map(({ clash: c, travel }) => {
    const cause = causes.get(bySession.get(c.a) ?? -1) ?? causes.get(bySession.get(c.b) ?? -1) ?? null;
    return { ...c, cause, split: splitOf(itemById.get(c.a)!, itemById.get(c.b)!, travel) };
  });
  return views.sort((x, y) => Number(y.cause !== null) - Number(x.cause !== null));
}

function pair(db: Db, a: number, b: number): [PlanItem, PlanItem] {
  const plan = listPlan(db);
  const ia = plan.find((p) => p.id === a);
  const ib = plan.find((p) => p.id === b);
  if (!ia || !ib) throw new ClashlessError('not-found', 'One of these plan items no longer exists.', ia ? 'field b' : 'field a');
  return [ia, ib];
}

/** A resolution reads the plan to decide what to write: both happen in one transaction (see plan-ops). */
export function resolveClash(db: Db, now: number, req: Request<'clash.resolve'>): PlanItem[] {
  return db.transaction(() => resolveClashNow(db, now, req)).immediate();
}

function resolveClashNow(db: Db, now: number, req: Request<'clash.resolve'>): PlanItem[] {
  const [a, b] = pair(db, req.a, req.b);
  switch (req.action) {
    case 'keep-a':
      return setStates(db, now, [{ itemId: a.id, state: 'going' }, { itemId: b.id, state: 'backup' }], `Keep “${a.title}”`);
    case 'keep-b':
      return setStates(db, now, [{ itemId: b.id, state: 'going' }, { itemId: a.id, state: 'backup' }], `Keep “${b.title}”`);
    case 'remove-a':
      return removeItems(db, now, [a.id]);
    case 'remove-b':
      return removeItems(db, now, [b.id]);
    case 'split': {
      // The same order and walk the clash list used to offer the split.
      const [fa, fb] = inEngineOrder(clashItemFromPlan(a), clashItemFromPlan(b));
      const [first, second] = fa.id === a.id ? [a, b] : [b, a];
      const split = splitOf(fa, fb, travelBetween(db, a, b));
      if (!split.possible) throw new ClashlessError('conflict', splitRefusal(split, [first.title, second.title]));
      return setWindows(
        db,
        now,
        [
          { itemId: first.id, arriveAt: first.arriveAt, leaveAt: split.aLeaveAt },
          { itemId: second.id, arriveAt: split.bArriveAt, leaveAt: second.leaveAt }
        ],
        `Split time between “${first.title}” and “${second.title}”`
      );
    }
  }
}

export function resolveAll(db: Db, now: number, conferenceId: number, apply: boolean): ResolveAllPreview {
  // A preview writes nothing and needs no write lock.
  return apply ? db.transaction(() => resolveAllNow(db, now, conferenceId, apply)).immediate() : resolveAllNow(db, now, conferenceId, apply);
}

function resolveAllNow(db: Db, now: number, conferenceId: number, apply: boolean): ResolveAllPreview {
  const plan = listPlan(db, conferenceId);
  const items = plan.map(clashItemFromPlan);
  const travel = travelLookup(db, conferenceId);
  const result = resolveByPriority(items, travel);
  if (apply && result.toBackup.length > 0) {
    setStates(
      db,
      now,
      result.toBackup.map((itemId) => ({ itemId, state: 'backup' as const })),
      `Resolve all clashes by priority (${result.toBackup.length} to backup)`
    );
  }
  const unresolved = unresolvedBlockClashes(items, travel);
  return { keep: result.keep, toBackup: result.toBackup, totalPriority: result.totalPriority, unresolved, applied: apply };
}

/** The travel table the person can edit: every pair of places in the plan, default or custom. */
export function listTravel(db: Db, conferenceId: number): TravelEntry[] {
  const plan = listPlan(db, conferenceId);
  const places = new Map<string, NonNullable<ReturnType<typeof placeOf>>>();
  for (const item of plan) {
    const p = placeOf(item.venue, item.room);
    if (p) places.set(p.key, p);
  }
  // Overrides are matched by place key, so a different spelling of the same place still counts.
  const pairKey = (x: string, y: string) => [placeKeyOfLabel(x), placeKeyOfLabel(y)].sort().join('\u001f');
  const custom = new Map(travelOverrides(db, conferenceId).map((o) => [pairKey(o.from, o.to), o.minutes]));
  const list = [...places.values()].sort((x, y) => placeLabel(x).localeCompare(placeLabel(y)));
  const known = knownPlaces(db, conferenceId);
  const out: TravelEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [x, y] = [placeLabel(list[i]!), placeLabel(list[j]!)].sort() as [string, string];
      const c = custom.get(pairKey(x, y));
      out.push({ from: x, to: y, minutes: c ?? estimateTravelMinutes(list[i]!, list[j]!, known), custom: c !== undefined });
    }
  }
  return out;
}

export function setTravel(db: Db, req: Request<'travel.set'>): TravelEntry[] {
  const a = placeOf(req.from, null);
  const b = placeOf(req.to, null);
  if (!a || !b) throw new ClashlessError('bad-request', 'Both places need a name.', a ? 'field to' : 'field from');
  const [x, y] = [placeLabel(a), placeLabel(b)].sort() as [string, string];
  putTravel(db, req.conferenceId, x, y, req.minutes);
  return listTravel(db, req.conferenceId);
}
