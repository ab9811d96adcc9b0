// Migration 70: after the talk. A planned session can be marked attended or missed and rated, and a
// session keeps the link to its recording when the schedule carries one.
//
// plan_item.outcome is NULL (not marked yet), 'attended' or 'missed'; plan_item.rating is NULL or a
// whole number 1–5. CHECKs allow nothing else. The existing plan_item.note stays the private note.
// session.recording_url is NULL for every existing row: the next re-import of a schedule that carries
// a recording fills it in (import/recording.ts picks it; merge.ts stores it).
// Nothing else changes: rows, history and export_state carry over as they are.
// Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const afterTheTalk: Migration = {
  version: 70,
  name: 'after-the-talk',
  up(db) {
    db.exec(`ALTER TABLE plan_item ADD COLUMN outcome TEXT CHECK (outcome IN ('attended', 'missed'));
ALTER TABLE plan_item ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE session ADD COLUMN recording_url TEXT;`);
  }
};
