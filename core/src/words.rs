//! Words and numbers every screen shows: the name of each vocabulary word,
//! times and durations, the extend step and the pain scale, in English,
//! Spanish and German (other languages get English).
//!
//! Each name is a `match` over the enum, so a new word does not compile
//! until it is named; a test checks that no language is left empty.

use crate::date::Weekday;
use crate::text::primary_subtag;
use crate::timeline::SegmentKind;
use crate::vocab::{Area, Pressure, Side, Sides, Technique, Tool};

/// The languages with every word.
pub const WORD_LANGUAGES: &[&str] = &["en", "es", "de"];

/// What one tap on "extend" adds to the current segment, in milliseconds.
pub const EXTEND_STEP_MS: u64 = 15_000;
/// The lowest pain rating.
pub const PAIN_MIN: u8 = 0;
/// The highest pain rating (the journal's and the program format's bound).
pub const PAIN_MAX: u8 = crate::journal::MAX_PAIN;

/// One of the three languages with every word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, also for every language without its own words.
    En,
    /// Spanish.
    Es,
    /// German.
    De,
}

impl Lang {
    /// The language of a tag such as `de-AT`; English when it has no words.
    pub fn of(tag: &str) -> Lang {
        match primary_subtag(tag).to_ascii_lowercase().as_str() {
            "es" => Lang::Es,
            "de" => Lang::De,
            _ => Lang::En,
        }
    }

    /// Picks the text of this language from `(en, es, de)`.
    pub fn pick<T>(self, (en, es, de): (T, T, T)) -> T {
        match self {
            Lang::En => en,
            Lang::Es => es,
            Lang::De => de,
        }
    }
}

type Names = (&'static str, &'static str, &'static str);

/// The name of a body area.
pub fn area_name(a: Area, lang: &str) -> &'static str {
    let n: Names = match a {
        Area::Scalp => ("scalp", "cuero cabelludo", "Kopfhaut"),
        Area::Face => ("face", "cara", "Gesicht"),
        Area::Jaw => ("jaw", "mandíbula", "Kiefer"),
        Area::Neck => ("neck", "cuello", "Nacken"),
        Area::Shoulder => ("shoulder", "hombro", "Schulter"),
        Area::UpperBack => ("upper back", "espalda alta", "oberer Rücken"),
        Area::Chest => ("chest", "pecho", "Brust"),
        Area::Arm => ("arm", "brazo", "Oberarm"),
        Area::Forearm => ("forearm", "antebrazo", "Unterarm"),
        Area::Wrist => ("wrist", "muñeca", "Handgelenk"),
        Area::Hand => ("hand", "mano", "Hand"),
        Area::LowerBack => ("lower back", "zona lumbar", "unterer Rücken"),
        Area::Abdomen => ("abdomen", "abdomen", "Bauch"),
        Area::Hip => ("hip", "cadera", "Hüfte"),
        Area::Glute => ("glute", "glúteo", "Gesäß"),
        Area::ThighFront => (
            "front of the thigh",
            "parte delantera del muslo",
            "Oberschenkelvorderseite",
        ),
        Area::ThighBack => (
            "back of the thigh",
            "parte trasera del muslo",
            "Oberschenkelrückseite",
        ),
        Area::ItBand => ("IT band", "cintilla iliotibial", "Tractus iliotibialis"),
        Area::Knee => ("knee", "rodilla", "Knie"),
        Area::Calf => ("calf", "pantorrilla", "Wade"),
        Area::Shin => ("shin", "espinilla", "Schienbein"),
        Area::Ankle => ("ankle", "tobillo", "Sprunggelenk"),
        Area::Foot => ("foot", "pie", "Fuß"),
        Area::WholeBody => ("whole body", "todo el cuerpo", "ganzer Körper"),
    };
    Lang::of(lang).pick(n)
}

