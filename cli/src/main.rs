//! `unknot`: the terminal shell over unknot-core.

use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod cue_out;
mod data_dir;
mod display;
mod journal_cmds;
mod library_cmds;
mod load;
mod play_cmd;
mod program_cmds;
mod simulate_cmd;

/// Unknot: guided self-massage, stretching and breathing routines.
#[derive(Parser)]
#[command(name = "unknot", version, about)]
struct Cli {
    /// Language for texts and speech (e.g. en, de, es). Default: from LC_ALL, LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "TAG")]
    lang: Option<String>,
    /// Where Unknot keeps its data (the active program). Default: the platform's data directory.
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in routines: id, title, timed duration, tags.
    Routines {
        /// Only routines matching these words (title, summary, areas, tools; any case, accents optional).
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        /// Only routines working this body area (`lower_back`).
        #[arg(long, value_name = "AREA")]
        area: Option<String>,
        /// Only routines using this tool (`ball`).
        #[arg(long, value_name = "TOOL")]
        tool: Option<String>,
        /// Only routines at most this many minutes long (timed).
        #[arg(long, value_name = "N")]
        max_minutes: Option<u32>,
    },
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
    /// Play a routine with a live timer in the terminal.
    Play {
        /// A built-in routine id or a routine file.
        routine: String,
        /// Run time this many times faster (for demos and tests).
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
        /// Speak cues through espeak-ng or say, where one is installed (the same as --cues voice).
        #[arg(long, conflicts_with = "cues")]
        voice: bool,
        /// How cues are given: voice (speech, with chimes at a new step or
        /// side), tones (a tone for each cue, through paplay, aplay, play or
        /// afplay) or vibration (no effect on a terminal). Without it or
        /// --voice, cues ring the terminal bell only.
        #[arg(long, value_name = "STYLE", value_parser = ["voice", "tones", "vibration"])]
        cues: Option<String>,
    },
    /// Drive the engine from a command script with no real time; prints JSON lines.
    Simulate {
        /// A built-in routine id or a routine file.
        routine: String,
        /// The script: a JSON array of {"at_ms", "do", "ms"} entries.
        #[arg(long, value_name = "FILE")]
        script: String,
    },
    /// Home programs: check, show, share by QR code, import, print.
    Program {
        #[command(subcommand)]
        command: ProgramCommand,
    },
    /// What the active program asks for today.
    Today {
        /// The day to ask about (default: today's local date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Print one JSON object.
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
        today: Option<unknot_core::CivilDate>,
    },
    /// Export the journal as CSV and/or a FHIR R4 bundle.
    Export {
        /// Write sessions as CSV to this file.
        #[arg(long, value_name = "PATH")]
        csv: Option<PathBuf>,
        /// Write a FHIR R4 Bundle (JSON) to this file.
        #[arg(long, value_name = "PATH")]
        fhir: Option<PathBuf>,
    },
    /// Write the therapist's report as one HTML page.
    Report {
        /// The HTML file to write.
        #[arg(long, value_name = "PATH")]
        html: PathBuf,
        /// The day the report is made (YYYY-MM-DD). Default: today.
        #[arg(long, value_parser = journal_cmds::parse_date)]
        today: Option<unknot_core::CivilDate>,
    },
}

#[derive(Subcommand)]
enum ProgramCommand {
    /// Check program files; prints one line per problem.
    Validate {
        /// Program files.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Show a program: weeks, schedule, routines and their lengths.
    Show {
        /// A program file or a share code.
        program: String,
    },
    /// Print a program's share code and draw its QR code.
    Share {
        /// A program file.
        file: String,
        /// Print only the code, on one line.
        #[arg(long)]
        code: bool,
        /// Write the QR code as SVG.
        #[arg(long, value_name = "PATH")]
        svg: Option<PathBuf>,
        /// Write the QR code as PNG.
        #[arg(long, value_name = "PATH")]
        png: Option<PathBuf>,
    },
    /// Validate a program and make it the active program.
    Import {
        /// A share code or a program file.
        program: String,
    },
    /// Write a printable page for the patient.
    Handout {
        /// A program file or a share code.
        program: String,
        /// Where to write the HTML page.
        #[arg(long, value_name = "PATH", required = true)]
        html: PathBuf,
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
    // Die quietly when the reader of our output goes away (`unknot plan | head`).
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let lang = language(cli.lang);
    let result = match cli.command {
        Command::Routines {
            search,
            area,
            tool,
            max_minutes,
        } => library_cmds::routines(
            &unknot_core::search::LibraryQuery {
                text: search.unwrap_or_default(),
                area,
                tool,
                max_minutes,
            },
            &lang,
        ),
        Command::Show { routine } => library_cmds::show(&routine, &lang),
        Command::Validate { files } => library_cmds::validate(&files),
        Command::Plan { routine, json } => library_cmds::plan(&routine, json, &lang),
        Command::Simulate { routine, script } => simulate_cmd::simulate(&routine, &script, &lang),
        Command::Play {
            routine,
            speed,
            voice,
            cues,
        } => data_dir::resolve(cli.data_dir).and_then(|dir| {
            play_cmd::play(
                &routine,
                play_cmd::PlayOptions {
                    speed,
                    cues: cues
                        .as_deref()
                        .and_then(unknot_core::sound::CueStyle::from_name)
                        .or(voice.then_some(unknot_core::sound::CueStyle::Voice)),
                    lang: lang.clone(),
                },
                &dir,
            )
        }),
        Command::Program { command } => match command {
            ProgramCommand::Validate { files } => program_cmds::validate(&files),
            ProgramCommand::Show { program } => program_cmds::show(&program, &lang),
            ProgramCommand::Share {
                file,
                code,
                svg,
                png,
            } => program_cmds::share(&file, code, svg.as_deref(), png.as_deref()),
            ProgramCommand::Import { program } => data_dir::resolve(cli.data_dir)
                .and_then(|d| program_cmds::import(&program, &d, &lang)),
            ProgramCommand::Handout { program, html } => {
                program_cmds::handout(&program, &html, &lang)
            }
        },
        Command::Today { date, json } => data_dir::resolve(cli.data_dir)
            .and_then(|d| program_cmds::today(&d, date.as_deref(), json, &lang)),
        Command::Journal(journal_cmds::JournalCommand::Add(a)) => {
            data_dir::resolve(cli.data_dir).and_then(|d| journal_cmds::add(&d, a, &lang))
        }
        Command::Log { limit } => {
            data_dir::resolve(cli.data_dir).and_then(|d| journal_cmds::log(&d, limit))
        }
        Command::Stats { json, today } => data_dir::resolve(cli.data_dir)
            .and_then(|d| journal_cmds::stats(&d, json, today, &lang)),
        Command::Export { csv, fhir } => {
            data_dir::resolve(cli.data_dir).and_then(|d| journal_cmds::export(&d, csv, fhir, &lang))
        }
        Command::Report { html, today } => data_dir::resolve(cli.data_dir)
            .and_then(|d| journal_cmds::report(&d, &html, today, &lang)),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            e.report();
            e.exit_code()
        }
    }
}
