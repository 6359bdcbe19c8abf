//! The therapist form's calls on a draft: an item's frequency and the
//! problems of one field. The form binds fields and shows what comes back.

use unknot_core::program::draft::Draft;
use unknot_core::program::form::{self, FrequencyChoice as CoreChoice};

use crate::convert::count;
use crate::draft::ProgramDraft;
use crate::error::{Problem, UnknotError};
use crate::program::Frequency;

/// How often a routine is due, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FrequencyChoice {
    /// Every day of the week.
    Daily,
    /// On chosen weekdays.
    Days,
    /// A number of times a week, on any days.
    PerWeek,
}

impl From<FrequencyChoice> for CoreChoice {
    fn from(c: FrequencyChoice) -> Self {
        match c {
            FrequencyChoice::Daily => CoreChoice::Daily,
            FrequencyChoice::Days => CoreChoice::Days,
            FrequencyChoice::PerWeek => CoreChoice::PerWeek,
        }
    }
}

/// Applies `change` to item `item` of `draft`.
fn edit_item(
    draft: ProgramDraft,
    item: i32,
    change: impl FnOnce(&mut unknot_core::program::draft::DraftItem),
) -> Result<ProgramDraft, UnknotError> {
    let mut d: Draft = draft.into();
    let n = d.items.len();
    let slot = usize::try_from(item).ok().and_then(|i| d.items.get_mut(i));
    let Some(slot) = slot else {
        return Err(UnknotError::NoSuchItem {
            index: item,
            count: count(n),
        });
    };
    change(slot);
    Ok(d.into())
}

/// The choice a frequency shows as (all seven weekdays is `Daily`).
#[uniffi::export]
pub fn frequency_choice(frequency: Frequency) -> FrequencyChoice {
    let draft = ProgramDraft::with_frequency(frequency);
    let d: Draft = draft.into();
    match d.items[0].frequency.choice() {
        CoreChoice::Daily => FrequencyChoice::Daily,
        CoreChoice::Days => FrequencyChoice::Days,
        CoreChoice::PerWeek => FrequencyChoice::PerWeek,
    }
}

/// `draft` with item `item`'s frequency switched to `choice`: daily keeps
/// the times a day; chosen days keeps its days, or starts from every day
/// once; a number a week keeps the sessions a week the days gave (at most
/// the format's 14). [`UnknotError::NoSuchItem`] when there is no such item.
#[uniffi::export]
pub fn program_draft_set_frequency(
    draft: ProgramDraft,
    item: i32,
    choice: FrequencyChoice,
) -> Result<ProgramDraft, UnknotError> {
    edit_item(draft, item, |i| {
        i.frequency = i.frequency.with_choice(choice.into())
    })
}

/// `draft` with weekday `day` (`mon` … `sun`) of item `item` chosen or no
/// longer chosen, kept Monday first; a number a week is left as it is.
#[uniffi::export]
pub fn program_draft_toggle_day(
    draft: ProgramDraft,
    item: i32,
    day: String,
) -> Result<ProgramDraft, UnknotError> {
    edit_item(draft, item, |i| {
        i.frequency = i.frequency.toggling_day(&day)
    })
}

/// The problems of one form field (`title`, `cautions`, `items[1]`,
/// `items[1].frequency`, `items[0].progression.every_weeks`): those whose
/// path is the field or lies under it.
#[uniffi::export]
pub fn draft_field_problems(problems: Vec<Problem>, field: String) -> Vec<Problem> {
    problems
        .into_iter()
        .filter(|p| form::path_is_under(&p.path, &field))
        .collect()
}

/// The problems under `field` that none of the fields in `shown` claims,
/// for the form to list together (the card's problems that no field of it
/// shows).
#[uniffi::export]
pub fn draft_other_problems(
    problems: Vec<Problem>,
    field: String,
    shown: Vec<String>,
) -> Vec<Problem> {
    problems
        .into_iter()
        .filter(|p| {
            form::path_is_under(&p.path, &field)
                && !shown.iter().any(|s| form::path_is_under(&p.path, s))
        })
        .collect()
}

impl ProgramDraft {
    /// A blank draft with one item of `frequency`, for asking the core about it.
    fn with_frequency(frequency: Frequency) -> Self {
        ProgramDraft {
            title: String::new(),
            for_name: None,
            therapist: None,
            clinic: None,
            contact: None,
            start: String::new(),
            weeks: 1,
            notes: String::new(),
            cautions: Vec::new(),
            pain_stop_above: 7,
            pain_flare_rise: 2,
            items: vec![crate::draft::DraftItem {
                builtin_id: String::new(),
                frequency,
                progression: None,
            }],
            based_on: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_calls() {
        let d = crate::draft::program_draft_new("2026-03-02".into()).unwrap();
        let d = crate::draft::program_draft_add_routine(d, "low-back".into()).unwrap();
        assert_eq!(
            frequency_choice(d.items[0].frequency.clone()),
            FrequencyChoice::Daily
        );
        let d = program_draft_toggle_day(d, 0, "sun".into()).unwrap();
        assert_eq!(
            frequency_choice(d.items[0].frequency.clone()),
            FrequencyChoice::Days
        );
        let d = program_draft_set_frequency(d, 0, FrequencyChoice::PerWeek).unwrap();
        assert_eq!(d.items[0].frequency, Frequency::PerWeek { times: 6 });
        assert_eq!(
            program_draft_set_frequency(d, 1, FrequencyChoice::Daily),
            Err(UnknotError::NoSuchItem { index: 1, count: 1 })
        );
        let p = |path: &str| Problem {
            path: path.into(),
            message: "m".into(),
            hint: None,
        };
        let ps = vec![p("items[1]"), p("items[1].frequency"), p("items[11]")];
        assert_eq!(draft_field_problems(ps.clone(), "items[1]".into()).len(), 2);
        assert_eq!(
            draft_other_problems(ps, "items[1]".into(), vec!["items[1].frequency".into()]),
            vec![p("items[1]")]
        );
    }
}
