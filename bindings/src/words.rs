//! Words and numbers for every screen: vocabulary names, times and
//! durations, the extend step, the pain scale, the safety sentences around
//! a session, the check of the pain rating before one, and the library's
//! search and filters. Each in the person's language (en, es, de; others
//! get English).

use unknot_core::caution;
use unknot_core::date::Weekday;
use unknot_core::search::{self, LibraryQuery as CoreQuery};
use unknot_core::timeline::SegmentKind as CoreKind;
use unknot_core::vocab::{Area, Pressure, Side as CoreSide, Sides, Technique, Tool};
use unknot_core::words;

use crate::convert::{count32, from_ms, ms};
use crate::error::UnknotError;
use crate::library::{RoutineSummary, SegmentKind, Side};

/// A closed list of words of the formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum WordKind {
    /// Body areas (`lower_back`).
    Area,
    /// Massage techniques (`kneading`).
    Technique,
    /// Pressures (`firm`).
    Pressure,
    /// Tools (`foam_roller`).
    Tool,
    /// A step's sides setting (`none`, `left`, `right`, `both`).
    Sides,
    /// Segment kinds (`hold_in`).
    Segment,
    /// Weekdays (`mon` … `sun`).
    Weekday,
}

impl WordKind {
    fn key(self) -> &'static str {
        match self {
            WordKind::Area => "area",
            WordKind::Technique => "technique",
            WordKind::Pressure => "pressure",
            WordKind::Tool => "tool",
            WordKind::Sides => "sides",
            WordKind::Segment => "segment",
            WordKind::Weekday => "weekday",
        }
    }

    fn words(self) -> Vec<&'static str> {
        match self {
            WordKind::Area => Area::words(),
            WordKind::Technique => Technique::words(),
            WordKind::Pressure => Pressure::words(),
            WordKind::Tool => Tool::words(),
            WordKind::Sides => Sides::words(),
            WordKind::Segment => words::SEGMENT_KINDS.iter().map(|k| k.as_str()).collect(),
            WordKind::Weekday => Weekday::ALL.iter().map(|d| d.as_str()).collect(),
        }
    }
}

/// A format word and its name in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WordName {
    /// The word as files write it (`lower_back`).
    pub word: String,
    /// Its name to show (`unterer Rücken`).
    pub name: String,
}

/// A weekday's word and names.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WeekdayName {
    /// The program format's word (`mon`).
    pub word: String,
    /// Short name for a chip (`Mon`, `lun`, `Mo`).
    pub short: String,
    /// Full name, for screen readers (`Monday`).
    pub name: String,
}

/// The numbers the player and the pain scale use, with their words.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Numbers {
    /// What one tap on "extend" adds, in milliseconds (pass it to `extend`).
    pub extend_ms: i64,
    /// The extend button's label (`+15 s`).
    pub extend_label: String,
    /// Its spoken form (`Add 15 seconds`).
    pub extend_description: String,
    /// The lowest pain rating (0).
    pub pain_min: i32,
    /// The highest pain rating (10).
    pub pain_max: i32,
    /// The label of the scale's low end (`0 · none`).
    pub pain_none: String,
    /// The label of its high end (`10 · worst`).
    pub pain_worst: String,
}

/// The name of `word` of `kind` in `lang`, or `None` for a word the kind
/// does not have.
#[uniffi::export]
pub fn word_name(kind: WordKind, word: String, lang: String) -> Option<String> {
    words::word_name(kind.key(), &word, &lang).map(str::to_string)
}

/// Every word of `kind` with its name in `lang`, in the format's order.
#[uniffi::export]
pub fn vocabulary_names(kind: WordKind, lang: String) -> Vec<WordName> {
    kind.words()
        .into_iter()
        .map(|w| WordName {
            word: w.to_string(),
            name: words::word_name(kind.key(), w, &lang)
                .unwrap_or(w)
                .to_string(),
        })
        .collect()
}

fn core_kind(k: SegmentKind) -> CoreKind {
    match k {
        SegmentKind::Prepare => CoreKind::Prepare,
        SegmentKind::Rest => CoreKind::Rest,
        SegmentKind::Manual => CoreKind::Manual,
        SegmentKind::Inhale => CoreKind::Inhale,
        SegmentKind::HoldIn => CoreKind::HoldIn,
        SegmentKind::Exhale => CoreKind::Exhale,
        SegmentKind::HoldOut => CoreKind::HoldOut,
        SegmentKind::Hold => CoreKind::Hold,
        SegmentKind::Massage => CoreKind::Massage,
        SegmentKind::Work => CoreKind::Work,
        SegmentKind::Switch => CoreKind::Switch,
    }
}

/// The player's label for a segment kind (`Breathe in`).
#[uniffi::export]
pub fn segment_kind_name(kind: SegmentKind, lang: String) -> String {
    words::segment_kind_name(core_kind(kind), &lang).to_string()
}

