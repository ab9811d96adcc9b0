// Migration 130: who speaks moves from link rows onto the session row, and the speaker table keeps
// only roles and bios. Nothing a person sees may change. On real schedules (FOSDEM 2021, the Cilium
// seed) plus speakers with roles and bios: a populated schema-120 database keeps every conference
// and session row, finds what it found, and reads every speaker of every session as before, through
// the app's own read; a conference removed before the upgrade comes back with its speakers on undo;
// and the next import's speakers are read back like the rest.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { openStore } from '../../src/main/store/open.ts';
import { undo } from '../../src/main/store/plan.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
import type { ParsedSchedule, Session, Speaker } from '../../src/shared/domain.ts';
import { commitText, ftsCheck, populatedAtVersion, searchResults, tempDir } from './helpers.ts';
import { CILIUM_NA_2023, CONGRESS_38, FOSDEM_2021, rowsAsBefore, searchesAndRows, speakersBySession, TYPED_SEARCHES } from './search-corpus.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const NOW = Date.UTC(2026, 0, 1);

const person = (name: string, affiliation: string | null, role: string | null, bio: string | null): Speaker => ({ name, affiliation, role, bio });

/** A small schedule whose speakers have roles and bios, one of them shared by two sessions. */
function panel(): ParsedSchedule {
  const at = (h: number) => Date.UTC(2026, 5, 1, h);
  const session = (key: string, h: number, speakers: Speaker[]) => ({
    key, title: `Panel ${key}`, description: null, start: at(h), end: at(h + 1), allDay: false, venue: null, room: 'Main', track: null,
    type: null, url: null, speakers, attributes: {}, status: 'scheduled' as const, line: null
  });
  return {
    format: 'schedule-json',
    conference: { title: 'Panel Day', timeZone: 'Europe/Berlin', acronym: null },
    zone: { zone: 'Europe/Berlin', rule: 'zone-name', detail: 'test', guessed: false },
    sessions: [
      session('p1', 9, [person('Grace Hopper', 'Navy', 'Rear Admiral', 'Wrote the first compiler.'), person('Alan Turing', null, null, null)]),
      session('p2', 11, [person('Alan Turing', null, null, null), person('Grace Hopper', 'Navy', null, null), person('Radia Perlman', 'Sun', 'Engineer', null)])
    ]
  } as ParsedSchedule;
}

const hasTable = (db: Database.Database, name: string) => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;

/** Each session's speakers as the app reads them, in the form speakersBySession gives. */
function readByApp(sessions: Session[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const s of sessions) {
    if (s.speakers.length === 0) continue;
    out[s.id] = s.speakers.map((p) => `${p.name}${p.affiliation ? ` (${p.affiliation})` : ''}${p.role || p.bio ? ` [${p.role ?? ''}; ${p.bio ?? ''}]` : ''}`);
  }
  return out;
}

/** Remove a conference as the schema-120 app did: its rows, links included, in an undo entry. */
function removeAsBefore(db: Database.Database, conferenceId: number): void {
  const of = (table: string, where: string) => db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all({ c: conferenceId });
  const inConference = 'session_id IN (SELECT id FROM session WHERE conference_id = @c)';
  const snapshot = {
    conferenceId,
    title: (of('conference', 'id = @c')[0] as { title: string }).title,
    rows: {
      conference: of('conference', 'id = @c'),
      source: of('source', 'conference_id = @c'),
      session: of('session', 'conference_id = @c'),
      // In no particular order (the migration sorts them by position).
      session_speaker: of('session_speaker', inConference).reverse(),
      plan_item: of('plan_item', `conference_id = @c OR ${inConference}`),
      travel: of('travel', 'conference_id = @c'),
      change: of('change', `conference_id = @c OR ${inConference}`),
      friend_session: of('friend_session', inConference)
    }
  };
  db.prepare('DELETE FROM conference WHERE id = ?').run(conferenceId);
  db.prepare('INSERT INTO history (label, before, after, created_at) VALUES (?, ?, ?, ?)').run(
    `Remove conference “${snapshot.title}”`,
    JSON.stringify({ kind: 'conference', snapshot }),
    JSON.stringify({ kind: 'conference', removed: conferenceId }),
    NOW
  );
}

