use super::*;

fn heel() -> Program {
    crate::parse_program(include_str!(
        "../../../docs/examples/heel-pain-progression.unknot"
    ))
    .unwrap()
}

fn d(s: &str) -> CivilDate {
    CivilDate::parse(s).unwrap()
}

fn done(routine: &str, date: &str) -> SessionDone {
    SessionDone {
        routine: routine.into(),
        date: d(date),
    }
}

fn row<'a>(t: &'a Today, id: &str) -> &'a TodayRoutine {
    t.routines.iter().find(|r| r.routine == id).unwrap()
}

#[test]
fn a_routine_twice_a_week_done_this_morning_offers_do_it_again() {
    let p = heel();
    // Monday 2025-03-03, week 1: box-breathing twice a week.
    let t = today(&p, d("2025-03-03"), &[], "en");
    assert_eq!(t.heading.as_deref(), Some("Week 1 of 8"));
    let b = row(&t, "box-breathing");
    assert_eq!((b.due_today, b.left_today, b.left_this_week), (1, 1, 2));
    assert_eq!(b.action, TodayAction::Start);
    assert_eq!(b.week_text.as_deref(), Some("2 more this week"));
    let s = [done("box-breathing", "2025-03-03")];
    let t = today(&p, d("2025-03-03"), &s, "en");
    let b = row(&t, "box-breathing");
    assert!(b.shown && b.done);
    assert_eq!(b.action, TodayAction::DoAgain);
    assert_eq!(b.action_label.as_deref(), Some("Do it again"));
    assert_eq!(b.today_text, "Done for today");
    assert_eq!(b.week_text.as_deref(), Some("1 more this week"));
    // Tuesday: due again until the week's two are done, then hidden.
    let t = today(&p, d("2025-03-04"), &s, "en");
    assert_eq!(row(&t, "box-breathing").action, TodayAction::Start);
    let s = [
        done("box-breathing", "2025-03-03"),
        done("box-breathing", "2025-03-04"),
    ];
    let t = today(&p, d("2025-03-05"), &s, "en");
    let b = row(&t, "box-breathing");
    assert!(!b.shown);
    assert_eq!((b.action, b.left_this_week), (TodayAction::None, 0));
}

#[test]
fn fixed_days_count_what_is_left_this_week() {
    let p = heel();
    // Tuesday: calf-raises (mon, wed, fri) is not shown; Wed and Fri are left.
    let t = today(&p, d("2025-03-04"), &[], "en");
    let r = row(&t, "calf-raises");
    assert!(!r.shown);
    assert_eq!((r.left_today, r.left_this_week), (0, 2));
    assert_eq!(r.week_text, None);
    // calf-and-foot twice a day, daily: 2 today plus 2 on each of the 5 later days.
    let c = row(&t, "calf-and-foot");
    assert_eq!((c.left_today, c.left_this_week), (2, 12));
    assert_eq!(c.today_text, "0 of 2 done today");
    assert_eq!(t.message, None);
}

#[test]
fn outside_the_program_and_in_three_languages() {
    let p = heel();
    let t = today(&p, d("2025-03-01"), &[], "de");
    assert_eq!(t.status, ProgramStatus::NotStarted);
    assert!(t.routines.is_empty());
    assert_eq!(
        t.message.as_deref(),
        Some("Dein Programm beginnt am Montag, 3. März 2025.")
    );
    let t = today(&p, d("2025-06-01"), &[], "es");
    assert_eq!(t.status, ProgramStatus::Ended);
    assert!(t
        .message
        .unwrap()
        .starts_with("Tu programa terminó el domingo 27 de abril de 2025."));
    let all = [
        done("calf-and-foot", "2025-03-04"),
        done("calf-and-foot", "2025-03-04"),
        done("box-breathing", "2025-03-04"),
    ];
    for (lang, want) in [
        ("en", "All done for today. Well done."),
        ("es", "Todo hecho por hoy. Muy bien."),
        ("de-AT", "Für heute alles erledigt. Gut gemacht."),
    ] {
        let t = today(&p, d("2025-03-04"), &all, lang);
        assert_eq!(t.message.as_deref(), Some(want));
    }
    // Every word is translated.
    let en = today(&p, d("2025-03-03"), &[], "en");
    for lang in ["es", "de"] {
        let t = today(&p, d("2025-03-03"), &[], lang);
        assert_ne!(t.heading, en.heading);
        for (a, b) in t.routines.iter().zip(&en.routines) {
            assert_ne!(a.action_label, b.action_label);
            assert_ne!(a.today_text, b.today_text);
            if b.week_text.is_some() {
                assert_ne!(a.week_text, b.week_text);
            }
        }
    }
}
