//! Therapist mode: a program put together field by field from built-in
//! routines. The app keeps a [`ProgramDraft`] as its form state and calls
//! [`program_draft_build`] on every change; every rule (defaults, limits,
//! ids, timings, the share code) stays in the core.

use unknot_core::library;
use unknot_core::program::draft::{
    suggested_progression, Draft, DraftError, DraftFrequency, DraftItem as CoreItem,
    DraftProgression as CoreProgression,
};

use crate::convert::{count32, ms};
use crate::error::{Problem, UnknotError};
use crate::program::{self, Frequency, ShareCode};

/// A program being put together by a therapist from built-in routines.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgramDraft {
    /// Title, in the therapist's own words.
    pub title: String,
    /// The patient's first name or nickname.
    pub for_name: Option<String>,
    /// The therapist's name.
    pub therapist: Option<String>,
    /// Clinic or practice.
    pub clinic: Option<String>,
    /// How to reach the therapist.
    pub contact: Option<String>,
    /// First day of week 1, `YYYY-MM-DD`.
    pub start: String,
    /// Number of weeks (1 to 52).
    pub weeks: i32,
    /// Notes for the patient; empty for none.
    pub notes: String,
    /// Warnings shown before every routine; blank entries are left out.
    pub cautions: Vec<String>,
    /// Stop a session when pain rises above this (0–10).
    pub pain_stop_above: i32,
    /// A rise in pain of this much counts as a flare.
    pub pain_flare_rise: i32,
    /// The routines, in order.
    pub items: Vec<DraftItem>,
    /// The program file this draft was opened from
    /// ([`program_draft_from_program`]); `None` for a new draft. Keep it
    /// with the draft: building then keeps the program's id (the patient's
    /// sessions go on counting for it), and a title, note or caution left as
    /// it was keeps all its languages, an amount left as it was its
    /// fractions of a second.
    #[uniffi(default = None)]
    pub based_on: Option<String>,
}

/// One built-in routine of a draft and when it is due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftItem {
    /// The built-in routine's id.
    pub builtin_id: String,
    /// When it is due (`Days` with all seven weekdays is daily).
    pub frequency: Frequency,
    /// How it grows week by week, if it does.
    pub progression: Option<DraftProgression>,
}

/// Week-by-week growth of a draft routine, in whole seconds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftProgression {
    /// Grows once every this many weeks.
    pub every_weeks: i32,
    /// Seconds added to every stretch hold per growth.
    pub hold_add_s: i32,
    /// Seconds added to every massage time per growth.
    pub seconds_add_s: i32,
    /// Reps added per growth.
    pub reps_add: i32,
    /// Holds never grow beyond this many seconds.
    pub max_hold_s: Option<i32>,
    /// Massage times never grow beyond this many seconds.
    pub max_seconds_s: Option<i32>,
    /// Reps never grow beyond this.
    pub max_reps: Option<i32>,
}

/// How long one routine of a valid draft takes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftRoutineTiming {
    /// The built-in routine's id.
    pub builtin_id: String,
    /// Its title in the requested language.
    pub title: String,
    /// Timed length in week 1, in milliseconds.
    pub first_week_ms: i64,
    /// Timed length in the last week, in milliseconds.
    pub last_week_ms: i64,
    /// Sessions due in a whole week.
    pub per_week: i32,
}

/// What a draft makes: every problem, or the program with its share code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftOutcome {
    /// Every problem, with paths naming draft fields (`title`, `weeks`,
    /// `items[1].frequency`, `items[0].progression.every_weeks`); empty
    /// when the draft is a valid program.
    pub problems: Vec<Problem>,
    /// The program as an indented `.unknot` file, when valid.
    pub program_json: Option<String>,
    /// Its share code, when valid (`qr_version` is `None` when it is too
    /// large for one QR code: offer the file).
    pub share: Option<ShareCode>,
    /// Per routine, in draft order, when valid.
    pub routines: Vec<DraftRoutineTiming>,
    /// Timed minutes the program asks for in week 1 (rounded up); 0 when invalid.
    pub minutes_per_week_first: i32,
    /// Timed minutes it asks for in the last week (rounded up); 0 when invalid.
    pub minutes_per_week_last: i32,
}

