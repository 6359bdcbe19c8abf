//! Recording a session through the `Player`: the start with its pain
//! rating, "too much" taps, and the journal entry when it is over, by the
//! core's rules (`unknot_core::record`). A player carries its recording
//! (program, week, start, rating, taps) into checkpoints and back.

use std::sync::Arc;

use unknot_core::engine::Command;
use unknot_core::journal::{self as core, PressureFeedback as CorePressure};
use unknot_core::record::{self, AfterSession, Now, RecordError};

use crate::convert::{count32, from_ms};
use crate::error::UnknotError;
use crate::journal::{DiscomfortMark, Journal, PressureFeedback, SessionEntry};
use crate::library::RoutineDetails;
use crate::player::Player;
use crate::session::Update;

/// What is known when a session starts.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionStart {
    /// The phone's wall clock now, UTC milliseconds.
    pub wall_ms: i64,
    /// The phone's UTC offset now, in minutes (UTC+2 is 120).
    pub utc_offset_min: i32,
    /// Pain right now, 0–10; `None` when skipped.
    pub pain_before: Option<i32>,
}

/// What the person said after the session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionReport {
    /// Pain now, 0–10; `None` when skipped.
    pub pain_after: Option<i32>,
    /// How the pressure felt.
    pub pressure: Option<PressureFeedback>,
    /// A note (blank: none).
    pub note: Option<String>,
}

/// What a player's journal record holds so far.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionRecording {
    /// The program the session is played for.
    pub program_id: Option<String>,
    /// The program week its routine was grown for.
    pub program_week: Option<i32>,
    /// Wall-clock start, UTC milliseconds, when given.
    pub started_at_ms: Option<i64>,
    /// The phone's UTC offset at the start, in minutes, when given.
    pub utc_offset_min: Option<i32>,
    /// Pain before, 0–10.
    pub pain_before: Option<i32>,
    /// The "too much" taps that counted.
    pub too_much: Vec<DiscomfortMark>,
    /// The journal id once recorded.
    pub recorded_id: Option<i64>,
}

pub(crate) fn rating(v: Option<i32>) -> Option<u8> {
    v.map(|v| u8::try_from(v).unwrap_or(u8::MAX))
}

impl From<RecordError> for UnknotError {
    fn from(e: RecordError) -> Self {
        UnknotError::InvalidSession {
            problems: match e {
                RecordError::Invalid(p) => p.iter().map(|p| p.to_string()).collect(),
                other => vec![other.to_string()],
            },
        }
    }
}

fn after(report: &SessionReport) -> AfterSession {
    AfterSession {
        pain_after: rating(report.pain_after),
        pressure: report.pressure.map(|p| match p {
            PressureFeedback::TooLight => CorePressure::TooLight,
            PressureFeedback::Right => CorePressure::Right,
            PressureFeedback::TooFirm => CorePressure::TooFirm,
        }),
        note: report.note.clone(),
    }
}

fn now(now_ms: i64, wall_ms: i64, utc_offset_min: i32) -> Now {
    Now {
        mono_ms: from_ms(now_ms),
        wall_ms,
        utc_offset_min,
    }
}

#[uniffi::export]
impl Player {
    /// Starts a ready session and begins its journal record: the wall
    /// time, the phone's offset and the pain rating given before. A rating
    /// outside 0–10 or an offset beyond ±14 hours is
    /// [`UnknotError::InvalidSession`], and nothing starts. A session that
    /// already started is reported in `Update::ignored`, its record kept.
    pub fn begin(&self, now_ms: i64, start: SessionStart) -> Result<Update, UnknotError> {
        let mut rec = self.lock().recording.clone();
        rec.begin(
            start.wall_ms,
            start.utc_offset_min,
            rating(start.pain_before),
        )?;
        Ok(self.apply_then(Command::Start, now_ms, move |inner| {
            inner.recording = rec;
            None
        }))
    }

    /// "Too much": at `now_ms`, marks the step and position playing, when
    /// a mark counts (while running, paused or waiting); otherwise the
    /// update's `ignored` says why. Hands out the cues due by then, as a tick.
    pub fn mark_too_much(&self, now_ms: i64) -> Update {
        self.apply_then(Command::Tick, now_ms, |inner| {
            let session = &inner.session;
            inner
                .recording
                .mark_too_much(session)
                .err()
                .map(str::to_string)
        })
    }

    /// The routine this session plays (as grown for its program week, or
    /// as resumed from a checkpoint), described in the session's language.
    pub fn details(&self) -> RoutineDetails {
        self.with_session(|s| RoutineDetails::of(s.routine(), s.lang()))
    }

    /// The journal record so far.
    pub fn recording(&self) -> SessionRecording {
        let r = self.lock().recording.clone();
        SessionRecording {
            program_id: r.program_id,
            program_week: r.program_week.map(count32),
            started_at_ms: r.started_at_ms,
            utc_offset_min: r.utc_offset_min,
            pain_before: r.pain_before.map(i32::from),
            too_much: r
                .too_much
                .iter()
                .map(|m| DiscomfortMark {
                    step: count32(m.step),
                    position_ms: crate::convert::ms(m.position_ms),
                })
                .collect(),
            recorded_id: r.recorded_id,
        }
    }

    /// The journal entry of this session once it is over, with `report`, at
    /// the caller's monotonic `now_ms` and wall clock `wall_ms` (the offset
    /// is used when none was given at the start). A session not over is
    /// [`UnknotError::InvalidSession`].
    pub fn journal_entry(
        &self,
        report: SessionReport,
        now_ms: i64,
        wall_ms: i64,
        utc_offset_min: i32,
    ) -> Result<SessionEntry, UnknotError> {
        let inner = self.lock();
        let e = record::journal_entry(
            &inner.session,
            &inner.recording,
            &after(&report),
            now(now_ms, wall_ms, utc_offset_min),
        )?;
        Ok(SessionEntry::of(&e))
    }
}

#[uniffi::export]
impl Journal {
    /// Records the session of `player` once it is over (see
    /// [`Player::journal_entry`]) and removes the checkpoint, in one
    /// transaction; returns the journal id. A session is recorded once:
    /// calling again returns the same id and writes nothing.
    pub fn record_session(
        &self,
        player: Arc<Player>,
        report: SessionReport,
        now_ms: i64,
        wall_ms: i64,
        utc_offset_min: i32,
    ) -> Result<i64, UnknotError> {
        let mut inner = player.lock();
        if let Some(id) = inner.recording.recorded_id {
            return Ok(id);
        }
        let e = record::journal_entry(
            &inner.session,
            &inner.recording,
            &after(&report),
            now(now_ms, wall_ms, utc_offset_min),
        )?;
        let id = self.store().record_and_clear_checkpoint(&e)?;
        inner.recording.recorded_id = Some(id);
        Ok(id)
    }
}

/// The core entry as the exported record.
impl SessionEntry {
    pub(crate) fn of(e: &core::SessionEntry) -> Self {
        crate::journal::SessionRecord::from(&core::SessionRecord {
            id: 0,
            entry: e.clone(),
        })
        .entry
    }
}
