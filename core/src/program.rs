//! The home program model: what a therapist assigns and a patient follows
//! between visits. A valid program comes out of [`parse_program`] or
//! [`validate_program`]; its built-in routines are already resolved.
//!
//! Serialising a [`Program`] gives the program file again (with defaults
//! left out and built-in routines as `{"builtin": id}`), which is what share
//! codes carry.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::date::{CivilDate, Weekday};
use crate::routine::{Millis, Routine};
use crate::text::Text;

pub mod draft;
pub mod form;
mod progress;
mod validate;

pub use progress::progressed;
pub use validate::{parse_program, validate_program};

/// The format tag every program file must carry.
pub const PROGRAM_FORMAT: &str = "unknot.program.v1";
/// Most weeks a program can last.
pub const MAX_WEEKS: u32 = 52;
/// Most routines in one program.
pub const MAX_ROUTINES: usize = 24;
/// Most times a day-scheduled routine is due on one day.
pub const MAX_PER_DAY: u32 = 4;
/// Most times a `per_week` routine is due in one week.
pub const MAX_PER_WEEK: u32 = 14;
/// Highest pain rating, and so the highest `stop_above`.
pub const PAIN_MAX: u32 = 10;
/// Smallest `flare_rise` (a rise of 0 would flag every session).
pub const FLARE_RISE_MIN: u32 = 1;
/// Longest `from` entry or `for` name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A valid home program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Program {
    /// Always [`PROGRAM_FORMAT`].
    pub format: &'static str,
    /// Slug identifying the program.
    pub id: String,
    /// Title shown to the patient.
    pub title: Text,
    /// Who assigned it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<ProgramFrom>,
    /// A first name or nickname; the program holds no patient identifiers.
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    pub for_name: Option<String>,
    /// The first day of program week 1.
    pub start: CivilDate,
    /// How many weeks the program lasts (1 to [`MAX_WEEKS`]).
    pub weeks: u32,
    /// The therapist's notes to the patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Warnings shown before any routine of the program.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<Text>,
    /// Pain thresholds, used by the journal.
    pub pain: PainRules,
    /// The routines, in file order, built-ins resolved.
    pub routines: Vec<ProgramRoutine>,
    /// When each scheduled routine is due.
    pub schedule: Vec<ScheduleEntry>,
    /// How routines grow week by week.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Progression>,
}

/// Who assigned a program; every part optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ProgramFrom {
    /// The therapist's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub therapist: Option<String>,
    /// The clinic or practice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinic: Option<String>,
    /// How to reach them (phone, e-mail), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// Pain thresholds on a 0–10 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PainRules {
    /// Stop a session when pain rises above this; any rating above it
    /// raises a journal flag.
    pub stop_above: u32,
    /// A rise (after − before) of at least this in two sessions in a row of
    /// the same routine raises a flare flag.
    pub flare_rise: u32,
}

impl Default for PainRules {
    /// The program format's defaults: stop above 7, flare at a rise of 2.
    fn default() -> Self {
        PainRules {
            stop_above: 7,
            flare_rise: 2,
        }
    }
}

/// One routine of a program.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramRoutine {
    /// The built-in id when the file named a built-in routine.
    pub builtin: Option<String>,
    /// The routine itself (for a built-in, a copy of the library's).
    pub routine: Routine,
}

impl Serialize for ProgramRoutine {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.builtin {
            Some(id) => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("builtin", id)?;
                m.end()
            }
            None => self.routine.serialize(serializer),
        }
    }
}

/// On which days a scheduled routine is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frequency {
    /// On these weekdays (every day for `"daily"`), `per_day` times each.
    Days {
        /// The weekdays, in week order, without repeats.
        days: Vec<Weekday>,
        /// Times per day (1 to [`MAX_PER_DAY`]).
        per_day: u32,
    },
    /// A number of times each program week, on any days.
    PerWeek {
        /// Times per week (1 to [`MAX_PER_WEEK`]).
        times: u32,
    },
}

/// One schedule entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleEntry {
    /// The routine's id.
    pub routine: String,
    /// When it is due.
    pub frequency: Frequency,
}

impl ScheduleEntry {
    /// Sessions due in one whole program week.
    pub fn per_week(&self) -> u32 {
        match &self.frequency {
            Frequency::Days { days, per_day } => days.len() as u32 * per_day,
            Frequency::PerWeek { times } => *times,
        }
    }

    /// Times due on a given weekday (0 for `per_week` entries, which have no fixed days).
    pub fn on_day(&self, day: Weekday) -> u32 {
        match &self.frequency {
            Frequency::Days { days, per_day } if days.contains(&day) => *per_day,
            _ => 0,
        }
    }
}

impl Serialize for ScheduleEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("routine", &self.routine)?;
        match &self.frequency {
            Frequency::Days { days, per_day } => {
                if days.len() == 7 {
                    m.serialize_entry("days", "daily")?;
                } else {
                    m.serialize_entry("days", days)?;
                }
                if *per_day != 1 {
                    m.serialize_entry("per_day", per_day)?;
                }
            }
            Frequency::PerWeek { times } => m.serialize_entry("per_week", times)?,
        }
        m.end()
    }
}

/// Week-by-week growth of one routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progression {
    /// The routine's id.
    pub routine: String,
    /// Grow once every this many weeks.
    pub every_weeks: u32,
    /// Added to every stretch `hold` per growth.
    #[serde(skip_serializing_if = "is_zero")]
    pub hold_add: Millis,
    /// Added to every massage `seconds` per growth.
    #[serde(skip_serializing_if = "is_zero")]
    pub seconds_add: Millis,
    /// Added to every stretch or exercise `reps` per growth.
    #[serde(skip_serializing_if = "is_zero_u32")]
    pub reps_add: u32,
    /// Holds never grow beyond this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_hold: Option<Millis>,
    /// Massage times never grow beyond this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_seconds: Option<Millis>,
    /// Reps never grow beyond this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_reps: Option<u32>,
}

fn is_zero(m: &Millis) -> bool {
    m.0 == 0
}
fn is_zero_u32(n: &u32) -> bool {
    *n == 0
}

impl Progression {
    /// How many times the routine has grown by program week `week` (1-based).
    pub fn steps_by_week(&self, week: u32) -> u32 {
        week.saturating_sub(1) / self.every_weeks.max(1)
    }
}

impl Program {
    /// The routine with this id.
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines
            .iter()
            .map(|r| &r.routine)
            .find(|r| r.id == id)
    }

    /// The routine with this id as it is in program week `week`
    /// (progression applied; weeks outside the program are clamped to it).
    pub fn routine_for_week(&self, id: &str, week: u32) -> Option<Routine> {
        let base = self.routine(id)?;
        let week = week.clamp(1, self.weeks);
        Some(match self.progress.iter().find(|p| p.routine == id) {
            Some(p) => progressed(base, p, week),
            None => base.clone(),
        })
    }

    /// The schedule entry of a routine, if it is scheduled.
    pub fn schedule_of(&self, id: &str) -> Option<&ScheduleEntry> {
        self.schedule.iter().find(|e| e.routine == id)
    }

    /// The program as compact JSON (no whitespace), the form share codes carry.
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The program as indented JSON, the form `.unknot` files are written in.
    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The last day of the program (the day before it ends).
    pub fn last_day(&self) -> Option<CivilDate> {
        self.start.add_days(i64::from(self.weeks) * 7 - 1)
    }
}

#[cfg(test)]
mod tests;
