// How a session keeps its speakers (migration 130): its row's `speakers` column holds who speaks,
// in order, as a JSON array of [name, affiliation] pairs (affiliation '' when there is none); the
// `speaker` table holds what is known of a speaker beyond that, their role and bio, one row per
// (name, affiliation), shared by every session and import that names them. This module is the one
// place that writes and reads that format: schedule-write.ts stores it, sessions.ts reads it.
import type { Database as Db } from 'better-sqlite3';
import type { Speaker } from '../../shared/domain.ts';

/**
 * Text as a bound parameter stores it: a lone surrogate (which a parser may keep from a broken
 * file) becomes U+FFFD. Through JSON it would reach SQLite as bytes that are not UTF-8, and the
 * same speaker would no longer match the one an earlier import stored.
 */
export function asBound<T extends string | null>(text: T): T {
  // toWellFormed replaces exactly the lone surrogates with U+FFFD; asking isWellFormed first spares
  // a copy of every name that has none (nearly all).
  return (text === null || text.isWellFormed() ? text : text.toWellFormed()) as T;
}

/** The `speakers` column of a session with these speakers. */
export function speakersColumn(speakers: readonly Speaker[]): string {
  if (speakers.length === 0) return '[]';
  return JSON.stringify(speakers.map((p) => [asBound(p.name), asBound(p.affiliation ?? '')]));
}

/** A speaker's role and bio as the `speaker` table keeps them: an empty one says nothing (null). */
export function speakerDetails(p: Speaker): { role: string | null; bio: string | null } {
  return { role: p.role ? asBound(p.role) : null, bio: p.bio ? asBound(p.bio) : null };
}

/** The names in a `speakers` column, in order, each passed through `keep` (a text pool). */
export function speakerNames(column: string, keep: (name: string) => string = (name) => name): string[] {
  if (column === '[]') return [];
  return (JSON.parse(column) as [string, string][]).map((pair) => keep(pair[0]));
}

interface SpeakerRow {
  session_id: number;
  name: string;
  affiliation: string;
  role: string | null;
  bio: string | null;
}

/** The speakers of each of these sessions, in order, with the role and bio known of each. */
export function speakersOfSessions(db: Db, ids: readonly number[]): Map<number, Speaker[]> {
  const out = new Map<number, Speaker[]>();
  if (ids.length === 0) return out;
  // json_each keeps it one statement with one bound parameter, whatever the number of ids.
  const rows = db
    .prepare(
      `SELECT s.id AS session_id, p.value ->> 0 AS name, p.value ->> 1 AS affiliation, sp.role, sp.bio
         FROM session s JOIN json_each(s.speakers) p
         LEFT JOIN speaker sp ON sp.name = p.value ->> 0 AND sp.affiliation = p.value ->> 1
        WHERE s.id IN (SELECT value FROM json_each(?))
        ORDER BY s.id, p.key`
    )
    .all(JSON.stringify(ids)) as SpeakerRow[];
  for (const r of rows) {
    let list = out.get(r.session_id);
    if (!list) out.set(r.session_id, (list = []));
    list.push({ name: r.name, affiliation: r.affiliation === '' ? null : r.affiliation, role: r.role, bio: r.bio });
  }
  return out;
}
