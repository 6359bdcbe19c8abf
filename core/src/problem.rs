//! Validation problems and the errors that carry them.

use std::fmt;

use serde::Serialize;

/// One thing wrong with a routine or program file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: a JSON path such as `steps[2].hold`, `line 3, column 7` for a
    /// syntax error, or `(document)` for the whole file.
    pub path: String,
    /// What is wrong, in words a therapist understands.
    pub message: String,
    /// How to fix it, when there is a likely fix (`did you mean "hold"?`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Problem {
    /// A problem without a hint.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message with its hint, without the path.
    pub fn message_with_hint(&self) -> String {
        match &self.hint {
            Some(h) => format!("{} ({})", self.message, h),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message_with_hint())
    }
}

/// Why a document could not be turned into a routine or program.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The file is not JSON; line and column are 1-based.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The file is larger than the limit.
    #[error("the file is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the input.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON is well formed but breaks rules of the format.
    #[error("{} problem(s): {}", .0.len(), .0.first().map(|p| p.to_string()).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl DocumentError {
    /// Every problem as a list, a syntax error or size error included, so
    /// shells print one line per problem.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            DocumentError::Syntax {
                line,
                column,
                message,
            } => vec![
                Problem::new(format!("line {line}, column {column}"), message.clone()).with_hint(
                    "the file is not valid JSON; check commas, quotes and brackets near there",
                ),
            ],
            DocumentError::TooLarge { .. } => vec![Problem::new("(document)", self.to_string())],
            DocumentError::Invalid(p) => p.clone(),
        }
    }
}

/// Parses JSON text within `limit` bytes, turning parser errors into
/// [`DocumentError`]. Deep nesting is refused by the parser, never a panic.
pub fn parse_json(text: &str, limit: usize) -> Result<serde_json::Value, DocumentError> {
    if text.len() > limit {
        return Err(DocumentError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the path carries that.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        DocumentError::Syntax {
            line: e.line().max(1),
            column: e.column().max(1),
            message,
        }
    })
}

/// The closest candidate to `word` when it looks like a typing slip.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        let d = strsim::damerau_levenshtein(&lower, c);
        let allowed = (c.len() / 3).clamp(1, 3);
        if d <= allowed && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let c = ["hold", "reps", "rest", "sides", "switch", "area"];
        assert_eq!(did_you_mean("hodl", &c), Some("hold"));
        assert_eq!(did_you_mean("HOLD", &c), Some("hold"));
        assert_eq!(did_you_mean("side", &c), Some("sides"));
        assert_eq!(did_you_mean("colour", &c), None);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse_json("{\n  \"id\": \"x\",\n  oops\n}", 100).unwrap_err();
        match err {
            DocumentError::Syntax { line, column, .. } => {
                assert_eq!(line, 3);
                assert!(column >= 3);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn oversized_and_deep_input_are_errors() {
        assert!(matches!(
            parse_json("[1,2,3]", 3),
            Err(DocumentError::TooLarge { bytes: 7, .. })
        ));
        let deep = "[".repeat(100_000);
        assert!(matches!(
            parse_json(&deep, usize::MAX),
            Err(DocumentError::Syntax { .. })
        ));
    }
}
