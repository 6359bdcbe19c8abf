//! `journal add`, `log`, `stats`, `export` and `report`: the journal from
//! the terminal. The journal lives in `journal.sqlite3` in the data
//! directory (`--data-dir`, or the platform's data directory for Unknot).

use std::path::{Path, PathBuf};

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use unknot_core::journal::export::{local_datetime, to_csv};
use unknot_core::journal::fhir::bundle;
use unknot_core::journal::report::{render, ReportInput};
use unknot_core::journal::{
    local_date, Journal, PressureFeedback, ProgramInfo, SessionEntry, SessionOutcome, SessionRecord,
};
use unknot_core::CivilDate as Date;
use unknot_core::{builtin, Problem};

use crate::display::mmss;
use crate::load::CliError;

/// File name of the journal inside the data directory.
pub const JOURNAL_FILE: &str = "journal.sqlite3";

/// `unknot journal ...`.
#[derive(Subcommand)]
pub enum JournalCommand {
    /// Record a session done without the player (for desk use and tests).
    Add(AddArgs),
}

/// How the pressure felt.
#[derive(Clone, Copy, ValueEnum)]
pub enum PressureArg {
    /// Too light.
    TooLight,
    /// About right.
    Right,
    /// Too firm.
    TooFirm,
}

/// `unknot journal add`.
#[derive(Args)]
pub struct AddArgs {
    /// The routine's id.
    #[arg(long)]
    routine: String,
    /// The routine's title (default: the built-in routine's, else the id).
    #[arg(long)]
    title: Option<String>,
    /// When it started: RFC 3339 (`2024-05-03T07:30:00+02:00`) or UTC milliseconds.
    #[arg(long)]
    start: String,
    /// Active minutes (decimals allowed).
    #[arg(long)]
    minutes: f64,
    /// Pain before, 0-10.
    #[arg(long)]
    pain_before: Option<u8>,
    /// Pain after, 0-10.
    #[arg(long)]
    pain_after: Option<u8>,
    /// How the pressure felt.
    #[arg(long, value_enum)]
    pressure: Option<PressureArg>,
    /// A note.
    #[arg(long)]
    note: Option<String>,
    /// The program the session belongs to.
    #[arg(long)]
    program: Option<String>,
    /// The session was stopped before the end.
    #[arg(long)]
    stopped: bool,
    /// Steps played (default: all of a built-in routine's steps when completed).
    #[arg(long)]
    steps_completed: Option<u32>,
    /// Steps skipped.
    #[arg(long, default_value_t = 0)]
    steps_skipped: u32,
}

/// Opens (creating when needed) the journal in `dir`.
pub fn open(dir: &Path) -> Result<Journal, CliError> {
    std::fs::create_dir_all(dir).map_err(|e| CliError::Io(format!("{}: {e}", dir.display())))?;
    let path = dir.join(JOURNAL_FILE);
    Journal::open(&path).map_err(|e| CliError::Io(format!("{}: {e}", path.display())))
}

fn invalid(problems: Vec<Problem>) -> CliError {
    CliError::Invalid {
        file: "journal".into(),
        problems,
    }
}

/// The phone's offset, here the machine's, at `utc_ms` (UTC when unknown).
fn local_offset_min(utc_ms: i64) -> i32 {
    OffsetDateTime::from_unix_timestamp(utc_ms.div_euclid(1000))
        .ok()
        .and_then(|t| UtcOffset::local_offset_at(t).ok())
        .map(|o| o.whole_minutes() as i32)
        .unwrap_or(0)
}

/// The clock's current time in UTC milliseconds and the local offset: the
/// shell reads the clock, the core never does.
pub fn now() -> (i64, i32) {
    let now = OffsetDateTime::now_utc();
    let ms = (now.unix_timestamp_nanos() / 1_000_000) as i64;
    (ms, local_offset_min(ms))
}

/// Today on this machine's clock.
pub fn today() -> Date {
    let (ms, off) = now();
    local_date(ms, off)
}

