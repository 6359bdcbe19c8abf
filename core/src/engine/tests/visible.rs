//! A visible player that does not poll: the screen animates from the last
//! frame's own numbers and calls the core only at wake-ups and on input.

use super::super::*;

/// What a screen shows at `t`, worked out from frame `f` alone.
fn shown_at(f: &Frame, t: u64) -> (u64, Option<u64>, u64, Option<f64>) {
    let moving = f.segment_started_ms.is_some();
    let dt = if moving { t - f.now_ms } else { 0 };
    let elapsed = f.segment_elapsed_ms + dt;
    let breath = f.breath.and_then(|(a, b)| {
        let len = f.segment_duration_ms? as f64;
        Some(a + (b - a) * (elapsed as f64 / len).min(1.0))
    });
    (
        elapsed,
        f.segment_remaining_ms.map(|r| r - dt.min(r)),
        f.remaining_ms - dt.min(f.remaining_ms),
        breath,
    )
}

fn truth(f: &Frame) -> (u64, Option<u64>, u64, Option<f64>) {
    let breath = f.breath.map(|(a, b)| a + (b - a) * f.segment_progress);
    (
        f.segment_elapsed_ms,
        f.segment_remaining_ms,
        f.remaining_ms,
        breath,
    )
}

#[test]
fn a_whole_library_plays_on_screen_with_at_most_a_call_a_second_besides_wake_ups_and_input() {
    let (mut total_calls, mut total_seconds) = (0, 0);
    for r in crate::library::builtin_routines() {
        let mut screen = Session::new(r.clone(), "en");
        // The shadow is ticked at every animation frame, only to check
        // what the screen draws; its calls are not the screen's.
        let mut shadow = Session::new(r.clone(), "en");
        let (mut wakes, mut inputs, mut other, mut heard) = (0u64, 0u64, 0u64, 0u64);
        let mut now = 0u64;
        let o = screen.apply(Command::Start, now);
        heard += o.cues.len() as u64;
        let mut f = o.frame;
        shadow.apply(Command::Start, now);
        inputs += 1;
        let (mut paused_once, mut extended) = (false, false);
        let frame_ms = 50; // 20 frames a second on the screen's own clock
        while !f.status.is_over() {
            now += frame_ms;
            // Input: pause once for 4 s, extend once, tap through waits after 2 s.
            let input = if f.status == Status::Waiting && now >= f.now_ms + 2_000 {
                Some(Command::Continue)
            } else if !paused_once && f.status == Status::Running && now >= 30_000 {
                paused_once = true;
                Some(Command::Pause)
            } else if f.status == Status::Paused && now >= f.now_ms + 4_000 {
                Some(Command::Resume)
            } else if !extended && f.status == Status::Running && now >= 60_000 {
                extended = true;
                Some(Command::Extend(5_000))
            } else {
                None
            };
            let truth_frame = shadow.apply(input.unwrap_or(Command::Tick), now).frame;
            if let Some(cmd) = input {
                let o = screen.apply(cmd, now);
                heard += o.cues.len() as u64;
                f = o.frame;
                inputs += 1;
            } else if f.next_wake_ms.is_some_and(|w| w <= now) {
                let o = screen.apply(Command::Tick, now);
                assert!(!o.cues.is_empty(), "{} woke for nothing at {now}", r.id);
                heard += o.cues.len() as u64;
                f = o.frame;
                wakes += 1;
            }
            // Between calls the screen draws from the frame it holds.
            let a = shown_at(&f, now);
            let b = truth(&truth_frame);
            assert_eq!((a.0, a.1, a.2), (b.0, b.1, b.2), "{} at {now}", r.id);
            if let (Some(x), Some(y)) = (a.3, b.3) {
                assert!((x - y).abs() < 1e-9, "{} breath at {now}", r.id);
            }
            assert_eq!(f.segment, truth_frame.segment, "{} at {now}", r.id);
            if now > 24 * 3_600_000 {
                other += 1;
                break;
            }
        }
        // Every call was a wake-up or input, and every wake-up handed out a
        // cue: none was spent on redrawing.
        assert_eq!(other, 0, "{}", r.id);
        assert!(
            wakes <= heard,
            "{}: {wakes} wake-ups for {heard} cues",
            r.id
        );
        assert!(
            wakes + inputs < now / 1000 + inputs,
            "{}: more than a call a second",
            r.id
        );
        total_calls += wakes + inputs;
        total_seconds += now / 1000;
    }
    // The whole library: about one call every three seconds of playing.
    eprintln!("visible player: {total_calls} core calls in {total_seconds} s of playing");
    assert!(
        total_calls * 2 < total_seconds,
        "{total_calls} calls in {total_seconds} s"
    );
}
