//! The safety sentences shown around a session (stop, ease off, a flag,
//! "too much") and the check of the pain rating given before a session,
//! in English, Spanish and German.

use serde::Serialize;

use crate::program::PainRules;
use crate::words::{Lang, PAIN_MAX};

/// The sentences around a session in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SafetyWords {
    /// "Stop this routine and contact your therapist."
    pub stop_routine: String,
    /// "Ease off, or stop if it keeps hurting."
    pub ease_off: String,
    /// The "too much" button's label.
    pub too_much: String,
    /// What the "too much" button does, for screen readers.
    pub too_much_hint: String,
    /// The heading over the safety flags ("Please read").
    pub flags_heading: String,
}

/// The sentences around a session in `lang`.
pub fn safety_words(lang: &str) -> SafetyWords {
    let l = Lang::of(lang);
    let s = |n: (&str, &str, &str)| l.pick(n).to_string();
    SafetyWords {
        stop_routine: s((
            "Stop this routine and contact your therapist.",
            "Deja esta rutina y habla con tu terapeuta.",
            "Hör mit dieser Übung auf und melde dich bei deiner Therapeutin oder deinem Therapeuten.",
        )),
        ease_off: s((
            "Ease off, or stop if it keeps hurting.",
            "Afloja, o para si sigue doliendo.",
            "Lass locker, oder hör auf, wenn es weiter wehtut.",
        )),
        too_much: s(("Too much", "Demasiado", "Zu viel")),
        too_much_hint: s((
            "Notes that this moment was too much",
            "Anota que este momento fue demasiado",
            "Hält fest, dass dieser Moment zu viel war",
        )),
        flags_heading: s(("Please read", "Lee esto, por favor", "Bitte lesen")),
    }
}

/// What the "too much" button says after `marks` taps: its label with the
/// count, and the sentence to show (empty before the first tap).
pub fn too_much_marked(marks: u32, lang: &str) -> (String, String) {
    let l = Lang::of(lang);
    let words = safety_words(lang);
    if marks == 0 {
        return (words.too_much, String::new());
    }
    let label = format!("{} ({marks}×)", words.too_much);
    let noted = match (l, marks) {
        (Lang::En, 1) => "Noted once.".to_string(),
        (Lang::En, n) => format!("Noted {n} times."),
        (Lang::Es, 1) => "Anotado una vez.".to_string(),
        (Lang::Es, n) => format!("Anotado {n} veces."),
        (Lang::De, 1) => "Einmal notiert.".to_string(),
        (Lang::De, n) => format!("{n}-mal notiert."),
    };
    (label, format!("{noted} {}", words.ease_off))
}

/// The heading of a safety flag about one routine (`Stop “Low back”`).
pub fn flag_title(routine_title: &str, lang: &str) -> String {
    Lang::of(lang).pick((
        format!("Stop “{routine_title}”"),
        format!("Deja «{routine_title}»"),
        format!("„{routine_title}“ beenden"),
    ))
}

/// A program's pain rule as one sentence.
pub fn pain_rule_text(stop_above: u32, lang: &str) -> String {
    Lang::of(lang).pick((
        format!("Stop a routine and contact your therapist if pain goes above {stop_above} of {PAIN_MAX}."),
        format!("Deja la rutina y habla con tu terapeuta si el dolor supera {stop_above} de {PAIN_MAX}."),
        format!(
            "Hör mit einer Übung auf und melde dich bei deiner Therapeutin oder deinem Therapeuten, \
             wenn der Schmerz über {stop_above} von {PAIN_MAX} steigt."
        ),
    ))
}

/// Where the limit a rating was checked against comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitFrom {
    /// The program's `pain.stop_above`.
    Program,
    /// No program: the format's default limit.
    General,
}

/// The answer to a pain rating given before a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PainCheck {
    /// Whether the session may start.
    pub go_on: bool,
    /// The limit the rating was checked against.
    pub stop_above: u32,
    /// Where that limit comes from.
    pub limit_from: LimitFrom,
    /// A heading when the session should not start; empty otherwise.
    pub title: String,
    /// What to show: why not to start, or the rule to keep in mind.
    pub message: String,
}

/// Why a rating cannot be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("pain {0} is not on the scale; ratings go from 0 to {PAIN_MAX}")]
pub struct PainOutOfRange(pub i64);

