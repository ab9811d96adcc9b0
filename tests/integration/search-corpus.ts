// What the search-index migration tests search: three congresses and a KubeCon seed as real
// schedules, and the searches a person types. Shared, so each migration is proven on the same words.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEER_DIR } from '../fixtures/paths.ts';
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

/** A database at schema `version` holding FOSDEM 2021 and the Cilium seed, as the migration tests start: its path. */
export function corpusAtVersion(dir: string, version: number, now: number): string {
  return populatedAtVersion(dir, version, (db) => {
    commitText(db, FOSDEM_2021, 'fosdem.xml', now);
    commitText(db, CILIUM_NA_2023, 'cilium.md', now);
  });
}

/** What a migration must keep: what TYPED_SEARCHES find, and every row of the schedule tables. */
export function searchesAndRows(db: Database.Database): { found: Record<string, number[] | null>; tables: Record<string, unknown[]> } {
  return {
    found: searchResults(db, TYPED_SEARCHES),
    tables: Object.fromEntries(['conference', 'session', 'speaker', 'session_speaker'].map((t) => [t, tableRows(db, t)]))
  };
}
