//! `unknot`: the terminal shell over unknot-core.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod display;
mod journal_cmds;
mod library_cmds;
mod load;

/// Unknot: guided self-massage, stretching and breathing routines.
#[derive(Parser)]
#[command(name = "unknot", version, about)]
struct Cli {
    /// Language for texts and speech (e.g. en, de, es). Default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "TAG")]
    lang: Option<String>,
    /// Where the journal and the active program are kept. Default: the platform's data directory for Unknot.
    #[arg(long, global = true, value_name = "DIR", env = "UNKNOT_DATA_DIR")]
    data_dir: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in routines: id, title, timed duration, tags.
    Routines,
    /// Show a routine's steps with their times.
    Show {
        /// A built-in routine id or a routine file.
        routine: String,
    },
    /// Check routine files; prints one line per problem.
    Validate {
        /// Routine files.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Print a routine's timeline (every segment with its start and length).
    Plan {
        /// A built-in routine id or a routine file.
        routine: String,
        /// Print the timeline as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// The session journal.
    #[command(subcommand)]
    Journal(journal_cmds::JournalCommand),
    /// The newest sessions in the journal.
    Log {
        /// How many.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Streak, adherence per program week, pain trend and safety flags.
    Stats {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// The day to count to (YYYY-MM-DD). Default: today.
        #[arg(long, value_parser = journal_cmds::parse_date)]
        today: Option<time::Date>,
    },
    /// Export the journal as CSV and/or a FHIR R4 bundle.
    Export {
        /// Write sessions as CSV to this file.
        #[arg(long, value_name = "PATH")]
        csv: Option<std::path::PathBuf>,
        /// Write a FHIR R4 Bundle (JSON) to this file.
        #[arg(long, value_name = "PATH")]
        fhir: Option<std::path::PathBuf>,
    },
    /// Write the therapist's report as one HTML page.
    Report {
        /// The HTML file to write.
        #[arg(long, value_name = "PATH")]
        html: std::path::PathBuf,
        /// The day the report is made (YYYY-MM-DD). Default: today.
        #[arg(long, value_parser = journal_cmds::parse_date)]
        today: Option<time::Date>,
    },
}

/// The language from `--lang` or the environment.
fn language(flag: Option<String>) -> String {
    flag.or_else(|| {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .map(|v| unknot_core::text::language_from_locale(&v))
    })
    .unwrap_or_default()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = language(cli.lang);
    let result =
        match cli.command {
            Command::Routines => library_cmds::routines(&lang),
            Command::Show { routine } => library_cmds::show(&routine, &lang),
            Command::Validate { files } => library_cmds::validate(&files),
            Command::Plan { routine, json } => library_cmds::plan(&routine, json, &lang),
            Command::Journal(journal_cmds::JournalCommand::Add(a)) => {
                journal_cmds::data_dir(cli.data_dir).and_then(|d| journal_cmds::add(&d, a, &lang))
            }
            Command::Log { limit } => {
                journal_cmds::data_dir(cli.data_dir).and_then(|d| journal_cmds::log(&d, limit))
            }
            Command::Stats { json, today } => journal_cmds::data_dir(cli.data_dir)
                .and_then(|d| journal_cmds::stats(&d, json, today)),
            Command::Export { csv, fhir } => journal_cmds::data_dir(cli.data_dir)
                .and_then(|d| journal_cmds::export(&d, csv, fhir)),
            Command::Report { html, today } => journal_cmds::data_dir(cli.data_dir)
                .and_then(|d| journal_cmds::report(&d, &html, today)),
        };
    match result {
        Ok(code) => code,
        Err(e) => {
            e.report();
            e.exit_code()
        }
    }
}