/// The name of a massage technique.
pub fn technique_name(t: Technique, lang: &str) -> &'static str {
    let n: Names = match t {
        Technique::Stroking => ("stroking", "deslizamiento", "Streichen"),
        Technique::Kneading => ("kneading", "amasamiento", "Kneten"),
        Technique::Friction => ("friction", "fricción", "Reibung"),
        Technique::Pressure => (
            "sustained pressure",
            "presión mantenida",
            "gehaltener Druck",
        ),
        Technique::Tapping => ("tapping", "golpeteo", "Klopfen"),
        Technique::Rolling => ("rolling", "rodamiento", "Rollen"),
        Technique::Percussion => ("percussion", "percusión", "Perkussion"),
    };
    Lang::of(lang).pick(n)
}

/// The name of a pressure.
pub fn pressure_name(p: Pressure, lang: &str) -> &'static str {
    let n: Names = match p {
        Pressure::Light => ("light", "suave", "leicht"),
        Pressure::Moderate => ("moderate", "moderada", "mittel"),
        Pressure::Firm => ("firm", "firme", "fest"),
    };
    Lang::of(lang).pick(n)
}

/// The name of a tool.
pub fn tool_name(t: Tool, lang: &str) -> &'static str {
    let n: Names = match t {
        Tool::Hands => ("hands", "manos", "Hände"),
        Tool::Fingers => ("fingers", "dedos", "Finger"),
        Tool::Knuckles => ("knuckles", "nudillos", "Fingerknöchel"),
        Tool::Ball => ("ball", "pelota", "Ball"),
        Tool::FoamRoller => ("foam roller", "rodillo de espuma", "Faszienrolle"),
        Tool::MassageStick => ("massage stick", "barra de masaje", "Massagestab"),
        Tool::MassageGun => ("massage gun", "pistola de masaje", "Massagepistole"),
        Tool::HookCane => ("hook cane", "bastón de gancho", "Massagehaken"),
    };
    Lang::of(lang).pick(n)
}

/// The name of a step's sides setting.
pub fn sides_name(s: Sides, lang: &str) -> &'static str {
    let n: Names = match s {
        Sides::None => (
            "both sides at once",
            "ambos lados a la vez",
            "beide Seiten zugleich",
        ),
        Sides::Left => ("left side", "lado izquierdo", "linke Seite"),
        Sides::Right => ("right side", "lado derecho", "rechte Seite"),
        Sides::Both => (
            "left, then right",
            "izquierda y luego derecha",
            "links, dann rechts",
        ),
    };
    Lang::of(lang).pick(n)
}

/// The name of the side a segment works on, as a label ("Left side").
pub fn side_name(s: Side, lang: &str) -> &'static str {
    let n: Names = match s {
        Side::Left => ("Left side", "Lado izquierdo", "Linke Seite"),
        Side::Right => ("Right side", "Lado derecho", "Rechte Seite"),
    };
    Lang::of(lang).pick(n)
}

/// The label of a segment kind, as the player shows it ("Breathe in").
pub fn segment_kind_name(k: SegmentKind, lang: &str) -> &'static str {
    let n: Names = match k {
        SegmentKind::Prepare => ("Get ready", "Prepárate", "Vorbereiten"),
        SegmentKind::Rest => ("Rest", "Descanso", "Pause"),
        SegmentKind::Manual => ("At your pace", "A tu ritmo", "In deinem Tempo"),
        SegmentKind::Inhale => ("Breathe in", "Inhala", "Einatmen"),
        SegmentKind::HoldIn => ("Hold", "Mantén", "Halten"),
        SegmentKind::Exhale => ("Breathe out", "Exhala", "Ausatmen"),
        SegmentKind::HoldOut => ("Hold", "Mantén", "Halten"),
        SegmentKind::Hold => (
            "Hold the stretch",
            "Mantén el estiramiento",
            "Dehnung halten",
        ),
        SegmentKind::Massage => ("Massage", "Masaje", "Massage"),
        SegmentKind::Work => ("Work", "Ejercicio", "Übung"),
        SegmentKind::Switch => ("Switch sides", "Cambia de lado", "Seite wechseln"),
    };
    Lang::of(lang).pick(n)
}

