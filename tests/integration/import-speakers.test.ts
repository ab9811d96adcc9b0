// An import writes its speakers and their links set-based when it is done (schedule-write.ts,
// sessionWriter.finish). What a person sees of the speakers must not depend on that: every link in
// its place, one speaker per (name, affiliation) across sessions and imports, the role and bio a
// schedule gives kept and the ones it leaves out (null, or both empty) not erased, and every name
// exactly as written.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import type { ParsedSchedule, ParsedSession, Speaker } from '../../src/shared/domain.ts';
import { tempStore } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function freshDb(): Database.Database {
  const { db, cleanup } = tempStore();
  cleanups.push(cleanup);
  return db;
}

const person = (name: string, affiliation: string | null = null, more: Partial<Speaker> = {}): Speaker => ({ name, affiliation, role: null, bio: null, ...more });

function talk(key: string, speakers: Speaker[], title = `Talk ${key}`): ParsedSession {
  const start = Date.UTC(2026, 4, 4, 9) + Number(key.replace(/\D/g, '') || 0) * 3_600_000;
  return {
    key, title, description: null, start, end: start + 1_800_000, allDay: false, venue: null, room: 'Hall 1', track: null,
    type: null, url: null, speakers, attributes: {}, status: 'scheduled', line: null
  };
}

function commit(db: Database.Database, sessions: ParsedSession[], now = Date.UTC(2026, 0, 2)) {
  const schedule: ParsedSchedule = {
    format: 'schedule-json',
    conference: { title: 'Speaker Days', timeZone: 'Europe/Berlin', acronym: 'sd' },
    zone: { zone: 'Europe/Berlin', rule: 'zone-name', detail: 'test', guessed: false },
    sessions
  } as ParsedSchedule;
  return mergeSchedule(db, { schedule, rawText: JSON.stringify(sessions), fileName: 'speakers.json', now });
}

/** Each session's speakers as stored, in position order: "key: name (affiliation) [role; bio]". */
function stored(db: Database.Database): Record<string, string[]> {
  const rows = db
    .prepare(
      `SELECT s.key, sp.name, sp.affiliation, sp.role, sp.bio FROM session s
         JOIN session_speaker l ON l.session_id = s.id JOIN speaker sp ON sp.id = l.speaker_id
        ORDER BY s.key, l.position`
    )
    .all() as { key: string; name: string; affiliation: string; role: string | null; bio: string | null }[];
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.key] ??= []).push(`${r.name}${r.affiliation ? ` (${r.affiliation})` : ''}${r.role || r.bio ? ` [${r.role ?? ''}; ${r.bio ?? ''}]` : ''}`);
  return out;
}

const speakerCount = (db: Database.Database) => db.prepare('SELECT count(*) FROM speaker').pluck().get() as number;

