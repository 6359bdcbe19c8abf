//! Formatting times and steps for the terminal.

use unknot_core::routine::DEFAULT_SWITCH;
use unknot_core::vocab::Sides;
use unknot_core::{Millis, StepBody};

/// `m:ss` (or `h:mm:ss`) for a duration in milliseconds, rounded down to
/// the second: the core's elapsed-time format.
pub fn mmss(ms: u64) -> String {
    unknot_core::words::elapsed_text(ms)
}

/// Seconds as written in files: `4 s`, `5.5 s`.
pub fn secs(m: Millis) -> String {
    if m.0 % 1000 == 0 {
        format!("{} s", m.0 / 1000)
    } else {
        let s = format!("{:.3}", f64::from(m.0) / 1000.0);
        format!("{} s", s.trim_end_matches('0'))
    }
}

fn sides(s: Sides, switch: Option<Millis>) -> String {
    match s {
        Sides::None => String::new(),
        Sides::Left => " · left side".into(),
        Sides::Right => " · right side".into(),
        Sides::Both => format!(
            " · left then right (switch {})",
            secs(switch.unwrap_or(DEFAULT_SWITCH))
        ),
    }
}

/// A one-line description of what a step does.
pub fn step_detail(body: &StepBody) -> String {
    match body {
        StepBody::Prepare { seconds } | StepBody::Rest { seconds } => secs(*seconds),
        StepBody::Manual => "until you continue".into(),
        StepBody::Breathing {
            inhale,
            hold_in,
            exhale,
            hold_out,
            cycles,
        } => {
            let mut parts = vec![format!("in {}", secs(*inhale))];
            if hold_in.0 > 0 {
                parts.push(format!("hold {}", secs(*hold_in)));
            }
            parts.push(format!("out {}", secs(*exhale)));
            if hold_out.0 > 0 {
                parts.push(format!("hold {}", secs(*hold_out)));
            }
            format!("{} × {cycles} cycles", parts.join(" · "))
        }
        StepBody::Stretch {
            area,
            hold,
            reps,
            rest,
            sides: s,
            switch,
        } => {
            let rest = if *reps > 1 && rest.0 > 0 {
                format!(", rest {}", secs(*rest))
            } else {
                String::new()
            };
            format!(
                "{area} · hold {} × {reps}{rest}{}",
                secs(*hold),
                sides(*s, *switch)
            )
        }
        StepBody::Massage {
            area,
            technique,
            pressure,
            tool,
            seconds,
            pace,
            sides: s,
            switch,
        } => {
            let pace = pace.map(|p| format!(" · {p}/min")).unwrap_or_default();
            format!(
                "{area} · {technique} · {pressure} · {tool} · {}{pace}{}",
                secs(*seconds),
                sides(*s, *switch)
            )
        }
        StepBody::Exercise {
            area,
            reps,
            rep_seconds,
            sets,
            rest,
            sides: s,
            switch,
        } => {
            let area = area.map(|a| format!("{a} · ")).unwrap_or_default();
            let pace = match rep_seconds {
                Some(r) => format!(" × {}", secs(*r)),
                None => " at your pace".into(),
            };
            let rest = if *sets > 1 && rest.0 > 0 {
                format!(", rest {}", secs(*rest))
            } else {
                String::new()
            };
            format!(
                "{area}{reps} reps{pace} × {sets} sets{rest}{}",
                sides(*s, *switch)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_times() {
        assert_eq!(mmss(0), "0:00");
        assert_eq!(mmss(96_000), "1:36");
        assert_eq!(mmss(3_600_999), "1:00:00");
        assert_eq!(secs(Millis(5_500)), "5.5 s");
        assert_eq!(secs(Millis(1_125)), "1.125 s");
        assert_eq!(secs(Millis(30_000)), "30 s");
    }
}