/// The bounds the program format sets on a draft's numbers, for the form's
/// steppers (whether a value is valid is still `program_draft_build`'s answer).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftLimits {
    /// Most weeks a program lasts (fewest: 1).
    pub max_weeks: i32,
    /// Most routines in one program.
    pub max_routines: i32,
    /// Most times a day-scheduled routine is due on one day.
    pub max_per_day: i32,
    /// Most times a `per_week` routine is due in one week.
    pub max_per_week: i32,
    /// Highest pain rating, and so the highest `pain_stop_above`.
    pub pain_max: i32,
    /// Smallest `pain_flare_rise`.
    pub flare_rise_min: i32,
    /// Longest hold or massage time, in seconds (also the most a growth adds).
    pub max_seconds: i32,
    /// Most reps (also the most a growth adds).
    pub max_reps: i32,
}

/// The bounds of a draft's numbers.
#[uniffi::export]
pub fn program_draft_limits() -> DraftLimits {
    use unknot_core::limits::{MAX_COUNT, MAX_TIME_MS};
    use unknot_core::program::{
        FLARE_RISE_MIN, MAX_PER_DAY, MAX_PER_WEEK, MAX_ROUTINES, MAX_WEEKS, PAIN_MAX,
    };
    DraftLimits {
        max_weeks: count32(MAX_WEEKS),
        max_routines: crate::convert::count(MAX_ROUTINES),
        max_per_day: count32(MAX_PER_DAY),
        max_per_week: count32(MAX_PER_WEEK),
        pain_max: count32(PAIN_MAX),
        flare_rise_min: count32(FLARE_RISE_MIN),
        max_seconds: count32(MAX_TIME_MS / 1000),
        max_reps: count32(MAX_COUNT),
    }
}

