//! The journal: every finished session with its pain ratings, kept on the
//! device, and what is made from it (streak, adherence, pain trend, safety
//! flags, the therapist's report, CSV and FHIR export).
//!
//! [`store`] is the only part that does I/O (SQLite at a path the platform
//! passes). Everything else is a pure function over [`SessionRecord`]s; no
//! part reads a clock: callers pass the current time and "today".

pub mod entry;
pub mod export;
pub mod fhir;
mod migrations;
pub mod plan;
pub mod report;
pub mod stats;
pub mod store;

pub use entry::{
    Checkpoint, DiscomfortMark, EntryError, PressureFeedback, SessionEntry, SessionOutcome,
    SessionRecord, MAX_MARKS, MAX_NOTE_CHARS, MAX_PAIN, MAX_TITLE_CHARS,
};
pub use plan::{PlannedRoutine, ProgramInfo, Timing};
pub use stats::{
    adherence, flags, local_date, streak, summarize, Flag, FlagKind, PainRules, Schedule, Streak,
    Summary, WeekStats,
};
pub use store::{Journal, JournalError, SCHEMA_VERSION};
