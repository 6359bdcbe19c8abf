//! The library list: search by text in the person's language and filters
//! by body area, tool and length.
//!
//! Text is matched the way a person expects: case and accents do not
//! matter (`ruck` finds "Rücken", `munec` finds "muñeca"), and every word
//! of the query must appear somewhere in the routine's title, summary,
//! tags, or the names of its areas and tools (in the person's language,
//! or as the format's words).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::library::{builtin_routines, RoutineSummary};
use crate::routine::Routine;
use crate::vocab::{Area, Tool};
use crate::words::{area_name, tool_name};

/// What the person asked the library for; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    /// Words to find; blank for every routine.
    pub text: String,
    /// Only routines working this area (a format word, `lower_back`).
    pub area: Option<String>,
    /// Only routines using this tool (a format word, `ball`).
    pub tool: Option<String>,
    /// Only routines whose timed length is at most this many minutes.
    pub max_minutes: Option<u32>,
}

/// `text` lower-cased without accents (`ß` as `ss`), for matching.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == 'ß' {
                "ss".to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Everything a query's words are looked for in, folded.
fn haystack(r: &Routine, s: &RoutineSummary, lang: &str) -> String {
    let mut parts = vec![s.title.clone(), s.summary.clone()];
    parts.extend(r.tags.iter().map(|t| t.replace('-', " ")));
    for a in r.areas() {
        parts.push(area_name(a, lang).to_string());
        parts.push(a.as_str().replace('_', " "));
    }
    for t in &r.equipment {
        parts.push(tool_name(*t, lang).to_string());
        parts.push(t.as_str().replace('_', " "));
    }
    fold(&parts.join(" \u{1f} "))
}

/// Whether routine `r` (summarised as `s` in `lang`) passes `q`.
pub fn matches(r: &Routine, s: &RoutineSummary, q: &LibraryQuery, lang: &str) -> bool {
    if let Some(area) = &q.area {
        if !r.areas().iter().any(|a| a.as_str() == area) {
            return false;
        }
    }
    if let Some(tool) = &q.tool {
        if !r.equipment.iter().any(|t| t.as_str() == tool) {
            return false;
        }
    }
    if let Some(max) = q.max_minutes {
        if s.timed_ms > u64::from(max) * 60_000 {
            return false;
        }
    }
    let words = fold(&q.text);
    let mut words = words.split_whitespace().peekable();
    if words.peek().is_none() {
        return true;
    }
    let hay = haystack(r, s, lang);
    words.all(|w| hay.contains(w))
}

/// The built-in routines that pass `q`, summarised in `lang`, sorted by id.
pub fn search_builtin(q: &LibraryQuery, lang: &str) -> Vec<RoutineSummary> {
    builtin_routines()
        .iter()
        .filter_map(|r| {
            let s = RoutineSummary::of(r, lang);
            matches(r, &s, q, lang).then_some(s)
        })
        .collect()
}

/// The lengths, in minutes, the library offers to filter by ("at most").
pub const LENGTH_CHOICES_MIN: [u32; 3] = [5, 10, 20];

/// The filters the library offers: the areas and tools its routines use,
/// in the format's order.
pub fn library_filters() -> (Vec<Area>, Vec<Tool>) {
    let routines = builtin_routines();
    let areas = Area::ALL
        .iter()
        .copied()
        .filter(|a| routines.iter().any(|r| r.areas().contains(a)))
        .collect();
    let tools = Tool::ALL
        .iter()
        .copied()
        .filter(|t| routines.iter().any(|r| r.equipment.contains(t)))
        .collect();
    (areas, tools)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(q: &LibraryQuery, lang: &str) -> Vec<String> {
        search_builtin(q, lang).into_iter().map(|s| s.id).collect()
    }

    fn text(t: &str) -> LibraryQuery {
        LibraryQuery {
            text: t.into(),
            ..LibraryQuery::default()
        }
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Rücken MUÑECA Fuß"), "rucken muneca fuss");
        assert_eq!(fold("Ångström"), "angstrom");
    }

    #[test]
    fn blank_finds_everything() {
        assert_eq!(ids(&text("  "), "en").len(), builtin_routines().len());
    }

    #[test]
    fn text_in_the_persons_language() {
        // German area name without its umlaut, in any case.
        let de = ids(&text("RUCKEN"), "de");
        assert!(de.contains(&"low-back".to_string()), "{de:?}");
        assert!(de.contains(&"desk-upper-back".to_string()), "{de:?}");
        // Spanish tool name; every word must match.
        let es = ids(&text("pelota pie"), "es");
        assert!(es.contains(&"plantar-fascia".to_string()), "{es:?}");
        assert!(!es.contains(&"low-back".to_string()), "{es:?}");
        // English title words.
        assert_eq!(ids(&text("box breathing"), "en"), ["box-breathing"]);
        assert!(ids(&text("zzzz"), "en").is_empty());
        // The format's words match in any language.
        assert!(ids(&text("foam roller"), "de").contains(&"hip-flexors".to_string()));
    }

    #[test]
    fn filters_by_area_tool_and_length() {
        let q = LibraryQuery {
            area: Some("glute".into()),
            tool: Some("ball".into()),
            ..LibraryQuery::default()
        };
        let found = search_builtin(&q, "en");
        assert!(!found.is_empty());
        for s in &found {
            assert!(s.areas.contains(&"glute".into()) && s.equipment.contains(&"ball".into()));
        }
        let short = search_builtin(
            &LibraryQuery {
                max_minutes: Some(3),
                ..LibraryQuery::default()
            },
            "en",
        );
        assert!(short.iter().all(|s| s.timed_ms <= 180_000));
        let short_ids: Vec<_> = short.iter().map(|s| s.id.as_str()).collect();
        assert!(short_ids.contains(&"desk-break") && short_ids.contains(&"box-breathing"));
        assert!(!short_ids.contains(&"low-back"));
        let none = LibraryQuery {
            area: Some("no_such_area".into()),
            ..LibraryQuery::default()
        };
        assert!(search_builtin(&none, "en").is_empty());
    }

    #[test]
    fn filters_name_what_the_library_uses() {
        let (areas, tools) = library_filters();
        assert!(areas.contains(&Area::LowerBack));
        assert!(
            !areas.contains(&Area::Shin),
            "no built-in routine works the shin"
        );
        assert!(tools.contains(&Tool::Ball));
        assert!(!tools.contains(&Tool::MassageGun));
        // The lengths go up; the shortest keeps some routines, not all.
        assert!(LENGTH_CHOICES_MIN.windows(2).all(|w| w[0] < w[1]));
        let all = builtin_routines().len();
        let q = LibraryQuery {
            max_minutes: Some(LENGTH_CHOICES_MIN[0]),
            ..LibraryQuery::default()
        };
        let n = search_builtin(&q, "en").len();
        assert!(n > 0 && n < all, "{n} of {all} within the shortest length");
    }
}
