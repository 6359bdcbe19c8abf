//! `unknot`: the terminal shell over unknot-core.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod display;
mod library_cmds;
mod load;

/// Unknot: guided self-massage, stretching and breathing routines.
#[derive(Parser)]
#[command(name = "unknot", version, about)]
struct Cli {
    /// Language for texts and speech (e.g. en, de, es). Default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "TAG")]
    lang: Option<String>,
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
    let result = match cli.command {
        Command::Routines => library_cmds::routines(&lang),
        Command::Show { routine } => library_cmds::show(&routine, &lang),
        Command::Validate { files } => library_cmds::validate(&files),
        Command::Plan { routine, json } => library_cmds::plan(&routine, json, &lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            e.report();
            e.exit_code()
        }
    }
}