describe('an import writes its speakers set-based', () => {
  it('links every speaker in order, one speaker row per name and affiliation', () => {
    const db = freshDb();
    commit(db, [
      talk('t1', [person('Ada Lovelace', 'Analytical'), person('Charles Babbage')]),
      talk('t2', [person('Charles Babbage'), person('Ada Lovelace', 'Analytical'), person('Ada Lovelace', 'Elsewhere')]),
      talk('t3', [])
    ]);
    expect(stored(db)).toEqual({
      t1: ['Ada Lovelace (Analytical)', 'Charles Babbage'],
      t2: ['Charles Babbage', 'Ada Lovelace (Analytical)', 'Ada Lovelace (Elsewhere)']
    });
    expect(speakerCount(db)).toBe(3);
  });

  it('keeps every name exactly as written, whatever its characters', () => {
    const db = freshDb();
    const names = ['Zoë "Z" O’Brien', 'back\\slash; semi, comma', '李小龍 🚀', 'line\nbreak', '  spaced  ', '[1, 2]', 'null'];
    commit(db, [talk('t1', names.map((n) => person(n, n === '李小龍 🚀' ? 'Ｆｕｌｌ　ｗｉｄｔｈ' : null, { role: `${n} role`, bio: '{"not":"json"}' }))) ]);
    expect(db.prepare('SELECT name FROM speaker ORDER BY id').pluck().all()).toEqual(names);
    expect(db.prepare("SELECT count(*) FROM speaker WHERE bio = '{\"not\":\"json\"}' AND role = name || ' role'").pluck().get()).toBe(names.length);
  });

  it('stores a broken name (a lone surrogate) as a bound title is stored, so a re-import finds the same speaker', () => {
    const db = freshDb();
    const broken = 'Bad \ud800 Byte';
    commit(db, [talk('t1', [person(broken)], broken)]);
    const title = db.prepare("SELECT title FROM session WHERE key = 't1'").pluck().get();
    expect(db.prepare('SELECT name FROM speaker').pluck().all()).toEqual([title]);
    expect(title).toBe('Bad \ufffd Byte');
    commit(db, [talk('t1', [person(broken), person('Other')], broken)], Date.UTC(2026, 0, 3));
    expect(speakerCount(db)).toBe(2);
    expect(stored(db)).toEqual({ t1: ['Bad \ufffd Byte', 'Other'] });
  });

  it('keeps a stored role and bio the new schedule leaves out, and takes the ones it gives', () => {
    const db = freshDb();
    commit(db, [talk('t1', [person('Grace Hopper', 'Navy', { role: 'Rear Admiral', bio: 'Wrote the first compiler.' }), person('Alan Turing')])]);
    commit(
      db,
      [
        // An empty role says nothing: the stored one stays.
        talk('t1', [person('Grace Hopper', 'Navy', { role: '' }), person('Alan Turing', null, { bio: 'Bletchley Park.' })], 'Talk t1, retitled'),
        talk('t2', [person('Grace Hopper', 'Navy')])
      ],
      Date.UTC(2026, 0, 3)
    );
    expect(stored(db)).toEqual({
      t1: ['Grace Hopper (Navy) [Rear Admiral; Wrote the first compiler.]', 'Alan Turing [; Bletchley Park.]'],
      t2: ['Grace Hopper (Navy) [Rear Admiral; Wrote the first compiler.]']
    });
    expect(speakerCount(db)).toBe(2);
  });

  it('the first time an import names a speaker decides their role and bio', () => {
    const db = freshDb();
    commit(db, [
      talk('t1', [person('Radia Perlman', null, { role: 'Engineer', bio: 'Spanning tree.' })]),
      talk('t2', [person('Radia Perlman', null, { role: 'Someone else', bio: 'Another bio.' })])
    ]);
    expect(stored(db)).toEqual({ t1: ['Radia Perlman [Engineer; Spanning tree.]'], t2: ['Radia Perlman [Engineer; Spanning tree.]'] });
  });

  it('a re-import that changes who speaks replaces the links, and one that changes nothing keeps them', () => {
    const db = freshDb();
    commit(db, [talk('t1', [person('A'), person('B')]), talk('t2', [person('C')])]);
    const before = db.prepare('SELECT * FROM session_speaker ORDER BY session_id, position').all();
    const result = commit(db, [talk('t1', [person('B'), person('D')]), talk('t2', [person('C')])], Date.UTC(2026, 0, 3));
    expect(result.updated).toBe(1);
    expect(result.unchanged).toBe(1);
    expect(stored(db)).toEqual({ t1: ['B', 'D'], t2: ['C'] });
    // t2's link is the same row as before.
    expect(db.prepare('SELECT * FROM session_speaker WHERE session_id = (SELECT id FROM session WHERE key = ?)').all('t2')).toEqual(
      (before as { session_id: number }[]).filter((r) => r.session_id === (db.prepare('SELECT id FROM session WHERE key = ?').pluck().get('t2') as number))
    );
  });

  it('an import of more links than one statement writes keeps them all', () => {
    const db = freshDb();
    const sessions = Array.from({ length: 9_000 }, (_, i) => talk(`t${i}`, [person(`Speaker ${i % 4_000}`), person(`Co ${i}`, 'Org'), person('Host')]));
    commit(db, sessions);
    expect(db.prepare('SELECT count(*) FROM session_speaker').pluck().get()).toBe(27_000);
    expect(speakerCount(db)).toBe(4_000 + 9_000 + 1);
    expect(stored(db)['t8999']).toEqual(['Speaker 999', 'Co 8999 (Org)', 'Host']);
  });
});
