//! Unknot's core: every rule of the guided self-massage and relaxation
//! timer. The routine format and its validation, the timeline a session
//! plays, and (in later modules) the session engine, programs and journal.
//!
//! The core never reads a clock, never sleeps and never spawns threads:
//! callers pass the time in.

pub mod caution;
pub mod date;
pub mod due;
pub mod engine;
pub mod import;
pub mod journal;
pub mod library;
pub mod limits;
pub mod phrases;
pub mod problem;
pub mod program;
pub mod qr;
pub mod record;
pub mod routine;
pub mod safety;
pub mod search;
pub mod share;
pub mod sound;
pub mod text;
pub mod timeline;
pub mod today;
pub mod validate;
pub mod vocab;
pub mod words;

pub use date::{CivilDate, Weekday};
pub use due::{
    due_today, program_week, weekly_due, DueRoutine, DueToday, ProgramStatus, SessionDone, WeekDue,
};
pub use engine::{
    Command, Cue, CueKind, CueSound, Frame, Outcome, Session, SessionSummary, SnapshotError, Status,
};
pub use library::{builtin, builtin_routines, builtin_summaries, RoutineSummary};
pub use problem::{DocumentError, Problem};
pub use program::{parse_program, validate_program, Program, PROGRAM_FORMAT};
pub use qr::{qr_matrix, qr_svg, qr_terminal, qr_version, QrError, QrMatrix};
pub use routine::{Millis, Routine, Step, StepBody, ROUTINE_FORMAT};
pub use share::{decode_json, decode_program, share_code, ImportError, ShareError};
pub use text::Text;
pub use timeline::{build_timeline, Segment, SegmentKind, Timeline};
pub use validate::parse_routine;
