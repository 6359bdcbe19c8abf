//! The journal: finished sessions with their pain ratings, the checkpoint
//! of a running session, and what is made from them (stats, CSV, FHIR, the
//! therapist's report). One [`Journal`] object holds the open database; in
//! Kotlin close it (`use { }` or `close()`), in Swift it closes when released.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use unknot_core::engine::Session;
use unknot_core::journal::{
    self as core, Checkpoint, DiscomfortMark as CoreMark, FlagKind as CoreFlagKind,
    PressureFeedback as CorePressure, ProgramInfo, SessionOutcome as CoreOutcome,
};

use crate::convert::{count32, from_ms, ms};
use crate::error::UnknotError;
use crate::player::{Player, RoutineSource};
use crate::program::{self, DueTodayRecord};

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SessionOutcome {
    /// The routine played to its end.
    Completed,
    /// The person stopped before the end.
    Stopped,
}

/// How the pressure felt, as the person said after the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PressureFeedback {
    /// Too light to do much.
    TooLight,
    /// About right.
    Right,
    /// Too firm.
    TooFirm,
}

/// A "too much" tap during a session.
/// One file of a journal export: its name, media type and text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportDocument {
    /// The file name (`unknot-report-2026-12-02.html`).
    pub name: String,
    /// The media type (`text/html`, `text/csv`, `application/fhir+json`).
    pub mime_type: String,
    /// The file's text.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiscomfortMark {
    /// Index of the step, from 0.
    pub step: i32,
    /// Position on the session's timeline, in milliseconds.
    pub position_ms: i64,
}

/// A finished session, as the app records it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionEntry {
    /// The routine's id.
    pub routine_id: String,
    /// Its title as shown (kept, so the journal reads well if the routine goes).
    pub routine_title: String,
    /// The program it was done for, if any (counts for that program's adherence).
    pub program_id: Option<String>,
    /// Wall-clock start, UTC milliseconds.
    pub start_ms: i64,
    /// Wall-clock end, UTC milliseconds.
    pub end_ms: i64,
    /// The phone's UTC offset at the start, in minutes.
    pub utc_offset_min: i32,
    /// Time spent in the routine, pauses excluded, in milliseconds.
    pub active_ms: i64,
    /// How it ended.
    pub outcome: SessionOutcome,
    /// Steps reached the end of.
    pub steps_completed: i32,
    /// Steps skipped.
    pub steps_skipped: i32,
    /// Pain before, 0–10.
    pub pain_before: Option<i32>,
    /// Pain after, 0–10.
    pub pain_after: Option<i32>,
    /// How the pressure felt.
    pub pressure: Option<PressureFeedback>,
    /// "Too much" taps.
    pub discomfort: Vec<DiscomfortMark>,
    /// The person's note.
    pub note: Option<String>,
}

/// A recorded session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionRecord {
    /// Its id in the journal.
    pub id: i64,
    /// What was recorded.
    pub entry: SessionEntry,
    /// The local date it started on, `YYYY-MM-DD`.
    pub local_date: String,
}

/// Out-of-range counts and ratings from the foreign side: negatives and
/// values past `u8` become `u8::MAX`, which validation then refuses.
fn rating(v: i32) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}

