// The plan as an agenda: one group per conference day, items in the order they happen. Pure.
import { conferenceDateOf } from '../../../../shared/conference-days.ts';
import type { PlanItem } from '../../../../shared/domain.ts';

export interface AgendaDay {
  /** The conference day (ISO date in the display zone). */
  date: string;
  items: PlanItem[];
}

const STATE_ORDER = { going: 0, maybe: 1, backup: 2 } as const;

/** Group items by the conference day they start on; days and items in time order. */
export function agendaDays(plan: readonly PlanItem[], zone: string, boundaryMinutes: number): AgendaDay[] {
  const byDate = new Map<string, PlanItem[]>();
  for (const item of plan) {
    const date = conferenceDateOf(item.start, zone, boundaryMinutes);
    const list = byDate.get(date);
    if (list) list.push(item);
    else byDate.set(date, [item]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, items]) => ({
      date,
      items: items.sort(
        (a, b) => a.start - b.start || STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.end - b.end || a.title.localeCompare(b.title) || a.id - b.id
      )
    }));
}

/** Every item id in agenda order: what the arrow keys walk through. */
export function flatIds(days: readonly AgendaDay[]): number[] {
  return days.flatMap((d) => d.items.map((i) => i.id));
}
