// "Would this clash with my plan?" for catalog entries and drag ghosts, asked thousands of times
// per plan change. Each question runs the real clash engine, but only over the going items whose
// time could matter (those starting within the longest item plus the longest walk), so a catalog of
// 10,000 entries is checked in milliseconds and the answer always matches the clash panel.
import { clashItemFromPlan, effectiveEnd, effectiveStart, findClashes, isClashing, type ClashItem } from '../../../../shared/clashes.ts';
import type { PlanItem } from '../../../../shared/domain.ts';
import { placeOf } from '../../../../shared/places.ts';
import { MAX_TRAVEL_MINUTES, type TravelLookup } from '../../../../shared/travel.ts';

const MINUTE = 60_000;
const CANDIDATE_ID = -1;

export interface Candidate {
  start: number;
  end: number;
  venue: string | null;
  room: string | null;
}

export interface CandidateClash {
  item: PlanItem;
  kind: 'overlap' | 'transfer';
  minutes: number;
}

export interface CandidateChecker {
  /** The going items the candidate would clash with (its own plan item excluded). */
  (candidate: Candidate, excludeItemId?: number | null): CandidateClash[];
  /** Whether it would clash at all; answers overlaps without running the engine (the catalog's clash filter). */
  any(candidate: Candidate, excludeItemId?: number | null): boolean;
}

export function createCandidateChecker(plan: readonly PlanItem[], travel: TravelLookup): CandidateChecker {
  const going: { item: PlanItem; clash: ClashItem; from: number; to: number }[] = [];
  for (const item of plan) {
    const clash = clashItemFromPlan(item);
    if (isClashing(clash)) going.push({ item, clash, from: effectiveStart(clash), to: effectiveEnd(clash) });
  }
  going.sort((a, b) => a.from - b.from);
  const starts = going.map((g) => g.from);
  const longest = going.reduce((max, g) => Math.max(max, g.to - g.from), 0);
  const walk = Math.min(travel.maxMinutes ?? MAX_TRAVEL_MINUTES, MAX_TRAVEL_MINUTES) * MINUTE;

  /** Going items close enough in time to clash by overlap or by a walk; null when none are. */
  function near(candidate: Candidate, excludeItemId: number | null): typeof going | null {
    const end = Math.max(candidate.start, candidate.end);
    let found: typeof going | null = null;
    for (let i = lowerBound(starts, candidate.start - longest - walk); i < going.length; i++) {
      const g = going[i] as (typeof going)[number];
      if (g.from >= end + walk) break;
      if (g.to + walk <= candidate.start || g.item.id === excludeItemId) continue;
      (found ??= []).push(g);
    }
    return found;
  }

  function clashes(candidate: Candidate, excludeItemId: number | null = null): CandidateClash[] {
    const close = near(candidate, excludeItemId);
    if (!close) return [];
    const items: ClashItem[] = close.map((g) => g.clash);
    items.push({
      id: CANDIDATE_ID,
      start: candidate.start,
      end: candidate.end,
      arriveAt: null,
      leaveAt: null,
      state: 'going',
      priority: 3,
      status: 'scheduled',
      place: placeOf(candidate.venue, candidate.room)
    });
    const byId = new Map(close.map((g) => [g.item.id, g.item]));
    const out: CandidateClash[] = [];
    for (const c of findClashes(items, travel)) {
      const other = c.a === CANDIDATE_ID ? c.b : c.b === CANDIDATE_ID ? c.a : null;
      const item = other === null ? undefined : byId.get(other);
      if (item) out.push({ item, kind: c.kind, minutes: c.minutes });
    }
    return out;
  }

  function any(candidate: Candidate, excludeItemId: number | null = null): boolean {
    const close = near(candidate, excludeItemId);
    if (!close) return false;
    const end = Math.max(candidate.start, candidate.end);
    // Sharing time is always an overlap clash; only near misses need the engine (and its walks).
    for (const g of close) if (Math.min(g.to, end) - Math.max(g.from, candidate.start) > 0) return true;
    return clashes(candidate, excludeItemId).length > 0;
  }

  return Object.assign(clashes, { any });
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
