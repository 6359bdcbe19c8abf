//! Week-by-week progression: a routine as it is in a given program week.

use crate::routine::{Millis, Routine, StepBody};

use super::Progression;

fn grow_time(v: Millis, add: Millis, times: u32, max: Option<Millis>) -> Millis {
    if add.0 == 0 || times == 0 {
        return v;
    }
    let target = u64::from(v.0).saturating_add(u64::from(add.0) * u64::from(times));
    let target = match max {
        Some(m) if v >= m => return v,
        Some(m) => target.min(u64::from(m.0)),
        None => target,
    };
    Millis(u32::try_from(target).unwrap_or(u32::MAX))
}

fn grow_count(v: u32, add: u32, times: u32, max: Option<u32>) -> u32 {
    if add == 0 || times == 0 {
        return v;
    }
    let target = u64::from(v).saturating_add(u64::from(add) * u64::from(times));
    let target = match max {
        Some(m) if v >= m => return v,
        Some(m) => target.min(u64::from(m)),
        None => target,
    };
    u32::try_from(target).unwrap_or(u32::MAX)
}

/// `routine` in program week `week` (1-based) under progression `p`: every
/// stretch `hold` grows by `hold_add × floor((week − 1) / every_weeks)`, capped
/// at `max_hold`; likewise massage `seconds` and stretch or exercise `reps`.
/// A value already at or above its cap stays as it is. The result may break
/// routine limits; program validation checks the last week for that.
pub fn progressed(routine: &Routine, p: &Progression, week: u32) -> Routine {
    let times = p.steps_by_week(week);
    let mut out = routine.clone();
    for step in &mut out.steps {
        match &mut step.body {
            StepBody::Stretch { hold, reps, .. } => {
                *hold = grow_time(*hold, p.hold_add, times, p.max_hold);
                *reps = grow_count(*reps, p.reps_add, times, p.max_reps);
            }
            StepBody::Massage { seconds, .. } => {
                *seconds = grow_time(*seconds, p.seconds_add, times, p.max_seconds);
            }
            StepBody::Exercise { reps, .. } => {
                *reps = grow_count(*reps, p.reps_add, times, p.max_reps);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_by_whole_periods_and_caps() {
        let s = Millis::from_secs;
        assert_eq!(grow_time(s(20), s(5), 0, None), s(20));
        assert_eq!(grow_time(s(20), s(5), 3, None), s(35));
        assert_eq!(grow_time(s(20), s(5), 3, Some(s(30))), s(30));
        // Already above the cap: unchanged, never shrunk.
        assert_eq!(grow_time(s(40), s(5), 3, Some(s(30))), s(40));
        assert_eq!(grow_count(8, 2, 2, Some(10)), 10);
        assert_eq!(grow_count(8, 0, 5, None), 8);
        assert_eq!(grow_count(u32::MAX - 1, 5, 5, None), u32::MAX);
    }
}
