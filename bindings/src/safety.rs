//! The safety screen shown once before the first session, so both apps
//! show the same words.

use crate::convert::count32;

/// The safety screen in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SafetyScreen {
    /// Content version: show the screen again when it is higher than the
    /// version the person accepted.
    pub version: i32,
    /// Heading.
    pub title: String,
    /// Opening paragraph.
    pub intro: String,
    /// When not to self-massage.
    pub do_not: Vec<String>,
    /// When to stop at once.
    pub stop_if: Vec<String>,
    /// When to see a professional.
    pub see_someone: String,
    /// Label of the button that accepts the screen.
    pub accept: String,
}

/// The safety screen in `lang` (English where a text has no translation).
#[uniffi::export]
pub fn safety_screen(lang: String) -> SafetyScreen {
    let s = unknot_core::safety::local_safety_screen(&lang);
    SafetyScreen {
        version: count32(s.version),
        title: s.title,
        intro: s.intro,
        do_not: s.do_not,
        stop_if: s.stop_if,
        see_someone: s.see_someone,
        accept: s.accept,
    }
}
