//! Recording a session: what the person reported around it (pain before
//! and after, pressure, "too much" taps, a note) and the engine's state
//! turned into the journal entry, by the same rules for every shell.
//!
//! The rules:
//! - A session is recorded once it is over (finished or stopped); a
//!   session that never started has nothing to record.
//! - It counts as **completed** when it reached the end of the routine with
//!   at least half of its steps played to their end; a routine skipped
//!   through with "next" counts as stopped.
//! - Its wall-clock end is when the engine saw it end (not when the person
//!   finished rating it); its start is the wall time the shell gave at the
//!   start (kept across checkpoints), else the end less the engine's
//!   monotonic span. A session lasts at most one day in the journal.
//! - Active time is the engine's running time, bounded by the wall span.
//! - A "too much" tap counts while the session runs, is paused or waits
//!   at an untimed step (not before the start, not once it is over), up to
//!   [`MAX_MARKS`]; each mark is clamped to the session's steps and
//!   timeline.
//! - Ratings outside 0–10, an offset beyond ±14 hours or a note longer
//!   than the journal keeps are refused with the journal's reasons; a blank
//!   note is no note.

use serde::{Deserialize, Serialize};

use crate::engine::{Session, Status};
use crate::journal::entry::{MAX_OFFSET_MIN, MAX_SESSION_MS};
use crate::journal::{
    Checkpoint, DiscomfortMark, EntryError, PressureFeedback, SessionEntry, SessionOutcome,
    MAX_MARKS, MAX_PAIN, MAX_TITLE_CHARS,
};

/// What the journal entry of a session is made of besides the engine's
/// state: the program it is played for and what the person reported while
/// it ran. Kept with the session (and in its checkpoint).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recording {
    /// The home program the session is played for.
    pub program_id: Option<String>,
    /// The program week its routine was grown for (from 1).
    pub program_week: Option<u32>,
    /// Wall-clock start, UTC milliseconds, as the shell gave it.
    pub started_at_ms: Option<i64>,
    /// Wall-clock end, UTC milliseconds, once known (set when a session
    /// that is over is checkpointed, so a restored one keeps it).
    pub ended_at_ms: Option<i64>,
    /// The phone's UTC offset at the start, in minutes.
    pub utc_offset_min: Option<i32>,
    /// Pain before the session, 0–10.
    pub pain_before: Option<u8>,
    /// "Too much" taps that counted, in order.
    pub too_much: Vec<DiscomfortMark>,
    /// The journal id once the session was recorded (it is recorded once).
    pub recorded_id: Option<i64>,
}

/// What the person said after the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AfterSession {
    /// Pain after, 0–10.
    pub pain_after: Option<u8>,
    /// How the pressure felt.
    pub pressure: Option<PressureFeedback>,
    /// A note.
    pub note: Option<String>,
}

/// "Now" on the shell's two clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    /// The monotonic time the engine runs on, in milliseconds.
    pub mono_ms: u64,
    /// UTC milliseconds since 1970.
    pub wall_ms: i64,
    /// The phone's UTC offset now, in minutes.
    pub utc_offset_min: i32,
}

/// Why a session cannot be recorded (or started with a record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The session is not over yet (or never started).
    #[error("the session is {0}; only a finished or stopped session is recorded")]
    NotOver(&'static str),
    /// The entry would break the journal's rules.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<EntryError>),
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Ready => "not started",
        Status::Running => "running",
        Status::Paused => "paused",
        Status::Waiting => "waiting",
        Status::Finished => "finished",
        Status::Stopped => "stopped",
    }
}

fn check_pain(which: &'static str, v: Option<u8>, out: &mut Vec<EntryError>) {
    if let Some(value) = v.filter(|v| *v > MAX_PAIN) {
        out.push(EntryError::Pain { which, value });
    }
}

impl Recording {
    /// Sets what is known at the start: the wall time, the phone's offset
    /// and the pain rating given before. Refuses a rating above 10 or an
    /// offset beyond ±14 hours, changing nothing.
    pub fn begin(
        &mut self,
        wall_ms: i64,
        utc_offset_min: i32,
        pain_before: Option<u8>,
    ) -> Result<(), RecordError> {
        let mut problems = Vec::new();
        check_pain("before", pain_before, &mut problems);
        if utc_offset_min.abs() > MAX_OFFSET_MIN {
            problems.push(EntryError::Offset(utc_offset_min));
        }
        if !problems.is_empty() {
            return Err(RecordError::Invalid(problems));
        }
        self.started_at_ms = Some(wall_ms);
        self.utc_offset_min = Some(utc_offset_min);
        self.pain_before = pain_before;
        Ok(())
    }

    /// Adds a "too much" mark at the session's step and position at its
    /// last call, when one counts now; else says why not.
    pub fn mark_too_much(&mut self, session: &Session) -> Result<DiscomfortMark, &'static str> {
        too_much_counts(session, self)?;
        let f = session.frame();
        let mark = DiscomfortMark {
            step: u32::try_from(f.step).unwrap_or(u32::MAX),
            position_ms: f.position_ms,
        };
        self.too_much.push(mark);
        Ok(mark)
    }

    /// The wall-clock start and end of `session`, by the rules above.
    pub fn wall_span(&self, session: &Session, now: Now) -> (i64, i64) {
        let mono_now = now.mono_ms.max(session.last_now());
        let since = |t: Option<u64>| {
            t.map(|t| i64::try_from(mono_now.saturating_sub(t)).unwrap_or(i64::MAX))
        };
        let end = self
            .ended_at_ms
            .unwrap_or_else(|| match since(session.ended_at()) {
                Some(ago) => now.wall_ms.saturating_sub(ago),
                None => now.wall_ms,
            });
        let start = self.started_at_ms.unwrap_or_else(|| {
            let ran = match (session.started_at(), session.ended_at()) {
                (Some(s), Some(e)) => e.saturating_sub(s),
                (Some(s), None) => mono_now.saturating_sub(s),
                _ => 0,
            };
            end.saturating_sub(i64::try_from(ran).unwrap_or(i64::MAX))
        });
        let end = end.clamp(start, start.saturating_add(MAX_SESSION_MS));
        (start, end)
    }
}

