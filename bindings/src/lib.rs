//! Unknot's foreign-language surface: everything the Android and iOS apps
//! call, exported through UniFFI from this one crate so Kotlin sees one
//! package (`app.unknot.core`) and Swift one module (`UnknotCore`).
//!
//! The types here are exported copies of the core's types (built with
//! `From` impls); the core itself carries no UniFFI attributes. Every
//! number is signed (`i32` counts and indices, `i64` milliseconds) because
//! Kotlin's and Swift's unsigned types are awkward; negative inputs are
//! clamped to zero. No function panics across the boundary: errors are
//! typed, and panics still unwind (no profile sets `panic = "abort"`).

uniffi::setup_scaffolding!();

pub mod convert;
pub mod error;
pub mod library;
pub mod player;
pub mod session;

pub use error::{Problem, UnknotError};
pub use library::{
    builtin_routine, builtin_routine_ids, builtin_summaries, parse_routine, validate_routine,
    RoutineDetails, RoutineSummary, SegmentInfo, SegmentKind, Side, StepDetails, StepKind,
};
pub use player::{Player, RoutineSource};
pub use session::{Cue, CueKind, Frame, Status, Update};
