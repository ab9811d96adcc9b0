// An import writes who speaks with each session row, and the roles and bios it gives set-based when
// it is done (schedule-write.ts, session-speakers.ts). What a person sees of the speakers: every
// speaker of a session in its place, one role and bio per (name, affiliation) across sessions and
// imports, the ones a schedule gives kept and the ones it leaves out (null, or empty) not erased,
// and every name exactly as written.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
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

/** Each session's speakers as a person reads them, in order: "key: name (affiliation) [role; bio]". */
function stored(db: Database.Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const session of listSessions(db, {}).sort((a, b) => a.key.localeCompare(b.key))) {
    if (session.speakers.length === 0) continue;
    out[session.key] = session.speakers.map(
      (p) => `${p.name}${p.affiliation ? ` (${p.affiliation})` : ''}${p.role || p.bio ? ` [${p.role ?? ''}; ${p.bio ?? ''}]` : ''}`
    );
  }
  return out;
}

/** Rows of the speaker table: one per (name, affiliation) that has a role or bio. */
const speakerCount = (db: Database.Database) => db.prepare('SELECT count(*) FROM speaker').pluck().get() as number;

describe('an import writes its speakers set-based', () => {
  it('keeps every speaker in order, told apart by affiliation, and writes no speaker row without a role or bio', () => {
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
    expect(speakerCount(db)).toBe(0);
  });

  it('shares one role and bio per name and affiliation across the sessions that name the speaker', () => {
    const db = freshDb();
    commit(db, [
      talk('t1', [person('Ada Lovelace', 'Analytical', { bio: 'First programmer.' }), person('Charles Babbage')]),
      talk('t2', [person('Ada Lovelace', 'Analytical'), person('Ada Lovelace', 'Elsewhere', { role: 'Namesake' })])
    ]);
    expect(stored(db)).toEqual({
      t1: ['Ada Lovelace (Analytical) [; First programmer.]', 'Charles Babbage'],
      t2: ['Ada Lovelace (Analytical) [; First programmer.]', 'Ada Lovelace (Elsewhere) [Namesake; ]']
    });
    expect(speakerCount(db)).toBe(2);
  });

  it('keeps every name exactly as written, whatever its characters', () => {
    const db = freshDb();
    const names = ['Zoë "Z" O’Brien', 'back\\slash; semi, comma', '李小龍 🚀', 'line\nbreak', '  spaced  ', '[1, 2]', 'null'];
    commit(db, [talk('t1', names.map((n) => person(n, n === '李小龍 🚀' ? 'Ｆｕｌｌ　ｗｉｄｔｈ' : null, { role: `${n} role`, bio: '{"not":"json"}' }))) ]);
    expect(db.prepare('SELECT name FROM speaker ORDER BY id').pluck().all()).toEqual(names);
    expect(db.prepare("SELECT count(*) FROM speaker WHERE bio = '{\"not\":\"json\"}' AND role = name || ' role'").pluck().get()).toBe(names.length);
    const [session] = listSessions(db, {});
    expect(session?.speakers.map((p) => [p.name, p.affiliation, p.role])).toEqual(
      names.map((n) => [n, n === '李小龍 🚀' ? 'Ｆｕｌｌ　ｗｉｄｔｈ' : null, `${n} role`])
    );
  });

  it('stores a broken name (a lone surrogate) as a bound title is stored, so a re-import finds the same speaker', () => {
    const db = freshDb();
    const broken = 'Bad \ud800 Byte';
    commit(db, [talk('t1', [person(broken, null, { bio: 'Kept.' })], broken)]);
    const title = db.prepare("SELECT title FROM session WHERE key = 't1'").pluck().get();
    expect(title).toBe('Bad \ufffd Byte');
    expect(db.prepare('SELECT name FROM speaker').pluck().all()).toEqual([title]);
    expect(stored(db)).toEqual({ t1: ['Bad \ufffd Byte [; Kept.]'] });
    // The re-import names the speaker without a bio: the stored one is found by the same name and kept.
    commit(db, [talk('t1', [person(broken), person('Other')], broken)], Date.UTC(2026, 0, 3));
    expect(speakerCount(db)).toBe(1);
    expect(stored(db)).toEqual({ t1: ['Bad \ufffd Byte [; Kept.]', 'Other'] });
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

  it('the first role and the first bio an import gives a speaker decide them', () => {
    const db = freshDb();
    commit(db, [
      talk('t1', [person('Radia Perlman', null, { role: 'Engineer', bio: 'Spanning tree.' })]),
      talk('t2', [person('Radia Perlman', null, { role: 'Someone else', bio: 'Another bio.' })])
    ]);
    expect(stored(db)).toEqual({ t1: ['Radia Perlman [Engineer; Spanning tree.]'], t2: ['Radia Perlman [Engineer; Spanning tree.]'] });
  });

  it('a session naming a speaker without a role or bio does not hide the ones later sessions give', () => {
    const db = freshDb();
    commit(db, [
      talk('t1', [person('Radia Perlman')]),
      talk('t2', [person('Radia Perlman', null, { role: '', bio: 'Spanning tree.' })]),
      talk('t3', [person('Radia Perlman', null, { role: 'Engineer', bio: 'Another bio.' })])
    ]);
    const all = ['Radia Perlman [Engineer; Spanning tree.]'];
    expect(stored(db)).toEqual({ t1: all, t2: all, t3: all });
    expect(speakerCount(db)).toBe(1);
  });

  it('stores an empty role or bio as none', () => {
    const db = freshDb();
    commit(db, [talk('t1', [person('Radia Perlman', null, { role: '', bio: 'Spanning tree.' }), person('Alan Kay', null, { role: 'Fellow', bio: '' })])]);
    expect(db.prepare('SELECT name, role, bio FROM speaker ORDER BY name').all()).toEqual([
      { name: 'Alan Kay', role: 'Fellow', bio: null },
      { name: 'Radia Perlman', role: null, bio: 'Spanning tree.' }
    ]);
  });

  it('a re-import that changes who speaks replaces them, and one that changes nothing keeps the row as it was', () => {
    const db = freshDb();
    commit(db, [talk('t1', [person('A'), person('B')]), talk('t2', [person('C')])]);
    const row = (key: string) => db.prepare('SELECT * FROM session WHERE key = ?').get(key);
    const before = row('t2');
    const result = commit(db, [talk('t1', [person('B'), person('D')]), talk('t2', [person('C')])], Date.UTC(2026, 0, 3));
    expect(result.updated).toBe(1);
    expect(result.unchanged).toBe(1);
    expect(stored(db)).toEqual({ t1: ['B', 'D'], t2: ['C'] });
    // t2 was not written again: the same row, its source the first import's.
    expect(row('t2')).toEqual(before);
  });

  it('an import naming thousands of speakers with roles keeps every one of them', () => {
    const db = freshDb();
    const sessions = Array.from({ length: 9_000 }, (_, i) =>
      talk(`t${i}`, [person(`Speaker ${i % 4_000}`, null, { role: `Role ${i % 4_000}` }), person(`Co ${i}`, 'Org', { bio: `Bio ${i}` }), person('Host')])
    );
    commit(db, sessions);
    const read = stored(db);
    expect(Object.values(read).reduce((n, names) => n + names.length, 0)).toBe(27_000);
    expect(speakerCount(db)).toBe(4_000 + 9_000);
    expect(read['t8999']).toEqual(['Speaker 999 [Role 999; ]', 'Co 8999 (Org) [; Bio 8999]', 'Host']);
  });
});
