// What a planned block says, to eyes (short) and to screen readers (everything, including clashes).
import type { PlanItem } from '../../../../shared/domain.ts';
import { roomLabel } from '../catalog/filter.ts';
import { attendedSpan, isSplit } from '../details/attendance.ts';
import { formatTimeRange } from './format.ts';

const STATE_WORDS: Record<PlanItem['state'], string> = { going: 'going', backup: 'backup', maybe: 'maybe' };

/** A personal block's place as typed. The services keep it in `room`; `venue` is read as a fallback. */
export function blockPlace(item: PlanItem): string | null {
  return item.room?.trim() || item.venue?.trim() || null;
}

/** Where it is, shortly: the room of a session, the place of a block. */
export function placeText(item: PlanItem): string | null {
  return item.kind === 'block' ? blockPlace(item) : roomLabel(item);
}

/** "2:55 PM – 3:10 PM" when the person attends only part of the item, else null. */
export function attendedText(item: PlanItem, zone: string): string | null {
  if (!isSplit(item)) return null;
  const attended = attendedSpan(item, item);
  return formatTimeRange(attended.start, attended.end, zone);
}

/**
 * "All Your Routes Are Ready, More or Less, 11:15 AM – 11:50 AM, 155 EF, going, priority 3 — clash
 * with Thousands of Gamers, One Kubernetes Network"; a split session adds "attending 11:15 AM – 11:30 AM"
 * after its time, and a session with a track says it right after the title ("…, track Connectivity,
 * 11:15 AM – …"), since the track's colour must never be the only way to tell.
 */
export function blockAccessibleName(item: PlanItem, zone: string, clashesWith: readonly PlanItem[], track: string | null = null): string {
  const parts = [item.title];
  if (track?.trim()) parts.push(`track ${track.trim()}`);
  parts.push(formatTimeRange(item.start, item.end, zone));
  const attending = attendedText(item, zone);
  if (attending) parts.push(`attending ${attending}`);
  const place = placeText(item);
  if (place) parts.push(place);
  parts.push(item.kind === 'block' ? 'personal block' : STATE_WORDS[item.state]);
  if (item.priority !== 3) parts.push(`priority ${item.priority}`);
  if (item.status !== 'scheduled') parts.push(item.status === 'cancelled' ? 'cancelled' : 'removed from the schedule');
  const text = parts.join(', ');
  if (clashesWith.length === 0) return text;
  return `${text} — clash with ${clashesWith.map((c) => c.title).join('; ')}`;
}
