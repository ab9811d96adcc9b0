// Schedule changes as the changes panel lists them: planned sessions first, the most disruptive
// kinds next, grouped by the import that recorded them.
import { describe, expect, it } from 'vitest';
import type { ScheduleChange } from '../../src/shared/domain.ts';
import { changeKindLabel, groupByImport, sortChanges } from '../../src/shared/change-text.ts';

function change(id: number, kind: ScheduleChange['kind'], importedAt: number, planned: boolean, title = `Talk ${id}`): ScheduleChange {
  return { id, conferenceId: 1, sessionId: id, sessionKey: `k${id}`, title, kind, detail: '', importedAt, planned };
}

describe('change words', () => {
  it('every kind has a label people read', () => {
    expect(changeKindLabel('room-changed')).toBe('room changed');
    expect(changeKindLabel('retitled')).toBe('renamed');
    expect(changeKindLabel('restored')).toBe('back on');
    expect(changeKindLabel('cancelled')).toBe('cancelled');
  });
});

describe('sortChanges', () => {
  it('planned sessions first, then cancelled > removed > moved > room > renamed > back on > added', () => {
    const list = [
      change(1, 'added', 1, true),
      change(2, 'cancelled', 1, false),
      change(3, 'moved', 1, true),
      change(4, 'restored', 1, true),
      change(5, 'cancelled', 1, true),
      change(6, 'retitled', 1, true),
      change(7, 'room-changed', 1, true),
      change(8, 'removed', 1, true)
    ];
    expect(sortChanges(list).map((c) => c.id)).toEqual([5, 8, 3, 7, 6, 4, 1, 2]);
  });

  it('the same kind: newest import first, then by title', () => {
    const list = [change(1, 'moved', 1, true, 'Beta'), change(2, 'moved', 2, true, 'Zed'), change(3, 'moved', 1, true, 'Alpha')];
    expect(sortChanges(list).map((c) => c.id)).toEqual([2, 3, 1]);
  });

  it('does not reorder the list it is given', () => {
    const list = [change(1, 'added', 1, false), change(2, 'cancelled', 1, true)];
    sortChanges(list);
    expect(list.map((c) => c.id)).toEqual([1, 2]);
  });
});

describe('groupByImport', () => {
  it('one batch per import, newest first, each sorted', () => {
    const batches = groupByImport([change(1, 'added', 100, false), change(2, 'moved', 200, true), change(3, 'cancelled', 100, true)]);
    expect(batches.map((b) => b.importedAt)).toEqual([200, 100]);
    expect(batches[1]?.changes.map((c) => c.id)).toEqual([3, 1]);
  });

  it('no changes, no batches', () => {
    expect(groupByImport([])).toEqual([]);
  });
});
