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
pub mod draft;
pub mod error;
pub mod form;
pub mod import;
pub mod journal;
pub mod library;
pub mod lookahead;
pub mod player;
pub mod program;
pub mod record;
pub mod safety;
pub mod session;
pub mod today;
pub mod words;

pub use draft::{
    program_draft_add_routine, program_draft_build, program_draft_from_program,
    program_draft_limits, program_draft_new, program_draft_suggested_progression, DraftItem,
    DraftLimits, DraftOutcome, DraftProgression, DraftRoutineTiming, ProgramDraft,
};
pub use error::{Problem, ShareProblem, UnknotError};
pub use form::{
    draft_field_problems, draft_other_problems, frequency_choice, program_draft_set_frequency,
    program_draft_toggle_day, FrequencyChoice,
};
pub use import::{
    error_message, import_program, share_problem_message, ImportKind, ImportedProgram,
};
pub use journal::{
    journal_schema_version, CheckpointRecord, DiscomfortMark, ExportDocument, FlagKind, FlagRecord,
    Journal, PressureFeedback, SessionEntry, SessionOutcome, SessionRecord, StatsRecord,
    StreakRecord, WeekRecord,
};
pub use library::{
    builtin_routine, builtin_routine_ids, builtin_summaries, parse_routine, validate_routine,
    RoutineDetails, RoutineSummary, SegmentInfo, SegmentKind, Side, StepDetails, StepKind,
};
pub use lookahead::{
    cue_play, cue_sound_tone, cue_sound_vibration, cue_style_from_name, render_tone, CuePlay,
    CueSound, CueStyle, Note, Tone,
};
pub use player::{Player, RoutineSource};
pub use program::{
    looks_like_share_code, parse_program, program_due_today, program_routine_for_week, qr_matrix,
    share_decode, share_encode, validate_program, DueRoutineRecord, DueTodayRecord, Frequency,
    ProgramDetails, ProgramFrom, ProgramRoutineInfo, ProgramStatus, ProgressionInfo,
    QrMatrixRecord, ScheduleItem, SessionDoneRecord, ShareCode,
};
pub use record::{SessionRecording, SessionReport, SessionStart};
pub use safety::{safety_screen, SafetyScreen};
pub use session::{Cue, CueKind, Frame, Pulse, Status, Update};
pub use today::{program_today, TodayAction, TodayRecord, TodayRoutineRecord};
pub use words::{
    check_pain_before, countdown_text, duration_text, duration_words, elapsed_text, flag_title,
    library_filters, numbers, pain_rule_text, pain_value_text, safety_words, search_routines,
    segment_kind_name, side_name, too_much_text, vocabulary_names, weekday_names, word_name,
    LengthChoice, LibraryFilters, LibraryQuery, LimitFrom, Numbers, PainCheck, SafetyWords,
    TooMuchText, WeekdayName, WordKind, WordName,
};
