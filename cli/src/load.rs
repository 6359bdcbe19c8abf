//! Loading routines from built-in ids and files: the CLI's file I/O.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use unknot_core::limits::MAX_FILE_BYTES;
use unknot_core::{builtin, parse_routine, Problem, Routine};

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// Usage or I/O: exit 2.
    Io(String),
    /// The document is invalid: exit 1, one line per problem.
    Invalid {
        /// File name as given.
        file: String,
        /// Every problem.
        problems: Vec<Problem>,
    },
}

impl CliError {
    /// Prints the error to stderr (problems to stdout, one a line).
    pub fn report(&self) {
        match self {
            CliError::Io(m) => eprintln!("unknot: {m}"),
            CliError::Invalid { file, problems } => print_problems(file, problems),
        }
    }

    /// 2 for usage and I/O, 1 for invalid documents.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Io(_) => ExitCode::from(2),
            CliError::Invalid { .. } => ExitCode::from(1),
        }
    }
}

/// Prints `<file>: <path>: <message>` lines.
pub fn print_problems(file: &str, problems: &[Problem]) {
    for p in problems {
        println!("{file}: {p}");
    }
}

/// Reads a text file of at most `limit` bytes (plus one, so the parser
/// reports the size), as an I/O error when it cannot be read.
pub fn read_text(file: &str, limit: usize) -> Result<String, CliError> {
    let meta = fs::metadata(file).map_err(|e| CliError::Io(format!("{file}: {e}")))?;
    if meta.is_dir() {
        return Err(CliError::Io(format!("{file}: is a directory")));
    }
    if meta.len() > limit as u64 {
        return Err(CliError::Invalid {
            file: file.to_string(),
            problems: vec![Problem::new(
                "(document)",
                format!(
                    "the file is {} bytes; the limit is {limit} bytes",
                    meta.len()
                ),
            )],
        });
    }
    let bytes = fs::read(file).map_err(|e| CliError::Io(format!("{file}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| CliError::Invalid {
        file: file.to_string(),
        problems: vec![Problem::new(
            "(document)",
            format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .with_hint("save it as UTF-8")],
    })
}

/// Parses a routine file.
pub fn routine_file(file: &str) -> Result<Routine, CliError> {
    let text = read_text(file, MAX_FILE_BYTES)?;
    parse_routine(&text).map_err(|e| CliError::Invalid {
        file: file.to_string(),
        problems: e.problems(),
    })
}

/// A built-in routine by id, or else a routine file.
pub fn routine(arg: &str) -> Result<Routine, CliError> {
    if let Some(r) = builtin(arg) {
        return Ok(r.clone());
    }
    if Path::new(arg).exists() {
        return routine_file(arg);
    }
    Err(CliError::Io(format!(
        "{arg}: no built-in routine has this id and no such file exists (see `unknot routines`)"
    )))
}

/// Checks files one by one with `check` (which returns a one-line summary
/// of a valid file): prints one line per problem and exits 0 when all are
/// valid, 1 when any has problems, 2 when any could not be read.
pub fn validate_files(
    files: &[String],
    check: impl Fn(&str) -> Result<String, CliError>,
) -> Result<ExitCode, CliError> {
    let (mut invalid, mut io) = (false, false);
    for f in files {
        match check(f) {
            Ok(summary) => eprintln!("{f}: ok ({summary})"),
            Err(CliError::Invalid { file, problems }) => {
                print_problems(&file, &problems);
                invalid = true;
            }
            Err(e) => {
                e.report();
                io = true;
            }
        }
    }
    Ok(if io {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