/// Whether a "too much" tap counts now: while the session runs, is paused
/// or waits, and fewer than [`MAX_MARKS`] were made; else why not.
pub fn too_much_counts(session: &Session, rec: &Recording) -> Result<(), &'static str> {
    match session.status() {
        Status::Ready => Err("the session has not started yet"),
        Status::Finished | Status::Stopped => Err("the session is over"),
        _ if rec.too_much.len() >= MAX_MARKS => Err("no more marks are kept for this session"),
        _ => Ok(()),
    }
}

/// How a session that is over counts: completed when it reached the end
/// of the routine with at least half of its steps played to their end.
/// `None` while it is not over.
pub fn outcome(session: &Session) -> Option<SessionOutcome> {
    let s = session.summary();
    let steps = session.routine().steps.len() as u64;
    match s.status {
        Status::Finished if u64::from(s.steps_completed) * 2 >= steps => {
            Some(SessionOutcome::Completed)
        }
        Status::Finished | Status::Stopped => Some(SessionOutcome::Stopped),
        _ => None,
    }
}

/// The journal entry of `session` (finished or stopped) with `rec` and what
/// the person said after it, at `now`. The entry is valid for the journal.
pub fn journal_entry(
    session: &Session,
    rec: &Recording,
    after: &AfterSession,
    now: Now,
) -> Result<SessionEntry, RecordError> {
    let outcome = outcome(session).ok_or(RecordError::NotOver(status_word(session.status())))?;
    let summary = session.summary();
    let (start_ms, end_ms) = rec.wall_span(session, now);
    let span = u64::try_from(end_ms - start_ms).unwrap_or(0);
    let frame = session.frame();
    let last_step = u32::try_from(frame.step_count.saturating_sub(1)).unwrap_or(u32::MAX);
    let routine = session.routine();
    let mut title: String = session
        .title()
        .trim()
        .chars()
        .take(MAX_TITLE_CHARS)
        .collect();
    if title.trim().is_empty() {
        title = routine.id.clone();
    }
    let entry = SessionEntry {
        routine_id: routine.id.clone(),
        routine_title: title,
        program_id: rec.program_id.clone(),
        start_ms,
        end_ms,
        utc_offset_min: rec.utc_offset_min.unwrap_or(now.utc_offset_min),
        active_ms: summary.active_ms.min(span),
        outcome,
        steps_completed: summary.steps_completed,
        steps_skipped: summary.steps_skipped,
        pain_before: rec.pain_before,
        pain_after: after.pain_after,
        pressure: after.pressure,
        discomfort: rec
            .too_much
            .iter()
            .take(MAX_MARKS)
            .map(|m| DiscomfortMark {
                step: m.step.min(last_step),
                position_ms: m.position_ms.min(frame.timed_ms),
            })
            .collect(),
        note: after
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
    };
    entry.validate().map_err(RecordError::Invalid)?;
    Ok(entry)
}

/// The checkpoint that lets `session` with `rec` be resumed after the
/// shell is gone, at `now`: the engine's snapshot, the routine (by id when
/// it is the built-in one unchanged, else as JSON), the program and week,
/// the start, the pain before and the "too much" marks, and the end when
/// the session is over but not yet rated. `None` when there is nothing to
/// resume: a session not started, or one already recorded.
pub fn checkpoint(session: &Session, rec: &Recording, now: Now) -> Option<Checkpoint> {
    if session.status() == Status::Ready || rec.recorded_id.is_some() {
        return None;
    }
    let (start, end) = rec.wall_span(session, now);
    let routine = session.routine();
    let routine_json = match crate::builtin(&routine.id) {
        Some(b) if b == routine => None,
        _ => Some(serde_json::to_string(routine).unwrap_or_default()),
    };
    Some(Checkpoint {
        snapshot: session.snapshot(),
        routine_id: routine.id.clone(),
        routine_json,
        lang: session.lang().to_string(),
        program_id: rec.program_id.clone(),
        started_at_ms: start,
        saved_at_ms: now.wall_ms,
        utc_offset_min: rec.utc_offset_min.unwrap_or(now.utc_offset_min),
        program_week: rec.program_week,
        pain_before: rec.pain_before,
        ended_at_ms: session.status().is_over().then_some(end),
        too_much: rec.too_much.clone(),
    })
}

impl Recording {
    /// The record of a session resumed from `c`: its program and week, its
    /// start and offset, its pain before, its marks and, when it was over,
    /// its end. Not yet recorded.
    pub fn resumed_from(c: &Checkpoint) -> Recording {
        Recording {
            program_id: c.program_id.clone(),
            program_week: c.program_week,
            started_at_ms: Some(c.started_at_ms),
            ended_at_ms: c.ended_at_ms,
            utc_offset_min: Some(c.utc_offset_min),
            pain_before: c.pain_before,
            too_much: c.too_much.clone(),
            recorded_id: None,
        }
    }
}

#[cfg(test)]
mod tests;
