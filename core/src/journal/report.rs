//! The therapist's report: one self-contained HTML page (no scripts, no
//! external files) with the program, adherence per week, a calendar of the
//! days with sessions, a pain chart as inline SVG, the safety flags and the
//! patient's notes. It reads well printed in black and white and on a phone:
//! shapes and words carry every meaning that colour does.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::date::CivilDate as Date;

use super::entry::SessionRecord;
use super::plan::ProgramInfo;
use super::stats::{FlagKind, Summary};

/// What the report shows.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// The active program, if any.
    pub program: Option<&'a ProgramInfo>,
    /// The sessions to show (the program's, or the recent ones), any order.
    pub records: &'a [SessionRecord],
    /// Their summary.
    pub summary: &'a Summary,
    /// The day the report is made.
    pub today: Date,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 16px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111; background: #fff; margin: 0 auto; padding: 1rem; max-width: 52rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #111; padding-bottom: .15rem; }
p.meta { margin: 0; color: #333; }
.facts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.facts li { border: 1px solid #111; border-radius: .3rem; padding: .35rem .6rem; }
.facts b { font-size: 1.2rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.flag { border: 3px solid #111; border-left-width: .6rem; padding: .5rem .75rem; margin: .5rem 0; }
.flag strong { text-transform: uppercase; letter-spacing: .03em; }
.none { font-style: italic; }
.cal td { text-align: center; width: 14%; height: 2.6rem; }
.cal td.out { color: #888; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f0f0f0 4px, #f0f0f0 8px); }
.cal td.today { outline: 3px double #111; outline-offset: -4px; }
.cal .d { display: block; font-size: .75rem; color: #444; }
.cal .s { font-weight: bold; }
svg { width: 100%; height: auto; max-height: 22rem; }
svg text { font: 11px sans-serif; fill: #111; }
.notes li { margin: .35rem 0; }
blockquote { margin: .15rem 0 0 0; padding-left: .6rem; border-left: 3px solid #999; white-space: pre-wrap; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, .flag, svg, li { break-inside: avoid; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
}
";

/// The report as one HTML page.
pub fn render(input: &ReportInput<'_>) -> String {
    let mut records: Vec<&SessionRecord> = input.records.iter().collect();
    records.sort_by_key(|r| (r.start_ms, r.id));
    let mut h = String::new();
    let title = match input.program {
        Some(p) => format!("Home program report: {}", p.title),
        None => "Session journal report".to_string(),
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(h, "<header><h1>{}</h1>", escape(&title));
    if let Some(p) = input.program {
        let _ = writeln!(
            h,
            "<p class=\"meta\">{} to {} ({} weeks){}</p>",
            p.start,
            p.end(),
            p.due_per_week.len(),
            p.from
                .as_ref()
                .map(|f| format!(" · from {}", escape(f)))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(h, "<p class=\"meta\">Made on {}</p></header>", input.today);
    facts(&mut h, input);
    flags_section(&mut h, input);
    if let Some(p) = input.program {
        program_section(&mut h, p);
    }
    adherence_section(&mut h, input);
    calendar_section(&mut h, input, &records);
    chart_section(&mut h, &records);
    notes_section(&mut h, &records);
    h.push_str("</body>\n</html>\n");
    h
}

fn facts(h: &mut String, input: &ReportInput<'_>) {
    let s = input.summary;
    h.push_str("<ul class=\"facts\">\n");
    let _ = writeln!(
        h,
        "<li><b>{}</b> sessions ({} completed)</li>",
        s.sessions, s.completed
    );
    let _ = writeln!(
        h,
        "<li><b>{}</b> minutes active</li>",
        (s.active_ms as f64 / 60_000.0).round()
    );
    if let Some(a) = s.adherence {
        let _ = writeln!(
            h,
            "<li><b>{:.0}%</b> of due sessions done in finished weeks ({} of {})</li>",
            a * 100.0,
            s.done_in_finished_weeks,
            s.due_in_finished_weeks
        );
    }
    let _ = writeln!(h, "<li><b>{}</b> day streak</li>", s.streak.days);
    let _ = writeln!(h, "<li><b>{}</b> safety flags</li>", s.flags.len());
    h.push_str("</ul>\n");
}

fn flags_section(h: &mut String, input: &ReportInput<'_>) {
    h.push_str("<section><h2>Safety flags</h2>\n");
    if input.summary.flags.is_empty() {
        h.push_str("<p class=\"none\">No flags: no rating above the limit and no repeated rise in pain.</p>\n");
    }
    for f in &input.summary.flags {
        let kind = match f.kind {
            FlagKind::AboveLimit => "Pain above the limit",
            FlagKind::Flare => "Pain rose twice in a row",
        };
        let dates: Vec<String> = f.dates.iter().map(|d| d.to_string()).collect();
        let _ = writeln!(
            h,
            "<div class=\"flag\" role=\"note\"><strong>⚠ {kind}</strong> · {} ({}) · {}<br>{}</div>",
            escape(&f.routine_title),
            escape(&f.routine_id),
            dates.join(", "),
            escape(&f.message)
        );
    }
    h.push_str("</section>\n");
}

fn program_section(h: &mut String, p: &ProgramInfo) {
    h.push_str("<section><h2>Program</h2>\n<div class=\"scroll\"><table>\n<tr><th>Routine</th><th>When</th><th>Per week</th></tr>\n");
    for r in &p.routines {
        let _ = writeln!(
            h,
            "<tr><td>{} <small>({})</small></td><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(&r.title),
            escape(&r.routine_id),
            escape(&r.timing.describe()),
            r.timing.per_week()
        );
    }
    let _ = writeln!(
        h,
        "</table></div>\n<p>Pain rules: stop above {}/10; a rise of {} or more in two sessions in a row of one routine is a flare.</p></section>",
        p.rules.stop_above, p.rules.flare_rise
    );
}

fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into())
}

fn adherence_section(h: &mut String, input: &ReportInput<'_>) {
    let weeks = &input.summary.weeks;
    if weeks.is_empty() {
        return;
    }
    h.push_str("<section><h2>Adherence per week</h2>\n<div class=\"scroll\"><table>\n\
        <tr><th>Week</th><th>Dates</th><th>Done / due</th><th>Pain before (mean)</th><th>Pain after (mean)</th><th>Change within sessions (mean)</th></tr>\n");
    for w in weeks {
        let pct = if w.due > 0 {
            format!(" ({:.0}%)", f64::from(w.done) / f64::from(w.due) * 100.0)
        } else {
            String::new()
        };
        let change = w
            .pain_change
            .map(|c| format!("{c:+.1}"))
            .unwrap_or_else(|| "–".into());
        let _ = writeln!(
            h,
            "<tr><td>{}{}</td><td>{} – {}</td><td class=\"num\">{} / {}{pct}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{change}</td></tr>",
            w.week,
            if w.in_progress { " (this week, so far)" } else { "" },
            w.start,
            w.end,
            w.done,
            w.due,
            one_decimal(w.pain_before),
            one_decimal(w.pain_after),
        );
    }
    h.push_str("</table></div></section>\n");
}

fn calendar_section(h: &mut String, input: &ReportInput<'_>, records: &[&SessionRecord]) {
    let mut per_day: BTreeMap<Date, u32> = BTreeMap::new();
    for r in records {
        *per_day.entry(r.local_date()).or_default() += 1;
    }
    // The program's weeks; without a program, the last six weeks up to today.
    let (first, last) = match input.program {
        Some(p) => (p.start, p.end().min(input.today.max(p.start))),
        None => (input.today.saturating_add_days(-41), input.today),
    };
    let first_monday = first.saturating_add_days(-(first.weekday().index() as i64));
    let weeks = (last.days_since(first_monday) / 7 + 1).clamp(1, 60);
    h.push_str("<section><h2>Calendar</h2>\n<p>Each day shows its date and the number of sessions (● per session). Days outside the period are hatched.</p>\n<div class=\"scroll\"><table class=\"cal\">\n<tr>");
    for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
        let _ = write!(h, "<th scope=\"col\">{d}</th>");
    }
    h.push_str("</tr>\n");
    for w in 0..weeks {
        h.push_str("<tr>");
        for d in 0..7 {
            let day = first_monday.saturating_add_days(w * 7 + d);
            let n = per_day.get(&day).copied().unwrap_or(0);
            let mut class = Vec::new();
            if day < first || day > last {
                class.push("out");
            }
            if day == input.today {
                class.push("today");
            }
            let label = if day.day == 1 || (w == 0 && d == 0) {
                format!("{} {}", month_short(day), day.day)
            } else {
                day.day.to_string()
            };
            let marks = match n {
                0 => "–".to_string(),
                1..=3 => "●".repeat(n as usize),
                n => format!("●×{n}"),
            };
            let _ = write!(
                h,
                "<td class=\"{}\" title=\"{day}: {n} session(s)\"><span class=\"d\">{label}</span><span class=\"s\">{marks}</span></td>",
                class.join(" ")
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table></div></section>\n");
}

fn month_short(d: Date) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][usize::from(d.month) - 1]
}

/// Pain before (open circles, dashed line) and after (filled squares, solid
/// line) for each rated session, in time order.
fn chart_section(h: &mut String, records: &[&SessionRecord]) {
    let rated: Vec<&&SessionRecord> = records
        .iter()
        .filter(|r| r.pain_before.is_some() || r.pain_after.is_some())
        .collect();
    h.push_str("<section><h2>Pain before and after sessions</h2>\n");
    if rated.is_empty() {
        h.push_str("<p class=\"none\">No session has a pain rating yet.</p></section>\n");
        return;
    }
    let (w, ht, left, right, top, bottom) = (640.0, 260.0, 34.0, 12.0, 12.0, 40.0);
    let plot_w = w - left - right;
    let plot_h = ht - top - bottom;
    let n = rated.len();
    let x = |i: usize| {
        if n == 1 {
            left + plot_w / 2.0
        } else {
            left + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |p: u8| top + plot_h * (1.0 - f64::from(p) / 10.0);
    let _ = writeln!(
        h,
        "<svg viewBox=\"0 0 {w} {ht}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"chart-title\">Pain on a 0 to 10 scale before and after each of {n} rated sessions, {} to {}</title>",
        rated[0].local_date(),
        rated[n - 1].local_date()
    );
    for p in (0..=10).step_by(2) {
        let _ = writeln!(
            h,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{p}</text>",
            w - right,
            left - 6.0,
            y(p) + 4.0,
            y = y(p)
        );
    }
    let line = |pick: fn(&SessionRecord) -> Option<u8>| -> String {
        rated
            .iter()
            .enumerate()
            .filter_map(|(i, r)| pick(r).map(|p| format!("{:.1},{:.1}", x(i), y(p))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(
        h,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>",
        line(|r| r.pain_before)
    );
    let _ = writeln!(
        h,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#111\" stroke-width=\"2\"/>",
        line(|r| r.pain_after)
    );
    for (i, r) in rated.iter().enumerate() {
        let date = r.local_date();
        if let Some(p) = r.pain_before {
            let _ = writeln!(
                h,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"1.5\"><title>{date} {}: before {p}</title></circle>",
                x(i),
                y(p),
                escape(&r.routine_title)
            );
        }
        if let Some(p) = r.pain_after {
            let _ = writeln!(
                h,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"#111\"><title>{date} {}: after {p}</title></rect>",
                x(i) - 3.5,
                y(p) - 3.5,
                escape(&r.routine_title)
            );
        }
    }
    let _ = writeln!(
        h,
        "<text x=\"{left}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        ht - bottom + 16.0,
        rated[0].local_date(),
        w - right,
        ht - bottom + 16.0,
        rated[n - 1].local_date()
    );
    let _ = writeln!(
        h,
        "<circle cx=\"{left}\" cy=\"{ly}\" r=\"4\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\">before (dashed)</text>\
         <rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"#111\"/><text x=\"{}\" y=\"{}\">after (solid)</text>",
        left + 8.0,
        ht - 8.0,
        left + 130.0,
        ht - 15.5,
        left + 142.0,
        ht - 8.0,
        ly = ht - 12.0
    );
    h.push_str("</svg>\n</section>\n");
}

fn notes_section(h: &mut String, records: &[&SessionRecord]) {
    h.push_str("<section><h2>Notes from the patient</h2>\n");
    let noted: Vec<_> = records.iter().filter(|r| r.note_text().is_some()).collect();
    if noted.is_empty() {
        h.push_str("<p class=\"none\">No notes.</p>\n");
    } else {
        h.push_str("<ul class=\"notes\">\n");
        for r in noted {
            let pain = match (r.pain_before, r.pain_after) {
                (Some(b), Some(a)) => format!(" · pain {b} → {a}"),
                (Some(b), None) => format!(" · pain before {b}"),
                (None, Some(a)) => format!(" · pain after {a}"),
                (None, None) => String::new(),
            };
            let marks = match r.discomfort.len() {
                0 => String::new(),
                n => format!(" · {n} “too much” tap(s)"),
            };
            let _ = writeln!(
                h,
                "<li><b>{}</b> · {}{}{pain}{marks}<blockquote>{}</blockquote></li>",
                r.local_date(),
                escape(&r.routine_title),
                if r.outcome == super::SessionOutcome::Stopped {
                    " (stopped early)"
                } else {
                    ""
                },
                escape(r.note_text().unwrap_or_default())
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

#[cfg(test)]
mod tests;
