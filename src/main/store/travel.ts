// The `travel` table: walking minutes the person set between two place labels of a conference,
// stored once per pair (the labels in sorted order). All SQL for it lives here.
import type { Database as Db } from 'better-sqlite3';
import type { TravelOverride } from '../../shared/travel.ts';

/** The walks the person set for a conference (every conference's when undefined). */
export function travelOverrides(db: Db, conferenceId: number | undefined): TravelOverride[] {
  return db
    .prepare('SELECT place_a AS "from", place_b AS "to", minutes FROM travel WHERE (? IS NULL OR conference_id = ?)')
    .all(conferenceId ?? null, conferenceId ?? null) as TravelOverride[];
}

/** Set the walk between two places, replacing the one set before; `placeA` sorts before `placeB`. */
export function putTravel(db: Db, conferenceId: number, placeA: string, placeB: string, minutes: number): void {
  db.prepare(
    `INSERT INTO travel (conference_id, place_a, place_b, minutes) VALUES (?, ?, ?, ?)
     ON CONFLICT (conference_id, place_a, place_b) DO UPDATE SET minutes = excluded.minutes`
  ).run(conferenceId, placeA, placeB, minutes);
}