fn count_in(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl From<&SessionEntry> for core::SessionEntry {
    fn from(e: &SessionEntry) -> Self {
        core::SessionEntry {
            routine_id: e.routine_id.clone(),
            routine_title: e.routine_title.clone(),
            program_id: e.program_id.clone(),
            start_ms: e.start_ms,
            end_ms: e.end_ms,
            utc_offset_min: e.utc_offset_min,
            // Negative active time: beyond any span, refused by validation.
            active_ms: u64::try_from(e.active_ms).unwrap_or(u64::MAX),
            outcome: match e.outcome {
                SessionOutcome::Completed => CoreOutcome::Completed,
                SessionOutcome::Stopped => CoreOutcome::Stopped,
            },
            steps_completed: count_in(e.steps_completed),
            steps_skipped: count_in(e.steps_skipped),
            pain_before: e.pain_before.map(rating),
            pain_after: e.pain_after.map(rating),
            pressure: e.pressure.map(|p| match p {
                PressureFeedback::TooLight => CorePressure::TooLight,
                PressureFeedback::Right => CorePressure::Right,
                PressureFeedback::TooFirm => CorePressure::TooFirm,
            }),
            discomfort: e
                .discomfort
                .iter()
                .map(|m| CoreMark {
                    step: count_in(m.step),
                    position_ms: u64::try_from(m.position_ms).unwrap_or(u64::MAX),
                })
                .collect(),
            note: e.note.clone(),
        }
    }
}

impl From<&core::SessionRecord> for SessionRecord {
    fn from(r: &core::SessionRecord) -> Self {
        let e = &r.entry;
        SessionRecord {
            id: r.id,
            local_date: r.local_date().to_string(),
            entry: SessionEntry {
                routine_id: e.routine_id.clone(),
                routine_title: e.routine_title.clone(),
                program_id: e.program_id.clone(),
                start_ms: e.start_ms,
                end_ms: e.end_ms,
                utc_offset_min: e.utc_offset_min,
                active_ms: ms(e.active_ms),
                outcome: match e.outcome {
                    CoreOutcome::Completed => SessionOutcome::Completed,
                    CoreOutcome::Stopped => SessionOutcome::Stopped,
                },
                steps_completed: count32(e.steps_completed),
                steps_skipped: count32(e.steps_skipped),
                pain_before: e.pain_before.map(i32::from),
                pain_after: e.pain_after.map(i32::from),
                pressure: e.pressure.map(|p| match p {
                    CorePressure::TooLight => PressureFeedback::TooLight,
                    CorePressure::Right => PressureFeedback::Right,
                    CorePressure::TooFirm => PressureFeedback::TooFirm,
                }),
                discomfort: e
                    .discomfort
                    .iter()
                    .map(|m| DiscomfortMark {
                        step: count32(m.step),
                        position_ms: ms(m.position_ms),
                    })
                    .collect(),
                note: e.note.clone(),
            },
        }
    }
}

/// The saved running session, for the "resume?" prompt.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckpointRecord {
    /// The routine's id.
    pub routine_id: String,
    /// Its title in the session's language (the id when the routine cannot be read).
    pub routine_title: String,
    /// Whether the routine is a built-in one (else its JSON is kept).
    pub builtin: bool,
    /// The language the session plays in.
    pub lang: String,
    /// The program the session belongs to, if any.
    pub program_id: Option<String>,
    /// When the session started, UTC milliseconds.
    pub started_at_ms: i64,
    /// When the checkpoint was taken, UTC milliseconds.
    pub saved_at_ms: i64,
    /// The phone's UTC offset at the start, in minutes.
    pub utc_offset_min: i32,
    /// The program week the routine was grown for.
    pub program_week: Option<i32>,
    /// Pain before the session, 0–10.
    pub pain_before: Option<i32>,
    /// Whether the session is over (offer to rate and record it rather
    /// than to resume it).
    pub over: bool,
}

fn source_of(c: &Checkpoint) -> RoutineSource {
    match &c.routine_json {
        Some(json) => RoutineSource::Json { json: json.clone() },
        None => RoutineSource::Builtin {
            id: c.routine_id.clone(),
        },
    }
}

impl From<&Checkpoint> for CheckpointRecord {
    fn from(c: &Checkpoint) -> Self {
        let title = source_of(c)
            .load()
            .map(|r| r.title.get(&c.lang).to_string())
            .unwrap_or_else(|_| c.routine_id.clone());
        CheckpointRecord {
            routine_id: c.routine_id.clone(),
            routine_title: title,
            builtin: c.routine_json.is_none(),
            lang: c.lang.clone(),
            program_id: c.program_id.clone(),
            started_at_ms: c.started_at_ms,
            saved_at_ms: c.saved_at_ms,
            utc_offset_min: c.utc_offset_min,
            program_week: c.program_week.map(count32),
            pain_before: c.pain_before.map(i32::from),
            over: c.ended_at_ms.is_some(),
        }
    }
}

/// Days in a row with at least one session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StreakRecord {
    /// Length in days, counted back from today (or yesterday while today
    /// has no session yet).
    pub days: i32,
    /// Whether today has a session.
    pub done_today: bool,
    /// The last day with a session, `YYYY-MM-DD`.
    pub last_day: Option<String>,
}

