//! What the journal stores: a finished session and the checkpoint of a
//! running one, with the rules a session must keep before it is written.

use serde::{Deserialize, Serialize};

use crate::validate::is_slug;

/// Highest pain rating (0–10 numeric rating scale).
pub const MAX_PAIN: u8 = 10;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Longest routine title kept with a session, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Most discomfort marks kept for one session.
pub const MAX_MARKS: usize = 1000;
/// Widest UTC offset a phone reports, in minutes (±14 hours).
pub const MAX_OFFSET_MIN: i32 = 14 * 60;
/// Latest start or end accepted: 9999-12-31T23:59:59.999Z in milliseconds.
pub const MAX_TIME_MS: i64 = 253_402_300_799_999;
/// Longest session kept: one day, in milliseconds.
pub const MAX_SESSION_MS: i64 = 86_400_000;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionOutcome {
    /// The routine played to its end.
    Completed,
    /// The person stopped before the end.
    Stopped,
}

impl SessionOutcome {
    /// The name stored and exported: `completed` or `stopped`.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionOutcome::Completed => "completed",
            SessionOutcome::Stopped => "stopped",
        }
    }

    /// The outcome named by [`SessionOutcome::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "completed" => Some(SessionOutcome::Completed),
            "stopped" => Some(SessionOutcome::Stopped),
            _ => None,
        }
    }
}

/// How the pressure felt, as the person said after the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PressureFeedback {
    /// Too light to do much.
    TooLight,
    /// About right.
    Right,
    /// Too firm.
    TooFirm,
}

impl PressureFeedback {
    /// The name stored and exported: `too_light`, `right`, `too_firm`.
    pub fn as_str(self) -> &'static str {
        match self {
            PressureFeedback::TooLight => "too_light",
            PressureFeedback::Right => "right",
            PressureFeedback::TooFirm => "too_firm",
        }
    }

    /// The feedback named by [`PressureFeedback::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "too_light" => Some(PressureFeedback::TooLight),
            "right" => Some(PressureFeedback::Right),
            "too_firm" => Some(PressureFeedback::TooFirm),
            _ => None,
        }
    }
}

/// Latest timeline position a discomfort mark can have: a routine's
/// longest timed total plus every extension a session allows.
pub const MAX_MARK_POSITION_MS: u64 =
    crate::limits::MAX_TIMED_MS + crate::engine::MAX_TOTAL_EXTEND_MS;

/// A "too much" tap during a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscomfortMark {
    /// Index of the step playing at the tap (0-based).
    pub step: u32,
    /// Position in the session's timeline at the tap, in milliseconds.
    pub position_ms: u64,
}

/// A finished session, as the player hands it to the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionEntry {
    /// The routine's id (a slug).
    pub routine_id: String,
    /// The routine's title in the language it was played in.
    pub routine_title: String,
    /// The home program the session belongs to, if any.
    pub program_id: Option<String>,
    /// Start, in UTC milliseconds since 1970.
    pub start_ms: i64,
    /// End, in UTC milliseconds since 1970.
    pub end_ms: i64,
    /// The phone's UTC offset at the start, in minutes (UTC+2 is 120).
    pub utc_offset_min: i32,
    /// Time spent playing (pauses excluded), in milliseconds.
    pub active_ms: u64,
    /// Completed or stopped.
    pub outcome: SessionOutcome,
    /// Steps played to their end.
    pub steps_completed: u32,
    /// Steps skipped with "next".
    pub steps_skipped: u32,
    /// Pain before the session, 0–10.
    pub pain_before: Option<u8>,
    /// Pain after the session, 0–10.
    pub pain_after: Option<u8>,
    /// How the pressure felt.
    pub pressure: Option<PressureFeedback>,
    /// "Too much" taps during the session, in order.
    pub discomfort: Vec<DiscomfortMark>,
    /// The person's note, at most [`MAX_NOTE_CHARS`] characters.
    pub note: Option<String>,
}

/// A stored session with its journal id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionRecord {
    /// The journal's id for the session (increasing in insertion order).
    pub id: i64,
    /// The session.
    #[serde(flatten)]
    pub entry: SessionEntry,
}

impl std::ops::Deref for SessionRecord {
    type Target = SessionEntry;
    fn deref(&self) -> &SessionEntry {
        &self.entry
    }
}