/// Every segment kind, in timeline order of first use.
pub const SEGMENT_KINDS: [SegmentKind; 11] = [
    SegmentKind::Prepare,
    SegmentKind::Rest,
    SegmentKind::Manual,
    SegmentKind::Inhale,
    SegmentKind::HoldIn,
    SegmentKind::Exhale,
    SegmentKind::HoldOut,
    SegmentKind::Hold,
    SegmentKind::Massage,
    SegmentKind::Work,
    SegmentKind::Switch,
];

/// A weekday's short and full names (`Mon`, `Monday`).
pub fn weekday_names(d: Weekday, lang: &str) -> (&'static str, &'static str) {
    let (short, full): (Names, Names) = match d {
        Weekday::Mon => (("Mon", "lun", "Mo"), ("Monday", "lunes", "Montag")),
        Weekday::Tue => (("Tue", "mar", "Di"), ("Tuesday", "martes", "Dienstag")),
        Weekday::Wed => (("Wed", "mié", "Mi"), ("Wednesday", "miércoles", "Mittwoch")),
        Weekday::Thu => (("Thu", "jue", "Do"), ("Thursday", "jueves", "Donnerstag")),
        Weekday::Fri => (("Fri", "vie", "Fr"), ("Friday", "viernes", "Freitag")),
        Weekday::Sat => (("Sat", "sáb", "Sa"), ("Saturday", "sábado", "Samstag")),
        Weekday::Sun => (("Sun", "dom", "So"), ("Sunday", "domingo", "Sonntag")),
    };
    let l = Lang::of(lang);
    (l.pick(short), l.pick(full))
}

/// The name of a vocabulary word of kind `kind` (`area`, `technique`,
/// `pressure`, `tool`, `sides`, `side`, `segment`, `weekday`), or `None`
/// for a word the kind does not have.
pub fn word_name(kind: &str, word: &str, lang: &str) -> Option<&'static str> {
    match kind {
        "area" => Area::parse(word).map(|v| area_name(v, lang)),
        "technique" => Technique::parse(word).map(|v| technique_name(v, lang)),
        "pressure" => Pressure::parse(word).map(|v| pressure_name(v, lang)),
        "tool" => Tool::parse(word).map(|v| tool_name(v, lang)),
        "sides" => Sides::parse(word).map(|v| sides_name(v, lang)),
        "side" => match word {
            "left" => Some(side_name(Side::Left, lang)),
            "right" => Some(side_name(Side::Right, lang)),
            _ => None,
        },
        "segment" => SEGMENT_KINDS
            .iter()
            .find(|k| k.as_str() == word)
            .map(|k| segment_kind_name(*k, lang)),
        "weekday" => Weekday::parse(word).map(|d| weekday_names(d, lang).1),
        _ => None,
    }
}

/// Milliseconds as a countdown shows them: `m:ss`, or `h:mm:ss` from an
/// hour. Rounds up, so a countdown shows 0:01 until the time is over.
pub fn countdown_text(ms: u64) -> String {
    clock(ms.div_ceil(1000))
}

/// Milliseconds as elapsed time: `m:ss`, or `h:mm:ss` from an hour.
/// Rounds down, so a second shows once it has passed.
pub fn elapsed_text(ms: u64) -> String {
    clock(ms / 1000)
}

