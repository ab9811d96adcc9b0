// Migration 60: a conference title a person chose (conference.rename) is theirs to keep.
//
// conference.title_custom is 0 for every existing row and for new imports: a re-import of the same
// schedule sets the title the file gives. A rename sets it to 1, and from then on a re-import keeps
// the person's title (import/merge.ts). The identity is untouched by a rename, so the re-import still
// finds this conference. Undoing the rename writes the flag back as it was.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const conferenceCustomTitle: Migration = {
  version: 60,
  name: 'conference-custom-title',
  up(db) {
    db.exec('ALTER TABLE conference ADD COLUMN title_custom INTEGER NOT NULL DEFAULT 0 CHECK (title_custom IN (0, 1))');
  }
};
