//! Home programs: parsing and validating program JSON, what is due on a
//! day, a routine as it has grown by a program week, share codes and their
//! QR matrix. Apps keep a program as its JSON text and pass it in; every
//! call parses and validates it again (a millisecond or less).

use unknot_core::program::{Frequency as CoreFrequency, Program};
use unknot_core::timeline::routine_timed_ms;
use unknot_core::{CivilDate, ProgramStatus as CoreStatus, SessionDone};

use crate::convert::{count32, ms};
use crate::error::{Problem, UnknotError};
use crate::library::RoutineDetails;

/// Parses and validates program JSON.
pub(crate) fn load(json: &str) -> Result<Program, UnknotError> {
    unknot_core::parse_program(json).map_err(|e| UnknotError::invalid_program(&e))
}

/// Parses a `YYYY-MM-DD` date.
pub(crate) fn date(value: &str) -> Result<CivilDate, UnknotError> {
    CivilDate::parse(value).map_err(|e| UnknotError::BadDate {
        value: value.to_string(),
        reason: e.to_string(),
    })
}

/// A week number from the foreign side (below 1: week 1).
fn week(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0).max(1)
}

/// Who assigned a program; every part optional.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgramFrom {
    /// The therapist's name.
    pub therapist: Option<String>,
    /// The clinic or practice.
    pub clinic: Option<String>,
    /// How to reach them, as written.
    pub contact: Option<String>,
}

/// When a scheduled routine is due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Frequency {
    /// On these weekdays, `per_day` times each.
    Days {
        /// Weekday words (`mon` … `sun`), Monday first.
        days: Vec<String>,
        /// Times on each of those days.
        per_day: i32,
    },
    /// A number of times each program week, on any days.
    PerWeek {
        /// Times per week.
        times: i32,
    },
}

/// One schedule entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleItem {
    /// The routine's id.
    pub routine_id: String,
    /// When it is due.
    pub frequency: Frequency,
    /// Sessions due in one whole week.
    pub per_week: i32,
}

/// Week-by-week growth of one routine.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgressionInfo {
    /// The routine's id.
    pub routine_id: String,
    /// Grows once every this many weeks.
    pub every_weeks: i32,
    /// Added to every stretch hold per growth, in milliseconds.
    pub hold_add_ms: i64,
    /// Added to every massage time per growth, in milliseconds.
    pub seconds_add_ms: i64,
    /// Added to every stretch or exercise rep count per growth.
    pub reps_add: i32,
    /// Holds never grow beyond this, in milliseconds.
    pub max_hold_ms: Option<i64>,
    /// Massage times never grow beyond this, in milliseconds.
    pub max_seconds_ms: Option<i64>,
    /// Reps never grow beyond this.
    pub max_reps: Option<i32>,
}

/// One routine of a program, as first assigned (week 1).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgramRoutineInfo {
    /// The routine's id.
    pub id: String,
    /// Its title in the requested language.
    pub title: String,
    /// The built-in id when the program names a built-in routine.
    pub builtin: Option<String>,
    /// Timed length in week 1, in milliseconds.
    pub timed_ms: i64,
}

/// A valid program in one language: what the program screen shows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgramDetails {
    /// Program id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Who assigned it.
    pub from: Option<ProgramFrom>,
    /// The first name or nickname it is for.
    pub for_name: Option<String>,
    /// First day of week 1, `YYYY-MM-DD`.
    pub start: String,
    /// Last day of the last week, `YYYY-MM-DD`.
    pub end: String,
    /// Number of weeks.
    pub weeks: i32,
    /// The therapist's notes, or empty.
    pub notes: String,
    /// Warnings shown before any routine of the program.
    pub cautions: Vec<String>,
    /// Stop a session when pain rises above this (0–10).
    pub pain_stop_above: i32,
    /// A rise of this much counts as a flare.
    pub pain_flare_rise: i32,
    /// The routines, in file order.
    pub routines: Vec<ProgramRoutineInfo>,
    /// When each scheduled routine is due.
    pub schedule: Vec<ScheduleItem>,
    /// How routines grow week by week.
    pub progress: Vec<ProgressionInfo>,
}

