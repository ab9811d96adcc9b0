import { describe, expect, it } from 'vitest';
import { deleteConferenceText, undoHint } from '../../src/renderer/src/lib/conference/delete-text.ts';

describe('the delete-conference confirmation', () => {
  it('names the conference and counts its sessions, planned sessions and blocks', () => {
    expect(deleteConferenceText('KubeCon', 18, 2, 1)).toBe(
      '“KubeCon” and its 18 sessions will be deleted, with the 2 sessions in your plan and 1 personal block.'
    );
    expect(deleteConferenceText('KubeCon', 1, 1, 0)).toBe('“KubeCon” and its 1 session will be deleted, with the 1 session in your plan.');
    expect(deleteConferenceText('KubeCon', 18, 0, 3)).toBe('“KubeCon” and its 18 sessions will be deleted, with 3 personal blocks.');
  });

  it('says so when nothing of it is planned', () => {
    expect(deleteConferenceText('Cilium Talks', 25, 0, 0)).toBe('“Cilium Talks” and its 25 sessions will be deleted. None of its sessions are in your plan.');
  });

  it('gives the undo shortcut of the platform', () => {
    expect(undoHint(true)).toContain('⌘Z');
    expect(undoHint(false)).toContain('Ctrl+Z');
  });
});
