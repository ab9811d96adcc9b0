// Migration 120: session_speaker loses its index by speaker (migration 10). Nothing looks links up
// by speaker: sessions read their speakers by session (the table's key). SQLite would use it to
// check the foreign key when a speaker row is deleted or renumbered: none is renumbered, and only
// a backup restore deletes speakers, after it has emptied session_speaker (store/backups.ts,
// DATA_TABLES). Each import paid one more B-tree insert per link for it: on the bench's 100,000
// sessions (136,000 links) the commit is about 4 % faster without.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const noSpeakerSessionIndex: Migration = {
  version: 120,
  name: 'no-speaker-session-index',
  up(db) {
    db.exec('DROP INDEX session_speaker_speaker');
  }
};