fn parse_start(s: &str) -> Result<(i64, i32), CliError> {
    if let Ok(ms) = s.parse::<i64>() {
        return Ok((ms, local_offset_min(ms)));
    }
    let t = OffsetDateTime::parse(s, &Rfc3339).map_err(|e| {
        invalid(vec![Problem::new(
            "--start",
            format!("{s:?} is not a time: {e}"),
        )
        .with_hint(
            "write 2024-05-03T07:30:00+02:00 or milliseconds since 1970",
        )])
    })?;
    Ok((
        (t.unix_timestamp_nanos() / 1_000_000) as i64,
        i32::from(t.offset().whole_minutes()),
    ))
}

/// Records a finished session in the journal in `dir`, clearing the
/// running session's checkpoint; returns its id. `unknot play` calls this
/// when a session ends.
pub fn record_finished_session(dir: &Path, entry: &SessionEntry) -> Result<i64, CliError> {
    if let Err(problems) = entry.validate() {
        return Err(invalid(
            problems
                .iter()
                .map(|p| Problem::new("session", p.to_string()))
                .collect(),
        ));
    }
    let mut j = open(dir)?;
    j.record_and_clear_checkpoint(entry)
        .map_err(|e| CliError::Io(e.to_string()))
}

/// `unknot journal add`.
pub fn add(dir: &Path, a: AddArgs, lang: &str) -> Result<ExitCode, CliError> {
    let (start_ms, utc_offset_min) = parse_start(&a.start)?;
    if !(a.minutes.is_finite() && (0.0..=1440.0).contains(&a.minutes)) {
        return Err(invalid(vec![Problem::new(
            "--minutes",
            format!("{} is not between 0 and 1440", a.minutes),
        )]));
    }
    let active_ms = (a.minutes * 60_000.0).round() as u64;
    let routine = builtin(&a.routine);
    let title = a
        .title
        .or_else(|| routine.map(|r| r.title.get(lang).to_string()))
        .unwrap_or_else(|| a.routine.clone());
    let steps_completed = a.steps_completed.unwrap_or(match (routine, a.stopped) {
        (Some(r), false) => (r.steps.len() as u32).saturating_sub(a.steps_skipped),
        _ => 0,
    });
    let entry = SessionEntry {
        routine_id: a.routine,
        routine_title: title,
        program_id: a.program,
        start_ms,
        end_ms: start_ms.saturating_add(active_ms as i64),
        utc_offset_min,
        active_ms,
        outcome: if a.stopped {
            SessionOutcome::Stopped
        } else {
            SessionOutcome::Completed
        },
        steps_completed,
        steps_skipped: a.steps_skipped,
        pain_before: a.pain_before,
        pain_after: a.pain_after,
        pressure: a.pressure.map(|p| match p {
            PressureArg::TooLight => PressureFeedback::TooLight,
            PressureArg::Right => PressureFeedback::Right,
            PressureArg::TooFirm => PressureFeedback::TooFirm,
        }),
        discomfort: Vec::new(),
        note: a.note,
    };
    let id = record_finished_session(dir, &entry)?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn pain(r: &SessionRecord) -> String {
    match (r.pain_before, r.pain_after) {
        (None, None) => String::new(),
        (b, a) => format!(
            "pain {}→{}",
            b.map(|v| v.to_string()).unwrap_or_else(|| "?".into()),
            a.map(|v| v.to_string()).unwrap_or_else(|| "?".into())
        ),
    }
}

/// `unknot log`: the newest sessions, newest first.
pub fn log(dir: &Path, limit: usize) -> Result<ExitCode, CliError> {
    let j = open(dir)?;
    let recent = j.recent(limit).map_err(|e| CliError::Io(e.to_string()))?;
    if recent.is_empty() {
        println!("No sessions yet.");
    }
    for r in recent {
        let start = local_datetime(r.start_ms, r.utc_offset_min);
        let mut line = format!(
            "{:>5}  {}  {:6}  {:9}  {}",
            r.id,
            &start[..16].replace('T', " "),
            mmss(r.active_ms),
            r.outcome.as_str(),
            r.routine_title
        );
        let p = pain(&r);
        if !p.is_empty() {
            line.push_str(&format!("  {p}"));
        }
        if let Some(n) = r.note_text() {
            let short: String = n.chars().take(60).collect();
            line.push_str(&format!(
                "  “{}{}”",
                short.replace('\n', " "),
                if n.chars().count() > 60 { "…" } else { "" }
            ));
        }
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The active program (from `unknot program import`), if there is one.
fn active_program(dir: &Path, lang: &str) -> Result<Option<ProgramInfo>, CliError> {
    if !dir.join(crate::program_cmds::ACTIVE_PROGRAM).exists() {
        return Ok(None);
    }
    let p = crate::program_cmds::active(dir)?;
    Ok(Some(ProgramInfo::from_program(&p, lang)))
}

/// The records, streak days and summary the stats and the report show.
fn gather(
    dir: &Path,
    today: Date,
    lang: &str,
) -> Result<
    (
        Journal,
        Vec<SessionRecord>,
        Option<ProgramInfo>,
        unknot_core::journal::Summary,
    ),
    CliError,
> {
    let j = open(dir)?;
    let program = active_program(dir, lang)?;
    let (records, summary) = j
        .overview(program.as_ref(), today, lang)
        .map_err(|e| CliError::Io(e.to_string()))?;
    Ok((j, records, program, summary))
}

/// `unknot stats [--json]`.
pub fn stats(
    dir: &Path,
    json: bool,
    today: Option<Date>,
    lang: &str,
) -> Result<ExitCode, CliError> {
    let today = today.unwrap_or_else(self::today);
    let (_, _, program, s) = gather(dir, today, lang)?;
    if json {
        let v = serde_json::json!({
            "today": today.to_string(),
            "program": program.as_ref().map(|p| &p.id),
            "summary": s,
        });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Sessions: {} ({} completed), {} active",
        s.sessions,
        s.completed,
        mmss(s.active_ms)
    );
    println!(
        "Streak: {} day(s){}",
        s.streak.days,
        if s.streak.done_today {
            ", today done"
        } else {
            ""
        }
    );
    if let Some(p) = &program {
        println!("Program: {} ({})", p.title, p.id);
    }
    if let Some(a) = s.adherence {
        println!(
            "Adherence: {:.0}% ({} of {} due in finished weeks)",
            a * 100.0,
            s.done_in_finished_weeks,
            s.due_in_finished_weeks
        );
    }
    for w in &s.weeks {
        println!(
            "  week {:>2}  {} – {}  {:>2}/{:<2}{}",
            w.week,
            w.start,
            w.end,
            w.done,
            w.due,
            if w.in_progress { "  (so far)" } else { "" }
        );
    }
    for f in &s.flags {
        println!("FLAG: {}", f.message);
    }
    Ok(ExitCode::SUCCESS)
}

fn write_file(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|e| CliError::Io(format!("{}: {e}", path.display())))
}

/// `unknot export --csv <path> --fhir <path>`.
pub fn export(
    dir: &Path,
    csv: Option<PathBuf>,
    fhir: Option<PathBuf>,
    lang: &str,
) -> Result<ExitCode, CliError> {
    if csv.is_none() && fhir.is_none() {
        return Err(CliError::Io(
            "export: give --csv <path>, --fhir <path> or both".into(),
        ));
    }
    let j = open(dir)?;
    let records = j.sessions().map_err(|e| CliError::Io(e.to_string()))?;
    if let Some(path) = csv {
        write_file(&path, &to_csv(&records))?;
        eprintln!("{} sessions written to {}", records.len(), path.display());
    }
    if let Some(path) = fhir {
        let program = active_program(dir, lang)?;
        let b = bundle(&records, program.as_ref());
        let text = serde_json::to_string_pretty(&b).unwrap_or_default();
        write_file(&path, &text)?;
        eprintln!(
            "FHIR bundle of {} sessions written to {}",
            records.len(),
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `unknot report --html <path>`.
pub fn report(
    dir: &Path,
    html: &Path,
    today: Option<Date>,
    lang: &str,
) -> Result<ExitCode, CliError> {
    let today = today.unwrap_or_else(self::today);
    let (_, records, program, summary) = gather(dir, today, lang)?;
    let page = render(&ReportInput {
        program: program.as_ref(),
        records: &records,
        summary: &summary,
        today,
    });
    write_file(html, &page)?;
    eprintln!("report written to {}", html.display());
    Ok(ExitCode::SUCCESS)
}

/// Parses `--today YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| format!("{s:?} is not a date (YYYY-MM-DD): {e}"))
}
