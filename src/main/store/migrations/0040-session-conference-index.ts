// Migration 40: an index of sessions by conference alone. Its entries are (conference_id, id), so
// the lowest and highest id of a conference are one lookup each, where the (conference, start)
// index needed a scan of the whole conference (5 ms at 100k sessions). Search-as-you-type asks for
// them on every keystroke to prove that a conference's ids form one unbroken range, which lets the
// search index filter by rowid instead of joining every match to its session (store/sessions.ts).
import type { Migration } from './types.ts';

export const sessionConferenceIndex: Migration = {
  version: 40,
  name: 'session-conference-index',
  up(db) {
    db.exec('CREATE INDEX session_conference_id ON session(conference_id)');
  }
};
