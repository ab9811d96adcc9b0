// Shared helpers for integration tests: temp databases (also at an older schema version), the bundled
// seed folder, and checking that a call was refused.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.ts';
import { openBackend } from '../../src/main/backend.ts';
import type { Backend } from '../../src/main/backend.ts';
import { mergeSchedule, type MergeResult } from '../../src/main/import/merge.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { MIGRATIONS } from '../../src/main/store/migrations/index.ts';
import { openStore } from '../../src/main/store/open.ts';
import { searchSessionRuns } from '../../src/main/store/session-search.ts';
import { IdRuns } from '../../src/shared/id-runs.ts';
import type { Migration } from '../../src/main/store/migrations/types.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_DIR = join(ROOT, 'seed');
export { PEER_DIR } from '../fixtures/paths.ts';

/** The titles of the two sample conferences in seed/. */
export const KUBECON = 'KubeCon + CloudNativeCon North America 2024';
export const CILIUM = 'Cilium Talks at KubeCon NA 2023';

export function tempDir(prefix = 'clashless-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Services over a fresh temporary database; `seeded` imports the two sample schedules. */
export function tempServices(opts: { seeded?: boolean; now?: () => number } = {}): Backend & { dbPath: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'test.db');
  const host = openBackend({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: opts.seeded ?? false, ...(opts.now ? { now: opts.now } : {}) });
  return Object.assign(host, {
    dbPath,
    cleanup: () => {
      host.close();
      cleanup();
    }
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The clashless command run inside the test process: `run(argv, io)` from src/cli/main.ts, the
 * very function bin/clashless.js calls once it has checked the Node version. A child process costs
 * a second of start-up per command on CI, so the command's own behaviour is tested here; what only
 * a process shows (the Node check, stdin, a closed pipe, a file size limit, exit statuses as the
 * shell sees them) keeps `cli()` below.
 */
export async function runCli(args: string[], input?: string | Buffer): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = input === undefined ? Buffer.alloc(0) : Buffer.from(input);
  const code = await run(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    readStdin: (limit) => (stdin.length > limit ? null : stdin)
  });
  return { code, stdout, stderr };
}

/** The clashless command as a child process, exactly as a person or a script runs it. */
export function cli(args: string[], input?: string | Buffer): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clashless.js'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' }
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The ClashlessError a call was refused with, checked to carry this code. */
export async function refusedWith(p: Promise<unknown>, code: string): Promise<ClashlessError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(ClashlessError);
  expect((err as ClashlessError).code).toBe(code);
  return err as ClashlessError;
}

/**
 * A database at an old schema version holding rows today's code wrote: `written` (a database at the
 * current schema) is copied into a new one at `dbPath` that has only the given migrations, column
 * by column of the old schema, and the old schema's search index is rebuilt over the rows. For
 * migration tests whose rows are easiest to make with today's import and plan code.
 */
