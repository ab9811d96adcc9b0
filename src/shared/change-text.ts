// Words and order for schedule changes, shared by the changes panel, the clash panel (a clash a
// re-import caused), the import report and the `clashless changes` command. Pure.
import type { ChangeKind, ScheduleChange } from './domain.ts';

const KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  added: 'added',
  moved: 'moved',
  'room-changed': 'room changed',
  retitled: 'renamed',
  cancelled: 'cancelled',
  removed: 'removed',
  restored: 'back on'
};

export function changeKindLabel(kind: ChangeKind): string {
  return KIND_LABELS[kind];
}

/** One change as a line of text, as `import` and `changes` print it: "room changed (in your plan): Title — detail". */
export function changeLine(c: Pick<ScheduleChange, 'kind' | 'planned' | 'title' | 'detail'>): string {
  return `${KIND_LABELS[c.kind]}${c.planned ? ' (in your plan)' : ''}: ${c.title}${c.detail ? ` — ${c.detail}` : ''}`;
}

/** How much a change can upset a plan: cancellations first, additions last. */
const KIND_WEIGHT: Readonly<Record<ChangeKind, number>> = {
  cancelled: 0,
  removed: 1,
  moved: 2,
  'room-changed': 3,
  retitled: 4,
  restored: 5,
  added: 6
};

/** Planned sessions first, then the most disruptive kinds, newest import first, then by title. */
export function sortChanges(changes: readonly ScheduleChange[]): ScheduleChange[] {
  return [...changes].sort(
    (a, b) =>
      Number(b.planned) - Number(a.planned) ||
      KIND_WEIGHT[a.kind] - KIND_WEIGHT[b.kind] ||
      b.importedAt - a.importedAt ||
      a.title.localeCompare(b.title)
  );
}

export interface ImportBatch {
  importedAt: number;
  changes: ScheduleChange[];
}

/** Changes grouped by the import that recorded them, newest import first. */
export function groupByImport(changes: readonly ScheduleChange[]): ImportBatch[] {
  const byStamp = new Map<number, ScheduleChange[]>();
  for (const c of changes) {
    const list = byStamp.get(c.importedAt);
    if (list === undefined) byStamp.set(c.importedAt, [c]);
    else list.push(c);
  }
  return [...byStamp.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([importedAt, list]) => ({ importedAt, changes: sortChanges(list) }));
}
