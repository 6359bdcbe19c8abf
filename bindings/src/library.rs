//! The routine library and routine documents: built-in summaries, full
//! routine details, parsing and validating routine JSON.

use unknot_core::routine::{Routine, StepBody};
use unknot_core::timeline::{build_timeline, SegmentKind as CoreSegmentKind};
use unknot_core::vocab::Side as CoreSide;

use crate::convert::{count, count32, ms};
use crate::error::{Problem, UnknotError};

/// What a routine list shows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoutineSummary {
    /// Routine id.
    pub id: String,
    /// Title in the requested language.
    pub title: String,
    /// Summary, or empty.
    pub summary: String,
    /// Condition and body-area tags.
    pub tags: Vec<String>,
    /// Body areas worked, as vocabulary words (`lower_back`).
    pub areas: Vec<String>,
    /// Tools needed, as vocabulary words (`ball`).
    pub equipment: Vec<String>,
    /// Timed duration in milliseconds.
    pub timed_ms: i64,
    /// Number of untimed (wait-for-user) segments.
    pub untimed: i32,
    /// Number of steps.
    pub steps: i32,
}

impl From<unknot_core::RoutineSummary> for RoutineSummary {
    fn from(s: unknot_core::RoutineSummary) -> Self {
        RoutineSummary {
            id: s.id,
            title: s.title,
            summary: s.summary,
            tags: s.tags,
            areas: s.areas,
            equipment: s.equipment,
            timed_ms: ms(s.timed_ms),
            untimed: count(s.untimed),
            steps: count(s.steps),
        }
    }
}

/// The kind of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StepKind {
    /// Getting ready: one timed segment.
    Prepare,
    /// A pause: one timed segment.
    Rest,
    /// Waits until the user continues.
    Manual,
    /// A breathing pattern.
    Breathing,
    /// A stretch held per side.
    Stretch,
    /// Self-massage of one area.
    Massage,
    /// Repetitions in sets.
    Exercise,
}

impl From<&StepBody> for StepKind {
    fn from(b: &StepBody) -> Self {
        match b {
            StepBody::Prepare { .. } => StepKind::Prepare,
            StepBody::Rest { .. } => StepKind::Rest,
            StepBody::Manual => StepKind::Manual,
            StepBody::Breathing { .. } => StepKind::Breathing,
            StepBody::Stretch { .. } => StepKind::Stretch,
            StepBody::Massage { .. } => StepKind::Massage,
            StepBody::Exercise { .. } => StepKind::Exercise,
        }
    }
}

/// What happens during a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SegmentKind {
    /// Getting ready.
    Prepare,
    /// A pause.
    Rest,
    /// Untimed: waits until the user continues.
    Manual,
    /// Breathing in.
    Inhale,
    /// Holding after breathing in.
    HoldIn,
    /// Breathing out.
    Exhale,
    /// Holding after breathing out.
    HoldOut,
    /// Holding a stretch.
    Hold,
    /// Self-massage.
    Massage,
    /// Exercise repetitions.
    Work,
    /// Changing sides.
    Switch,
}

impl From<CoreSegmentKind> for SegmentKind {
    fn from(k: CoreSegmentKind) -> Self {
        match k {
            CoreSegmentKind::Prepare => SegmentKind::Prepare,
            CoreSegmentKind::Rest => SegmentKind::Rest,
            CoreSegmentKind::Manual => SegmentKind::Manual,
            CoreSegmentKind::Inhale => SegmentKind::Inhale,
            CoreSegmentKind::HoldIn => SegmentKind::HoldIn,
            CoreSegmentKind::Exhale => SegmentKind::Exhale,
            CoreSegmentKind::HoldOut => SegmentKind::HoldOut,
            CoreSegmentKind::Hold => SegmentKind::Hold,
            CoreSegmentKind::Massage => SegmentKind::Massage,
            CoreSegmentKind::Work => SegmentKind::Work,
            CoreSegmentKind::Switch => SegmentKind::Switch,
        }
    }
}

/// One side of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Side {
    /// The left side.
    Left,
    /// The right side.
    Right,
}

impl From<CoreSide> for Side {
    fn from(s: CoreSide) -> Self {
        match s {
            CoreSide::Left => Side::Left,
            CoreSide::Right => Side::Right,
        }
    }
}

/// One segment of a routine's timeline.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SegmentInfo {
    /// Index of the step it belongs to, from 0.
    pub step: i32,
    /// What happens.
    pub kind: SegmentKind,
    /// Which side, for sided steps.
    pub side: Option<Side>,
    /// 1-based rep or set.
    pub rep: Option<i32>,
    /// 1-based breathing cycle.
    pub cycle: Option<i32>,
    /// Timed position where it starts, in milliseconds.
    pub start_ms: i64,
    /// Length in milliseconds; `None` when it waits for the user.
    pub duration_ms: Option<i64>,
    /// Spoken when it starts.
    pub say: String,
}

/// One step of a routine, in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepDetails {
    /// Position in the routine, from 0.
    pub index: i32,
    /// What kind of step.
    pub kind: StepKind,
    /// Title shown during the step.
    pub title: String,
    /// Shown on screen during the step.
    pub instructions: Option<String>,
    /// Spoken at the step's start.
    pub say: String,
    /// Body area worked, as a vocabulary word.
    pub area: Option<String>,
    /// Massage technique, as a vocabulary word.
    pub technique: Option<String>,
    /// Massage pressure, as a vocabulary word.
    pub pressure: Option<String>,
    /// Massage tool, as a vocabulary word.
    pub tool: Option<String>,
    /// Which side(s): `none`, `left`, `right` or `both`.
    pub sides: String,
    /// Timed position where the step starts, in milliseconds.
    pub start_ms: i64,
    /// Timed duration of the step, in milliseconds.
    pub timed_ms: i64,
    /// Number of segments that wait for the user.
    pub untimed: i32,
    /// Index of the step's first segment in the routine's timeline.
    pub first_segment: i32,
    /// Number of segments the step expands to.
    pub segment_count: i32,
}

