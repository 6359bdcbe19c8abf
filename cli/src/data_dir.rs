//! Where the CLI keeps its data (active program, journal, settings).

use std::path::PathBuf;

use crate::load::CliError;

/// The data directory: `--data-dir`, or the platform's data directory for Unknot.
pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    match flag {
        Some(p) => Ok(p),
        None => directories::ProjectDirs::from("app", "Unknot", "unknot")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| CliError::Io("no home directory found; pass --data-dir".into())),
    }
}

/// Creates the directory if needed.
pub fn ensure(dir: &std::path::Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| CliError::Io(format!("{}: {e}", dir.display())))
}
