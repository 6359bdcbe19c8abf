//! The one error type every fallible export returns.

use unknot_core::{DocumentError, Problem as CoreProblem};

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
    /// A saved session could not be restored.
    #[error("the saved session cannot be restored: {reason}")]
    BadSnapshot {
        /// Why.
        reason: String,
    },
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
