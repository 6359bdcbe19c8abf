//! Import: whatever the person pasted, scanned or opened (a share code, a
//! `.unknot` file's text, program JSON) made into a validated program.
//!
//! The text may have whitespace, a byte-order mark or a link around the
//! code (`https://…/#UK1:…`, `unknot:UK1:…`, "code: UK1:…"); everything
//! before the code's `UK<digit>:` is dropped. It is bounded: text longer
//! than [`MAX_IMPORT_BYTES`] is refused before any parsing.

use serde::Serialize;

use crate::limits::MAX_FILE_BYTES;
use crate::problem::DocumentError;
use crate::program::{parse_program, Program};
use crate::share::{decode_program, ImportError, ShareError};

/// Longest text accepted, in bytes (a program file's limit, 1 MiB).
pub const MAX_IMPORT_BYTES: usize = MAX_FILE_BYTES;

/// What the text turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// A share code.
    Code,
    /// Program JSON (a `.unknot` file).
    Json,
}

/// Where the share code starts in `text`: the first `UK<digit>:` (any
/// case) at the start or after a character that is not a letter or digit.
fn code_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find(|&i| {
        b[i..i + 2].eq_ignore_ascii_case(b"UK")
            && b[i + 2].is_ascii_digit()
            && b[i + 3] == b':'
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
    })
}

/// Whether `text` holds a share code somewhere (after a link or words).
pub fn contains_code(text: &str) -> bool {
    code_start(text).is_some()
}

/// The program in `text`, and what the text was.
pub fn import_text(text: &str) -> Result<(Program, ImportKind), ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::Program(DocumentError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        }));
    }
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return Err(ImportError::Code(ShareError::Empty));
    }
    if text.starts_with('{') {
        return Ok((parse_program(text)?, ImportKind::Json));
    }
    match code_start(text) {
        Some(i) => Ok((decode_program(&text[i..])?, ImportKind::Code)),
        None => Err(ImportError::Code(ShareError::NotACode)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::share_code;

    fn example() -> String {
        include_str!("../../docs/examples/calm-breathing.unknot").to_string()
    }

    #[test]
    fn json_with_whitespace_and_a_bom() {
        let json = example();
        let (p, kind) = import_text(&format!("\u{feff}\n  {json}\n\n")).unwrap();
        assert_eq!(kind, ImportKind::Json);
        assert_eq!(p, parse_program(&json).unwrap());
    }

    #[test]
    fn codes_with_links_and_whitespace_around_them() {
        let p = parse_program(&example()).unwrap();
        let code = share_code(&p);
        for text in [
            code.clone(),
            format!("  {code}\n"),
            code.to_ascii_lowercase(),
            format!("https://example.org/import#{code}"),
            format!("unknot:{code}"),
            format!("Your program code: {code} "),
        ] {
            let (got, kind) = import_text(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(kind, ImportKind::Code);
            assert_eq!(got, p);
        }
    }

    #[test]
    fn clear_errors() {
        assert_eq!(
            import_text(" \n\t").unwrap_err(),
            ImportError::Code(ShareError::Empty)
        );
        assert_eq!(
            import_text("hello there").unwrap_err(),
            ImportError::Code(ShareError::NotACode)
        );
        // "UK1:" inside a word is not a code.
        assert_eq!(
            import_text("JUNK1:ABC").unwrap_err(),
            ImportError::Code(ShareError::NotACode)
        );
        assert!(matches!(
            import_text("UK9:ABC").unwrap_err(),
            ImportError::Code(ShareError::NewerVersion { .. })
        ));
        assert!(matches!(
            import_text("UK1:A").unwrap_err(),
            ImportError::Code(_)
        ));
        assert!(matches!(
            import_text("{\"format\": 1}").unwrap_err(),
            ImportError::Program(DocumentError::Invalid(_))
        ));
        let big = format!("{{{}}}", " ".repeat(MAX_IMPORT_BYTES));
        assert_eq!(
            import_text(&big).unwrap_err(),
            ImportError::Program(DocumentError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 2,
                limit: MAX_IMPORT_BYTES
            })
        );
    }
}
