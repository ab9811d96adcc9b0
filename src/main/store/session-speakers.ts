// How a session keeps its speakers (migration 130): its row's `speakers` column holds who speaks,
// in order, as a JSON array of [name, affiliation] pairs (affiliation '' when there is none), and
// `speakers_text` the same as words for the search index; the
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

/** What the search index reads of a session's speakers (`speakers_text`): each name with its affiliation. */
export function speakersSearchText(speakers: readonly Speaker[]): string {
  return speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · ');
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

/**
 * The speakers of these rows (each with its `speakers` column), in order, with the role and bio
 * known of each: one lookup for every distinct speaker of them all.
 */
export function speakersOfRows(db: Db, rows: readonly { speakers: string }[]): Speaker[][] {
  const pairs = rows.map((r) => (r.speakers === '[]' ? [] : (JSON.parse(r.speakers) as [string, string][])));
  const named = pairs.flat();
  const details = new Map<string, { role: string | null; bio: string | null }>();
  if (named.length > 0) {
    // json_each keeps it one statement with one bound parameter, whatever the number of speakers.
    const found = db
      .prepare(
        `SELECT name, affiliation, role, bio FROM speaker
          WHERE (name, affiliation) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`
      )
      .raw()
      .all(JSON.stringify(named)) as [string, string, string | null, string | null][];
    for (const [name, affiliation, role, bio] of found) details.set(`${name}\u001f${affiliation}`, { role, bio });
  }
  return pairs.map((list) =>
    list.map(([name, affiliation]) => ({
      name,
      affiliation: affiliation === '' ? null : affiliation,
      ...(details.get(`${name}\u001f${affiliation}`) ?? { role: null, bio: null })
    }))
  );
}