/// One program week.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekRecord {
    /// Week number, from 1.
    pub week: i32,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
    /// Sessions due.
    pub due: i32,
    /// Sessions done.
    pub done: i32,
    /// Whether today falls in this week.
    pub in_progress: bool,
    /// Mean pain before sessions.
    pub pain_before: Option<f64>,
    /// Mean pain after sessions.
    pub pain_after: Option<f64>,
    /// Mean change (after − before) over sessions rated both times.
    pub pain_change: Option<f64>,
}

/// What raised a safety flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FlagKind {
    /// A rating above the program's limit.
    AboveLimit,
    /// Pain rose by the program's flare rise in two sessions in a row.
    Flare,
}

/// A safety flag: stop a routine and contact the therapist.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlagRecord {
    /// What raised it.
    pub kind: FlagKind,
    /// The routine to stop.
    pub routine_id: String,
    /// Its title.
    pub routine_title: String,
    /// The day(s) of the session(s) that raised it, `YYYY-MM-DD`.
    pub dates: Vec<String>,
    /// The session(s) that raised it.
    pub session_ids: Vec<i64>,
    /// What to tell the person.
    pub message: String,
}

/// Everything the stats screen shows.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StatsRecord {
    /// The day asked about, `YYYY-MM-DD`.
    pub today: String,
    /// The program measured against, if one was given.
    pub program_id: Option<String>,
    /// Sessions counted (the program's, from its start; else all).
    pub sessions: i32,
    /// Of them, completed.
    pub completed: i32,
    /// Their active time in total, in milliseconds.
    pub active_ms: i64,
    /// The streak (over every session).
    pub streak: StreakRecord,
    /// Adherence and pain per program week (empty without a program).
    pub weeks: Vec<WeekRecord>,
    /// Sessions done in finished weeks, at most the due number each week.
    pub done_in_finished_weeks: i32,
    /// Sessions due in finished weeks.
    pub due_in_finished_weeks: i32,
    /// Done / due over finished weeks, 0–1; `None` before a week has finished.
    pub adherence: Option<f64>,
    /// Safety flags, oldest first.
    pub flags: Vec<FlagRecord>,
}

impl StatsRecord {
    fn of(s: &core::Summary, today: String, program_id: Option<String>) -> Self {
        StatsRecord {
            today,
            program_id,
            sessions: count32(s.sessions),
            completed: count32(s.completed),
            active_ms: ms(s.active_ms),
            streak: StreakRecord {
                days: count32(s.streak.days),
                done_today: s.streak.done_today,
                last_day: s.streak.last_day.map(|d| d.to_string()),
            },
            weeks: s
                .weeks
                .iter()
                .map(|w| WeekRecord {
                    week: count32(w.week),
                    start: w.start.to_string(),
                    end: w.end.to_string(),
                    due: count32(w.due),
                    done: count32(w.done),
                    in_progress: w.in_progress,
                    pain_before: w.pain_before,
                    pain_after: w.pain_after,
                    pain_change: w.pain_change,
                })
                .collect(),
            done_in_finished_weeks: count32(s.done_in_finished_weeks),
            due_in_finished_weeks: count32(s.due_in_finished_weeks),
            adherence: s.adherence,
            flags: s
                .flags
                .iter()
                .map(|f| FlagRecord {
                    kind: match f.kind {
                        CoreFlagKind::AboveLimit => FlagKind::AboveLimit,
                        CoreFlagKind::Flare => FlagKind::Flare,
                    },
                    routine_id: f.routine_id.clone(),
                    routine_title: f.routine_title.clone(),
                    dates: f.dates.iter().map(|d| d.to_string()).collect(),
                    session_ids: f.session_ids.clone(),
                    message: f.message.clone(),
                })
                .collect(),
        }
    }
}

/// The newest journal schema this version reads and writes.
#[uniffi::export]
pub fn journal_schema_version() -> i32 {
    count32(core::SCHEMA_VERSION)
}

/// The journal's program view of optional program JSON, titles in `lang`.
fn program_info(json: Option<&str>, lang: &str) -> Result<Option<ProgramInfo>, UnknotError> {
    json.map(|j| program::load(j).map(|p| ProgramInfo::from_program(&p, lang)))
        .transpose()
}

/// An open journal (SQLite at a path the app chooses, in its private files).
/// Safe to call from any thread; calls run one at a time.
#[derive(Debug, uniffi::Object)]
pub struct Journal {
    store: Mutex<core::Journal>,
}

