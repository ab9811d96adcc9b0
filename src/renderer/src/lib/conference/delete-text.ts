// The words of the "Delete conference" confirmation: what goes, counted, and how to get it back.

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** “KubeCon…” and its 18 sessions will be deleted, with the 2 sessions in your plan and 1 personal block. */
export function deleteConferenceText(title: string, sessions: number, planned: number, blocks: number): string {
  const what = `“${title}” and its ${count(sessions, 'session', 'sessions')} will be deleted`;
  const mine = [
    planned > 0 ? `the ${count(planned, 'session', 'sessions')} in your plan` : '',
    blocks > 0 ? count(blocks, 'personal block', 'personal blocks') : ''
  ].filter(Boolean);
  if (mine.length === 0) return `${what}. None of its sessions are in your plan.`;
  return `${what}, with ${mine.join(' and ')}.`;
}

/** How to undo it, with this computer's shortcut. */
export function undoHint(mac: boolean): string {
  return `You can undo this with ${mac ? '⌘Z' : 'Ctrl+Z'} or the Undo button.`;
}
