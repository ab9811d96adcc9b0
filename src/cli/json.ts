// The JSON shapes of docs/cli.md: a contract that tests and scripts depend on.
import type { ClashView, PreviewSession } from '../shared/contract.ts';
import type { Conference, PlanItem, ScheduleChange, Session, SessionFacts } from '../shared/domain.ts';
import type { FriendInfo } from '../shared/friends.ts';
import type { DateRange, WeekDay } from '../shared/my-week.ts';
import { isoDateInZone, toIsoUtc } from '../shared/time.ts';
import { hhmm } from './output.ts';

/** A session as docs/cli.md prints it: its facts, with times as text and speakers without links. */
export interface SessionJson extends Pick<SessionFacts, 'key' | 'title' | 'allDay' | 'venue' | 'room' | 'track' | 'type' | 'url' | 'description'> {
  start: string;
  end: string;
  status: string;
  speakers: { name: string; affiliation: string | null }[];
}

/** All-day items print plain dates (end exclusive) in the conference zone; others ISO UTC with Z. */
export function sessionJson(s: PreviewSession | Session, zone: string): SessionJson {
  return {
    key: s.key,
    title: s.title,
    start: s.allDay ? isoDateInZone(s.start, zone) : toIsoUtc(s.start),
    end: s.allDay ? isoDateInZone(s.end, zone) : toIsoUtc(s.end),
    allDay: s.allDay,
    venue: s.venue,
    room: s.room,
    track: s.track,
    type: s.type,
    url: s.url,
    description: s.description,
    status: s.status,
    speakers: s.speakers.map((p) => ({ name: p.name, affiliation: p.affiliation }))
  };
}

export function planKey(item: PlanItem): string {
  return item.sessionKey ?? `block-${item.id}`;
}

export function planJson(item: PlanItem) {
  return {
    key: planKey(item),
    title: item.title,
    start: toIsoUtc(item.start),
    end: toIsoUtc(item.end),
    state: item.state,
    priority: item.priority,
    reminder: item.reminder,
    outcome: item.outcome ?? null,
    rating: item.rating ?? null
  };
}

export function clashJson(c: ClashView, items: ReadonlyMap<number, PlanItem>) {
  const side = (id: number) => {
    const item = items.get(id);
    return { key: item ? planKey(item) : `item-${id}`, title: item?.title ?? '' };
  };
  return { a: side(c.a), b: side(c.b), kind: c.kind, minutes: c.minutes };
}

/** One re-import change, as `import --json` (`result.changes`) and `changes --json` print it. */
export function changeJson(c: ScheduleChange) {
  return { key: c.sessionKey, title: c.title, kind: c.kind, detail: c.detail, planned: c.planned };
}

/** `week --json`: the span, its conferences, each day's items (times in their conference's zone) and the clashes. */
export function weekJson(span: DateRange, conferences: readonly Conference[], days: readonly WeekDay[], clashes: readonly ClashView[], items: ReadonlyMap<number, PlanItem>) {
  const conferenceOf = (id: number) => items.get(id)?.conferenceId ?? null;
  return {
    from: span.startDate,
    to: span.endDate,
    conferences: conferences.map((c) => ({ id: c.id, title: c.title, timeZone: c.timeZone, startDate: c.startDate, endDate: c.endDate })),
    days: days.map((d) => ({
      date: d.date,
      items: d.items.map(({ item, conference }) => ({
        ...planJson(item),
        kind: item.kind,
        conference: conference.id,
        timeZone: conference.timeZone,
        local: `${hhmm(item.start, conference.timeZone)}–${hhmm(item.end, conference.timeZone)}`
      }))
    })),
    clashes: clashes.map((c) => ({
      ...clashJson(c, items),
      conferences: [conferenceOf(c.a), conferenceOf(c.b)],
      acrossConferences: conferenceOf(c.a) !== conferenceOf(c.b)
    }))
  };
}

/** One friend, as `friends list --json` and `friends add --json` print it. */
export function friendJson(f: FriendInfo) {
  return { id: f.id, name: f.name, initials: f.initials, owner: f.owner, file: f.fileName, sessions: f.sessions, conferences: f.conferences };
}