/// The label of a side (`Left side`).
#[uniffi::export]
pub fn side_name(side: Side, lang: String) -> String {
    let s = match side {
        Side::Left => CoreSide::Left,
        Side::Right => CoreSide::Right,
    };
    words::side_name(s, &lang).to_string()
}

/// The seven weekdays, Monday first, with their names in `lang`.
#[uniffi::export]
pub fn weekday_names(lang: String) -> Vec<WeekdayName> {
    Weekday::ALL
        .iter()
        .map(|d| {
            let (short, name) = words::weekday_names(*d, &lang);
            WeekdayName {
                word: d.as_str().to_string(),
                short: short.to_string(),
                name: name.to_string(),
            }
        })
        .collect()
}

/// A countdown: `m:ss` or `h:mm:ss`, rounded up (0:01 until the time is over).
#[uniffi::export]
pub fn countdown_text(ms: i64) -> String {
    words::countdown_text(from_ms(ms))
}

/// Elapsed time: `m:ss` or `h:mm:ss`, rounded down.
#[uniffi::export]
pub fn elapsed_text(ms: i64) -> String {
    words::elapsed_text(from_ms(ms))
}

/// A length as a list shows it: `45 s`, `8 min`, `1 h 5 min`.
#[uniffi::export]
pub fn duration_text(ms: i64, lang: String) -> String {
    words::duration_text(from_ms(ms), &lang)
}

/// A length in words for screen readers: `8 minutes`, `1 Stunde 5 Minuten`.
#[uniffi::export]
pub fn duration_words(ms: i64, lang: String) -> String {
    words::duration_words(from_ms(ms), &lang)
}

/// The extend step and the pain scale's bounds, with their words.
#[uniffi::export]
pub fn numbers(lang: String) -> Numbers {
    let (extend_label, extend_description) = words::extend_labels(&lang);
    let (pain_none, pain_worst) = words::pain_end_labels(&lang);
    Numbers {
        extend_ms: ms(words::EXTEND_STEP_MS),
        extend_label,
        extend_description,
        pain_min: i32::from(words::PAIN_MIN),
        pain_max: i32::from(words::PAIN_MAX),
        pain_none,
        pain_worst,
    }
}

/// A rating's words (`Pain: 3 of 10`); values off the scale are clamped.
#[uniffi::export]
pub fn pain_value_text(pain: i32, lang: String) -> String {
    let p = pain.clamp(0, i32::from(words::PAIN_MAX));
    words::pain_value_text(u8::try_from(p).unwrap_or(0), &lang)
}

/// The sentences around a session in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SafetyWords {
    /// "Stop this routine and contact your therapist."
    pub stop_routine: String,
    /// "Ease off, or stop if it keeps hurting."
    pub ease_off: String,
    /// The "too much" button's label.
    pub too_much: String,
    /// What the "too much" button does, for screen readers.
    pub too_much_hint: String,
    /// The heading over the safety flags.
    pub flags_heading: String,
}

/// What the "too much" button shows after some taps.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TooMuchText {
    /// The button's label with the count (`Too much (2×)`).
    pub label: String,
    /// The sentence to show under it; empty before the first tap.
    pub message: String,
}

/// Where the limit a rating was checked against comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LimitFrom {
    /// The program's `pain.stop_above`.
    Program,
    /// No program: the general limit.
    General,
}

/// The core's answer to the pain rating given before a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PainCheck {
    /// Whether the session may start.
    pub go_on: bool,
    /// The limit the rating was checked against.
    pub stop_above: i32,
    /// Where that limit comes from.
    pub limit_from: LimitFrom,
    /// A heading when the session should not start; empty otherwise.
    pub title: String,
    /// What to show: why not to start, or the rule to keep in mind.
    pub message: String,
}

/// The stop, ease-off, "too much" and flag sentences in `lang`.
#[uniffi::export]
pub fn safety_words(lang: String) -> SafetyWords {
    let w = caution::safety_words(&lang);
    SafetyWords {
        stop_routine: w.stop_routine,
        ease_off: w.ease_off,
        too_much: w.too_much,
        too_much_hint: w.too_much_hint,
        flags_heading: w.flags_heading,
    }
}

/// What the "too much" button shows after `marks` taps.
#[uniffi::export]
pub fn too_much_text(marks: i32, lang: String) -> TooMuchText {
    let (label, message) = caution::too_much_marked(u32::try_from(marks).unwrap_or(0), &lang);
    TooMuchText { label, message }
}

/// The heading of a safety flag about a routine (`Stop “Low back”`).
#[uniffi::export]
pub fn flag_title(routine_title: String, lang: String) -> String {
    caution::flag_title(&routine_title, &lang)
}

/// A program's pain rule as one sentence.
#[uniffi::export]
pub fn pain_rule_text(stop_above: i32, lang: String) -> String {
    caution::pain_rule_text(u32::try_from(stop_above).unwrap_or(0), &lang)
}