fn clock(total_s: u64) -> String {
    let (h, m, s) = (total_s / 3600, (total_s % 3600) / 60, total_s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A length in whole units: seconds under a minute, otherwise minutes
/// rounded to the nearest (a half rounds up), with hours from 60 minutes.
fn units(ms: u64) -> (u64, u64, u64) {
    if ms < 59_500 {
        return (0, 0, ms.div_ceil(1000));
    }
    let minutes = (ms + 30_000) / 60_000;
    (minutes / 60, minutes % 60, 0)
}

/// A length as a list shows it: `45 s`, `8 min`, `1 h 5 min` (`8 Min.` in German).
pub fn duration_text(ms: u64, lang: &str) -> String {
    let l = Lang::of(lang);
    let (h, m, s) = units(ms);
    let (sec, min, hr) = l.pick((
        ("s", "min", "h"),
        ("s", "min", "h"),
        ("Sek.", "Min.", "Std."),
    ));
    match (h, m) {
        (0, 0) => format!("{s} {sec}"),
        (0, m) => format!("{m} {min}"),
        (h, 0) => format!("{h} {hr}"),
        (h, m) => format!("{h} {hr} {m} {min}"),
    }
}

/// A length in words, for screen readers and speech: `8 minutes`,
/// `1 minuto`, `1 Stunde 5 Minuten`.
pub fn duration_words(ms: u64, lang: &str) -> String {
    let l = Lang::of(lang);
    let (h, m, s) = units(ms);
    let word = |n: u64, one: Names, many: Names| {
        format!("{n} {}", if n == 1 { l.pick(one) } else { l.pick(many) })
    };
    let hours = || word(h, ("hour", "hora", "Stunde"), ("hours", "horas", "Stunden"));
    let minutes = || {
        word(
            m,
            ("minute", "minuto", "Minute"),
            ("minutes", "minutos", "Minuten"),
        )
    };
    match (h, m) {
        (0, 0) => word(
            s,
            ("second", "segundo", "Sekunde"),
            ("seconds", "segundos", "Sekunden"),
        ),
        (0, _) => minutes(),
        (_, 0) => hours(),
        _ => format!("{} {}", hours(), minutes()),
    }
}

/// The extend button's label and its spoken form (`+15 s`, `Add 15 seconds`).
pub fn extend_labels(lang: &str) -> (String, String) {
    let n = EXTEND_STEP_MS / 1000;
    let l = Lang::of(lang);
    let short = format!("+{n} {}", l.pick(("s", "s", "Sek.")));
    let long = l.pick((
        format!("Add {n} seconds"),
        format!("Añadir {n} segundos"),
        format!("{n} Sekunden mehr"),
    ));
    (short, long)
}

/// The player's label of a rep or set (`Repetition 2`), from 1.
pub fn rep_text(rep: u32, lang: &str) -> String {
    Lang::of(lang).pick((
        format!("Repetition {rep}"),
        format!("Repetición {rep}"),
        format!("Wiederholung {rep}"),
    ))
}

/// The player's label of a breathing cycle (`Breath 3`), from 1.
pub fn cycle_text(cycle: u32, lang: &str) -> String {
    Lang::of(lang).pick((
        format!("Breath {cycle}"),
        format!("Respiración {cycle}"),
        format!("Atemzug {cycle}"),
    ))
}

/// The pain scale's words: the value (`Pain: 3 of 10`) and the two ends.
pub fn pain_value_text(pain: u8, lang: &str) -> String {
    Lang::of(lang).pick((
        format!("Pain: {pain} of {PAIN_MAX}"),
        format!("Dolor: {pain} de {PAIN_MAX}"),
        format!("Schmerz: {pain} von {PAIN_MAX}"),
    ))
}

/// The labels of the pain scale's two ends (`0 · none`, `10 · worst`).
pub fn pain_end_labels(lang: &str) -> (String, String) {
    let (none, worst) = Lang::of(lang).pick((
        ("none", "worst"),
        ("nada", "el peor"),
        ("keiner", "am stärksten"),
    ));
    (
        format!("{PAIN_MIN} · {none}"),
        format!("{PAIN_MAX} · {worst}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocabulary;

    /// Every name of every kind in one language, with what it names.
    fn all_names(lang: &str) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for (kind, words) in [
            ("area", Area::all_words()),
            ("technique", Technique::all_words()),
            ("pressure", Pressure::all_words()),
            ("tool", Tool::all_words()),
            ("sides", Sides::all_words()),
            ("side", vec!["left", "right"]),
            (
                "segment",
                SEGMENT_KINDS.iter().map(|k| k.as_str()).collect(),
            ),
            ("weekday", Weekday::ALL.iter().map(|d| d.as_str()).collect()),
        ] {
            for w in words {
                let name = word_name(kind, w, lang).unwrap_or("");
                out.push((format!("{kind} {w}"), name));
            }
        }
        for d in Weekday::ALL {
            out.push((
                format!("short weekday {}", d.as_str()),
                weekday_names(d, lang).0,
            ));
        }
        out
    }

    #[test]
    fn every_word_has_a_name_in_every_language() {
        let en = all_names("en");
        assert_eq!(en.len(), 24 + 7 + 3 + 8 + 4 + 2 + 11 + 7 + 7);
        for lang in WORD_LANGUAGES {
            for (what, name) in all_names(lang) {
                assert!(!name.trim().is_empty(), "{what} has no name in {lang}");
            }
        }
        // Spanish and German are translations, not English copies (a few
        // words are the same in both, such as "Hand" or "abdomen").
        for lang in ["es", "de"] {
            let same = all_names(lang)
                .iter()
                .zip(&en)
                .filter(|(a, b)| a.1 == b.1)
                .count();
            assert!(same <= 4, "{same} {lang} names are the English ones");
        }
    }

    #[test]
    fn names_fall_back_to_english_and_unknown_words_have_none() {
        assert_eq!(area_name(Area::LowerBack, "de-AT"), "unterer Rücken");
        assert_eq!(area_name(Area::LowerBack, "fr"), "lower back");
        assert_eq!(
            word_name("tool", "foam_roller", "es"),
            Some("rodillo de espuma")
        );
        assert_eq!(word_name("segment", "hold_in", "de"), Some("Halten"));
        assert_eq!(word_name("weekday", "wed", "es"), Some("miércoles"));
        assert_eq!(word_name("tool", "hammer", "en"), None);
        assert_eq!(word_name("colour", "red", "en"), None);
    }

    #[test]
    fn clocks_round_the_right_way() {
        assert_eq!(countdown_text(0), "0:00");
        assert_eq!(countdown_text(1), "0:01");
        assert_eq!(countdown_text(59_001), "1:00");
        assert_eq!(elapsed_text(59_999), "0:59");
        assert_eq!(elapsed_text(96_000), "1:36");
        assert_eq!(countdown_text(3_600_000), "1:00:00");
        assert_eq!(elapsed_text(3_723_000), "1:02:03");
        assert_eq!(countdown_text(u64::MAX), "5124095576030:25:52");
    }

    #[test]
    fn durations_in_three_languages() {
        assert_eq!(duration_text(45_000, "en"), "45 s");
        assert_eq!(duration_text(515_000, "en"), "9 min");
        assert_eq!(duration_text(514_999, "es"), "9 min");
        assert_eq!(duration_text(480_000, "de"), "8 Min.");
        assert_eq!(duration_text(3_900_000, "en"), "1 h 5 min");
        assert_eq!(duration_text(7_200_000, "de"), "2 Std.");
        assert_eq!(duration_text(59_600, "en"), "1 min");
        assert_eq!(duration_words(60_000, "en"), "1 minute");
        assert_eq!(duration_words(480_000, "es"), "8 minutos");
        assert_eq!(duration_words(3_900_000, "de"), "1 Stunde 5 Minuten");
        assert_eq!(duration_words(1_000, "de"), "1 Sekunde");
        assert_eq!(duration_words(0, "en"), "0 seconds");
    }

    #[test]
    fn reps_and_breaths_in_three_languages() {
        assert_eq!(rep_text(2, "en"), "Repetition 2");
        assert_eq!(rep_text(2, "es-MX"), "Repetición 2");
        assert_eq!(cycle_text(3, "de"), "Atemzug 3");
        assert_eq!(cycle_text(3, "fr"), "Breath 3");
    }

    #[test]
    fn extend_and_pain_scale() {
        assert_eq!(EXTEND_STEP_MS, 15_000);
        assert_eq!(
            extend_labels("en"),
            ("+15 s".into(), "Add 15 seconds".into())
        );
        assert_eq!(extend_labels("de").1, "15 Sekunden mehr");
        assert_eq!((PAIN_MIN, PAIN_MAX), (0, 10));
        assert_eq!(u32::from(PAIN_MAX), crate::program::PAIN_MAX);
        assert_eq!(pain_value_text(3, "es"), "Dolor: 3 de 10");
        assert_eq!(
            pain_end_labels("en"),
            ("0 · none".into(), "10 · worst".into())
        );
    }
}
