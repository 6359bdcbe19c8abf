//! The journal's schema, one migration per version, tracked in SQLite's
//! `user_version`. A migration never changes once released: a new schema is
//! a new entry at the end.

/// `application_id` written into every journal database ("UNKJ"), so the
/// store never writes into some other SQLite file.
pub const APPLICATION_ID: i32 = 0x554E_4B4A;

/// The migrations in order: entry `i` takes the schema from version `i` to
/// version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1: finished sessions.
    "CREATE TABLE sessions (
        id              INTEGER PRIMARY KEY,
        routine_id      TEXT    NOT NULL,
        routine_title   TEXT    NOT NULL,
        program_id      TEXT,
        start_ms        INTEGER NOT NULL,
        end_ms          INTEGER NOT NULL,
        utc_offset_min  INTEGER NOT NULL,
        active_ms       INTEGER NOT NULL,
        outcome         TEXT    NOT NULL CHECK (outcome IN ('completed', 'stopped')),
        steps_completed INTEGER NOT NULL,
        steps_skipped   INTEGER NOT NULL,
        pain_before     INTEGER CHECK (pain_before BETWEEN 0 AND 10),
        pain_after      INTEGER CHECK (pain_after BETWEEN 0 AND 10),
        note            TEXT
    );",
    // v2: pressure feedback, discomfort marks, the running session's
    // checkpoint and an index for date ranges (covering the streak's query).
    "ALTER TABLE sessions ADD COLUMN pressure TEXT
        CHECK (pressure IN ('too_light', 'right', 'too_firm'));
    CREATE TABLE discomfort_marks (
        session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        step        INTEGER NOT NULL,
        position_ms INTEGER NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE checkpoint (
        slot           INTEGER PRIMARY KEY CHECK (slot = 1),
        snapshot       TEXT    NOT NULL,
        routine_id     TEXT    NOT NULL,
        routine_json   TEXT,
        lang           TEXT    NOT NULL,
        program_id     TEXT,
        started_at_ms  INTEGER NOT NULL,
        saved_at_ms    INTEGER NOT NULL,
        utc_offset_min INTEGER NOT NULL
    );
    CREATE INDEX sessions_by_start ON sessions (start_ms, utc_offset_min);",
    // v3: a checkpoint keeps everything its journal entry needs: the
    // program week, the pain rating before, the end of a session that is
    // over and the "too much" taps (JSON `[[step, position_ms], ...]`).
    "ALTER TABLE checkpoint ADD COLUMN program_week INTEGER;
    ALTER TABLE checkpoint ADD COLUMN pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10);
    ALTER TABLE checkpoint ADD COLUMN ended_at_ms INTEGER;
    ALTER TABLE checkpoint ADD COLUMN too_much TEXT NOT NULL DEFAULT '[]';",
];
