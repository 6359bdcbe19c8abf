//! `unknot simulate`: drives the engine from a script, with no real time.

use std::io::Write;
use std::process::ExitCode;

use unknot_core::engine::script::{parse_script, run_script, MAX_SCRIPT_BYTES};
use unknot_core::Session;

use crate::load::{self, CliError};

/// `unknot simulate <id|file> --script <script.json>`.
pub fn simulate(arg: &str, script_file: &str, lang: &str) -> Result<ExitCode, CliError> {
    let routine = load::routine(arg)?;
    let text = match load::read_text(script_file, MAX_SCRIPT_BYTES) {
        Ok(t) => t,
        Err(CliError::Invalid { problems, .. }) => {
            let m = problems
                .first()
                .map(|p| p.message.clone())
                .unwrap_or_default();
            return Err(CliError::Io(format!("{script_file}: {m}")));
        }
        Err(e) => return Err(e),
    };
    let script = parse_script(&text).map_err(|e| CliError::Io(format!("{script_file}: {e}")))?;
    let mut session = Session::new(routine, lang);
    let mut out = std::io::stdout().lock();
    for event in run_script(&mut session, &script) {
        let line = serde_json::to_string(&event).map_err(|e| CliError::Io(e.to_string()))?;
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
