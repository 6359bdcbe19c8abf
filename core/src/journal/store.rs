//! The journal's SQLite store: one of the core's few I/O places.
//!
//! The database runs in WAL mode with `synchronous = FULL`: writes are rare
//! (a few a day), and a session whose [`Journal::record`] call returned
//! survives a power cut. Opening a database written by a newer Unknot, or a
//! SQLite file that is not a journal, fails and leaves the file untouched.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::types::Type;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row, Transaction};

use super::entry::{
    Checkpoint, DiscomfortMark, EntryError, PressureFeedback, SessionEntry, SessionOutcome,
    SessionRecord,
};
use super::migrations::{APPLICATION_ID, MIGRATIONS};
use crate::limits::MAX_FILE_BYTES;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Largest engine snapshot kept in a checkpoint, in bytes.
pub const MAX_SNAPSHOT_BYTES: usize = 64 * 1024;

/// Why a journal operation failed.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The session breaks the journal's rules; nothing was written.
    #[error("the session cannot be saved: {}", join_problems(.0))]
    Invalid(Vec<EntryError>),
    /// The checkpoint is too large; nothing was written.
    #[error("the checkpoint's {what} is {bytes} bytes; the limit is {limit}")]
    CheckpointTooLarge {
        /// `snapshot` or `routine_json`.
        what: &'static str,
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The database was written by a newer version of Unknot.
    #[error(
        "the journal was written by a newer version of Unknot (schema {found}; this version reads up to {supported}); update the app. The file was left as it is"
    )]
    TooNew {
        /// The database's schema version.
        found: u32,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
    /// The file is not an Unknot journal (another SQLite database, or not
    /// SQLite at all).
    #[error("the file is not an Unknot journal ({0}); it was left as it is")]
    NotAJournal(String),
    /// SQLite failed (disk full, I/O error, a damaged file).
    #[error("journal database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

fn join_problems(p: &[EntryError]) -> String {
    p.iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// An open journal.
#[derive(Debug)]
pub struct Journal {
    conn: Connection,
}

const SESSION_COLUMNS: &str = "id, routine_id, routine_title, program_id, start_ms, end_ms, \
     utc_offset_min, active_ms, outcome, steps_completed, steps_skipped, pain_before, \
     pain_after, pressure, note";

fn conversion(col: usize, what: &str, value: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<SessionRecord> {
    let outcome: String = row.get(8)?;
    let pressure: Option<String> = row.get(13)?;
    Ok(SessionRecord {
        id: row.get(0)?,
        entry: SessionEntry {
            routine_id: row.get(1)?,
            routine_title: row.get(2)?,
            program_id: row.get(3)?,
            start_ms: row.get(4)?,
            end_ms: row.get(5)?,
            utc_offset_min: row.get(6)?,
            active_ms: row.get(7)?,
            outcome: SessionOutcome::parse(&outcome)
                .ok_or_else(|| conversion(8, "outcome", outcome.clone()))?,
            steps_completed: row.get(9)?,
            steps_skipped: row.get(10)?,
            pain_before: row.get(11)?,
            pain_after: row.get(12)?,
            pressure: match pressure {
                None => None,
                Some(p) => {
                    Some(PressureFeedback::parse(&p).ok_or_else(|| conversion(13, "pressure", p))?)
                }
            },
            discomfort: Vec::new(),
            note: row.get(14)?,
        },
    })
}

impl Journal {
    /// Opens the journal at `path`, creating it when it does not exist and
    /// bringing an older schema up to date.
    ///
    /// Fails without writing anything when the file is from a newer version
    /// ([`JournalError::TooNew`]) or is not a journal
    /// ([`JournalError::NotAJournal`]).
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Journal::prepare(conn)
    }

    /// A journal held in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Journal, JournalError> {
        Journal::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Journal, JournalError> {
        // Only reads until the file is known to be ours and not too new.
        let (app_id, version, tables) = read_header(&conn)?;
        if app_id != 0 && app_id != APPLICATION_ID {
            return Err(JournalError::NotAJournal(format!(
                "its application id is {app_id:#x}"
            )));
        }
        if app_id == 0 && tables > 0 {
            return Err(JournalError::NotAJournal(
                "it is another program's SQLite database".into(),
            ));
        }
        if version > SCHEMA_VERSION {
            return Err(JournalError::TooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn, version)?;
        Ok(Journal { conn })
    }

    /// The schema version of the open database (always [`SCHEMA_VERSION`]
    /// once opened).
    pub fn schema_version(&self) -> Result<u32, JournalError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Writes a finished session and returns its id. The session is on disk
    /// when this returns.
    pub fn record(&mut self, entry: &SessionEntry) -> Result<i64, JournalError> {
        entry.validate().map_err(JournalError::Invalid)?;
        let tx = self.conn.transaction()?;
        let id = insert_session(&tx, entry)?;
        tx.commit()?;
        Ok(id)
    }

    /// Writes a finished session and removes the checkpoint in the same
    /// transaction, so a session is never both recorded and offered for
    /// resuming.
    pub fn record_and_clear_checkpoint(
        &mut self,
        entry: &SessionEntry,
    ) -> Result<i64, JournalError> {
        entry.validate().map_err(JournalError::Invalid)?;
        let tx = self.conn.transaction()?;
        let id = insert_session(&tx, entry)?;
        tx.execute("DELETE FROM checkpoint", [])?;
        tx.commit()?;
        Ok(id)
    }

    /// The session with this id.
    pub fn session(&self, id: i64) -> Result<Option<SessionRecord>, JournalError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"
        ))?;
        let rec = stmt.query_row([id], session_from_row).optional()?;
        Ok(match rec {
            Some(r) => self.with_marks(vec![r])?.pop(),
            None => None,
        })
    }

    /// Number of sessions.
    pub fn count(&self) -> Result<u64, JournalError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))?)
    }

    /// The newest `limit` sessions, newest first.
    pub fn recent(&self, limit: usize) -> Result<Vec<SessionRecord>, JournalError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.query(
            &format!(
                "SELECT {SESSION_COLUMNS} FROM sessions ORDER BY start_ms DESC, id DESC LIMIT ?1"
            ),
            [limit],
        )
    }

    /// Every session, oldest first.
    pub fn sessions(&self) -> Result<Vec<SessionRecord>, JournalError> {
        self.query(
            &format!("SELECT {SESSION_COLUMNS} FROM sessions ORDER BY start_ms, id"),
            [],
        )
    }

    /// Sessions that started at or after `from_ms` (UTC), oldest first.
    pub fn sessions_since(&self, from_ms: i64) -> Result<Vec<SessionRecord>, JournalError> {
        self.query(
            &format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE start_ms >= ?1 ORDER BY start_ms, id"
            ),
            [from_ms],
        )
    }

    /// Start time and UTC offset of every session, newest first: enough to
    /// count the streak without loading whole records.
    pub fn session_times(&self) -> Result<Vec<(i64, i32)>, JournalError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_ms, utc_offset_min FROM sessions ORDER BY start_ms DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn query<P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
    ) -> Result<Vec<SessionRecord>, JournalError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, session_from_row)?;
        let records = rows.collect::<Result<Vec<_>, _>>()?;
        self.with_marks(records)
    }

    /// Attaches discomfort marks to records, in one query over their id range.
    fn with_marks(
        &self,
        mut records: Vec<SessionRecord>,
    ) -> Result<Vec<SessionRecord>, JournalError> {
        let (Some(lo), Some(hi)) = (
            records.iter().map(|r| r.id).min(),
            records.iter().map(|r| r.id).max(),
        ) else {
            return Ok(records);
        };
        let index: HashMap<i64, usize> =
            records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT session_id, step, position_ms FROM discomfort_marks \
             WHERE session_id BETWEEN ?1 AND ?2 ORDER BY session_id, seq",
        )?;
        let mut rows = stmt.query([lo, hi])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if let Some(&i) = index.get(&id) {
                records[i].entry.discomfort.push(DiscomfortMark {
                    step: row.get(1)?,
                    position_ms: row.get(2)?,
                });
            }
        }
        Ok(records)
    }

    /// Saves the running session's checkpoint, replacing any earlier one.
    pub fn save_checkpoint(&mut self, c: &Checkpoint) -> Result<(), JournalError> {
        if c.snapshot.len() > MAX_SNAPSHOT_BYTES {
            return Err(JournalError::CheckpointTooLarge {
                what: "snapshot",
                bytes: c.snapshot.len(),
                limit: MAX_SNAPSHOT_BYTES,
            });
        }
        if let Some(j) = c.routine_json.as_ref().filter(|j| j.len() > MAX_FILE_BYTES) {
            return Err(JournalError::CheckpointTooLarge {
                what: "routine_json",
                bytes: j.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        if c.too_much.len() > super::entry::MAX_MARKS {
            return Err(JournalError::CheckpointTooLarge {
                what: "too_much",
                bytes: c.too_much.len(),
                limit: super::entry::MAX_MARKS,
            });
        }
        let marks: Vec<(u32, u64)> = c.too_much.iter().map(|m| (m.step, m.position_ms)).collect();
        self.conn.execute(
            "INSERT OR REPLACE INTO checkpoint (slot, snapshot, routine_id, routine_json, lang, \
             program_id, started_at_ms, saved_at_ms, utc_offset_min, program_week, pain_before, \
             ended_at_ms, too_much) \
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                c.snapshot,
                c.routine_id,
                c.routine_json,
                c.lang,
                c.program_id,
                c.started_at_ms,
                c.saved_at_ms,
                c.utc_offset_min,
                c.program_week,
                c.pain_before,
                c.ended_at_ms,
                serde_json::to_string(&marks).unwrap_or_else(|_| "[]".into()),
            ],
        )?;
        Ok(())
    }

    /// The saved checkpoint, if a session was running when the app stopped.
    pub fn checkpoint(&self) -> Result<Option<Checkpoint>, JournalError> {
        Ok(self
            .conn
            .query_row(
                "SELECT snapshot, routine_id, routine_json, lang, program_id, started_at_ms, \
                 saved_at_ms, utc_offset_min, program_week, pain_before, ended_at_ms, too_much \
                 FROM checkpoint WHERE slot = 1",
                [],
                |r| {
                    let marks: String = r.get(11)?;
                    let marks: Vec<(u32, u64)> = serde_json::from_str(&marks)
                        .map_err(|e| conversion(11, "too_much", e.to_string()))?;
                    Ok(Checkpoint {
                        snapshot: r.get(0)?,
                        routine_id: r.get(1)?,
                        routine_json: r.get(2)?,
                        lang: r.get(3)?,
                        program_id: r.get(4)?,
                        started_at_ms: r.get(5)?,
                        saved_at_ms: r.get(6)?,
                        utc_offset_min: r.get(7)?,
                        program_week: r.get(8)?,
                        pain_before: r.get(9)?,
                        ended_at_ms: r.get(10)?,
                        too_much: marks
                            .into_iter()
                            .map(|(step, position_ms)| DiscomfortMark { step, position_ms })
                            .collect(),
                    })
                },
            )
            .optional()?)
    }

    /// Removes the checkpoint (the session finished or was discarded).
    pub fn clear_checkpoint(&mut self) -> Result<(), JournalError> {
        self.conn.execute("DELETE FROM checkpoint", [])?;
        Ok(())
    }

    /// SQLite's `PRAGMA integrity_check`: `Ok(())` or the reported problems.
    pub fn integrity_check(&self) -> Result<Result<(), Vec<String>>, JournalError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(if lines == ["ok"] { Ok(()) } else { Err(lines) })
    }
}

