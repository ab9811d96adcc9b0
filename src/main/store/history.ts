// The undo history's one write: every undoable step (store/plan.ts, store/friends.ts) is recorded
// here, in the caller's transaction. Reading and applying entries stays in store/plan.ts.
import type { Database as Db } from 'better-sqlite3';

/** Add an undo entry (dropping what could be redone: a new edit ends that branch), keeping the last 500. */
export function record(db: Db, now: number, label: string, before: unknown, after: unknown): void {
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  db.prepare('INSERT INTO history (label, before, after, created_at) VALUES (?, ?, ?, ?)').run(
    label,
    JSON.stringify(before),
    JSON.stringify(after),
    now
  );
  // Keep history bounded: the last 500 edits are plenty for undo.
  db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) - 500 FROM history)').run();
}

