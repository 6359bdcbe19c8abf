use crate::date::date;

use super::*;
use crate::journal::plan::{PlannedRoutine, Timing};
use crate::journal::stats::tests::at;
use crate::journal::stats::{summarize, PainRules};

fn program() -> ProgramInfo {
    ProgramInfo {
        id: "plantar-6w".into(),
        title: "Plantar <fascia> & heel".into(),
        from: Some("Dr. \"Quote\" O'Neil".into()),
        start: date!(2024 - 05 - 06),
        due_per_week: vec![3, 3],
        rules: PainRules::default(),
        routines: vec![PlannedRoutine {
            routine_id: "a".into(),
            title: "Foot <b>release</b>".into(),
            timing: Timing::PerWeek(3),
        }],
    }
}

fn render_with(records: &[SessionRecord], program: Option<&ProgramInfo>, today: Date) -> String {
    let summary = summarize(
        records,
        records.iter().map(|r| r.local_date()),
        program.map(|p| p.schedule()).as_ref(),
        Some(program.map(|p| p.rules).unwrap_or_default()),
        today,
        "en",
    );
    render(&ReportInput {
        program,
        records,
        summary: &summary,
        today,
    })
}

fn records() -> Vec<SessionRecord> {
    let mut r = vec![
        at(1, "a", date!(2024 - 05 - 06), 8, 120, (Some(4), Some(6))),
        at(2, "a", date!(2024 - 05 - 08), 8, 120, (Some(4), Some(7))),
        at(3, "a", date!(2024 - 05 - 08), 19, 120, (None, None)),
        at(4, "a", date!(2024 - 05 - 13), 8, 120, (Some(9), Some(5))),
    ];
    r[0].entry.note = Some("<script>alert('x')</script> & more".into());
    r[1].entry.outcome = crate::journal::SessionOutcome::Stopped;
    r[1].entry.note = Some("stopped, heel burning".into());
    r
}

#[test]
fn the_report_has_every_section_and_escapes_user_text() {
    let html = render_with(&records(), Some(&program()), date!(2024 - 05 - 14));
    for section in [
        "<h2>Safety flags</h2>",
        "<h2>Program</h2>",
        "<h2>Adherence per week</h2>",
        "<h2>Calendar</h2>",
        "<h2>Pain before and after sessions</h2>",
        "<h2>Notes from the patient</h2>",
        "@media print",
    ] {
        assert!(html.contains(section), "missing {section}");
    }
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
    assert!(html.contains("Plantar &lt;fascia&gt; &amp; heel"));
    assert!(html.contains("Foot &lt;b&gt;release&lt;/b&gt;"));
    assert!(html.contains("Dr. &quot;Quote&quot; O&#39;Neil"));
    // Self-contained: nothing loaded from elsewhere.
    assert!(!html.contains("src="));
    assert!(!html.contains("<link"));
    assert!(!html.contains("<script"));
}

#[test]
fn flags_weeks_calendar_and_chart_show_the_data() {
    let html = render_with(&records(), Some(&program()), date!(2024 - 05 - 14));
    // One flare (sessions 1 and 2) and one rating above 7 (session 4).
    assert_eq!(html.matches("class=\"flag\"").count(), 2);
    assert!(html.contains("Pain rose twice in a row"));
    assert!(html.contains("Pain above the limit"));
    // Week 1: three sessions of three; week 2 in progress, one so far.
    assert!(html.contains("3 / 3 (100%)"));
    assert!(html.contains("(this week, so far)"));
    assert!(html.contains("1 / 3 (33%)"));
    // The 8th has two sessions.
    assert!(html.contains("title=\"2024-05-08: 2 session(s)\""));
    assert!(html.contains("title=\"2024-05-07: 0 session(s)\""));
    assert!(html.contains("class=\"today\""));
    // Three rated sessions: three circles for "before" and three squares for "after" (plus the legend's).
    assert_eq!(html.matches("<circle").count(), 3 + 1);
    assert_eq!(html.matches("<rect").count(), 3 + 1);
    assert!(html.contains("Title of a (stopped early) · pain 4 → 7"));
    // The SVG is well formed enough for an XML parser: tags balance.
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert_eq!(
        svg.matches("<title").count(),
        svg.matches("</title>").count()
    );
}

#[test]
fn without_a_program_or_ratings_the_report_still_reads() {
    let mut r = records();
    for x in &mut r {
        x.entry.pain_before = None;
        x.entry.pain_after = None;
        x.entry.note = None;
    }
    let html = render_with(&r, None, date!(2024 - 05 - 14));
    assert!(html.contains("<h1>Session journal report</h1>"));
    assert!(html.contains("No session has a pain rating yet."));
    assert!(html.contains("No notes."));
    assert!(html.contains("No flags"));
    assert!(!html.contains("<h2>Adherence per week</h2>"));
    // Six weeks of calendar up to today.
    assert_eq!(html.matches("<tr><td").count(), 7);
    let empty = render_with(&[], None, date!(2024 - 05 - 14));
    assert!(empty.contains("<b>0</b> sessions"));
}