/// A whole routine in one language: what the detail screen and the
/// pre-start checklist show.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoutineDetails {
    /// Routine id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary, or empty.
    pub summary: String,
    /// Condition and body-area tags.
    pub tags: Vec<String>,
    /// Body areas worked, as vocabulary words.
    pub areas: Vec<String>,
    /// Tools needed, as vocabulary words.
    pub equipment: Vec<String>,
    /// Warnings shown before the routine starts.
    pub cautions: Vec<String>,
    /// Timed duration in milliseconds.
    pub timed_ms: i64,
    /// Number of untimed segments.
    pub untimed: i32,
    /// The steps in order.
    pub steps: Vec<StepDetails>,
    /// Every segment in order.
    pub segments: Vec<SegmentInfo>,
}

impl RoutineDetails {
    /// Details of a valid routine in `lang`.
    pub fn of(routine: &Routine, lang: &str) -> Self {
        let timeline = build_timeline(routine, lang);
        let segments: Vec<SegmentInfo> = timeline
            .segments
            .iter()
            .map(|s| SegmentInfo {
                step: count(s.step),
                kind: s.kind.into(),
                side: s.side.map(Side::from),
                rep: s.rep.map(count32),
                cycle: s.cycle.map(count32),
                start_ms: ms(s.start_ms),
                duration_ms: s.duration_ms.map(ms),
                say: s.say.clone(),
            })
            .collect();
        let steps = routine
            .steps
            .iter()
            .zip(&timeline.steps)
            .enumerate()
            .map(|(i, (step, span))| {
                let (technique, pressure, tool) = match &step.body {
                    StepBody::Massage {
                        technique,
                        pressure,
                        tool,
                        ..
                    } => (
                        Some(technique.as_str().to_string()),
                        Some(pressure.as_str().to_string()),
                        Some(tool.as_str().to_string()),
                    ),
                    _ => (None, None, None),
                };
                let sides = match &step.body {
                    StepBody::Stretch { sides, .. }
                    | StepBody::Massage { sides, .. }
                    | StepBody::Exercise { sides, .. } => sides.as_str(),
                    _ => "none",
                };
                let own =
                    &timeline.segments[span.first_segment..span.first_segment + span.segments];
                StepDetails {
                    index: count(i),
                    kind: (&step.body).into(),
                    title: step.title.get(lang).to_string(),
                    instructions: step.instructions.as_ref().map(|t| t.get(lang).to_string()),
                    say: step.spoken().get(lang).to_string(),
                    area: step.body.area().map(|a| a.as_str().to_string()),
                    technique,
                    pressure,
                    tool,
                    sides: sides.to_string(),
                    start_ms: ms(span.start_ms),
                    timed_ms: ms(span.timed_ms),
                    untimed: count(own.iter().filter(|s| s.is_untimed()).count()),
                    first_segment: count(span.first_segment),
                    segment_count: count(span.segments),
                }
            })
            .collect();
        let summary = unknot_core::RoutineSummary::of(routine, lang);
        RoutineDetails {
            id: routine.id.clone(),
            title: summary.title,
            summary: summary.summary,
            tags: summary.tags,
            areas: summary.areas,
            equipment: summary.equipment,
            cautions: routine
                .cautions
                .iter()
                .map(|c| c.get(lang).to_string())
                .collect(),
            timed_ms: ms(timeline.timed_ms),
            untimed: count(timeline.untimed),
            steps,
            segments,
        }
    }
}

/// Summaries of every built-in routine in `lang`, sorted by id.
#[uniffi::export]
pub fn builtin_summaries(lang: String) -> Vec<RoutineSummary> {
    unknot_core::builtin_summaries(&lang)
        .into_iter()
        .map(RoutineSummary::from)
        .collect()
}

/// The ids of every built-in routine, sorted.
#[uniffi::export]
pub fn builtin_routine_ids() -> Vec<String> {
    unknot_core::builtin_routines()
        .iter()
        .map(|r| r.id.clone())
        .collect()
}

/// Full details of the built-in routine `id` in `lang`.
#[uniffi::export]
pub fn builtin_routine(id: String, lang: String) -> Result<RoutineDetails, UnknotError> {
    unknot_core::builtin(&id)
        .map(|r| RoutineDetails::of(r, &lang))
        .ok_or(UnknotError::UnknownRoutine { id })
}

/// Parses and validates routine JSON and returns its details in `lang`, or
/// [`UnknotError::InvalidRoutine`] with every problem.
#[uniffi::export]
pub fn parse_routine(json: String, lang: String) -> Result<RoutineDetails, UnknotError> {
    let routine = unknot_core::parse_routine(&json)?;
    Ok(RoutineDetails::of(&routine, &lang))
}

/// Every problem in routine JSON; empty when the routine is valid.
#[uniffi::export]
pub fn validate_routine(json: String) -> Vec<Problem> {
    match unknot_core::parse_routine(&json) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().iter().map(Problem::from).collect(),
    }
}
