// Undo and redo as the status line offers them (HistoryActions): the step says what it undid with
// the opposite step one click away, "nothing to undo" is said as such, an undo that brings back a
// deleted conference shows it again, and a failure is said in words.
import { describe, expect, it } from 'vitest';
import { HistoryActions } from '../../src/renderer/src/lib/state/history-actions.ts';
import { ClashlessError } from '../../src/shared/errors.ts';
import { queuedChanges } from './fake-api.ts';

function setup() {
  const { fake, api, status, reloads, changes } = queuedChanges();
  const shown: number[] = [];
  const history = new HistoryActions(api, changes, status, async (id) => void shown.push(id));
  return { fake, status, history, shown, reloads };
}

describe('HistoryActions', () => {
  it('says what an undo undid and offers Redo, which redoes it and offers Undo', async () => {
    const { fake, status, history, reloads } = setup();
    fake.answer('history.undo', () => ({ label: 'Add “Keynote”' }));
    fake.answer('history.redo', () => ({ label: 'Add “Keynote”' }));
    await history.undo();
    expect(status.message).toMatchObject({ text: 'Undid: add “Keynote”.', kind: 'info', history: true, action: { label: 'Redo' } });
    status.message!.action!.run();
    await fake.settle();
    expect(fake.calls('history.redo')).toHaveLength(1);
    expect(status.message).toMatchObject({ text: 'Redid: add “Keynote”.', action: { label: 'Undo' } });
    expect(reloads).toEqual(['plan', 'plan']);
  });

  it('says when there is nothing to undo, and shows a conference an undo brought back', async () => {
    const { fake, status, history, shown } = setup();
    fake.answer('history.undo', () => ({ label: null }));
    await history.undo();
    expect(status.message).toMatchObject({ text: 'Nothing to undo.', action: null });
    fake.answer('history.undo', () => ({ label: 'Delete “FOSDEM 2021”', restoredConferenceId: 4 }));
    await history.undo();
    expect(shown).toEqual([4]);
    expect(status.message?.text).toBe('Undid: delete “FOSDEM 2021”.');
  });

  it('a failed undo is said in words in the status line, and the Undo offer after a change undoes', async () => {
    const { fake, status, history } = setup();
    fake.answer('history.undo', () => {
      throw new ClashlessError('conflict', 'The plan changed in another window; try again.');
    });
    await history.undo();
    expect(status.message).toMatchObject({ kind: 'error', text: 'The plan changed in another window; try again.' });
    fake.answer('history.undo', () => ({ label: 'Move block' }));
    history.undoAction.run();
    await fake.settle();
    expect(fake.calls('history.undo')).toHaveLength(2);
    expect(status.message?.text).toBe('Undid: move block.');
  });
});