impl ProgramDetails {
    pub(crate) fn of(p: &Program, lang: &str) -> Self {
        ProgramDetails {
            id: p.id.clone(),
            title: p.title.get(lang).to_string(),
            from: p.from.as_ref().map(|f| ProgramFrom {
                therapist: f.therapist.clone(),
                clinic: f.clinic.clone(),
                contact: f.contact.clone(),
            }),
            for_name: p.for_name.clone(),
            start: p.start.to_string(),
            end: p.last_day().map(|d| d.to_string()).unwrap_or_default(),
            weeks: count32(p.weeks),
            notes: p
                .notes
                .as_ref()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_default(),
            cautions: p.cautions.iter().map(|c| c.get(lang).to_string()).collect(),
            pain_stop_above: count32(p.pain.stop_above),
            pain_flare_rise: count32(p.pain.flare_rise),
            routines: p
                .routines
                .iter()
                .map(|r| ProgramRoutineInfo {
                    id: r.routine.id.clone(),
                    title: r.routine.title.get(lang).to_string(),
                    builtin: r.builtin.clone(),
                    timed_ms: ms(routine_timed_ms(&r.routine)),
                })
                .collect(),
            schedule: p
                .schedule
                .iter()
                .map(|e| ScheduleItem {
                    routine_id: e.routine.clone(),
                    frequency: match &e.frequency {
                        CoreFrequency::Days { days, per_day } => Frequency::Days {
                            days: days.iter().map(|d| d.as_str().to_string()).collect(),
                            per_day: count32(*per_day),
                        },
                        CoreFrequency::PerWeek { times } => Frequency::PerWeek {
                            times: count32(*times),
                        },
                    },
                    per_week: count32(e.per_week()),
                })
                .collect(),
            progress: p
                .progress
                .iter()
                .map(|g| ProgressionInfo {
                    routine_id: g.routine.clone(),
                    every_weeks: count32(g.every_weeks),
                    hold_add_ms: ms(g.hold_add.ms()),
                    seconds_add_ms: ms(g.seconds_add.ms()),
                    reps_add: count32(g.reps_add),
                    max_hold_ms: g.max_hold.map(|m| ms(m.ms())),
                    max_seconds_ms: g.max_seconds.map(|m| ms(m.ms())),
                    max_reps: g.max_reps.map(count32),
                })
                .collect(),
        }
    }
}

/// Where a day lies relative to a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProgramStatus {
    /// Before the start date.
    NotStarted,
    /// Within the program's weeks.
    Active,
    /// After the last week.
    Ended,
}

impl From<CoreStatus> for ProgramStatus {
    fn from(s: CoreStatus) -> Self {
        match s {
            CoreStatus::NotStarted => ProgramStatus::NotStarted,
            CoreStatus::Active => ProgramStatus::Active,
            CoreStatus::Ended => ProgramStatus::Ended,
        }
    }
}

/// One session done, for [`program_due_today`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SessionDoneRecord {
    /// The routine's id.
    pub routine_id: String,
    /// The local date it was done on, `YYYY-MM-DD`.
    pub date: String,
}

/// One scheduled routine on one day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DueRoutineRecord {
    /// The routine's id.
    pub routine_id: String,
    /// Its title in the requested language.
    pub title: String,
    /// Times due today (for `per_week` routines: today's share of what is
    /// left this week).
    pub today: i32,
    /// Times done today.
    pub done: i32,
    /// Times still to do today.
    pub left_today: i32,
    /// For `per_week` routines, times still to do this week; `None` for
    /// routines on fixed days.
    pub week_left: Option<i32>,
    /// Timed length as progressed for this week, in milliseconds.
    pub timed_ms: i64,
}

/// What a program asks for on one day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DueTodayRecord {
    /// The day asked about, `YYYY-MM-DD`.
    pub date: String,
    /// Whether the program runs on that day.
    pub status: ProgramStatus,
    /// The program week (from 1) while active.
    pub week: Option<i32>,
    /// Every scheduled routine in schedule order; empty outside the program.
    pub due: Vec<DueRoutineRecord>,
}

impl From<unknot_core::DueToday> for DueTodayRecord {
    fn from(t: unknot_core::DueToday) -> Self {
        DueTodayRecord {
            date: t.date.to_string(),
            status: t.status.into(),
            week: t.week.map(count32),
            due: t
                .due
                .iter()
                .map(|d| DueRoutineRecord {
                    routine_id: d.routine.clone(),
                    title: d.title.clone(),
                    today: count32(d.today),
                    done: count32(d.done),
                    left_today: count32(d.left_today()),
                    week_left: d.week_left.map(count32),
                    timed_ms: ms(d.timed_ms),
                })
                .collect(),
        }
    }
}

