//! Playing from `upcoming` gives what ticking gives: a property test over
//! random routines and random scripts of every command.

use proptest::prelude::*;

use super::super::*;
use super::props::{routine, script};

/// What a listener hears of a cue.
fn heard(c: &Cue) -> (CueKind, u64, usize, usize, String, Vec<CueSound>) {
    (
        c.kind,
        c.due_ms,
        c.segment,
        c.step,
        c.say.clone(),
        c.sounds.clone(),
    )
}

/// Ticks `s` at every wake-up up to and including `t`.
fn tick_through(s: &mut Session, t: u64, out: &mut Vec<Cue>) {
    while let Some(w) = s.frame().next_wake_ms.filter(|w| *w <= t) {
        out.extend(s.apply(Command::Tick, w).cues);
    }
}

/// Plays `script` twice: session A ticked at every wake-up, session B only
/// given the commands, its cues taken from `upcoming` between them.
/// Returns what each played.
fn both(r: &Routine, script: &[(u64, Command)], tail_ms: u64) -> (Vec<Cue>, Vec<Cue>, Session) {
    let mut a = Session::new(r.clone(), "en");
    let mut b = Session::new(r.clone(), "en");
    let (mut a_cues, mut b_cues) = (Vec::new(), Vec::new());
    let mut now = 1_000;
    a_cues.extend(a.apply(Command::Start, now).cues);
    b_cues.extend(b.apply(Command::Start, now).cues);
    let mut steps: Vec<(u64, Command)> = script.to_vec();
    steps.push((tail_ms, Command::Tick));
    for (dt, cmd) in steps {
        // One command in three lands exactly on a cue's due time.
        let t = match a.frame().next_wake_ms {
            Some(w) if dt % 3 == 0 && w > now => w,
            _ => now + dt,
        };
        let dt = t - now;
        // B: what is coming until the next command, played at its times.
        let before = b.state.clone();
        let coming = b.upcoming(now, dt);
        assert_eq!(b.state, before, "upcoming changed the session");
        assert!(coming
            .iter()
            .all(|c| c.due_ms > now && c.due_ms <= t && c.at_ms == c.due_ms && c.speak));
        let o = b.apply(cmd, t);
        // The command's call hands out first what fell due (already played).
        assert!(o.cues.len() >= coming.len(), "{:?} vs {:?}", o.cues, coming);
        for (x, y) in o.cues.iter().zip(&coming) {
            assert_eq!(heard(x), heard(y));
        }
        let k = coming.len();
        b_cues.extend(coming);
        b_cues.extend(o.cues.into_iter().skip(k));
        // A: ticked at every wake-up, then the command.
        tick_through(&mut a, t, &mut a_cues);
        a_cues.extend(a.apply(cmd, t).cues);
        now = t;
        assert_eq!(a.frame(), b.frame(), "frames differ at {t}");
    }
    (a_cues, b_cues, a)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn playing_from_upcoming_is_ticking(r in routine(), script in script(true), tail in 0u64..120_000) {
        let (a, b, a_session) = both(&r, &script, tail);
        let ha: Vec<_> = a.iter().map(heard).collect();
        let hb: Vec<_> = b.iter().map(heard).collect();
        prop_assert_eq!(ha, hb);
        prop_assert!(a_session.frame().now_ms >= a.last().map_or(0, |c| c.due_ms));
    }

    #[test]
    fn a_long_look_ends_at_the_wait_or_the_finish(r in routine(), script in script(true)) {
        let (_, _, s) = both(&r, &script, 0);
        let now = s.frame().now_ms;
        let coming = s.upcoming(now, 24 * 3_600_000);
        let mut ticked = s.clone();
        let mut got = Vec::new();
        tick_through(&mut ticked, u64::MAX, &mut got);
        let hc: Vec<_> = coming.iter().map(heard).collect();
        let hg: Vec<_> = got.iter().map(heard).collect();
        prop_assert_eq!(hc, hg);
        match ticked.status() {
            Status::Waiting => {
                let last = coming.last();
                prop_assert!(last.is_none_or(|c| c.segment == ticked.frame().segment));
            }
            Status::Running => prop_assert!(false, "ticking stopped while running"),
            _ => {}
        }
        if s.status() != Status::Running {
            prop_assert!(coming.is_empty());
        }
    }
}

#[test]
fn upcoming_names_the_next_cues_of_box_breathing() {
    let r = crate::library::builtin("box-breathing").unwrap().clone();
    let mut s = Session::new(r, "en");
    assert!(s.upcoming(0, 60_000).is_empty(), "nothing before start");
    s.apply(Command::Start, 500);
    let c = s.upcoming(500, 13_999);
    let got: Vec<_> = c
        .iter()
        .map(|c| (c.kind, c.due_ms, c.say.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (CueKind::Countdown, 7_500, "3"),
            (CueKind::Countdown, 8_500, "2"),
            (CueKind::Countdown, 9_500, "1"),
            (CueKind::Segment, 10_500, "Begin. Breathe in"),
        ]
    );
    assert_eq!(c[3].sounds, [CueSound::Step, CueSound::BreatheIn]);
    // Paused: nothing is coming until it resumes, then the times move on.
    s.apply(Command::Pause, 2_000);
    assert!(s.upcoming(2_000, 60_000).is_empty());
    s.apply(Command::Resume, 5_000);
    assert_eq!(s.upcoming(5_000, 5_500)[0].due_ms, 10_500);
    // A window reaching past the end ends with the finished cue.
    let all = s.upcoming(5_000, 3_600_000);
    assert_eq!(all.last().unwrap().kind, CueKind::Finished);
    assert_eq!(all.last().unwrap().due_ms, 5_000 + s.frame().remaining_ms);
}
