//! Whole sessions of the built-in routines, played straight through with a
//! shell that sleeps until each wake-up and continues each untimed step
//! after 4 s; the spoken log is snapshotted.

use super::super::*;

fn play(id: &str, lang: &str) -> Vec<String> {
    let r = crate::library::builtin(id).unwrap().clone();
    let mut s = Session::new(r, lang);
    let mut log = Vec::new();
    let mut now = 0;
    let mut o = s.apply(Command::Start, now);
    loop {
        for c in &o.cues {
            let t = c.due_ms / 1000;
            log.push(format!(
                "{:02}:{:02}.{:03} {:<9} step {} seg {} {}",
                t / 60,
                t % 60,
                c.due_ms % 1000,
                c.kind.as_str(),
                c.step,
                c.segment,
                c.say
            ));
        }
        match o.frame.status {
            Status::Finished => break,
            Status::Waiting => {
                now += 4_000;
                o = s.apply(Command::Continue, now);
            }
            _ => {
                now = o
                    .frame
                    .next_wake_ms
                    .expect("a running session has a wake-up");
                o = s.apply(Command::Tick, now);
            }
        }
    }
    log
}

#[test]
fn builtin_sessions() {
    for r in crate::library::builtin_routines() {
        insta::assert_snapshot!(format!("session_{}", r.id), play(&r.id, "en").join("\n"));
    }
}

#[test]
fn box_breathing_in_german() {
    insta::assert_snapshot!(play("box-breathing", "de").join("\n"));
}
