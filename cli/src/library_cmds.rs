//! `routines`, `show`, `validate` and `plan`.

use std::process::ExitCode;

use unknot_core::search::{search_builtin, LibraryQuery};
use unknot_core::timeline::step_timed_ms;
use unknot_core::{build_timeline, Routine};

use crate::display::{mmss, step_detail};
use crate::load::{self, CliError};

/// `unknot routines [--search WORDS] [--area A] [--tool T] [--max-minutes N]`:
/// 0 with the routines found, 1 when none matches.
pub fn routines(query: &LibraryQuery, lang: &str) -> Result<ExitCode, CliError> {
    let list = search_builtin(query, lang);
    if list.is_empty() {
        eprintln!("No routine matches.");
        return Ok(ExitCode::from(1));
    }
    let id_w = list.iter().map(|s| s.id.len()).max().unwrap_or(0);
    let title_w = list
        .iter()
        .map(|s| s.title.chars().count())
        .max()
        .unwrap_or(0);
    for s in list {
        println!(
            "{:id_w$}  {:title_w$}  {:>6}  {}",
            s.id,
            s.title,
            mmss(s.timed_ms),
            s.tags.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `unknot show <id|file>`.
pub fn show(arg: &str, lang: &str) -> Result<ExitCode, CliError> {
    let routine = load::routine(arg)?;
    print!("{}", outline(&routine, lang));
    Ok(ExitCode::SUCCESS)
}

/// A readable outline of a routine.
pub fn outline(r: &Routine, lang: &str) -> String {
    let t = build_timeline(r, lang);
    let mut out = String::new();
    let untimed = if t.untimed > 0 {
        format!(", {} untimed", t.untimed)
    } else {
        String::new()
    };
    out.push_str(&format!(
        "{} ({}): {} timed, {} steps{untimed}\n",
        r.title.get(lang),
        r.id,
        mmss(t.timed_ms),
        r.steps.len()
    ));
    if let Some(s) = &r.summary {
        out.push_str(&format!("{}\n", s.get(lang)));
    }
    if !r.equipment.is_empty() {
        let tools: Vec<_> = r.equipment.iter().map(|t| t.as_str()).collect();
        out.push_str(&format!("Equipment: {}\n", tools.join(", ")));
    }
    if !r.tags.is_empty() {
        out.push_str(&format!("Tags: {}\n", r.tags.join(", ")));
    }
    for c in &r.cautions {
        out.push_str(&format!("Caution: {}\n", c.get(lang)));
    }
    out.push('\n');
    for (i, (step, span)) in r.steps.iter().zip(&t.steps).enumerate() {
        let time = if step_timed_ms(step) > 0 {
            format!(" ({})", mmss(span.timed_ms))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{:>3}. {:>6}  {:<10} {}{time}\n",
            i + 1,
            mmss(span.start_ms),
            step.body.kind(),
            step.title.get(lang)
        ));
        out.push_str(&format!("{:20}{}\n", "", step_detail(&step.body)));
        if let Some(ins) = &step.instructions {
            out.push_str(&format!("{:20}{}\n", "", ins.get(lang)));
        }
    }
    out
}

/// `unknot validate <file>...`: 0 all valid, 1 problems, 2 I/O errors.
pub fn validate(files: &[String]) -> Result<ExitCode, CliError> {
    load::validate_files(files, |f| {
        load::routine_file(f).map(|r| format!("{}, {} steps", r.id, r.steps.len()))
    })
}

/// `unknot plan <id|file> [--json]`.
pub fn plan(arg: &str, json: bool, lang: &str) -> Result<ExitCode, CliError> {
    let routine = load::routine(arg)?;
    let t = build_timeline(&routine, lang);
    if json {
        let text = serde_json::to_string(&t).map_err(|e| CliError::Io(e.to_string()))?;
        println!("{text}");
    } else {
        println!(
            "{} ({}): {} timed, {} untimed segments",
            t.title,
            t.routine,
            mmss(t.timed_ms),
            t.untimed
        );
        for s in &t.segments {
            let dur = s.duration_ms.map(mmss).unwrap_or_else(|| "wait".into());
            let side = s.side.map(|x| x.as_str()).unwrap_or("");
            println!(
                "{:>4} {:>6} {:>6}  step {:<3} {:<9} {:<5}  {}",
                s.index,
                mmss(s.start_ms),
                dur,
                s.step + 1,
                s.kind.as_str(),
                side,
                s.say
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