fn blank_to_none(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

impl From<ProgramDraft> for Draft {
    fn from(d: ProgramDraft) -> Self {
        Draft {
            title: d.title,
            for_name: d.for_name.unwrap_or_default(),
            therapist: d.therapist.unwrap_or_default(),
            clinic: d.clinic.unwrap_or_default(),
            contact: d.contact.unwrap_or_default(),
            start: d.start,
            weeks: i64::from(d.weeks),
            notes: d.notes,
            cautions: d.cautions,
            pain_stop_above: i64::from(d.pain_stop_above),
            pain_flare_rise: i64::from(d.pain_flare_rise),
            items: d
                .items
                .into_iter()
                .map(|i| CoreItem {
                    builtin: i.builtin_id,
                    frequency: match i.frequency {
                        Frequency::Days { days, per_day } => DraftFrequency::Days {
                            days,
                            per_day: i64::from(per_day),
                        },
                        Frequency::PerWeek { times } => DraftFrequency::PerWeek {
                            times: i64::from(times),
                        },
                    },
                    progression: i.progression.map(Into::into),
                })
                .collect(),
            based_on: d.based_on,
        }
    }
}

/// A core number the form holds, as `i32` (saturating).
fn small(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

impl From<Draft> for ProgramDraft {
    fn from(d: Draft) -> Self {
        ProgramDraft {
            title: d.title,
            for_name: blank_to_none(d.for_name),
            therapist: blank_to_none(d.therapist),
            clinic: blank_to_none(d.clinic),
            contact: blank_to_none(d.contact),
            start: d.start,
            weeks: small(d.weeks),
            notes: d.notes,
            cautions: d.cautions,
            pain_stop_above: small(d.pain_stop_above),
            pain_flare_rise: small(d.pain_flare_rise),
            items: d
                .items
                .into_iter()
                .map(|i| DraftItem {
                    builtin_id: i.builtin,
                    frequency: match i.frequency {
                        DraftFrequency::Days { days, per_day } => Frequency::Days {
                            days,
                            per_day: small(per_day),
                        },
                        DraftFrequency::PerWeek { times } => Frequency::PerWeek {
                            times: small(times),
                        },
                    },
                    progression: i.progression.map(Into::into),
                })
                .collect(),
            based_on: d.based_on,
        }
    }
}

impl From<DraftProgression> for CoreProgression {
    fn from(g: DraftProgression) -> Self {
        CoreProgression {
            every_weeks: i64::from(g.every_weeks),
            hold_add_s: i64::from(g.hold_add_s),
            seconds_add_s: i64::from(g.seconds_add_s),
            reps_add: i64::from(g.reps_add),
            max_hold_s: g.max_hold_s.map(i64::from),
            max_seconds_s: g.max_seconds_s.map(i64::from),
            max_reps: g.max_reps.map(i64::from),
        }
    }
}

impl From<CoreProgression> for DraftProgression {
    fn from(g: CoreProgression) -> Self {
        DraftProgression {
            every_weeks: small(g.every_weeks),
            hold_add_s: small(g.hold_add_s),
            seconds_add_s: small(g.seconds_add_s),
            reps_add: small(g.reps_add),
            max_hold_s: g.max_hold_s.map(small),
            max_seconds_s: g.max_seconds_s.map(small),
            max_reps: g.max_reps.map(small),
        }
    }
}

impl From<DraftError> for UnknotError {
    fn from(e: DraftError) -> Self {
        match e {
            DraftError::UnknownRoutine(id) => UnknotError::UnknownRoutine { id },
            e @ DraftError::NotEditable(_) => UnknotError::NotEditable {
                reason: e.to_string(),
            },
        }
    }
}

/// An empty draft starting on `start` (the phone's local date,
/// `YYYY-MM-DD`), lasting the default 4 weeks with pain rules 7 and 2.
#[uniffi::export]
pub fn program_draft_new(start: String) -> Result<ProgramDraft, UnknotError> {
    let day = program::date(&start)?;
    Ok(Draft::new(day).into())
}

/// `draft` with the built-in routine `builtin_id` added, due daily once a
/// day without progression; unchanged when it is already there.
#[uniffi::export]
pub fn program_draft_add_routine(
    draft: ProgramDraft,
    builtin_id: String,
) -> Result<ProgramDraft, UnknotError> {
    let mut d = Draft::from(draft);
    d.add_routine(&builtin_id)?;
    Ok(d.into())
}

/// A starting progression for a built-in routine (holds, massage times and
/// exercise reps grow a little each week, up to a cap); `None` when nothing
/// in it can grow.
#[uniffi::export]
pub fn program_draft_suggested_progression(
    builtin_id: String,
) -> Result<Option<DraftProgression>, UnknotError> {
    let routine =
        library::builtin(&builtin_id).ok_or(UnknotError::UnknownRoutine { id: builtin_id })?;
    Ok(suggested_progression(routine).map(Into::into))
}

/// Checks `draft` and, when it is valid, makes the program file, its share
/// code and the routines' timings (titles in `lang`).
#[uniffi::export]
pub fn program_draft_build(draft: ProgramDraft, lang: String) -> DraftOutcome {
    match Draft::from(draft).build() {
        Err(problems) => DraftOutcome {
            problems: problems.iter().map(Problem::from).collect(),
            program_json: None,
            share: None,
            routines: Vec::new(),
            minutes_per_week_first: 0,
            minutes_per_week_last: 0,
        },
        Ok(built) => {
            let p = &built.program;
            let code = unknot_core::share_code(p);
            let qr_version = unknot_core::qr_version(&code).ok().map(count32);
            DraftOutcome {
                problems: Vec::new(),
                program_json: Some(p.to_pretty_json()),
                share: Some(ShareCode { code, qr_version }),
                routines: built
                    .timings
                    .iter()
                    .map(|t| DraftRoutineTiming {
                        builtin_id: t.builtin.clone(),
                        title: p
                            .routine(&t.builtin)
                            .map(|r| r.title.get(&lang).to_string())
                            .unwrap_or_default(),
                        first_week_ms: ms(t.first_week_ms),
                        last_week_ms: ms(t.last_week_ms),
                        per_week: count32(t.per_week),
                    })
                    .collect(),
                minutes_per_week_first: small(
                    i64::try_from(built.minutes_first_week).unwrap_or(i64::MAX),
                ),
                minutes_per_week_last: small(
                    i64::try_from(built.minutes_last_week).unwrap_or(i64::MAX),
                ),
            }
        }
    }
}

/// A valid program back into a draft for editing, or
/// [`UnknotError::NotEditable`] when a routine is written out in full.
#[uniffi::export]
pub fn program_draft_from_program(program_json: String) -> Result<ProgramDraft, UnknotError> {
    let p = program::load(&program_json)?;
    Ok(Draft::from_program(&p)?.into())
}

/// The draft as text for the app to keep while the form is away (Android's
/// saved instance state, iOS scene storage); [`program_draft_restore`]
/// reads it back.
#[uniffi::export]
pub fn program_draft_save(draft: ProgramDraft) -> String {
    Draft::from(draft).save()
}

/// A draft kept by [`program_draft_save`], or `None` when `saved` is not one
/// (the form then starts afresh).
#[uniffi::export]
pub fn program_draft_restore(saved: String) -> Option<ProgramDraft> {
    Draft::restore(&saved).map(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProgramDraft {
        let d = program_draft_new("2026-11-23".into()).unwrap();
        let d = program_draft_add_routine(d, "calf-release".into()).unwrap();
        let mut d = program_draft_add_routine(d, "box-breathing".into()).unwrap();
        d.title = "Calves and calm".into();
        d.items[0].progression =
            program_draft_suggested_progression("calf-release".into()).unwrap();
        d.items[1].frequency = Frequency::PerWeek { times: 3 };
        d
    }

    #[test]
    fn a_draft_builds_into_a_program_with_a_code() {
        let out = program_draft_build(draft(), "de".into());
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let json = out.program_json.expect("valid");
        let details = program::parse_program(json.clone(), "en".into()).unwrap();
        assert_eq!(details.id, "calves-and-calm");
        let share = out.share.expect("code");
        assert!(share.qr_version.is_some_and(|v| v <= 10), "{share:?}");
        assert_eq!(
            program::share_decode(share.code).unwrap(),
            json,
            "the code carries the same file"
        );
        assert_eq!(out.routines.len(), 2);
        assert_eq!(out.routines[1].per_week, 3);
        assert!(out.routines[0].last_week_ms > out.routines[0].first_week_ms);
        assert!(out.minutes_per_week_last > out.minutes_per_week_first);
        // Titles in the language asked for.
        let de = unknot_core::builtin("box-breathing")
            .unwrap()
            .title
            .get("de");
        assert_eq!(out.routines[1].title, de);
    }

    #[test]
    fn problems_come_back_with_draft_paths_and_no_program() {
        let mut d = draft();
        d.weeks = -3;
        d.items[0].frequency = Frequency::Days {
            days: vec![],
            per_day: 1,
        };
        let out = program_draft_build(d, "en".into());
        let paths: Vec<&str> = out.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["weeks", "items[0].frequency"], "{:?}", out.problems);
        assert_eq!((out.program_json, out.share), (None, None));
    }

    #[test]
    fn the_limits_are_the_ones_the_build_applies() {
        let l = program_draft_limits();
        let at = |weeks: i32, stop: i32, flare: i32, per_day: i32, per_week: i32| {
            let mut d = draft();
            d.weeks = weeks;
            d.pain_stop_above = stop;
            d.pain_flare_rise = flare;
            d.items[0].frequency = Frequency::Days {
                days: vec!["mon".into()],
                per_day,
            };
            d.items[1].frequency = Frequency::PerWeek { times: per_week };
            program_draft_build(d, "en".into()).problems.len()
        };
        assert_eq!(
            at(
                l.max_weeks,
                l.pain_max,
                l.flare_rise_min,
                l.max_per_day,
                l.max_per_week
            ),
            0
        );
        assert_eq!(
            at(
                l.max_weeks + 1,
                l.pain_max,
                l.flare_rise_min,
                l.max_per_day,
                l.max_per_week
            ),
            1
        );
        assert_eq!(
            at(
                l.max_weeks,
                l.pain_max + 1,
                l.flare_rise_min,
                l.max_per_day,
                l.max_per_week
            ),
            1
        );
        assert_eq!(
            at(
                l.max_weeks,
                l.pain_max,
                l.flare_rise_min - 1,
                l.max_per_day,
                l.max_per_week
            ),
            1
        );
        assert_eq!(
            at(
                l.max_weeks,
                l.pain_max,
                l.flare_rise_min,
                l.max_per_day + 1,
                l.max_per_week
            ),
            1
        );
        assert_eq!(
            at(
                l.max_weeks,
                l.pain_max,
                l.flare_rise_min,
                l.max_per_day,
                l.max_per_week + 1
            ),
            1
        );
        assert_eq!((l.max_seconds, l.max_reps, l.max_routines), (3600, 100, 24));
    }

    #[test]
    fn errors_are_typed() {
        assert!(matches!(
            program_draft_new("23.11.2026".into()),
            Err(UnknotError::BadDate { .. })
        ));
        let d = program_draft_new("2026-11-23".into()).unwrap();
        assert_eq!(
            program_draft_add_routine(d, "nope".into()),
            Err(UnknotError::UnknownRoutine { id: "nope".into() })
        );
        assert_eq!(
            program_draft_suggested_progression("box-breathing".into()),
            Ok(None)
        );
        let full = include_str!("../../docs/examples/desk-neck-back-hips.unknot");
        assert!(matches!(
            program_draft_from_program(full.into()),
            Err(UnknotError::NotEditable { .. })
        ));
    }

    #[test]
    fn a_built_program_edits_back_into_the_same_draft() {
        let d = draft();
        let json = program_draft_build(d.clone(), "en".into())
            .program_json
            .unwrap();
        let back = program_draft_from_program(json.clone()).unwrap();
        let kept = program::load(back.based_on.as_deref().unwrap()).unwrap();
        assert_eq!(kept, program::load(&json).unwrap());
        assert_eq!(
            ProgramDraft {
                based_on: None,
                ..back
            },
            d
        );
    }

    #[test]
    fn a_saved_draft_comes_back_as_it_was() {
        let file = include_str!("../../docs/examples/calm-breathing.unknot");
        for d in [draft(), program_draft_from_program(file.into()).unwrap()] {
            assert_eq!(
                program_draft_restore(program_draft_save(d.clone())),
                Some(d)
            );
        }
        assert_eq!(program_draft_restore("not a draft".into()), None);
    }

    #[test]
    fn editing_keeps_the_id_and_every_language_left_as_it_was() {
        let file = include_str!("../../docs/examples/calm-breathing.unknot");
        let mut d = program_draft_from_program(file.into()).unwrap();
        assert_eq!(d.title, "Calm breathing, four weeks");
        d.weeks = 6;
        let json = program_draft_build(d, "en".into()).program_json.unwrap();
        let details = program::parse_program(json.clone(), "es".into()).unwrap();
        assert_eq!(details.id, "calm-breathing-4w");
        assert_eq!(details.title, "Respiración tranquila, cuatro semanas");
        assert_eq!(details.weeks, 6);
    }
}
