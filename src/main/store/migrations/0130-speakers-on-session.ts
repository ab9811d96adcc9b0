// Migration 130: who speaks at a session, in order, is part of the session row (`session.speakers`,
// a JSON array of [name, affiliation] pairs, affiliation '' when there is none), instead of one
// link row per speaker in session_speaker. The `speaker` table keeps what is known of a speaker
// beyond the name: their role and bio, one row per (name, affiliation), shared by every session
// and every import that names them. A speaker with neither has no row.
//
// Why: an import of 100,000 sessions wrote ~114,000 speaker rows and ~136,000 links, each a B-tree
// insert in a unique index or a key, on top of the sessions: 0.6 s of a 2.9 s commit. With the
// names on the row, the same commit writes no speaker rows at all when the schedule gives no bios
// (frab and most pasted schedules), and a session is read with its speakers in one row.
//
// A conference removal's undo entry holds the removed rows (store/conference-store.ts); the links in
// those are turned into the same column of their sessions, so undoing a removal made before this
// migration puts the speakers back too.
//
// An empty role or bio reads as none (nothing shows one), so it is stored as none, and a speaker
// row left with neither is dropped: their name and affiliation stay on every session that names
// them.
// Shipped migrations are history: never edit this file, add a new one.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types.ts';

type Row = Record<string, unknown>;

/** The removed conferences in the undo history: their session rows gain `speakers`, their links go. */
function moveLinksInRemovals(db: Database): void {
  const speakerOf = db.prepare('SELECT name, affiliation FROM speaker WHERE id = ?');
  const entries = db
    .prepare("SELECT id, before FROM history WHERE json_valid(before) AND json_extract(before, '$.kind') = 'conference'")
    .all() as { id: number; before: string }[];
  const save = db.prepare('UPDATE history SET before = ? WHERE id = ?');
  for (const entry of entries) {
    const before = JSON.parse(entry.before) as { snapshot?: { rows?: Record<string, Row[] | undefined> } };
    const rows = before.snapshot?.rows;
    const links = rows?.session_speaker;
    if (!rows || !Array.isArray(links)) continue;
    const bySession = new Map<unknown, { position: number; pair: [string, string] }[]>();
    for (const link of links) {
      const speaker = speakerOf.get(link.speaker_id) as { name: string; affiliation: string } | undefined;
      if (!speaker) continue;
      let list = bySession.get(link.session_id);
      if (!list) bySession.set(link.session_id, (list = []));
      list.push({ position: Number(link.position), pair: [speaker.name, speaker.affiliation] });
    }
    for (const session of rows.session ?? []) {
      const list = (bySession.get(session.id) ?? []).sort((a, b) => a.position - b.position);
      session.speakers = JSON.stringify(list.map((l) => l.pair));
    }
    delete rows.session_speaker;
    save.run(JSON.stringify(before), entry.id);
  }
}

export const speakersOnSession: Migration = {
  version: 130,
  name: 'speakers-on-session',
  up(db) {
    db.exec(`
      ALTER TABLE session ADD COLUMN speakers TEXT NOT NULL DEFAULT '[]';
      UPDATE session SET speakers = (
          SELECT json_group_array(json_array(sp.name, sp.affiliation) ORDER BY l.position)
            FROM session_speaker l JOIN speaker sp ON sp.id = l.speaker_id
           WHERE l.session_id = session.id)
       WHERE id IN (SELECT session_id FROM session_speaker);
    `);
    moveLinksInRemovals(db);
    db.exec(`
      DROP TABLE session_speaker;
      UPDATE speaker SET role = nullif(role, ''), bio = nullif(bio, '')
       WHERE role = '' OR bio = '';
      DELETE FROM speaker WHERE role IS NULL AND bio IS NULL;
    `);
  }
};