/// Reads `application_id`, `user_version` and the number of schema objects
/// without writing.
fn read_header(conn: &Connection) -> Result<(i32, u32, i64), JournalError> {
    let not_db = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            JournalError::NotAJournal("it is not a SQLite database".into())
        }
        _ => JournalError::Sqlite(e),
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_db)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_db)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(not_db)?;
    // user_version is a signed 32-bit field; a negative one is no version of ours.
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    Ok((app_id, version, tables))
}

/// Applies every migration after `from`, each in its own transaction
/// together with the new `user_version`.
fn migrate(conn: &mut Connection, from: u32) -> Result<(), JournalError> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        if i == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn insert_session(tx: &Transaction<'_>, e: &SessionEntry) -> Result<i64, JournalError> {
    tx.prepare_cached(
        "INSERT INTO sessions (routine_id, routine_title, program_id, start_ms, end_ms, \
         utc_offset_min, active_ms, outcome, steps_completed, steps_skipped, pain_before, \
         pain_after, pressure, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        e.routine_id,
        e.routine_title,
        e.program_id,
        e.start_ms,
        e.end_ms,
        e.utc_offset_min,
        e.active_ms as i64,
        e.outcome.as_str(),
        e.steps_completed,
        e.steps_skipped,
        e.pain_before,
        e.pain_after,
        e.pressure.map(PressureFeedback::as_str),
        e.note,
    ])?;
    let id = tx.last_insert_rowid();
    let mut mark = tx.prepare_cached(
        "INSERT INTO discomfort_marks (session_id, seq, step, position_ms) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (seq, m) in e.discomfort.iter().enumerate() {
        mark.execute(params![id, seq as i64, m.step, m.position_ms as i64])?;
    }
    Ok(id)
}

#[cfg(test)]
mod tests;
