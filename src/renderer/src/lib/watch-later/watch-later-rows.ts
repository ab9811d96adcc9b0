// The rows of the Watch later panel: the planned sessions shared/watch-later.ts puts on the list, in
// time order, each with why it is there and the recording the schedule links (only a link that may
// leave the app, shared/links.ts). Pure, so the panel and the tests agree.
import { isExternalLinkAllowed } from '../../../../shared/links.ts';
import type { PlanItem, Session } from '../../../../shared/domain.ts';
import { isWatchLater } from '../../../../shared/watch-later.ts';

export interface WatchLaterRow {
  itemId: number;
  sessionId: number;
  title: string;
  start: number;
  end: number;
  room: string | null;
  reason: 'missed' | 'backup';
  /** The recording to open, or null: "No recording yet" (once the session has arrived). */
  recordingUrl: string | null;
  /** The session's details have arrived, so a null recordingUrl means there is none. */
  recordingKnown: boolean;
}

/** The plan items that belong on the list (their sessions are what the panel loads next). */
export function watchLaterItems(plan: readonly PlanItem[]): PlanItem[] {
  return plan.filter((i) => i.sessionId !== null && isWatchLater(i));
}

export function watchLaterRows(items: readonly PlanItem[], sessions: ReadonlyMap<number, Session>): WatchLaterRow[] {
  return watchLaterItems(items)
    .map((item) => {
      const session = sessions.get(item.sessionId!);
      const url = session?.recordingUrl ?? null;
      return {
        itemId: item.id,
        sessionId: item.sessionId!,
        title: item.title,
        start: item.start,
        end: item.end,
        room: item.room,
        reason: item.outcome === 'missed' ? ('missed' as const) : ('backup' as const),
        recordingUrl: url !== null && isExternalLinkAllowed(url) ? url : null,
        recordingKnown: session !== undefined
      };
    })
    .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title, 'en'));
}
