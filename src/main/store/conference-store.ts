// Removing a whole conference, and putting it back exactly (its undo).
//
// Policy: a removal first copies every row that hangs off the conference — its sources, its
// sessions (each with its speakers), its plan items, walking times and schedule changes — into a
// snapshot, then deletes the conference and lets the foreign keys cascade. The search index follows
// through the session triggers (migration 30). The snapshot goes into the undo history
// (store/plan.ts).
//
// A restore puts every row back with its own id, so plan items, undo entries and exported calendar
// UIDs stay valid. An id can only be taken meanwhile by an import, which is not in the history (an
// import after the removal can reuse the highest ids): such rows get new ids, every reference inside
// the snapshot follows, and `Restored` says which ids moved so the older history can follow too.
//
// Not removed, so nothing to restore: speakers' roles and bios (shared by every session naming
// them, store/session-speakers.ts) and export_state (keyed by calendar UID; keeping it means a
// calendar that has these events gets a raised SEQUENCE if they are exported again).
import type { Database as Db } from 'better-sqlite3';

type Row = Record<string, string | number | null>;

/**
 * Every table holding a conference's rows, parents first, and how to find those rows. A new table
 * that references conference, session or source must be added here (tests/faults/conference-removal
 * checks the schema for it).
 */
const PARTS = [
  { table: 'conference', where: 'id = @c' },
  { table: 'source', where: 'conference_id = @c' },
  { table: 'session', where: 'conference_id = @c' },
  { table: 'plan_item', where: 'conference_id = @c OR session_id IN (SELECT id FROM session WHERE conference_id = @c)' },
  { table: 'travel', where: 'conference_id = @c' },
  { table: 'change', where: 'conference_id = @c OR session_id IN (SELECT id FROM session WHERE conference_id = @c)' },
  // A friend's overlay rows come back only while that friend is still there (removing a friend is theirs alone).
  { table: 'friend_session', where: 'session_id IN (SELECT id FROM session WHERE conference_id = @c)', onlyIf: 'SELECT 1 FROM friend WHERE id = @friend_id' }
] as const;

export type ConferenceTable = (typeof PARTS)[number]['table'];
export const CONFERENCE_TABLES: readonly ConferenceTable[] = PARTS.map((p) => p.table);

export interface ConferenceSnapshot {
  conferenceId: number;
  title: string;
  /** Rows as stored (every column), per table. */
  rows: Record<ConferenceTable, Row[]>;
}

export interface RemovalSummary {
  conferenceId: number;
  title: string;
  sessions: number;
  /** Planned sessions (not personal blocks). */
  planned: number;
  blocks: number;
}

export function summarize(snapshot: ConferenceSnapshot): RemovalSummary {
  const plan = snapshot.rows.plan_item;
  return {
    conferenceId: snapshot.conferenceId,
    title: snapshot.title,
    sessions: snapshot.rows.session.filter((s) => s.status !== 'removed').length,
    planned: plan.filter((p) => p.session_id !== null).length,
    blocks: plan.filter((p) => p.session_id === null).length
  };
}

/** Copy everything of a conference; undefined when there is no such conference. */
export function snapshotConference(db: Db, conferenceId: number): ConferenceSnapshot | undefined {
  const conference = db.prepare('SELECT * FROM conference WHERE id = ?').get(conferenceId) as Row | undefined;
  if (!conference) return undefined;
  const rows = {} as Record<ConferenceTable, Row[]>;
  for (const part of PARTS) rows[part.table] = db.prepare(`SELECT * FROM ${part.table} WHERE ${part.where}`).all({ c: conferenceId }) as Row[];
  return { conferenceId, title: String(conference.title), rows };
}

/** Delete a conference; the foreign keys cascade to everything in PARTS, the triggers to the index. */
export function deleteConference(db: Db, conferenceId: number): void {
  db.prepare('DELETE FROM conference WHERE id = ?').run(conferenceId);
}

/** Old id → new id, for the rows that could not keep theirs. */
export interface Restored {
  conferenceId: number;
  moved: { conference: Map<number, number>; source: Map<number, number>; session: Map<number, number>; plan_item: Map<number, number> };
}

export function renumbered(r: Restored): boolean {
  return Object.values(r.moved).some((m) => m.size > 0);
}

/** The columns a table has now (a snapshot from before a migration may lack new ones, or have dropped ones). */
function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
}

/** Put a removed conference back; every row keeps its id unless an import took it meanwhile. */
export function restoreConference(db: Db, snapshot: ConferenceSnapshot): Restored {
  const moved: Restored['moved'] = { conference: new Map(), source: new Map(), session: new Map(), plan_item: new Map() };
  const follow = (map: Map<number, number>, id: string | number | null): string | number | null =>
    typeof id === 'number' ? (map.get(id) ?? id) : id;

  for (const part of PARTS) {
    const columns = columnsOf(db, part.table);
    const hasId = columns.has('id');
    const taken = hasId ? db.prepare(`SELECT 1 FROM ${part.table} WHERE id = ?`).pluck() : null;
    const inserts = new Map<string, ReturnType<Db['prepare']>>();
    const parentThere = 'onlyIf' in part ? db.prepare(part.onlyIf).pluck() : null;
    for (const original of snapshot.rows[part.table] ?? []) {
      if (parentThere && parentThere.get(original) === undefined) continue;
      const row: Row = {};
      for (const [k, v] of Object.entries(original)) if (columns.has(k)) row[k] = v;
      // References follow the parents restored before (PARTS is parents first).
      if ('conference_id' in row) row.conference_id = follow(moved.conference, row.conference_id ?? null);
      if ('source_id' in row) row.source_id = follow(moved.source, row.source_id ?? null);
      if ('session_id' in row) row.session_id = follow(moved.session, row.session_id ?? null);
      if (part.table === 'conference') row.identity = freeIdentity(db, String(row.identity));
      const oldId = hasId ? (row.id as number) : null;
      if (oldId !== null && taken?.get(oldId) !== undefined) delete row.id;
      const names = Object.keys(row);
      const key = names.join(',');
      let insert = inserts.get(key);
      if (!insert) {
        insert = db.prepare(`INSERT INTO ${part.table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`);
        inserts.set(key, insert);
      }
      const newId = Number(insert.run(row).lastInsertRowid);
      if (oldId !== null && !('id' in row) && part.table in moved) moved[part.table as keyof Restored['moved']].set(oldId, newId);
    }
  }
  return { conferenceId: moved.conference.get(snapshot.conferenceId) ?? snapshot.conferenceId, moved };
}

/**
 * The identity (normalised title) is unique. If the same schedule was imported again after the
 * removal, the restored copy gets a numbered identity: both are kept, and re-imports go to the new one.
 */
function freeIdentity(db: Db, identity: string): string {
  const taken = db.prepare('SELECT 1 FROM conference WHERE identity = ?').pluck();
  if (taken.get(identity) === undefined) return identity;
  for (let n = 2; ; n++) {
    const candidate = `${identity} (restored ${n})`;
    if (taken.get(candidate) === undefined) return candidate;
  }
}
