// Deleting and renaming a conference from its dialogs (ConferenceEdits): the status line says what
// changed with Undo one click away, the conference list is read again, a conference that is no
// longer there deletes nothing, and a refused rename is said in words and reloads nothing.
import { describe, expect, it } from 'vitest';
import { ConferenceEdits } from '../../src/renderer/src/lib/state/conference-edits.ts';
import { ClashlessError } from '../../src/shared/errors.ts';
import { queuedChanges } from './fake-api.ts';

function setup() {
  const { fake, api, status, reloads, changes } = queuedChanges();
  const undone: string[] = [];
  const undo = { label: 'Undo', run: () => void undone.push('undo') };
  const edits = new ConferenceEdits(api, changes, status, undo, async () => void reloads.push('conferences'));
  return { fake, status, edits, reloads, undone };
}

const removal = { removed: true, title: 'FOSDEM 2021', sessions: 700, planned: 3, blocks: 1 };

describe('ConferenceEdits', () => {
  it('a deletion reloads the conference list and offers Undo', async () => {
    const { fake, status, edits, reloads, undone } = setup();
    fake.answer('conference.remove', () => removal);
    expect(await edits.remove(4)).toBe(true);
    expect(fake.calls('conference.remove')).toEqual([{ conferenceId: 4 }]);
    expect(reloads).toContain('conferences');
    expect(status.message).toMatchObject({ kind: 'info', text: 'Deleted “FOSDEM 2021”.', action: { label: 'Undo' } });
    status.message!.action!.run();
    expect(undone).toEqual(['undo']);
  });

  it('a conference that is already gone deletes nothing and reloads no list', async () => {
    const { fake, edits, reloads } = setup();
    fake.answer('conference.remove', () => ({ ...removal, removed: false, title: null }));
    expect(await edits.remove(9)).toBe(false);
    expect(reloads).not.toContain('conferences');
  });

  it('a rename names the old and new titles; a refused rename is said in words', async () => {
    const { fake, status, edits, reloads } = setup();
    fake.answer('conference.rename', () => ({ conferenceId: 4, oldTitle: 'FOSDEM 2021', title: 'FOSDEM (online)' }));
    expect(await edits.rename(4, 'FOSDEM (online)')).toBe(true);
    expect(status.message?.text).toBe('Renamed “FOSDEM 2021” to “FOSDEM (online)”.');
    expect(reloads.filter((r) => r === 'conferences')).toHaveLength(1);
    fake.answer('conference.rename', () => {
      throw new ClashlessError('not-found', 'There is no conference 4 any more.');
    });
    expect(await edits.rename(4, 'Again')).toBe(false);
    expect(status.message).toMatchObject({ kind: 'error', text: 'There is no conference 4 any more.' });
    expect(reloads.filter((r) => r === 'conferences')).toHaveLength(1);
  });
});