/// Checks the pain rating given before a session (`None`: skipped) against
/// the program's `stop_above` (`ProgramDetails.pain_stop_above`), or the
/// general limit when there is no program (`None`). A rating off the 0–10
/// scale is [`UnknotError::BadPain`].
#[uniffi::export]
pub fn check_pain_before(
    pain: Option<i32>,
    stop_above: Option<i32>,
    lang: String,
) -> Result<PainCheck, UnknotError> {
    let stop = stop_above.map(|s| u32::try_from(s).unwrap_or(0));
    let c = caution::check_pain_before(pain.map(i64::from), stop, &lang).map_err(|e| {
        UnknotError::BadPain {
            value: i32::try_from(e.0).unwrap_or(i32::MAX),
            max: i32::from(words::PAIN_MAX),
        }
    })?;
    Ok(PainCheck {
        go_on: c.go_on,
        stop_above: count32(c.stop_above),
        limit_from: match c.limit_from {
            caution::LimitFrom::Program => LimitFrom::Program,
            caution::LimitFrom::General => LimitFrom::General,
        },
        title: c.title,
        message: c.message,
    })
}

/// What the library list is asked for; every part optional.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LibraryQuery {
    /// Words to find (case and accents do not matter); blank for all.
    #[uniffi(default = "")]
    pub text: String,
    /// Only routines working this area (a format word, `lower_back`).
    #[uniffi(default = None)]
    pub area: Option<String>,
    /// Only routines using this tool (a format word, `ball`).
    #[uniffi(default = None)]
    pub tool: Option<String>,
    /// Only routines whose timed length is at most this many minutes.
    #[uniffi(default = None)]
    pub max_minutes: Option<i32>,
}

/// The filters the library offers, named in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LibraryFilters {
    /// The body areas its routines work, in the format's order.
    pub areas: Vec<WordName>,
    /// The tools its routines use.
    pub tools: Vec<WordName>,
    /// The lengths it offers ("at most"), shortest first.
    pub lengths: Vec<LengthChoice>,
}

/// A length the library's list can be limited to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LengthChoice {
    /// For `LibraryQuery::max_minutes`.
    pub max_minutes: i32,
    /// Its name in the person's language (`5 min`, `5 Min.`).
    pub name: String,
}

/// The built-in routines that match `query`, summarised in `lang`, by id.
#[uniffi::export]
pub fn search_routines(query: LibraryQuery, lang: String) -> Vec<RoutineSummary> {
    let q = CoreQuery {
        text: query.text,
        area: query.area,
        tool: query.tool,
        max_minutes: query.max_minutes.map(|m| u32::try_from(m).unwrap_or(0)),
    };
    search::search_builtin(&q, &lang)
        .into_iter()
        .map(Into::into)
        .collect()
}

/// The areas, tools and lengths the library's filters offer, named in `lang`.
#[uniffi::export]
pub fn library_filters(lang: String) -> LibraryFilters {
    let (areas, tools) = search::library_filters();
    LibraryFilters {
        areas: areas
            .into_iter()
            .map(|a| WordName {
                word: a.as_str().to_string(),
                name: words::area_name(a, &lang).to_string(),
            })
            .collect(),
        tools: tools
            .into_iter()
            .map(|t| WordName {
                word: t.as_str().to_string(),
                name: words::tool_name(t, &lang).to_string(),
            })
            .collect(),
        lengths: search::LENGTH_CHOICES_MIN
            .iter()
            .map(|&m| LengthChoice {
                max_minutes: i32::try_from(m).unwrap_or(i32::MAX),
                name: words::duration_text(u64::from(m) * 60_000, &lang),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_words() {
        assert_eq!(vocabulary_names(WordKind::Area, "de".into()).len(), 24);
        assert_eq!(
            word_name(WordKind::Tool, "ball".into(), "es".into()).as_deref(),
            Some("pelota")
        );
        assert_eq!(
            segment_kind_name(SegmentKind::Inhale, "de".into()),
            "Einatmen"
        );
        assert_eq!(side_name(Side::Right, "es".into()), "Lado derecho");
        assert_eq!(weekday_names("de".into())[0].short, "Mo");
        assert_eq!(countdown_text(-5), "0:00");
        assert_eq!(numbers("en".into()).extend_ms, 15_000);
        assert_eq!(pain_value_text(99, "en".into()), "Pain: 10 of 10");
    }

    #[test]
    fn pain_check_and_errors() {
        assert!(
            !check_pain_before(Some(8), Some(7), "en".into())
                .unwrap()
                .go_on
        );
        assert_eq!(
            check_pain_before(Some(12), None, "en".into()),
            Err(UnknotError::BadPain { value: 12, max: 10 })
        );
    }

    #[test]
    fn search_and_filters() {
        let q = LibraryQuery {
            text: "MUÑECA".into(),
            area: None,
            tool: None,
            max_minutes: Some(5),
        };
        let ids: Vec<_> = search_routines(q, "es".into())
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["desk-break"]);
        assert!(library_filters("en".into())
            .tools
            .iter()
            .any(|t| t.name == "foam roller"));
    }
}
