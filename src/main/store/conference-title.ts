// A conference's title as a person set it (conference.rename). The title and whether the person chose
// it (title_custom, migration 60) travel together: undo and redo write both back, and a re-import
// keeps a chosen title (import/merge.ts). The identity never changes here, so re-imports still merge.
import type { Database as Db } from 'better-sqlite3';

/** A conference's title and whether a person chose it; the unit of a rename's history entry. */
export interface TitleState {
  conferenceId: number;
  title: string;
  custom: boolean;
}

export function readTitle(db: Db, conferenceId: number): TitleState | undefined {
  const row = db.prepare('SELECT title, title_custom FROM conference WHERE id = ?').get(conferenceId) as
    | { title: string; title_custom: number }
    | undefined;
  return row ? { conferenceId, title: row.title, custom: row.title_custom === 1 } : undefined;
}

/** Write a title state back; false when the conference is gone (removed since). */
export function writeTitle(db: Db, state: TitleState): boolean {
  const done = db
    .prepare('UPDATE conference SET title = ?, title_custom = ? WHERE id = ?')
    .run(state.title, state.custom ? 1 : 0, state.conferenceId);
  return done.changes > 0;
}
