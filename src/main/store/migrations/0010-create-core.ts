// Migration 10: the first schema. Shipped migrations are history: never edit this file, add a new one.
import type { Migration } from './types.ts';

export const createCore: Migration = {
  version: 10,
  name: 'create-core',
  up(db) {
    db.exec(`
      CREATE TABLE conference (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        -- normalised title: a re-import of the same schedule merges into the same conference
        identity    TEXT NOT NULL UNIQUE,
        time_zone   TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );

      CREATE TABLE source (
        id            INTEGER PRIMARY KEY,
        conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        format        TEXT NOT NULL,
        file_name     TEXT,
        content_hash  TEXT NOT NULL,
        raw_text      TEXT NOT NULL,
        zone_rule     TEXT NOT NULL,
        zone_detail   TEXT NOT NULL,
        imported_at   INTEGER NOT NULL
      );
      CREATE INDEX source_conference ON source(conference_id, imported_at);

      CREATE TABLE session (
        id            INTEGER PRIMARY KEY,
        conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        key           TEXT NOT NULL,
        title         TEXT NOT NULL,
        description   TEXT,
        start_ms      INTEGER NOT NULL,
        end_ms        INTEGER NOT NULL CHECK (end_ms >= start_ms),
        all_day       INTEGER NOT NULL DEFAULT 0,
        venue         TEXT,
        room          TEXT,
        track         TEXT,
        type          TEXT,
        url           TEXT,
        status        TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'removed')),
        attributes    TEXT NOT NULL DEFAULT '{}',
        -- speaker names and affiliations, denormalised for the search index
        speakers_text TEXT NOT NULL DEFAULT '',
        -- hash of everything a person sees; a re-import compares it to skip unchanged sessions
        fingerprint   TEXT NOT NULL,
        source_id     INTEGER REFERENCES source(id) ON DELETE SET NULL,
        UNIQUE (conference_id, key)
      );
      CREATE INDEX session_conference_start ON session(conference_id, start_ms);

      CREATE TABLE speaker (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        affiliation TEXT NOT NULL DEFAULT '',
        role        TEXT,
        bio         TEXT,
        UNIQUE (name, affiliation)
      );

      CREATE TABLE session_speaker (
        session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        speaker_id INTEGER NOT NULL REFERENCES speaker(id),
        PRIMARY KEY (session_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX session_speaker_speaker ON session_speaker(speaker_id);

      CREATE TABLE plan_item (
        id            INTEGER PRIMARY KEY,
        conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        session_id    INTEGER UNIQUE REFERENCES session(id) ON DELETE CASCADE,
        -- personal blocks only (NULL for planned sessions, which take these from the session)
        title         TEXT,
        start_ms      INTEGER,
        end_ms        INTEGER,
        place         TEXT,
        state         TEXT NOT NULL DEFAULT 'going' CHECK (state IN ('going', 'backup', 'maybe')),
        priority      INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
        arrive_at     INTEGER,
        leave_at      INTEGER,
        note          TEXT,
        created_at    INTEGER NOT NULL,
        CHECK ((session_id IS NULL) = (title IS NOT NULL AND start_ms IS NOT NULL AND end_ms IS NOT NULL)),
        CHECK (end_ms IS NULL OR end_ms >= start_ms)
      );
      CREATE INDEX plan_item_conference ON plan_item(conference_id);

      CREATE TABLE travel (
        conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        -- the pair is stored once, place_a < place_b
        place_a       TEXT NOT NULL,
        place_b       TEXT NOT NULL,
        minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        PRIMARY KEY (conference_id, place_a, place_b)
      ) WITHOUT ROWID;

      CREATE TABLE change (
        id            INTEGER PRIMARY KEY,
        conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        source_id     INTEGER REFERENCES source(id) ON DELETE SET NULL,
        kind          TEXT NOT NULL,
        detail        TEXT NOT NULL,
        imported_at   INTEGER NOT NULL
      );
      CREATE INDEX change_conference ON change(conference_id, imported_at);

      -- Undo/redo of plan edits. Each entry holds the plan_item rows before and after, as JSON.
      CREATE TABLE history (
        id         INTEGER PRIMARY KEY,
        label      TEXT NOT NULL,
        before     TEXT NOT NULL,
        after      TEXT NOT NULL,
        undone     INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );

      -- What each exported calendar event looked like, so a re-export raises SEQUENCE only on change.
      CREATE TABLE export_state (
        uid         TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        sequence    INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE session_fts USING fts5(
        title, description, speakers_text, track, room,
        content = 'session', content_rowid = 'id',
        -- No prefix indexes: measured, they slowed every commit by a third and did not make
        -- prefix queries faster at 100k sessions (the ranking, not the lookup, dominated).
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  }
};
