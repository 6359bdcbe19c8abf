//! Battery figures: for every built-in routine, the wake-ups a shell makes
//! when it sleeps until `next_wake_ms`, against a 1-per-second poll and a
//! 60-per-second animation loop. Prints a Markdown table.

use unknot_core::{builtin_routines, Command, Session, Status};

fn main() {
    println!("| routine | timed | cues | wake-ups (next_wake_ms) | 1/s poll | 60/s loop |");
    println!("|---|---|---|---|---|---|");
    let (mut total_wakes, mut total_poll) = (0u64, 0u64);
    for r in builtin_routines() {
        let mut s = Session::new(r.clone(), "en");
        let mut o = s.apply(Command::Start, 0);
        let mut cues = o.cues.len() as u64;
        let mut wakes = 0u64;
        let mut now = 0;
        while s.status() != Status::Finished {
            o = match o.frame.next_wake_ms {
                Some(w) => {
                    now = w;
                    wakes += 1;
                    s.apply(Command::Tick, now)
                }
                // Waiting at an untimed step: the user's tap, not a timer.
                None => s.apply(Command::Continue, now),
            };
            cues += o.cues.len() as u64;
        }
        let timed = s.frame().timed_ms;
        let poll = timed.div_ceil(1000);
        total_wakes += wakes;
        total_poll += poll;
        println!(
            "| {} | {}:{:02} | {cues} | {wakes} | {poll} | {} |",
            r.id,
            timed / 60_000,
            timed / 1000 % 60,
            timed * 60 / 1000
        );
    }
    println!(
        "| all | | | {total_wakes} | {total_poll} | {} |",
        total_poll * 60
    );
}
