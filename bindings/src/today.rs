//! The Today screen as the core answers it (`unknot_core::today`): which
//! routines to show, what is left today and this week, the action and the
//! words, in the person's language.

use unknot_core::today::{Today, TodayAction as CoreAction};
use unknot_core::SessionDone;

use crate::convert::{count32, ms};
use crate::error::UnknotError;
use crate::journal::Journal;
use crate::program::{self, ProgramStatus, SessionDoneRecord};

/// What the person can do with a routine today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TodayAction {
    /// Something is left today.
    Start,
    /// Done for today; once more is allowed.
    DoAgain,
    /// Not shown today.
    None,
}

/// One scheduled routine on the Today screen.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TodayRoutineRecord {
    /// The routine's id.
    pub routine_id: String,
    /// Its title.
    pub title: String,
    /// Timed length as grown for this week, in milliseconds.
    pub timed_ms: i64,
    /// Whether the screen shows it.
    pub shown: bool,
    /// Times due today.
    pub due_today: i32,
    /// Times done today.
    pub done_today: i32,
    /// Times still to do today.
    pub left_today: i32,
    /// Times still to do this program week, today included.
    pub left_this_week: i32,
    /// Shown with nothing left today.
    pub done: bool,
    /// What the person can do.
    pub action: TodayAction,
    /// The button's label; `None` without an action.
    pub action_label: Option<String>,
    /// How today stands.
    pub today_text: String,
    /// How the week stands, for routines done a number of times a week.
    pub week_text: Option<String>,
}

/// The Today screen for one day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TodayRecord {
    /// The day asked about, `YYYY-MM-DD`.
    pub date: String,
    /// Where it lies relative to the program.
    pub status: ProgramStatus,
    /// The program week while active (pass it to `Player.from_program`).
    pub week: Option<i32>,
    /// The program's title.
    pub title: String,
    /// "Week 2 of 6" while active.
    pub heading: Option<String>,
    /// A sentence for the whole day, if any.
    pub message: Option<String>,
    /// Every scheduled routine in schedule order (show those with `shown`).
    pub routines: Vec<TodayRoutineRecord>,
}

impl From<Today> for TodayRecord {
    fn from(t: Today) -> Self {
        TodayRecord {
            date: t.date.to_string(),
            status: t.status.into(),
            week: t.week.map(count32),
            title: t.title,
            heading: t.heading,
            message: t.message,
            routines: t
                .routines
                .into_iter()
                .map(|r| TodayRoutineRecord {
                    routine_id: r.routine,
                    title: r.title,
                    timed_ms: ms(r.timed_ms),
                    shown: r.shown,
                    due_today: count32(r.due_today),
                    done_today: count32(r.done_today),
                    left_today: count32(r.left_today),
                    left_this_week: count32(r.left_this_week),
                    done: r.done,
                    action: match r.action {
                        CoreAction::Start => TodayAction::Start,
                        CoreAction::DoAgain => TodayAction::DoAgain,
                        CoreAction::None => TodayAction::None,
                    },
                    action_label: r.action_label,
                    today_text: r.today_text,
                    week_text: r.week_text,
                })
                .collect(),
        }
    }
}

/// The Today screen of `program_json` on `date` (the phone's local date,
/// `YYYY-MM-DD`) given the sessions done, in `lang`. With a journal open,
/// `Journal.today` passes its sessions in for you.
#[uniffi::export]
pub fn program_today(
    program_json: String,
    date: String,
    done: Vec<SessionDoneRecord>,
    lang: String,
) -> Result<TodayRecord, UnknotError> {
    let p = program::load(&program_json)?;
    let day = program::date(&date)?;
    let done = done
        .iter()
        .map(|d| {
            Ok(SessionDone {
                routine: d.routine_id.clone(),
                date: program::date(&d.date)?,
            })
        })
        .collect::<Result<Vec<_>, UnknotError>>()?;
    Ok(unknot_core::today::today(&p, day, &done, &lang).into())
}

#[uniffi::export]
impl Journal {
    /// The Today screen of `program_json` on `date` (`YYYY-MM-DD`),
    /// counting the sessions recorded for it in this journal, in `lang`.
    pub fn today(
        &self,
        program_json: String,
        date: String,
        lang: String,
    ) -> Result<TodayRecord, UnknotError> {
        let p = program::load(&program_json)?;
        let day = program::date(&date)?;
        let done = self.store().sessions_done(&p)?;
        Ok(unknot_core::today::today(&p, day, &done, &lang).into())
    }
}
