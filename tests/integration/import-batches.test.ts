// An import writes its new sessions many rows per statement (store/schedule-write.ts,
// sessionWriter), giving them the ids SQLite gives one row at a time: the highest id so far plus
// one, in schedule order. Around the batch size, after a conference with the highest ids was
// removed, and in a re-import whose change rows name the sessions it adds, every row and every
// change must be what writing them one by one gave.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { deleteConference } from '../../src/main/store/conference-store.ts';
import type { ParsedSchedule, ParsedSession } from '../../src/shared/domain.ts';
import { tempStore } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function talk(conference: string, i: number): ParsedSession {
  const start = Date.UTC(2026, 4, 4, 8) + i * 600_000;
  return {
    key: `${conference}-${i}`, title: `${conference} talk ${i}`, description: i % 3 === 0 ? null : `About ${i}`, start, end: start + 1_800_000,
    allDay: false, venue: null, room: `Room ${i % 5}`, track: i % 2 ? 'Odd' : null, type: null, url: null,
    speakers: i % 4 === 0 ? [] : [{ name: `Speaker ${i % 17}`, affiliation: null, role: null, bio: null }],
    attributes: i % 7 === 0 ? { level: 'x' } : {}, status: 'scheduled', line: null
  };
}

function schedule(title: string, sessions: ParsedSession[]): ParsedSchedule {
  return {
    format: 'schedule-json',
    conference: { title, timeZone: 'Europe/Berlin', acronym: null },
    zone: { zone: 'Europe/Berlin', rule: 'zone-name', detail: 'test', guessed: false },
    sessions,
    warnings: []
  };
}

const commit = (db: Database.Database, title: string, sessions: ParsedSession[], now = Date.UTC(2026, 0, 2)) =>
  mergeSchedule(db, { schedule: schedule(title, sessions), rawText: title, fileName: null, now });

interface Row {
  id: number;
  key: string;
  title: string;
  description: string | null;
  start_ms: number;
  room: string | null;
  attributes: string;
  speakers: string | null;
}
const rows = (db: Database.Database, conferenceId: number): Row[] =>
  db
    .prepare(
      `SELECT s.id, s.key, s.title, s.description, s.start_ms, s.room, s.attributes,
              (SELECT group_concat(p.value ->> 0, ',' ORDER BY p.key) FROM json_each(s.speakers) p) AS speakers
         FROM session s WHERE s.conference_id = ? ORDER BY s.id`
    )
    .all(conferenceId) as Row[];

function expectWritten(db: Database.Database, conferenceId: number, sessions: ParsedSession[], firstId: number): void {
  const stored = rows(db, conferenceId);
  expect(stored.map((r) => r.id)).toEqual(sessions.map((_, i) => firstId + i));
  expect(stored).toEqual(
    sessions.map((s, i) => ({
      id: firstId + i,
      key: s.key,
      title: s.title,
      description: s.description,
      start_ms: s.start,
      room: s.room,
      attributes: JSON.stringify(s.attributes),
      speakers: s.speakers.length ? s.speakers.map((p) => p.name).join(',') : null
    }))
  );
}

describe('new sessions written many per statement', () => {
  it('around the batch size, each import gets the ids one-by-one writing gave, after a removed conference too', () => {
    const { db, cleanup } = tempStore();
    cleanups.push(cleanup);
    const maxId = () => db.prepare('SELECT coalesce(max(id), 0) FROM session').pluck().get() as number;
    for (const [n, size] of [1, 63, 64, 65, 129, 200].entries()) {
      const title = `Conf ${n}`;
      const sessions = Array.from({ length: size }, (_, i) => talk(title, i));
      const firstId = maxId() + 1;
      const result = commit(db, title, sessions);
      expect(result.added).toBe(size);
      expectWritten(db, result.conferenceId, sessions, firstId);
    }
    // A conference in the middle goes (a gap in the ids), then the one with the highest ids: each
    // next import starts where SQLite itself would put a row written without an id.
    const sqliteWouldGive = (): number => {
      db.exec('SAVEPOINT probe');
      try {
        const conference = db.prepare('SELECT id FROM conference LIMIT 1').pluck().get() as number;
        return Number(
          db.prepare("INSERT INTO session (conference_id, key, title, start_ms, end_ms, fingerprint) VALUES (?, 'probe', 'probe', 0, 0, '')").run(conference)
            .lastInsertRowid
        );
      } finally {
        db.exec('ROLLBACK TO probe; RELEASE probe');
      }
    };
    const ownerOf = (order: 'ASC' | 'DESC', offset: number) =>
      db.prepare(`SELECT DISTINCT conference_id FROM session ORDER BY conference_id ${order} LIMIT 1 OFFSET ?`).pluck().get(offset) as number;
    for (const [title, gone] of [['After a gap', ownerOf('ASC', 2)], ['After the last', ownerOf('DESC', 0)]] as const) {
      db.transaction(() => deleteConference(db, gone))();
      const firstId = sqliteWouldGive();
      expect(firstId).toBe(maxId() + 1);
      const sessions = Array.from({ length: 70 }, (_, i) => talk(title, i));
      expectWritten(db, commit(db, title, sessions).conferenceId, sessions, firstId);
    }
    expect(db.prepare('SELECT count(*) FROM session').pluck().get()).toBeLessThan(maxId());
  });

  it('a re-import that adds sessions records each addition against the right session', () => {
    const { db, cleanup } = tempStore();
    cleanups.push(cleanup);
    const first = Array.from({ length: 10 }, (_, i) => talk('Re', i));
    const { conferenceId } = commit(db, 'Re', first);
    // 150 new sessions, one changed, the rest unchanged.
    const second = [...first.map((s, i) => (i === 3 ? { ...s, title: 'Retitled' } : s)), ...Array.from({ length: 150 }, (_, i) => talk('Re', 10 + i))];
    const result = commit(db, 'Re', second, Date.UTC(2026, 0, 3));
    expect(result).toMatchObject({ added: 150, updated: 1, unchanged: 9 });
    expectWritten(db, conferenceId, second, 1);
    const changes = db
      .prepare('SELECT c.kind, s.key FROM change c JOIN session s ON s.id = c.session_id WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id')
      .all(JSON.stringify(result.changeIds)) as { kind: string; key: string }[];
    expect(changes).toEqual([
      { kind: 'retitled', key: 'Re-3' },
      ...Array.from({ length: 150 }, (_, i) => ({ kind: 'added', key: `Re-${10 + i}` }))
    ]);
  });
});
