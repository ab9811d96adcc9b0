// What the search-index migration tests search: three congresses and a KubeCon seed as real
// schedules, and the searches a person types. Shared, so each migration is proven on the same words.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEER_DIR } from '../fixtures/paths.ts';
import { listSessions } from '../../src/main/store/sessions.ts';
import type { Session } from '../../src/shared/domain.ts';
import { commitText, populatedAtVersion, searchResults, SEED_DIR, tableRows } from './helpers.ts';

const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
export const FOSDEM_2021 = read(PEER_DIR, 'frab-xml', 'fosdem_2021.xml');
export const CONGRESS_36 = read(PEER_DIR, 'frab-xml', '36c3_merged.xml');
export const CONGRESS_38 = read(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml');
export const CILIUM_NA_2023 = read(SEED_DIR, 'cilium-talks-kubecon-na-2023.md');

/** Searches a person types: whole words, two- and three-letter prefixes, two words, accents. */
export const TYPED_SEARCHES = ['kernel', 'ke', 'ker', 'security', 'sec', 'linux', 'rust', 'ru', 'open source', 'chaos', 'über', 'uber', 'datenschutz', 'network', 'ne', 'cilium', 'ebpf', 'hack', 'ha', 'a'];

/** The search index's buffer (FTS5 'hashsize'), when one is set. */
export function searchIndexHashsize(db: Database.Database): number | undefined {
  return db.prepare("SELECT v FROM session_fts_config WHERE k = 'hashsize'").pluck().get() as number | undefined;
}

/**
 * A database at schema `version` holding FOSDEM 2021 and the Cilium seed, as the migration tests
 * start: its path, and every session as today's code reads it from the database it was copied
 * from, which the migrated database must give back.
 */
export function corpusAtVersion(dir: string, version: number, now: number): { dbPath: string; sessions: Session[] } {
  let sessions: Session[] = [];
  const dbPath = populatedAtVersion(dir, version, (db) => {
    commitText(db, FOSDEM_2021, 'fosdem.xml', now);
    commitText(db, CILIUM_NA_2023, 'cilium.md', now);
    sessions = listSessions(db, {});
  });
  return { dbPath, sessions };
}

/**
 * Each session's speakers as a person reads them, "name (affiliation) [role; bio]" in order, by
 * session id: from the links of a database before migration 130, from the session column since.
 * An empty role or bio is none (migration 130 stores it so).
 */
export function speakersBySession(db: Database.Database): Record<number, string[]> {
  const linked = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'session_speaker'").get() !== undefined;
  const rows = db
    .prepare(
      linked
        ? `SELECT l.session_id AS id, sp.name, sp.affiliation, sp.role, sp.bio
             FROM session_speaker l JOIN speaker sp ON sp.id = l.speaker_id ORDER BY l.session_id, l.position`
        : `SELECT s.id, p.value ->> 0 AS name, p.value ->> 1 AS affiliation, d.role, d.bio
             FROM session s JOIN json_each(s.speakers) p
             LEFT JOIN speaker d ON d.name = p.value ->> 0 AND d.affiliation = p.value ->> 1 ORDER BY s.id, p.key`
    )
    .all() as { id: number; name: string; affiliation: string; role: string | null; bio: string | null }[];
  const out: Record<number, string[]> = {};
  for (const r of rows) {
    const details = r.role || r.bio ? ` [${r.role || ''}; ${r.bio || ''}]` : '';
    (out[r.id] ??= []).push(`${r.name}${r.affiliation ? ` (${r.affiliation})` : ''}${details}`);
  }
  return out;
}

/**
 * What a migration must keep: what TYPED_SEARCHES find, every row of the conference and session
 * tables, and every session's speakers.
 */
export function searchesAndRows(db: Database.Database): {
  found: Record<string, number[] | null>;
  tables: Record<string, Record<string, unknown>[]>;
  speakers: Record<number, string[]>;
} {
  return {
    found: searchResults(db, TYPED_SEARCHES),
    tables: Object.fromEntries(['conference', 'session'].map((t) => [t, tableRows(db, t) as Record<string, unknown>[]])),
    speakers: speakersBySession(db)
  };
}

/** The tables of `before` as they are now, each row with only the columns it had then (a migration may add some). */
export function rowsAsBefore(db: Database.Database, before: Record<string, Record<string, unknown>[]>): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(before).map(([table, rows]) => {
      const columns = Object.keys(rows[0] ?? {});
      const now = tableRows(db, table) as Record<string, unknown>[];
      return [table, now.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])))];
    })
  );
}

/**
 * What every migration of the corpus must keep, checked on the migrated database: the searches find
 * what they found (`before`, read from the old one), every conference and session row is as it was,
 * every speaker reads the same, and today's code reads every session as it did from the database
 * the old one was copied from (`sessions`, corpusAtVersion).
 */
export function expectCorpusKept(db: Database.Database, before: ReturnType<typeof searchesAndRows>, sessions: Session[]): void {
  expect(Object.values(before.found).filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(10);
  expect(searchResults(db, TYPED_SEARCHES)).toEqual(before.found);
  expect(rowsAsBefore(db, before.tables)).toEqual(before.tables);
  expect(Object.keys(before.speakers).length).toBeGreaterThan(300);
  expect(speakersBySession(db)).toEqual(before.speakers);
  expect(sessions.filter((s) => s.speakers.length > 0).length).toBeGreaterThan(300);
  expect(listSessions(db, {})).toEqual(sessions);
}
