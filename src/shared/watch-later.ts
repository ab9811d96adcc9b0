// After the talk: which planned sessions belong on the "Watch later" list. One rule, used by the
// Watch later panel, the "my conference" report and the CLI.
//
// A session is to watch later when the person marked it missed, or when it was a backup (the talk
// they gave up for another one) and they did not mark it attended. Personal blocks are not talks.
import type { PlanItem } from './domain.ts';

export function isWatchLater(item: Pick<PlanItem, 'kind' | 'state' | 'outcome'>): boolean {
  if (item.kind !== 'session') return false;
  return item.outcome === 'missed' || (item.state === 'backup' && item.outcome !== 'attended');
}

/** "★★★★☆" for a rating of 4 (of 5); '' when not rated. */
export function ratingStars(rating: number | null | undefined, max = 5): string {
  if (rating == null) return '';
  const r = Math.max(0, Math.min(max, Math.round(rating)));
  return '★'.repeat(r) + '☆'.repeat(max - r);
}