describe('migration 130: speakers on the session row', () => {
  it('migrates a populated schema-120 database: every row, search result and speaker kept; roles and bios only where given', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = populatedAtVersion(tmp.dir, 120, (db) => {
      commitText(db, FOSDEM_2021, 'fosdem.xml', NOW);
      commitText(db, CILIUM_NA_2023, 'cilium.md', NOW);
      mergeSchedule(db, { schedule: panel(), rawText: 'panel', fileName: 'panel.json', now: NOW });
    });
    const old = new Database(dbPath);
    expect(hasTable(old, 'session_speaker')).toBe(true);
    // Rows the schema-120 code could hold that today's import does not write: a role a schedule
    // gave as empty, a speaker named twice in one session, one with a role that no session names.
    old.prepare("UPDATE speaker SET role = '' WHERE name = 'Alan Turing'").run();
    const p2 = old.prepare("SELECT id FROM session WHERE key = 'p2'").pluck().get() as number;
    old.prepare(
      "INSERT INTO session_speaker (session_id, position, speaker_id) SELECT ?, 3, id FROM speaker WHERE name = 'Alan Turing'"
    ).run(p2);
    old.prepare("INSERT INTO speaker (name, affiliation, role, bio) VALUES ('Nobody Named', '', 'Keeper', NULL)").run();
    const cilium = old.prepare("SELECT id FROM conference WHERE title LIKE '%Cilium%'").pluck().get() as number;
    const ciliumSpeakers = speakersBySession(old);
    const ciliumIds = old.prepare('SELECT id FROM session WHERE conference_id = ?').pluck().all(cilium) as number[];
    removeAsBefore(old, cilium);
    const before = searchesAndRows(old);
    const speakerRows = old.prepare('SELECT count(*) FROM speaker').pluck().get() as number;
    old.close();
    expect(Object.keys(before.speakers).length).toBeGreaterThan(300);
    expect(speakerRows).toBeGreaterThan(300);
    expect(Object.values(before.found).filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(10);
    expect(ciliumIds.filter((id) => ciliumSpeakers[id]).length).toBeGreaterThan(5);

    const { db } = openStore(dbPath, { now: NOW });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(hasTable(db, 'session_speaker')).toBe(false);
      expect(ftsCheck(db)).toBe('ok');
      expect(searchResults(db, TYPED_SEARCHES)).toEqual(before.found);
      expect(rowsAsBefore(db, before.tables)).toEqual(before.tables);
      expect(speakersBySession(db)).toEqual(before.speakers);
      expect(readByApp(listSessions(db, {}))).toEqual(before.speakers);
      // Only the speakers with a role or bio keep a row, and none keeps an empty one.
      expect(db.prepare('SELECT name, affiliation, role, bio FROM speaker ORDER BY name').all()).toEqual([
        { name: 'Grace Hopper', affiliation: 'Navy', role: 'Rear Admiral', bio: 'Wrote the first compiler.' },
        { name: 'Nobody Named', affiliation: '', role: 'Keeper', bio: null },
        { name: 'Radia Perlman', affiliation: 'Sun', role: 'Engineer', bio: null }
      ]);
      expect(before.speakers[p2]).toEqual(['Alan Turing', 'Grace Hopper (Navy) [Rear Admiral; Wrote the first compiler.]', 'Radia Perlman (Sun) [Engineer; ]', 'Alan Turing']);

      // Undoing the removal made before the upgrade puts the conference back with its speakers.
      expect(undo(db)?.conference).toEqual({ id: cilium, restored: true });
      const back = listSessions(db, { conferenceId: cilium });
      expect(back.map((s) => s.id).sort((a, b) => a - b)).toEqual([...ciliumIds].sort((a, b) => a - b));
      expect(readByApp(back)).toEqual(Object.fromEntries(ciliumIds.filter((id) => ciliumSpeakers[id]).map((id) => [id, ciliumSpeakers[id]])));

      // The next import's speakers are read back, each in its place.
      const added = commitText(db, CONGRESS_38, '38c3.xml', NOW);
      expect(added.added).toBeGreaterThan(900);
      expect(ftsCheck(db)).toBe('ok');
      const named = listSessions(db, { conferenceId: added.conferenceId }).reduce((n, s) => n + s.speakers.length, 0);
      expect(named).toBeGreaterThan(900);
    } finally {
      db.close();
    }
  });
});
