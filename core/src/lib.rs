//! Unknot's core: every rule of the guided self-massage and relaxation
//! timer. The routine format and its validation, the timeline a session
//! plays, and (in later modules) the session engine, programs and journal.
//!
//! The core never reads a clock, never sleeps and never spawns threads:
//! callers pass the time in.

pub mod engine;
pub mod journal;
pub mod library;
pub mod limits;
pub mod phrases;
pub mod problem;
pub mod routine;
pub mod safety;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod vocab;

pub use library::{builtin, builtin_routines, builtin_summaries, RoutineSummary};
pub use problem::{DocumentError, Problem};
pub use routine::{Millis, Routine, Step, StepBody, ROUTINE_FORMAT};
pub use text::Text;
pub use timeline::{build_timeline, Segment, SegmentKind, Timeline};
pub use validate::parse_routine;