#[uniffi::export]
impl Journal {
    /// Opens the journal at `path`, creating it when missing and bringing an
    /// older schema up to date. A file from a newer Unknot is refused with
    /// [`UnknotError::JournalTooNew`], a file that is not a journal with
    /// [`UnknotError::NotAJournal`]; either way it is left as it is.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>, UnknotError> {
        let store = core::Journal::open(Path::new(&path))?;
        Ok(Arc::new(Journal {
            store: Mutex::new(store),
        }))
    }

    /// Writes a finished session and returns its id. A session breaking the
    /// journal's rules is [`UnknotError::InvalidSession`] with every rule
    /// broken; nothing is written then.
    pub fn record(&self, entry: SessionEntry) -> Result<i64, UnknotError> {
        Ok(self.lock().record(&(&entry).into())?)
    }

    /// Writes a finished session and removes the checkpoint in one
    /// transaction: what the app calls when a resumed or checkpointed
    /// session ends.
    pub fn record_and_clear_checkpoint(&self, entry: SessionEntry) -> Result<i64, UnknotError> {
        Ok(self.lock().record_and_clear_checkpoint(&(&entry).into())?)
    }

    /// The session with this id.
    pub fn session(&self, id: i64) -> Result<Option<SessionRecord>, UnknotError> {
        Ok(self.lock().session(id)?.as_ref().map(SessionRecord::from))
    }

    /// The number of sessions recorded.
    pub fn count(&self) -> Result<i64, UnknotError> {
        Ok(i64::try_from(self.lock().count()?).unwrap_or(i64::MAX))
    }

    /// The newest `limit` sessions, newest first (negative: none).
    pub fn recent(&self, limit: i32) -> Result<Vec<SessionRecord>, UnknotError> {
        let limit = usize::try_from(limit).unwrap_or(0);
        Ok(self
            .lock()
            .recent(limit)?
            .iter()
            .map(SessionRecord::from)
            .collect())
    }

    /// Saves the session of `player` for resuming after the app is gone
    /// (on pause and when the app goes to the background), replacing any
    /// earlier checkpoint, at the caller's monotonic `now_ms` and wall clock
    /// `wall_ms`. The routine is kept by id when it is a built-in one, else
    /// as JSON (an imported or grown routine), with the player's record
    /// (program and week, start, pain before, "too much" taps), so
    /// [`Journal::resume`] needs nothing else. A session that is over but
    /// not recorded is kept too, so it can still be rated and recorded. A
    /// session not started, or already recorded, has nothing to resume:
    /// the checkpoint is removed and `false` returned.
    pub fn save_checkpoint(
        &self,
        player: Arc<Player>,
        now_ms: i64,
        wall_ms: i64,
        utc_offset_min: i32,
    ) -> Result<bool, UnknotError> {
        let checkpoint = {
            let inner = player.lock();
            let now = unknot_core::record::Now {
                mono_ms: from_ms(now_ms),
                wall_ms,
                utc_offset_min,
            };
            unknot_core::record::checkpoint(&inner.session, &inner.recording, now)
        };
        match checkpoint {
            Some(c) => {
                self.lock().save_checkpoint(&c)?;
                Ok(true)
            }
            None => {
                self.lock().clear_checkpoint()?;
                Ok(false)
            }
        }
    }

    /// The saved running session, if there is one.
    pub fn checkpoint(&self) -> Result<Option<CheckpointRecord>, UnknotError> {
        Ok(self
            .lock()
            .checkpoint()?
            .as_ref()
            .map(CheckpointRecord::from))
    }

    /// The saved running session as a player again, paused where it was, at
    /// the caller's monotonic time `now_ms`; `None` without a checkpoint. A
    /// checkpoint that cannot be restored is [`UnknotError::BadSnapshot`]
    /// (offer to discard it with [`Journal::clear_checkpoint`]).
    pub fn resume(&self, now_ms: i64) -> Result<Option<Arc<Player>>, UnknotError> {
        let Some(c) = self.lock().checkpoint()? else {
            return Ok(None);
        };
        let routine = source_of(&c).load()?;
        let session = Session::restore(routine, &c.lang, &c.snapshot, from_ms(now_ms))?;
        let player = Player::wrap(session);
        player.lock().recording = unknot_core::record::Recording::resumed_from(&c);
        Ok(Some(Arc::new(player)))
    }

    /// Removes the checkpoint (the session ended or was discarded).
    pub fn clear_checkpoint(&self) -> Result<(), UnknotError> {
        Ok(self.lock().clear_checkpoint()?)
    }

    /// Streak, adherence and pain per program week, and safety flags on
    /// `today` (the phone's local date, `YYYY-MM-DD`), measured against
    /// `program_json` when given (its pain rules for the flags; the
    /// defaults without one). Flag messages are in `lang`.
    pub fn stats(
        &self,
        program_json: Option<String>,
        today: String,
        lang: String,
    ) -> Result<StatsRecord, UnknotError> {
        let day = program::date(&today)?;
        let info = program_info(program_json.as_deref(), &lang)?;
        let (_, summary) = self.lock().overview(info.as_ref(), day, &lang)?;
        Ok(StatsRecord::of(&summary, today, info.map(|i| i.id)))
    }

    /// What `program_json` asks for on `date` (`YYYY-MM-DD`), counting the
    /// sessions recorded for it in this journal.
    pub fn due_today(
        &self,
        program_json: String,
        date: String,
        lang: String,
    ) -> Result<DueTodayRecord, UnknotError> {
        let p = program::load(&program_json)?;
        let day = program::date(&date)?;
        let done = self.lock().sessions_done(&p)?;
        Ok(unknot_core::due_today(&p, day, &done, &lang).into())
    }

    /// The journal's three exports made on `today` (the phone's date,
    /// `YYYY-MM-DD`), in the order they are shared: the therapist's report
    /// (HTML), every session as CSV and as a FHIR R4 bundle, each with the
    /// file name and media type every platform gives it.
    pub fn exports(
        &self,
        program_json: Option<String>,
        today: String,
        lang: String,
    ) -> Result<Vec<ExportDocument>, UnknotError> {
        let day = program::date(&today)?;
        let mut out = Vec::new();
        for kind in core::export::ExportKind::ALL {
            let text = match kind {
                core::export::ExportKind::Report => {
                    self.report_html(program_json.clone(), today.clone(), lang.clone())?
                }
                core::export::ExportKind::Csv => self.export_csv()?,
                core::export::ExportKind::Fhir => {
                    self.export_fhir(program_json.clone(), lang.clone())?
                }
            };
            out.push(ExportDocument {
                name: kind.file_name(day),
                mime_type: kind.mime_type().to_string(),
                text,
            });
        }
        Ok(out)
    }

    /// Every session as CSV (one row a session, a header row first).
    pub fn export_csv(&self) -> Result<String, UnknotError> {
        Ok(core::export::to_csv(&self.lock().sessions()?))
    }

    /// Every session as a FHIR R4 bundle (JSON), with `program_json`'s plan
    /// (titles in `lang`) when given.
    pub fn export_fhir(
        &self,
        program_json: Option<String>,
        lang: String,
    ) -> Result<String, UnknotError> {
        let info = program_info(program_json.as_deref(), &lang)?;
        let records = self.lock().sessions()?;
        let bundle = core::fhir::bundle(&records, info.as_ref());
        Ok(serde_json::to_string_pretty(&bundle).unwrap_or_default())
    }

    /// The therapist's report on `today` as a standalone HTML page, against
    /// `program_json` when given (titles in `lang`).
    pub fn report_html(
        &self,
        program_json: Option<String>,
        today: String,
        lang: String,
    ) -> Result<String, UnknotError> {
        let day = program::date(&today)?;
        let info = program_info(program_json.as_deref(), &lang)?;
        let (records, summary) = self.lock().overview(info.as_ref(), day, &lang)?;
        Ok(core::report::render(&core::report::ReportInput {
            program: info.as_ref(),
            records: &records,
            summary: &summary,
            today: day,
        }))
    }
}

impl Journal {
    /// The store. Should a call panic while holding the lock, later calls
    /// take it over: every write is one SQLite transaction, so the database
    /// is never left half-written.
    fn lock(&self) -> MutexGuard<'_, core::Journal> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The store, for the other exported parts of the journal.
    pub(crate) fn store(&self) -> MutexGuard<'_, core::Journal> {
        self.lock()
    }
}

/// The exported object must be shareable across threads.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Journal>();
};
