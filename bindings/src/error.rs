//! The one error type every fallible export returns.

use unknot_core::journal::JournalError;
use unknot_core::{DocumentError, ImportError, Problem as CoreProblem, QrError, ShareError};

use crate::convert::{count, count32};

/// One thing wrong with a routine document.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// Where: a JSON path such as `steps[2].hold`, `line 3, column 7`, or `(document)`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is a likely fix.
    pub hint: Option<String>,
}

impl From<&CoreProblem> for Problem {
    fn from(p: &CoreProblem) -> Self {
        Problem {
            path: p.path.clone(),
            message: p.message.clone(),
            hint: p.hint.clone(),
        }
    }
}

/// Why a call failed. Kotlin sees it as `UnknotException`, Swift as `UnknotError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum UnknotError {
    /// The routine document is not valid; every problem is listed (a JSON
    /// syntax error or an oversized file is one problem).
    #[error("the routine is not valid: {}", summary(problems))]
    InvalidRoutine {
        /// Every problem, in document order.
        problems: Vec<Problem>,
    },
    /// No built-in routine has this id.
    #[error("no built-in routine is called {id:?}")]
    UnknownRoutine {
        /// The id asked for.
        id: String,
    },
    /// The program cannot be edited as a draft (a routine is written out in
    /// full rather than taken from the library).
    #[error("{reason}")]
    NotEditable {
        /// Why, as a sentence to show.
        reason: String,
    },
    /// A saved session could not be restored.
    #[error("the saved session cannot be restored: {reason}")]
    BadSnapshot {
        /// Why.
        reason: String,
    },
    /// The program document is not valid; every problem is listed.
    #[error("the program is not valid: {}", summary(problems))]
    InvalidProgram {
        /// Every problem, in document order.
        problems: Vec<Problem>,
    },
    /// The program has no routine with this id.
    #[error("the program has no routine called {id:?}")]
    NotInProgram {
        /// The id asked for.
        id: String,
    },
    /// A date is not a calendar date written `YYYY-MM-DD`.
    #[error("{value:?} is not a date ({reason})")]
    BadDate {
        /// The text given.
        value: String,
        /// Why.
        reason: String,
    },
    /// A share code could not be read.
    #[error("{reason}")]
    BadShareCode {
        /// What is wrong, for the app to choose what to offer.
        problem: ShareProblem,
        /// The sentence to show.
        reason: String,
    },
    /// The share code is too long for one QR code.
    #[error("the program is too large for one QR code ({chars} characters; a code holds at most {max}); share the .unknot file instead")]
    QrTooLarge {
        /// Length of the code.
        chars: i32,
        /// Most characters one QR code holds.
        max: i32,
    },
    /// The journal file was written by a newer version of Unknot; it was left as it is.
    #[error("the journal was written by a newer version of Unknot (schema {found}; this version reads up to {supported}); update the app")]
    JournalTooNew {
        /// The file's schema version.
        found: i32,
        /// The newest schema this version reads.
        supported: i32,
    },
    /// The file is not an Unknot journal; it was left as it is.
    #[error("the file is not an Unknot journal: {reason}")]
    NotAJournal {
        /// Why.
        reason: String,
    },
    /// The session breaks the journal's rules; nothing was written.
    #[error("the session cannot be saved: {}", problems.join("; "))]
    InvalidSession {
        /// Every rule broken, as sentences.
        problems: Vec<String>,
    },
    /// A pain rating is off the scale (0 to `max`).
    #[error("pain {value} is not on the scale; ratings go from 0 to {max}")]
    BadPain {
        /// The rating given.
        value: i32,
        /// The highest rating.
        max: i32,
    },
    /// A draft has no routine at this position.
    #[error("the draft has no routine number {index} (it has {count})")]
    NoSuchItem {
        /// The position asked for, from 0.
        index: i32,
        /// How many routines the draft has.
        count: i32,
    },
    /// The journal could not be read or written (disk full, a damaged
    /// file, a checkpoint too large); nothing was changed.
    #[error("journal: {reason}")]
    JournalFailed {
        /// Why.
        reason: String,
    },
}

/// Why a share code could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ShareProblem {
    /// Nothing was given.
    Empty,
    /// The text is not an Unknot code (no `UK1:` prefix).
    NotACode,
    /// A code from a newer version of Unknot: the app should be updated.
    NewerVersion,
    /// Longer than any QR code holds.
    TooLong,
    /// Damaged or incomplete: scan or copy it again.
    Damaged,
    /// Compressed in a way this version does not know: update the app.
    UnknownMethod,
    /// Unpacks to more than any program needs.
    TooLarge,
}

fn summary(problems: &[Problem]) -> String {
    let first = problems
        .first()
        .map(|p| format!("{}: {}", p.path, p.message))
        .unwrap_or_default();
    match problems.len() {
        0 | 1 => first,
        n => format!("{first} (and {} more)", n - 1),
    }
}

impl From<DocumentError> for UnknotError {
    fn from(e: DocumentError) -> Self {
        UnknotError::InvalidRoutine {
            problems: e.problems().iter().map(Problem::from).collect(),
        }
    }
}

impl UnknotError {
    /// A program document's problems.
    pub fn invalid_program(e: &DocumentError) -> Self {
        UnknotError::InvalidProgram {
            problems: e.problems().iter().map(Problem::from).collect(),
        }
    }
}

impl From<ShareError> for UnknotError {
    fn from(e: ShareError) -> Self {
        let problem = match &e {
            ShareError::Empty => ShareProblem::Empty,
            ShareError::NotACode => ShareProblem::NotACode,
            ShareError::NewerVersion { .. } => ShareProblem::NewerVersion,
            ShareError::TooLong { .. } => ShareProblem::TooLong,
            ShareError::Base45(_) | ShareError::Damaged(_) | ShareError::NotText => {
                ShareProblem::Damaged
            }
            ShareError::UnknownMethod(_) => ShareProblem::UnknownMethod,
            ShareError::TooLarge { .. } => ShareProblem::TooLarge,
        };
        UnknotError::BadShareCode {
            problem,
            reason: e.to_string(),
        }
    }
}

impl From<ImportError> for UnknotError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Code(e) => e.into(),
            ImportError::Program(e) => UnknotError::invalid_program(&e),
        }
    }
}

impl From<QrError> for UnknotError {
    fn from(e: QrError) -> Self {
        match e {
            QrError::TooLarge { chars, max } => UnknotError::QrTooLarge {
                chars: count(chars),
                max: count(max),
            },
        }
    }
}

impl From<JournalError> for UnknotError {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::TooNew { found, supported } => UnknotError::JournalTooNew {
                found: count32(found),
                supported: count32(supported),
            },
            JournalError::NotAJournal(reason) => UnknotError::NotAJournal { reason },
            JournalError::Invalid(problems) => UnknotError::InvalidSession {
                problems: problems.iter().map(|p| p.to_string()).collect(),
            },
            other => UnknotError::JournalFailed {
                reason: other.to_string(),
            },
        }
    }
}
