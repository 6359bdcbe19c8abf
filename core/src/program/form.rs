//! The therapist form's rules for a routine's frequency and for placing the
//! core's problems next to the field they name, so both apps follow one
//! set of rules.

use crate::date::Weekday;
use crate::problem::Problem;

use super::draft::DraftFrequency;
use super::MAX_PER_WEEK;

/// How often a routine is due, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrequencyChoice {
    /// Every day of the week.
    Daily,
    /// On chosen weekdays.
    Days,
    /// A number of times a week, on any days.
    PerWeek,
}

impl DraftFrequency {
    /// The choice this frequency shows as: every weekday is `Daily`.
    pub fn choice(&self) -> FrequencyChoice {
        match self {
            DraftFrequency::PerWeek { .. } => FrequencyChoice::PerWeek,
            DraftFrequency::Days { days, .. } => {
                let all = Weekday::ALL
                    .iter()
                    .all(|d| days.iter().any(|w| w == d.as_str()));
                if all {
                    FrequencyChoice::Daily
                } else {
                    FrequencyChoice::Days
                }
            }
        }
    }

    /// The frequency switched to `choice`, keeping what carries over:
    /// daily keeps the times a day; chosen days keeps the days it has, or
    /// (from a number a week) starts from every day once; a number a week
    /// keeps the sessions a week the days gave (at most [`MAX_PER_WEEK`]).
    pub fn with_choice(&self, choice: FrequencyChoice) -> DraftFrequency {
        let every_day = || {
            Weekday::ALL
                .iter()
                .map(|d| d.as_str().to_string())
                .collect()
        };
        match (choice, self) {
            (FrequencyChoice::Daily, DraftFrequency::Days { per_day, .. }) => {
                DraftFrequency::Days {
                    days: every_day(),
                    per_day: *per_day,
                }
            }
            (FrequencyChoice::Daily | FrequencyChoice::Days, DraftFrequency::PerWeek { .. }) => {
                DraftFrequency::daily()
            }
            (FrequencyChoice::Days, DraftFrequency::Days { .. }) => self.clone(),
            (FrequencyChoice::PerWeek, DraftFrequency::PerWeek { .. }) => self.clone(),
            (FrequencyChoice::PerWeek, DraftFrequency::Days { days, per_day }) => {
                let n = i64::try_from(days.len()).unwrap_or(i64::MAX);
                DraftFrequency::PerWeek {
                    times: n.saturating_mul(*per_day).clamp(1, i64::from(MAX_PER_WEEK)),
                }
            }
        }
    }

    /// The frequency with weekday `day` (`mon` … `sun`) chosen or no longer
    /// chosen, the days kept Monday first. A number a week, or a word that
    /// is not a weekday, leaves it as it is.
    pub fn toggling_day(&self, day: &str) -> DraftFrequency {
        let DraftFrequency::Days { days, per_day } = self else {
            return self.clone();
        };
        if Weekday::parse(day).is_none() {
            return self.clone();
        }
        let on = days.iter().any(|d| d == day);
        let days = Weekday::ALL
            .iter()
            .map(|d| d.as_str())
            .filter(|d| {
                if *d == day {
                    !on
                } else {
                    days.iter().any(|w| w == d)
                }
            })
            .map(str::to_string)
            .collect();
        DraftFrequency::Days {
            days,
            per_day: *per_day,
        }
    }
}

/// Whether `path` is `field` or lies under it: `items[0]` takes `items[0]`
/// and `items[0].frequency`, `cautions` takes `cautions[1]`, but
/// `items[1]` does not take `items[10]`.
pub fn path_is_under(path: &str, field: &str) -> bool {
    match path.strip_prefix(field) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The problems of one form field (`title`, `items[1].frequency`,
/// `items[0].progression.every_weeks`): those whose path is the field or
/// lies under it.
pub fn field_problems<'a>(problems: &'a [Problem], field: &str) -> Vec<&'a Problem> {
    problems
        .iter()
        .filter(|p| path_is_under(&p.path, field))
        .collect()
}

/// The problems under `field` that none of `shown` (the fields shown with
/// their own problems) claims, for the form to list together.
pub fn other_problems<'a>(
    problems: &'a [Problem],
    field: &str,
    shown: &[String],
) -> Vec<&'a Problem> {
    problems
        .iter()
        .filter(|p| {
            path_is_under(&p.path, field) && !shown.iter().any(|s| path_is_under(&p.path, s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(d: &[&str], per_day: i64) -> DraftFrequency {
        DraftFrequency::Days {
            days: d.iter().map(|s| s.to_string()).collect(),
            per_day,
        }
    }

    #[test]
    fn choices_carry_over_what_they_can() {
        let all = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        assert_eq!(DraftFrequency::daily().choice(), FrequencyChoice::Daily);
        let some = days(&["mon", "thu"], 2);
        assert_eq!(some.choice(), FrequencyChoice::Days);
        assert_eq!(some.with_choice(FrequencyChoice::Daily), days(&all, 2));
        assert_eq!(some.with_choice(FrequencyChoice::Days), some);
        assert_eq!(
            some.with_choice(FrequencyChoice::PerWeek),
            DraftFrequency::PerWeek { times: 4 }
        );
        assert_eq!(
            days(&all, 4).with_choice(FrequencyChoice::PerWeek),
            DraftFrequency::PerWeek { times: 14 }
        );
        let weekly = DraftFrequency::PerWeek { times: 3 };
        assert_eq!(weekly.choice(), FrequencyChoice::PerWeek);
        assert_eq!(weekly.with_choice(FrequencyChoice::Days), days(&all, 1));
        assert_eq!(weekly.with_choice(FrequencyChoice::PerWeek), weekly);
    }

    #[test]
    fn days_toggle_in_monday_first_order() {
        let f = days(&["fri"], 1).toggling_day("mon");
        assert_eq!(f, days(&["mon", "fri"], 1));
        assert_eq!(f.toggling_day("fri"), days(&["mon"], 1));
        assert_eq!(f.toggling_day("someday"), f);
        let weekly = DraftFrequency::PerWeek { times: 2 };
        assert_eq!(weekly.toggling_day("mon"), weekly);
    }

    #[test]
    fn problems_go_to_their_field() {
        let ps = [
            Problem::new("items[1]", "a"),
            Problem::new("items[1].frequency", "b"),
            Problem::new("items[10].frequency", "c"),
            Problem::new("items[1].progression.every_weeks", "d"),
            Problem::new("cautions[0]", "e"),
            Problem::new("title", "f"),
        ];
        let msgs = |v: Vec<&Problem>| v.iter().map(|p| p.message.clone()).collect::<Vec<_>>();
        assert_eq!(msgs(field_problems(&ps, "items[1]")), ["a", "b", "d"]);
        assert_eq!(msgs(field_problems(&ps, "cautions")), ["e"]);
        assert_eq!(msgs(field_problems(&ps, "titl")), Vec::<String>::new());
        assert_eq!(
            msgs(other_problems(
                &ps,
                "items[1]",
                &["items[1].frequency".into(), "items[1].progression".into()]
            )),
            ["a"]
        );
    }
}
