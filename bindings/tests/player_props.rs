//! Property test over the `Player` as the apps call it: random commands at
//! random (even negative or backwards) times, light pulses, whole frames,
//! snapshots and restores in between. It never panics, and what a shell
//! keeps from pulses is always the frame the player would give.

use std::sync::Arc;

use proptest::prelude::*;
use unknot_ffi::{builtin_routine_ids, Frame, Player, RoutineSource, Status};

#[derive(Debug, Clone)]
enum Call {
    Start,
    Pause,
    Resume,
    Next,
    Previous,
    RestartStep,
    Extend(i64),
    Proceed,
    Stop,
    Tick,
    Pulse,
    Frame,
    SnapshotRestore,
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        2 => Just(Call::Start),
        1 => Just(Call::Pause),
        1 => Just(Call::Resume),
        1 => Just(Call::Next),
        1 => Just(Call::Previous),
        1 => Just(Call::RestartStep),
        1 => (-5_000i64..30_000).prop_map(Call::Extend),
        2 => Just(Call::Proceed),
        1 => Just(Call::Stop),
        3 => Just(Call::Tick),
        8 => Just(Call::Pulse),
        1 => Just(Call::Frame),
        1 => Just(Call::SnapshotRestore),
    ]
}

/// Time steps: mostly forward, sometimes backwards or negative, which the
/// player must take without harm.
fn times() -> impl Strategy<Value = Vec<i64>> {
    proptest::collection::vec(
        prop_oneof![8 => 0i64..20_000, 1 => -50_000i64..0, 1 => Just(i64::MIN)],
        1..120,
    )
}

fn check(f: &Frame) {
    assert_eq!(f.position_ms + f.remaining_ms, f.timed_ms, "{f:?}");
    assert!((0.0..=1.0).contains(&f.segment_progress), "{f:?}");
    assert!(
        f.step < f.step_count && f.segment < f.segment_count,
        "{f:?}"
    );
    if f.status != Status::Running {
        assert_eq!(f.next_wake_ms, None, "{f:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_player_holds_up_to_any_use(
        which in 0usize..26,
        calls in proptest::collection::vec(call(), 1..120),
        steps in times(),
    ) {
        let ids = builtin_routine_ids();
        let source = RoutineSource::Builtin { id: ids[which % ids.len()].clone() };
        let mut player: Arc<Player> = Player::new(source.clone(), "de".into()).unwrap();
        // What a shell that draws from pulses holds.
        let mut held = player.frame();
        let mut now = 0i64;
        for (i, c) in calls.iter().enumerate() {
            let step = steps[i % steps.len()];
            now = now.saturating_add(step);
            let update = match c {
                Call::Start => Some(player.start(now)),
                Call::Pause => Some(player.pause(now)),
                Call::Resume => Some(player.resume(now)),
                Call::Next => Some(player.next(now)),
                Call::Previous => Some(player.previous(now)),
                Call::RestartStep => Some(player.restart_step(now)),
                Call::Extend(ms) => Some(player.extend(now, *ms)),
                Call::Proceed => Some(player.proceed(now)),
                Call::Stop => Some(player.stop(now)),
                Call::Tick => Some(player.tick(now)),
                Call::Pulse => {
                    let p = player.pulse(now);
                    held = match &p.frame {
                        Some(f) => f.clone(),
                        None => held.with_pulse(&p),
                    };
                    for c in &p.cues {
                        assert!(c.at_ms >= c.due_ms, "{c:?}");
                    }
                    None
                }
                Call::Frame => {
                    held = player.frame();
                    None
                }
                Call::SnapshotRestore => {
                    let snap = player.snapshot();
                    player = Player::restore(source.clone(), "de".into(), snap, now).unwrap();
                    held = player.frame();
                    None
                }
            };
            if let Some(u) = update {
                held = u.frame.clone();
            }
            check(&held);
            // Pulses or whole frames, the shell holds what the player says.
            prop_assert_eq!(&held, &player.frame());
        }
    }
}