export function copyIntoOldSchema(written: string, dbPath: string, migrations: readonly Migration[], version: number): void {
  const old = new Database(dbPath);
  try {
    old.pragma('journal_mode = WAL');
    old.prepare('ATTACH DATABASE ? AS cur').run(written);
    old.transaction(() => {
      for (const m of migrations) m.up(old);
      old.pragma(`user_version = ${version}`);
      const tables = old
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'session_fts%'")
        .pluck()
        .all() as string[];
      const linked = tables.includes('session_speaker');
      for (const table of tables) {
        if (linked && table === 'speaker') {
          // Before migration 130 every speaker named was a row, linked per session: from today's session column.
          old
            .prepare(
              `INSERT OR IGNORE INTO main.speaker (name, affiliation, role, bio)
                 SELECT p.value ->> 0, p.value ->> 1, d.role, d.bio FROM cur.session s JOIN json_each(s.speakers) p
                   LEFT JOIN cur.speaker d ON d.name = p.value ->> 0 AND d.affiliation = p.value ->> 1
                  ORDER BY s.id, p.key`
            )
            .run();
          continue;
        }
        if (table === 'session_speaker') {
          old
            .prepare(
              `INSERT INTO main.session_speaker (session_id, position, speaker_id)
                 SELECT s.id, p.key, sp.id FROM cur.session s JOIN json_each(s.speakers) p
                   JOIN main.speaker sp ON sp.name = p.value ->> 0 AND sp.affiliation = p.value ->> 1`
            )
            .run();
          continue;
        }
        const columns = (old.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name).join(', ');
        old.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM cur.${table}`).run();
      }
      old.prepare("INSERT INTO session_fts (session_fts) VALUES ('rebuild')").run();
    })();
    old.prepare('DETACH DATABASE cur').run();
  } finally {
    old.close();
  }
}

/**
 * A database at schema `version` (the migrations up to it) holding what `fill` commits with today's
 * code into a current one (copyIntoOldSchema): its path, in `dir`.
 */
export function populatedAtVersion(dir: string, version: number, fill: (db: Database.Database) => void, now = Date.UTC(2026, 0, 1)): string {
  const written = join(dir, `written-${version}.db`);
  const current = openStore(written, { now }).db;
  fill(current);
  current.close();
  const dbPath = join(dir, 'clashless.db');
  copyIntoOldSchema(written, dbPath, MIGRATIONS.filter((m) => m.version <= version), version);
  return dbPath;
}

/** The sessions a search finds as the catalog is told them (searchSessionRuns), as ids, ascending; null when it is not a search yet. */
export function searchSessionIds(db: Database.Database, opts: { conferenceId?: number | undefined; search: string }): number[] | null {
  const runs = searchSessionRuns(db, opts);
  return runs === null ? null : [...new IdRuns(runs)];
}

/** What each search finds (session ids, ascending; null when it is not a search yet). */
export function searchResults(db: Database.Database, searches: readonly string[]): Record<string, number[] | null> {
  return Object.fromEntries(searches.map((q) => [q, searchSessionIds(db, { search: q })]));
}

/** Every row of a table, in the order of its first two columns (a table before migration 130, session_speaker, has no rowid). */
export function tableRows(db: Database.Database, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
}

/**
 * A database file at an older schema version, as that version created it (its migrations only),
 * with the rows `fill` inserts. `old` stays open so the caller can read what it holds; close it
 * before opening the file with today's code.
 */
export function databaseAtVersion(version: number, fill: (db: Database.Database) => void): { dbPath: string; old: Database.Database; cleanup: () => void } {
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'clashless.db');
  const old = new Database(dbPath);
  old.pragma('foreign_keys = ON');
  old.transaction(() => {
    for (const m of MIGRATIONS.filter((x) => x.version <= version)) m.up(old);
    old.pragma(`user_version = ${version}`);
    fill(old);
  })();
  return { dbPath, old, cleanup: tmp.cleanup };
}

/** A database filled at an old schema version, closed, then opened with today's code (which migrates it). */
export function openMigratedFrom(version: number, fill: (db: Database.Database) => void): { db: Database.Database; cleanup: () => void } {
  const { dbPath, old, cleanup } = databaseAtVersion(version, fill);
  old.close();
  return { db: openStore(dbPath, { now: Date.UTC(2026, 0, 1) }).db, cleanup };
}

/** FTS5's integrity-check of the search index, of itself and against the session table: 'ok' or the error. */
export function ftsCheck(db: Database.Database): string {
  try {
    db.prepare("INSERT INTO session_fts (session_fts) VALUES ('integrity-check')").run();
    db.prepare("INSERT INTO session_fts (session_fts, rank) VALUES ('integrity-check', 1)").run();
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

/** Parse a schedule file's text and commit it with the merge, as an import does (no worker, no services). */
export function commitText(db: Database.Database, text: string, fileName: string, now: number, onProgress?: (done: number) => void): MergeResult {
  return mergeSchedule(db, { schedule: parseImport(text, { fileName }), rawText: text, fileName, now, ...(onProgress ? { onProgress } : {}) });
}

/**
 * For a database at an old schema: one conference (id 1) with one source, and a function that adds
 * a session to it with the columns every schema since 20 has. Rows go in as that schema's triggers take them.
 */
export function oldConferenceSessions(db: Database.Database): (key: string, title: string, description: string | null, start: number, end: number, speakers?: string) => void {
  db.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (1, 'Old Conf', 'old conf', 'Europe/Berlin', 1)").run();
  db.prepare("INSERT INTO source (id, conference_id, format, content_hash, raw_text, zone_rule, zone_detail, imported_at) VALUES (1, 1, 'text', 'h', '', 'zone-name', 'd', 1)").run();
  const insert = db.prepare(
    `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, status, attributes, speakers_text, fingerprint, source_id)
     VALUES (1, ?, ?, ?, ?, ?, 0, 'scheduled', '{}', ?, 'f', 1)`
  );
  return (key, title, description, start, end, speakers = '') => void insert.run(key, title, description, start, end, speakers);
}

/** The <event> elements of a frab schedule, as written, for tests that change one talk and import again. */
export function frabEvents(xml: string): string[] {
  return [...xml.matchAll(/<event [^>]*>[\s\S]*?<\/event>/g)].map((m) => m[0]);
}

/** A fresh store in its own temporary folder; `cleanup` closes it and removes the folder. */
export function tempStore(now = Date.UTC(2026, 0, 1)): { db: Database.Database; cleanup: () => void } {
  const tmp = tempDir();
  const { db } = openStore(join(tmp.dir, 'clashless.db'), { now });
  return {
    db,
    cleanup: () => {
      if (db.open) db.close();
      tmp.cleanup();
    }
  };
}