/// Checks the pain rating given before a session (`None`: skipped) against
/// the program's limit `stop_above`, or the general limit (the program
/// format's default) when there is no program.
pub fn check_pain_before(
    pain: Option<i64>,
    stop_above: Option<u32>,
    lang: &str,
) -> Result<PainCheck, PainOutOfRange> {
    let (limit, from) = match stop_above {
        Some(s) => (s.min(u32::from(PAIN_MAX)), LimitFrom::Program),
        None => (PainRules::default().stop_above, LimitFrom::General),
    };
    let l = Lang::of(lang);
    let pain = match pain {
        None => None,
        Some(p) if (0..=i64::from(PAIN_MAX)).contains(&p) => Some(p),
        Some(p) => return Err(PainOutOfRange(p)),
    };
    let above = pain.filter(|p| *p > i64::from(limit));
    let Some(p) = above else {
        return Ok(PainCheck {
            go_on: true,
            stop_above: limit,
            limit_from: from,
            title: String::new(),
            message: pain_rule_text(limit, lang),
        });
    };
    let title = l.pick(("Not today", "Hoy no", "Heute nicht")).to_string();
    let message = match from {
        LimitFrom::Program => l.pick((
            format!(
                "Your pain is {p} of {PAIN_MAX}, above your program's limit of {limit}. \
                 Do not start this routine now; contact your therapist."
            ),
            format!(
                "Tu dolor es {p} de {PAIN_MAX}, por encima del límite de tu programa ({limit}). \
                 No empieces esta rutina ahora; habla con tu terapeuta."
            ),
            format!(
                "Dein Schmerz liegt bei {p} von {PAIN_MAX}, über der Grenze deines Programms ({limit}). \
                 Fang diese Übung jetzt nicht an; melde dich bei deiner Therapeutin oder deinem Therapeuten."
            ),
        )),
        LimitFrom::General => l.pick((
            format!(
                "Your pain is {p} of {PAIN_MAX}, above {limit}. Self-massage is not advised with pain this strong: \
                 rest, and ask your therapist or doctor."
            ),
            format!(
                "Tu dolor es {p} de {PAIN_MAX}, más de {limit}. Con un dolor tan fuerte no se recomienda el automasaje: \
                 descansa y consulta a tu terapeuta o médico."
            ),
            format!(
                "Dein Schmerz liegt bei {p} von {PAIN_MAX}, über {limit}. Bei so starken Schmerzen ist Selbstmassage \
                 nicht ratsam: ruh dich aus und frag deine Therapeutin, deinen Therapeuten oder deine Ärztin oder deinen Arzt."
            ),
        )),
    };
    Ok(PainCheck {
        go_on: false,
        stop_above: limit,
        limit_from: from,
        title,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::WORD_LANGUAGES;

    #[test]
    fn every_sentence_in_three_languages() {
        let en = safety_words("en");
        assert_eq!(
            en.stop_routine,
            "Stop this routine and contact your therapist."
        );
        for lang in ["es", "de"] {
            let w = safety_words(lang);
            for (a, b) in [
                (&w.stop_routine, &en.stop_routine),
                (&w.ease_off, &en.ease_off),
                (&w.too_much, &en.too_much),
                (&w.too_much_hint, &en.too_much_hint),
                (&w.flags_heading, &en.flags_heading),
            ] {
                assert!(!a.is_empty() && a != b, "{lang}: {a:?}");
            }
            assert_ne!(flag_title("X", lang), flag_title("X", "en"));
            assert_ne!(pain_rule_text(6, lang), pain_rule_text(6, "en"));
        }
        assert_eq!(safety_words("fr"), en);
    }

    #[test]
    fn too_much_counts_marks() {
        assert_eq!(too_much_marked(0, "en"), ("Too much".into(), String::new()));
        assert_eq!(
            too_much_marked(1, "en").1,
            "Noted once. Ease off, or stop if it keeps hurting."
        );
        assert_eq!(too_much_marked(3, "de").0, "Zu viel (3×)");
        assert!(too_much_marked(2, "es").1.starts_with("Anotado 2 veces."));
    }

    #[test]
    fn the_rating_before_is_checked_against_the_program() {
        let ok = check_pain_before(Some(6), Some(6), "en").unwrap();
        assert!(ok.go_on);
        assert_eq!(ok.limit_from, LimitFrom::Program);
        assert!(ok.title.is_empty());
        assert!(ok.message.contains("above 6 of 10"), "{}", ok.message);
        let stop = check_pain_before(Some(7), Some(6), "en").unwrap();
        assert!(!stop.go_on);
        assert_eq!(stop.stop_above, 6);
        assert!(stop.message.contains("limit of 6"), "{}", stop.message);
        // No program: the general limit of 7.
        assert!(check_pain_before(Some(7), None, "de").unwrap().go_on);
        let general = check_pain_before(Some(8), None, "es").unwrap();
        assert!(!general.go_on);
        assert_eq!(general.limit_from, LimitFrom::General);
        assert_eq!(general.title, "Hoy no");
        // A skipped rating never stops; a limit of 10 never stops.
        assert!(check_pain_before(None, Some(0), "en").unwrap().go_on);
        assert!(check_pain_before(Some(10), Some(10), "en").unwrap().go_on);
        assert!(!check_pain_before(Some(1), Some(0), "en").unwrap().go_on);
        assert_eq!(
            check_pain_before(Some(11), None, "en"),
            Err(PainOutOfRange(11))
        );
        assert_eq!(
            check_pain_before(Some(-1), None, "en"),
            Err(PainOutOfRange(-1))
        );
        for lang in WORD_LANGUAGES {
            let c = check_pain_before(Some(9), Some(5), lang).unwrap();
            assert!(c.message.contains('9') && c.message.contains('5'), "{lang}");
        }
    }
}