/// One reason a session cannot be written. [`SessionEntry::validate`]
/// returns every one that applies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// The routine id is not a slug.
    #[error("routine id {0:?} is not a slug (lowercase letters, digits and hyphens, at most 64)")]
    RoutineId(String),
    /// The program id is not a slug.
    #[error("program id {0:?} is not a slug (lowercase letters, digits and hyphens, at most 64)")]
    ProgramId(String),
    /// The title is empty or longer than [`MAX_TITLE_CHARS`].
    #[error("the routine title must have 1 to {MAX_TITLE_CHARS} characters; it has {0}")]
    Title(usize),
    /// A pain rating is above [`MAX_PAIN`].
    #[error("pain {which} is {value}; ratings go from 0 to {MAX_PAIN}")]
    Pain {
        /// `before` or `after`.
        which: &'static str,
        /// The rating given.
        value: u8,
    },
    /// Start or end is before 1970 or after the year 9999.
    #[error("the {which} time {value} ms is outside 1970 to 9999")]
    Time {
        /// `start` or `end`.
        which: &'static str,
        /// The time given.
        value: i64,
    },
    /// The end is before the start, or the session is longer than a day.
    #[error("the session lasts {0} ms; it must last 0 ms to one day")]
    Duration(i64),
    /// More active time than time between start and end.
    #[error("active time {active_ms} ms is longer than the session's {span_ms} ms")]
    ActiveTime {
        /// Active time given.
        active_ms: u64,
        /// End minus start.
        span_ms: i64,
    },
    /// The UTC offset is beyond ±14 hours.
    #[error("UTC offset {0} min is beyond ±14 hours")]
    Offset(i32),
    /// The note is longer than [`MAX_NOTE_CHARS`].
    #[error("the note has {0} characters; the limit is {MAX_NOTE_CHARS}")]
    NoteTooLong(usize),
    /// More than [`MAX_MARKS`] discomfort marks.
    #[error("{0} discomfort marks; the limit is {MAX_MARKS}")]
    TooManyMarks(usize),
    /// A discomfort mark lies past the longest possible timeline.
    #[error("discomfort mark {index} at {position_ms} ms lies past any routine's length")]
    MarkPosition {
        /// Index of the mark.
        index: usize,
        /// Its position.
        position_ms: u64,
    },
}

impl SessionEntry {
    /// Every rule the entry breaks; empty when it can be written.
    pub fn problems(&self) -> Vec<EntryError> {
        let mut out = Vec::new();
        if !is_slug(&self.routine_id) {
            out.push(EntryError::RoutineId(self.routine_id.clone()));
        }
        if let Some(p) = &self.program_id {
            if !is_slug(p) {
                out.push(EntryError::ProgramId(p.clone()));
            }
        }
        let title_chars = self.routine_title.chars().count();
        if self.routine_title.trim().is_empty() || title_chars > MAX_TITLE_CHARS {
            out.push(EntryError::Title(title_chars));
        }
        for (which, value) in [("before", self.pain_before), ("after", self.pain_after)] {
            if let Some(value) = value.filter(|v| *v > MAX_PAIN) {
                out.push(EntryError::Pain { which, value });
            }
        }
        let mut times_ok = true;
        for (which, value) in [("start", self.start_ms), ("end", self.end_ms)] {
            if !(0..=MAX_TIME_MS).contains(&value) {
                out.push(EntryError::Time { which, value });
                times_ok = false;
            }
        }
        let span = self.end_ms.saturating_sub(self.start_ms);
        if times_ok {
            if !(0..=MAX_SESSION_MS).contains(&span) {
                out.push(EntryError::Duration(span));
            } else if self.active_ms > span as u64 {
                out.push(EntryError::ActiveTime {
                    active_ms: self.active_ms,
                    span_ms: span,
                });
            }
        }
        if self.utc_offset_min.abs() > MAX_OFFSET_MIN {
            out.push(EntryError::Offset(self.utc_offset_min));
        }
        if let Some(n) = &self.note {
            let chars = n.chars().count();
            if chars > MAX_NOTE_CHARS {
                out.push(EntryError::NoteTooLong(chars));
            }
        }
        if self.discomfort.len() > MAX_MARKS {
            out.push(EntryError::TooManyMarks(self.discomfort.len()));
        } else {
            // Positions are on the routine's timeline, which `next` moves
            // ahead of the clock, so they are bounded by the longest
            // timeline (a routine's limit plus every extension), not by
            // the wall-clock span.
            for (index, m) in self.discomfort.iter().enumerate() {
                if m.position_ms > MAX_MARK_POSITION_MS {
                    out.push(EntryError::MarkPosition {
                        index,
                        position_ms: m.position_ms,
                    });
                }
            }
        }
        out
    }

    /// `Ok` when the entry can be written, else every problem.
    pub fn validate(&self) -> Result<(), Vec<EntryError>> {
        let p = self.problems();
        if p.is_empty() {
            Ok(())
        } else {
            Err(p)
        }
    }

    /// Pain after minus pain before, when both were rated.
    pub fn pain_change(&self) -> Option<i32> {
        Some(i32::from(self.pain_after?) - i32::from(self.pain_before?))
    }

    /// The note with surrounding blanks removed, `None` when blank.
    pub fn note_text(&self) -> Option<&str> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// A running session saved on pause and when the app goes to the
/// background, so a killed app can offer to resume it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The session engine's snapshot, kept as it is.
    pub snapshot: String,
    /// The routine's id.
    pub routine_id: String,
    /// The routine's JSON when it is not a built-in one.
    pub routine_json: Option<String>,
    /// The language the session plays in.
    pub lang: String,
    /// The program the session belongs to, if any.
    pub program_id: Option<String>,
    /// When the session started, in UTC milliseconds.
    pub started_at_ms: i64,
    /// When the checkpoint was taken, in UTC milliseconds.
    pub saved_at_ms: i64,
    /// The phone's UTC offset at the session's start, in minutes.
    pub utc_offset_min: i32,
    /// The program week the routine was grown for, if any.
    pub program_week: Option<u32>,
    /// Pain before the session, 0–10.
    pub pain_before: Option<u8>,
    /// When the session ended, in UTC milliseconds, if it is over.
    pub ended_at_ms: Option<i64>,
    /// The "too much" taps made so far.
    pub too_much: Vec<DiscomfortMark>,
}

#[cfg(test)]
pub(crate) mod tests;
