//! Short spoken phrases the core adds between a step's own texts
//! ("Breathe in", "Switch to the right side"), in every language the
//! built-in library ships. Unknown languages fall back to English.

use crate::text::primary_subtag;

/// A phrase the core speaks on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// Start of an inhale.
    Inhale,
    /// A hold after breathing in or out.
    Hold,
    /// Start of an exhale.
    Exhale,
    /// A rest between holds or sets.
    Rest,
    /// The switch pause before the right side.
    SwitchRight,
    /// The left side starts.
    LeftSide,
    /// The right side starts.
    RightSide,
    /// A further hold of a stretch.
    StretchAgain,
    /// A further set of an exercise (takes the set number).
    Set,
    /// Halfway through a long segment.
    Halfway,
    /// The routine is complete.
    Finished,
}

/// Languages with a full phrase table.
pub const PHRASE_LANGUAGES: &[&str] = &["en", "es", "de"];

impl Phrase {
    /// The phrase in `lang` (falling back to English); `n` fills in numbers.
    pub fn text(self, lang: &str, n: u32) -> String {
        let l = primary_subtag(lang).to_ascii_lowercase();
        let (en, es, de) = match self {
            Phrase::Inhale => ("Breathe in", "Inhala", "Einatmen"),
            Phrase::Hold => ("Hold", "Mantén", "Halten"),
            Phrase::Exhale => ("Breathe out", "Exhala", "Ausatmen"),
            Phrase::Rest => ("Rest", "Descansa", "Pause"),
            Phrase::SwitchRight => (
                "Switch to the right side",
                "Cambia al lado derecho",
                "Wechsle zur rechten Seite",
            ),
            Phrase::LeftSide => ("Left side", "Lado izquierdo", "Linke Seite"),
            Phrase::RightSide => ("Right side", "Lado derecho", "Rechte Seite"),
            Phrase::StretchAgain => ("Stretch again", "Estira de nuevo", "Noch einmal dehnen"),
            Phrase::Set => ("Set {n}", "Serie {n}", "Satz {n}"),
            Phrase::Halfway => ("Halfway", "Mitad", "Halbzeit"),
            Phrase::Finished => (
                "Well done. The routine is complete.",
                "Muy bien. Has terminado la rutina.",
                "Gut gemacht. Die Übung ist geschafft.",
            ),
        };
        let s = match l.as_str() {
            "es" => es,
            "de" => de,
            _ => en,
        };
        s.replace("{n}", &n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_localised_with_fallback() {
        assert_eq!(Phrase::Inhale.text("de-CH", 0), "Einatmen");
        assert_eq!(Phrase::Set.text("es", 3), "Serie 3");
        assert_eq!(Phrase::Exhale.text("fr", 0), "Breathe out");
        assert_eq!(Phrase::Set.text("", 2), "Set 2");
    }
}
