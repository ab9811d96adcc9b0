// What a planned block says, to eyes (short) and to screen readers (everything, including clashes).
import { RATING_MAX, type PlanItem } from '../../../../shared/domain.ts';
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
 * "All Your Routes Are Ready, More or Less, 11:15 AM – 11:50 AM, 155 EF, track Connectivity, going,
 * priority 4 — clash with Thousands of Gamers, One Kubernetes Network".
 *
 * Policy: the name starts with exactly what the block shows (title, the time attended, the place), so
 * a person who says what they see (voice control) reaches it; what only the name carries comes after:
 * the track (its colour must never be the only way to tell), the state, the whole session's time when
 * only part is attended, the priority, the status and the clashes.
 */
export function blockAccessibleName(
  item: PlanItem,
  zone: string,
  clashesWith: readonly PlanItem[],
  track: string | null = null,
  conference: string | null = null
): string {
  const whole = formatTimeRange(item.start, item.end, zone);
  const attending = attendedText(item, zone);
  const parts = [item.title, attending ?? whole];
  const place = placeText(item);
  if (place) parts.push(place);
  if (track?.trim()) parts.push(`track ${track.trim()}`);
  // My week: which conference it belongs to (its colour stripe must never be the only way to tell).
  if (conference) parts.push(`at ${conference}`);
  parts.push(item.kind === 'block' ? 'personal block' : STATE_WORDS[item.state]);
  if (attending) parts.push(`attending part of ${whole}`);
  if (item.priority !== 3) parts.push(`priority ${item.priority}`);
  if (item.status !== 'scheduled') parts.push(item.status === 'cancelled' ? 'cancelled' : 'removed from the schedule');
  // After the talk: what the person marked, so the week reads as a record too.
  if (item.outcome) parts.push(item.outcome);
  if (item.rating) parts.push(`rated ${item.rating} of ${RATING_MAX}`);
  const text = parts.join(', ');
  if (clashesWith.length === 0) return text;
  return `${text} — clash with ${clashesWith.map((c) => c.title).join('; ')}`;
}

const LIST_STATE_WORDS: Record<PlanItem['state'], string> = { going: 'Going', backup: 'Backup', maybe: 'Maybe' };

/** What a List-view row shows as its state: "Going", "Backup", "Maybe", or "Personal" for a block. */
export function listStateText(item: PlanItem): string {
  return item.kind === 'block' ? 'Personal' : LIST_STATE_WORDS[item.state];
}

/**
 * A List-view row's name: what the row shows, in its order ("…, 11:15 AM – 11:50 AM, Connectivity
 * track, 155 EF, Going, clash with …"), then what it does not show (priority, attended part).
 */
export function listRowName(item: PlanItem, zone: string, clashesWith: readonly PlanItem[], track: string | null = null): string {
  const parts = [item.title, formatTimeRange(item.start, item.end, zone)];
  if (track?.trim()) parts.push(`${track.trim()} track`);
  const place = placeText(item);
  if (place) parts.push(place);
  parts.push(item.status === 'scheduled' ? listStateText(item) : `${listStateText(item)}, ${item.status}`);
  if (clashesWith.length > 0) parts.push(`clash with ${clashesWith.map((c) => c.title).join('; ')}`);
  if (item.priority !== 3) parts.push(`priority ${item.priority}`);
  const attending = attendedText(item, zone);
  if (attending) parts.push(`attending ${attending}`);
  return parts.join(', ');
}
