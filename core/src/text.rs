//! Multilingual text: a plain string, or language tags mapped to strings.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// A text shown or spoken to the user.
///
/// In a routine file it is either a plain string or an object of language
/// tags to strings (`{"en": "Breathe in", "de": "Einatmen"}`). The first
/// entry is the fallback when the requested language is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(Repr);

/// How a text is held: a plain string needs no tag and no list (most texts
/// are plain, and a session keeps every text of its routine), and strings
/// are boxed at their exact length.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    /// A plain string without a language.
    Plain(Box<str>),
    /// `(language tag, text)` in file order; never empty.
    Tagged(Box<[Tagged]>),
}

/// One `(language tag, text)` pair.
type Tagged = (Box<str>, Box<str>);

impl Text {
    /// A text without a language.
    pub fn plain(s: impl Into<String>) -> Self {
        Text(Repr::Plain(s.into().into_boxed_str()))
    }

    /// A text from `(tag, text)` pairs; the first pair is the fallback. A
    /// single pair with an empty tag is a plain text. Returns `None` when
    /// `entries` is empty.
    pub fn from_entries(entries: Vec<(String, String)>) -> Option<Self> {
        match entries.len() {
            0 => None,
            1 if entries[0].0.is_empty() => {
                let (_, s) = entries.into_iter().next()?;
                Some(Text::plain(s))
            }
            _ => Some(Text(Repr::Tagged(
                entries
                    .into_iter()
                    .map(|(t, s)| (t.into_boxed_str(), s.into_boxed_str()))
                    .collect(),
            ))),
        }
    }

    /// True when the text is a plain string without language tags.
    pub fn is_plain(&self) -> bool {
        matches!(self.0, Repr::Plain(_))
    }

    /// `(tag, text)` pairs in order; a plain text is one pair with an empty tag.
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        let (plain, tagged): (Option<&str>, &[Tagged]) = match &self.0 {
            Repr::Plain(s) => (Some(s), &[]),
            Repr::Tagged(e) => (None, e),
        };
        plain
            .map(|s| ("", s))
            .into_iter()
            .chain(tagged.iter().map(|(t, s)| (&**t, &**s)))
    }

    /// The language tags present, in order (empty for a plain string).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.entries().map(|(tag, _)| tag).filter(|t| !t.is_empty())
    }

    /// The text in the fallback (first) language.
    pub fn fallback(&self) -> &str {
        self.entries().next().map_or("", |(_, s)| s)
    }

    /// The text for `lang`: an exact tag match (case-insensitive), then the
    /// same primary language (`de-AT` finds `de`, `pt` finds `pt-BR`), then
    /// the fallback.
    pub fn get(&self, lang: &str) -> &str {
        let lang = lang.trim();
        if lang.is_empty() || self.is_plain() {
            return self.fallback();
        }
        if let Some((_, s)) = self
            .entries()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(lang))
        {
            return s;
        }
        let primary = primary_subtag(lang);
        self.entries()
            .find(|(tag, _)| !tag.is_empty() && primary_subtag(tag).eq_ignore_ascii_case(primary))
            .map(|(_, s)| s)
            .unwrap_or_else(|| self.fallback())
    }
}

/// The primary language subtag of a tag such as `de-AT` or `pt_BR.UTF-8`.
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_', '.', '@']).next().unwrap_or(tag)
}

/// Normalises a locale string from the environment (`de_DE.UTF-8`) to a
/// language tag (`de-DE`). `C` and `POSIX` give an empty tag (the fallback).
pub fn language_from_locale(locale: &str) -> String {
    let base = locale.split(['.', '@']).next().unwrap_or("");
    if base.is_empty() || base == "C" || base == "POSIX" {
        return String::new();
    }
    base.replace('_', "-")
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_plain() {
            serializer.serialize_str(self.fallback())
        } else {
            let mut map = serializer.serialize_map(None)?;
            for (tag, s) in self.entries() {
                map.serialize_entry(tag, s)?;
            }
            map.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn multi() -> Text {
        Text::from_entries(vec![
            ("en".into(), "Breathe in".into()),
            ("es".into(), "Inhala".into()),
            ("de".into(), "Einatmen".into()),
        ])
        .unwrap()
    }

    #[test]
    fn picks_exact_then_primary_then_fallback() {
        let t = multi();
        assert_eq!(t.get("de"), "Einatmen");
        assert_eq!(t.get("DE"), "Einatmen");
        assert_eq!(t.get("de-AT"), "Einatmen");
        assert_eq!(t.get("es_MX.UTF-8"), "Inhala");
        assert_eq!(t.get("fr"), "Breathe in");
        assert_eq!(t.get(""), "Breathe in");
    }

    #[test]
    fn plain_text_serialises_as_a_string() {
        let t = Text::plain("Rest");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"Rest\"");
        assert_eq!(t.get("de"), "Rest");
        assert_eq!(t.languages().count(), 0);
    }

    #[test]
    fn multilingual_text_keeps_order() {
        assert_eq!(
            serde_json::to_string(&multi()).unwrap(),
            r#"{"en":"Breathe in","es":"Inhala","de":"Einatmen"}"#
        );
    }

    #[test]
    fn a_single_untagged_entry_is_plain() {
        let t = Text::from_entries(vec![(String::new(), "Rest".into())]).unwrap();
        assert_eq!(t, Text::plain("Rest"));
        assert!(t.is_plain());
        assert!(Text::from_entries(Vec::new()).is_none());
        assert_eq!(std::mem::size_of::<Option<Text>>(), 24);
    }

    #[test]
    fn locale_to_language() {
        assert_eq!(language_from_locale("de_DE.UTF-8"), "de-DE");
        assert_eq!(language_from_locale("C.UTF-8"), "");
        assert_eq!(language_from_locale("POSIX"), "");
        assert_eq!(language_from_locale("es"), "es");
    }
}