/// A program's share code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ShareCode {
    /// The code, `UK1:` and base45.
    pub code: String,
    /// The QR version (1–40) its QR code needs; `None` when it is too long
    /// for one QR code (share the file instead).
    pub qr_version: Option<i32>,
}

/// A QR code as a grid of modules, for the app to draw.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrMatrixRecord {
    /// QR version, 1 to 40.
    pub version: i32,
    /// Modules per side, without the quiet zone (leave 4 light modules around).
    pub size: i32,
    /// `size × size` modules, row by row from the top; `true` is dark.
    pub modules: Vec<bool>,
}

/// Parses and validates program JSON and returns its details in `lang`, or
/// [`UnknotError::InvalidProgram`] with every problem.
#[uniffi::export]
pub fn parse_program(json: String, lang: String) -> Result<ProgramDetails, UnknotError> {
    Ok(ProgramDetails::of(&load(&json)?, &lang))
}

/// Every problem in program JSON; empty when the program is valid.
#[uniffi::export]
pub fn validate_program(json: String) -> Vec<Problem> {
    match unknot_core::parse_program(&json) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().iter().map(Problem::from).collect(),
    }
}

/// What the program asks for on `date` (the phone's local date,
/// `YYYY-MM-DD`), given the sessions done so far. With a journal open,
/// `Journal.due_today` passes the journal's sessions in for you.
#[uniffi::export]
pub fn program_due_today(
    program_json: String,
    date: String,
    done: Vec<SessionDoneRecord>,
    lang: String,
) -> Result<DueTodayRecord, UnknotError> {
    let program = load(&program_json)?;
    let day = self::date(&date)?;
    let done = done
        .iter()
        .map(|d| {
            Ok(SessionDone {
                routine: d.routine_id.clone(),
                date: self::date(&d.date)?,
            })
        })
        .collect::<Result<Vec<_>, UnknotError>>()?;
    Ok(unknot_core::due_today(&program, day, &done, &lang).into())
}

/// The program routine `routine_id` as it has grown by program `week`
/// (weeks outside the program count as its first or last).
pub(crate) fn routine_for_week(
    program: &Program,
    routine_id: &str,
    week_n: i32,
) -> Result<unknot_core::Routine, UnknotError> {
    program
        .routine_for_week(routine_id, week(week_n))
        .ok_or_else(|| UnknotError::NotInProgram {
            id: routine_id.to_string(),
        })
}

/// Details of the program routine `routine_id` as it is in program `week`
/// (from 1; weeks outside the program count as its first or last), in `lang`.
#[uniffi::export]
pub fn program_routine_for_week(
    program_json: String,
    routine_id: String,
    week: i32,
    lang: String,
) -> Result<RoutineDetails, UnknotError> {
    let program = load(&program_json)?;
    let routine = routine_for_week(&program, &routine_id, week)?;
    Ok(RoutineDetails::of(&routine, &lang))
}

/// The share code of a valid program (its compact JSON, compressed).
#[uniffi::export]
pub fn share_encode(program_json: String) -> Result<ShareCode, UnknotError> {
    let code = unknot_core::share_code(&load(&program_json)?);
    let qr_version = unknot_core::qr_version(&code).ok().map(count32);
    Ok(ShareCode { code, qr_version })
}

/// The program a share code carries, validated, as indented JSON (the form
/// `.unknot` files are written in). A code that cannot be read is
/// [`UnknotError::BadShareCode`]; one holding an invalid program is
/// [`UnknotError::InvalidProgram`].
#[uniffi::export]
pub fn share_decode(code: String) -> Result<String, UnknotError> {
    Ok(unknot_core::decode_program(&code)?.to_pretty_json())
}

/// Whether pasted or scanned text looks like a share code (`UK1:`…, any case)
/// rather than something else.
#[uniffi::export]
pub fn looks_like_share_code(text: String) -> bool {
    unknot_core::share::looks_like_code(&text)
}

/// The QR module matrix of a share code, at error correction level M, or
/// [`UnknotError::QrTooLarge`].
#[uniffi::export]
pub fn qr_matrix(code: String) -> Result<QrMatrixRecord, UnknotError> {
    let m = unknot_core::qr_matrix(&code)?;
    Ok(QrMatrixRecord {
        version: count32(m.version),
        size: count32(m.size),
        modules: m.modules,
    })
}
