// What re-imports changed, per conference.
import type { Database as Db } from 'better-sqlite3';
import type { ChangeKind, ScheduleChange } from '../../shared/domain.ts';

interface ChangeRow {
  id: number;
  conference_id: number;
  session_id: number;
  key: string;
  title: string;
  kind: ChangeKind;
  detail: string;
  imported_at: number;
  planned: number;
}

const SQL = `SELECT c.id, c.conference_id, c.session_id, s.key, s.title, c.kind, c.detail, c.imported_at,
       EXISTS (SELECT 1 FROM plan_item p WHERE p.session_id = c.session_id) AS planned
  FROM change c JOIN session s ON s.id = c.session_id`;

function toChange(r: ChangeRow): ScheduleChange {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    sessionId: r.session_id,
    sessionKey: r.key,
    title: r.title,
    kind: r.kind,
    detail: r.detail,
    importedAt: r.imported_at,
    planned: r.planned === 1
  };
}

/** Changes recorded by the newest import of a conference that changed anything; planned sessions first. */
export function latestChanges(db: Db, conferenceId: number): ScheduleChange[] {
  const rows = db
    .prepare(
      `${SQL} WHERE c.conference_id = ? AND c.source_id = (SELECT max(source_id) FROM change WHERE conference_id = ?)
       ORDER BY planned DESC, s.start_ms, c.id`
    )
    .all(conferenceId, conferenceId) as ChangeRow[];
  return rows.map(toChange);
}

export function changesByIds(db: Db, ids: readonly number[]): ScheduleChange[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${SQL} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY planned DESC, s.start_ms, c.id`)
    .all(JSON.stringify(ids)) as ChangeRow[];
  return rows.map(toChange);
}

/** What one import records: a writer with its statement prepared once; each call returns the change's id. */
export function changeRecorder(db: Db, c: { conferenceId: number; sourceId: number; importedAt: number }) {
  const insert = db.prepare('INSERT INTO change (conference_id, session_id, source_id, kind, detail, imported_at) VALUES (?, ?, ?, ?, ?, ?)');
  return (sessionId: number, kind: ChangeKind, detail: string): number =>
    Number(insert.run(c.conferenceId, sessionId, c.sourceId, kind, detail, c.importedAt).lastInsertRowid);
}
