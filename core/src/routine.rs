//! The routine model: what a valid routine file holds, after validation.
//!
//! Values of these types only come out of [`crate::validate`] (or are built
//! by code that keeps the same rules), so the rest of the core can trust
//! them: every time is a whole number of milliseconds within the limits.

use serde::{Serialize, Serializer};

use crate::text::Text;
use crate::vocab::{Area, Pressure, Sides, Technique, Tool};

/// The format tag every routine file must carry.
pub const ROUTINE_FORMAT: &str = "unknot.routine.v1";

/// A duration from a routine file, held as whole milliseconds. Files write
/// seconds with at most three decimals, so the conversion is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Millis(pub u32);

impl Millis {
    /// Milliseconds as `u64`, the type timeline arithmetic uses.
    pub fn ms(self) -> u64 {
        u64::from(self.0)
    }

    /// From whole seconds.
    pub const fn from_secs(s: u32) -> Self {
        Millis(s * 1000)
    }
}

impl Serialize for Millis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 1000 == 0 {
            serializer.serialize_u32(self.0 / 1000)
        } else {
            serializer.serialize_f64(f64::from(self.0) / 1000.0)
        }
    }
}

fn is_zero(m: &Millis) -> bool {
    m.0 == 0
}
fn is_one(n: &u32) -> bool {
    *n == 1
}
fn is_none_sides(s: &Sides) -> bool {
    *s == Sides::None
}
fn is_hands(t: &Tool) -> bool {
    *t == Tool::Hands
}

/// A valid routine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Routine {
    /// Always [`ROUTINE_FORMAT`].
    pub format: &'static str,
    /// Slug identifying the routine.
    pub id: String,
    /// Title shown in lists and spoken at the start.
    pub title: Text,
    /// One or two sentences on what the routine is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// Condition and body-area slugs, for search.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Tools the person needs at hand.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<Tool>,
    /// Warnings shown before the routine starts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<Text>,
    /// The steps, 1 to [`crate::limits::MAX_STEPS`].
    pub steps: Vec<Step>,
}

/// One step of a routine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// What the step is and what it expands to.
    #[serde(flatten)]
    pub body: StepBody,
    /// Title shown during the step.
    pub title: Text,
    /// Shown on screen during the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Text>,
    /// Spoken at the step's start; the title when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub say: Option<Text>,
}

impl Step {
    /// The text spoken at the step's start.
    pub fn spoken(&self) -> &Text {
        self.say.as_ref().unwrap_or(&self.title)
    }
}

/// The kind of a step with its kind-specific fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepBody {
    /// Getting ready: one timed `prepare` segment.
    Prepare {
        /// Length of the segment.
        seconds: Millis,
    },
    /// A pause: one timed `rest` segment.
    Rest {
        /// Length of the segment.
        seconds: Millis,
    },
    /// Waits until the user continues (getting into position, fetching a ball).
    Manual,
    /// A breathing pattern repeated for `cycles`.
    Breathing {
        /// Breathing in.
        inhale: Millis,
        /// Holding after breathing in (0: none).
        #[serde(skip_serializing_if = "is_zero")]
        hold_in: Millis,
        /// Breathing out.
        exhale: Millis,
        /// Holding after breathing out (0: none).
        #[serde(skip_serializing_if = "is_zero")]
        hold_out: Millis,
        /// Number of cycles.
        cycles: u32,
    },
    /// A stretch held for `reps` holds per side.
    Stretch {
        /// Body area stretched.
        area: Area,
        /// Length of one hold.
        hold: Millis,
        /// Holds per side.
        #[serde(skip_serializing_if = "is_one")]
        reps: u32,
        /// Rest between two holds (0: none).
        #[serde(skip_serializing_if = "is_zero")]
        rest: Millis,
        /// Which side(s).
        #[serde(skip_serializing_if = "is_none_sides")]
        sides: Sides,
        /// Switch pause between sides, only with `both` (default 5 s).
        #[serde(skip_serializing_if = "Option::is_none")]
        switch: Option<Millis>,
    },
    /// Self-massage of one area per side.
    Massage {
        /// Body area massaged.
        area: Area,
        /// How the tissue is worked.
        technique: Technique,
        /// How hard.
        pressure: Pressure,
        /// With what.
        #[serde(skip_serializing_if = "is_hands")]
        tool: Tool,
        /// Time per side.
        seconds: Millis,
        /// Strokes per minute, for rhythmic techniques.
        #[serde(skip_serializing_if = "Option::is_none")]
        pace: Option<f64>,
        /// Which side(s).
        #[serde(skip_serializing_if = "is_none_sides")]
        sides: Sides,
        /// Switch pause between sides, only with `both` (default 5 s).
        #[serde(skip_serializing_if = "Option::is_none")]
        switch: Option<Millis>,
    },
    /// Repetitions in sets, timed per rep or done at the user's pace.
    Exercise {
        /// Body area worked, if one.
        #[serde(skip_serializing_if = "Option::is_none")]
        area: Option<Area>,
        /// Repetitions per set.
        reps: u32,
        /// Time per repetition; absent: each set waits for the user.
        #[serde(skip_serializing_if = "Option::is_none")]
        rep_seconds: Option<Millis>,
        /// Sets per side.
        #[serde(skip_serializing_if = "is_one")]
        sets: u32,
        /// Rest between two sets (0: none).
        #[serde(skip_serializing_if = "is_zero")]
        rest: Millis,
        /// Which side(s).
        #[serde(skip_serializing_if = "is_none_sides")]
        sides: Sides,
        /// Switch pause between sides, only with `both` (default 5 s).
        #[serde(skip_serializing_if = "Option::is_none")]
        switch: Option<Millis>,
    },
}

/// The switch pause used when a `both` step gives none.
pub const DEFAULT_SWITCH: Millis = Millis::from_secs(5);

impl StepBody {
    /// The kind word used in files.
    pub fn kind(&self) -> &'static str {
        match self {
            StepBody::Prepare { .. } => "prepare",
            StepBody::Rest { .. } => "rest",
            StepBody::Manual => "manual",
            StepBody::Breathing { .. } => "breathing",
            StepBody::Stretch { .. } => "stretch",
            StepBody::Massage { .. } => "massage",
            StepBody::Exercise { .. } => "exercise",
        }
    }

    /// The body area, where the kind has one.
    pub fn area(&self) -> Option<Area> {
        match self {
            StepBody::Stretch { area, .. } | StepBody::Massage { area, .. } => Some(*area),
            StepBody::Exercise { area, .. } => *area,
            _ => None,
        }
    }
}

/// Every step kind word, in documentation order.
pub const STEP_KINDS: &[&str] = &[
    "prepare",
    "rest",
    "manual",
    "breathing",
    "stretch",
    "massage",
    "exercise",
];

impl Routine {
    /// The areas the routine's steps work, in first-use order, without repeats.
    pub fn areas(&self) -> Vec<Area> {
        let mut out = Vec::new();
        for a in self.steps.iter().filter_map(|s| s.body.area()) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }
}
