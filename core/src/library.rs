//! The built-in routine library, embedded at build time from `core/routines/`.

use std::io::Read;
use std::sync::OnceLock;

use serde::Serialize;

use crate::routine::Routine;
use crate::timeline::build_timeline;
use crate::validate::parse_routine;

include!(concat!(env!("OUT_DIR"), "/builtin_routines.rs"));

/// Built-in routine files, `(id, compact JSON text)`, sorted by id;
/// inflated once, on first use.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    static FILES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let texts = TEXTS.get_or_init(|| {
            BUILTIN_PACKED
                .iter()
                .map(|(id, packed)| {
                    let mut text = String::new();
                    let read = flate2::read::DeflateDecoder::new(*packed).read_to_string(&mut text);
                    if let Err(e) = read {
                        log::error!("built-in routine {id} does not unpack: {e}");
                    }
                    text
                })
                .collect()
        });
        BUILTIN_PACKED
            .iter()
            .zip(texts)
            .map(|((id, _), text)| (*id, text.as_str()))
            .collect()
    })
}

/// Every built-in routine, parsed once, sorted by id. A file that fails
/// validation is left out (and logged); a test keeps that from shipping.
pub fn builtin_routines() -> &'static [Routine] {
    static ROUTINES: OnceLock<Vec<Routine>> = OnceLock::new();
    ROUTINES.get_or_init(|| {
        builtin_files()
            .iter()
            .filter_map(|(id, json)| match parse_routine(json) {
                Ok(r) => Some(r),
                Err(e) => {
                    log::error!("built-in routine {id} is invalid: {e}");
                    None
                }
            })
            .collect()
    })
}

/// The built-in routine with this id.
pub fn builtin(id: &str) -> Option<&'static Routine> {
    builtin_routines().iter().find(|r| r.id == id)
}

/// The JSON text of a built-in routine file.
pub fn builtin_json(id: &str) -> Option<&'static str> {
    builtin_files()
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, j)| *j)
}

/// What a list of routines shows, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoutineSummary {
    /// Routine id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary, or empty.
    pub summary: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Body areas worked, as vocabulary words.
    pub areas: Vec<String>,
    /// Tools needed, as vocabulary words.
    pub equipment: Vec<String>,
    /// Timed duration.
    pub timed_ms: u64,
    /// Number of untimed (wait-for-user) segments.
    pub untimed: usize,
    /// Number of steps.
    pub steps: usize,
}

impl RoutineSummary {
    /// Summarises any valid routine in `lang`.
    pub fn of(routine: &Routine, lang: &str) -> Self {
        let timeline = build_timeline(routine, lang);
        RoutineSummary {
            id: routine.id.clone(),
            title: routine.title.get(lang).to_string(),
            summary: routine
                .summary
                .as_ref()
                .map(|s| s.get(lang).to_string())
                .unwrap_or_default(),
            tags: routine.tags.clone(),
            areas: routine
                .areas()
                .iter()
                .map(|a| a.as_str().to_string())
                .collect(),
            equipment: routine
                .equipment
                .iter()
                .map(|t| t.as_str().to_string())
                .collect(),
            timed_ms: timeline.timed_ms,
            untimed: timeline.untimed,
            steps: routine.steps.len(),
        }
    }
}

/// Summaries of every built-in routine in `lang`, sorted by id.
pub fn builtin_summaries(lang: &str) -> Vec<RoutineSummary> {
    builtin_routines()
        .iter()
        .map(|r| RoutineSummary::of(r, lang))
        .collect()
}
