//! The general safety screen shown once before the first session, in the
//! core so that every shell shows the same words.

use std::sync::OnceLock;

use serde::Serialize;

use crate::text::Text;
use crate::validate::Checker;

const SAFETY_JSON: &str = include_str!("../data/safety.json");

/// Bump when the screen's content changes in a way people must see again.
pub const SAFETY_SCREEN_VERSION: u32 = 1;

/// The safety screen in all languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SafetyScreen {
    /// Heading.
    pub title: Text,
    /// Opening paragraph.
    pub intro: Text,
    /// When not to self-massage.
    pub do_not: Vec<Text>,
    /// When to stop at once.
    pub stop_if: Vec<Text>,
    /// When to see a professional.
    pub see_someone: Text,
    /// Label of the button that accepts the screen.
    pub accept: Text,
}

/// The safety screen in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalSafetyScreen {
    /// Content version; shells show the screen again when it grows.
    pub version: u32,
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
    /// Button label.
    pub accept: String,
}

fn parse() -> Option<SafetyScreen> {
    let value: serde_json::Value = serde_json::from_str(SAFETY_JSON).ok()?;
    let mut c = Checker::default();
    let map = c.object(&value, "", "the safety screen")?;
    let screen = SafetyScreen {
        title: c.text(map, "", "title", true)?,
        intro: c.text(map, "", "intro", true)?,
        do_not: c.texts(map, "", "do_not"),
        stop_if: c.texts(map, "", "stop_if"),
        see_someone: c.text(map, "", "see_someone", true)?,
        accept: c.text(map, "", "accept", true)?,
    };
    c.problems.is_empty().then_some(screen)
}

/// The safety screen with every language.
pub fn safety_screen() -> &'static SafetyScreen {
    static SCREEN: OnceLock<SafetyScreen> = OnceLock::new();
    SCREEN.get_or_init(|| {
        parse().unwrap_or_else(|| {
            // A test keeps this from shipping; show a plain English minimum.
            log::error!("the built-in safety screen is invalid");
            SafetyScreen {
                title: Text::plain("Before you start"),
                intro: Text::plain("Self-massage should feel comfortable. Stop if anything hurts sharply, and ask your therapist or doctor if you are unsure."),
                do_not: Vec::new(),
                stop_if: Vec::new(),
                see_someone: Text::plain("Seek help at once for chest pain, sudden weakness or numbness."),
                accept: Text::plain("I understand"),
            }
        })
    })
}

/// The safety screen in `lang`.
pub fn local_safety_screen(lang: &str) -> LocalSafetyScreen {
    let s = safety_screen();
    LocalSafetyScreen {
        version: SAFETY_SCREEN_VERSION,
        title: s.title.get(lang).to_string(),
        intro: s.intro.get(lang).to_string(),
        do_not: s.do_not.iter().map(|t| t.get(lang).to_string()).collect(),
        stop_if: s.stop_if.iter().map(|t| t.get(lang).to_string()).collect(),
        see_someone: s.see_someone.get(lang).to_string(),
        accept: s.accept.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_screen_parses_in_three_languages() {
        assert!(parse().is_some(), "core/data/safety.json is invalid");
        let s = safety_screen();
        assert!(s.do_not.len() >= 6);
        assert!(!s.stop_if.is_empty());
        let all = [&s.title, &s.intro, &s.see_someone, &s.accept]
            .into_iter()
            .chain(&s.do_not)
            .chain(&s.stop_if);
        for t in all {
            let langs: Vec<_> = t.languages().collect();
            assert_eq!(langs, ["en", "es", "de"], "{t:?}");
        }
        let de = local_safety_screen("de");
        assert_ne!(de.title, local_safety_screen("en").title);
        let en = local_safety_screen("en").do_not.join(" ").to_lowercase();
        for topic in ["clot", "wound", "fracture", "swollen", "numb"] {
            assert!(en.contains(topic), "the screen does not mention {topic}");
        }
    }
}
