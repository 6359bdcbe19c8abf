//! The preset deflate dictionary of share codes.
//!
//! A preset dictionary lets deflate refer back to text it has not seen in
//! the code itself: the format's field names, vocabulary words and phrases
//! therapists write. Deflate finds matches up to 32 KiB back, and nearer
//! matches cost fewer bits, so the most common strings come last.
//!
//! The dictionary is part of the code format: changing it breaks every code
//! made with it. [`V1`] is therefore a frozen file (`core/share/program-dict-v1.txt`),
//! built once by [`build`] from the format's vocabulary and the built-in
//! library as it was then. A later dictionary gets a new compression byte.

use crate::date::Weekday;
use crate::routine::{ROUTINE_FORMAT, STEP_KINDS};
use crate::vocab::{Area, Pressure, Sides, Technique, Tool};

/// Dictionary v1, used by compression byte `1`.
pub static V1: &[u8] = include_bytes!("../../share/program-dict-v1.txt");

/// Dictionary v2, used by compression byte `3`: v1 followed by the ways a
/// program names each built-in routine ([`build_v2`]).
pub static V2: &[u8] = include_bytes!("../../share/program-dict-v2.txt");

/// What the mixing coder of compression byte `4` reads before dictionary
/// v2: the built-in routines' English texts as they were when the coder was
/// made ([`build_prime`]), frozen in `core/share/program-prime-v4.txt`.
pub static PRIME_V4: &[u8] = include_bytes!("../../share/program-prime-v4.txt");

/// Largest dictionary deflate can use.
pub const MAX_BYTES: usize = 32 * 1024;

/// Phrases that home-program instructions use again and again, most
/// common last.
const PHRASES: &[&str] = &[
    "stretch hold breathe breath slowly gently relax release lift lower press roll squeeze tuck tilt turn lean reach sweep draw glide hug kneel sit stand lie walk rest pause repeat switch side left right both front back top bottom inside outside under over between toward along across into onto against through down up out in head neck jaw chin ear face forehead temple shoulder shoulders blade blades arm arms elbow forearm wrist hand hands fingers fingertips thumb chest ribs belly spine hip hips pelvis tailbone buttock glute thigh knee knees leg legs calf shin ankle heel foot feet toes sole arch floor wall chair bed mat pillow towel door frame ball roller step muscle tender spot pain ache tension stiff tight comfortable easy small big slow long short little more less each every both other one two three four five six seven eight ten seconds minutes times again then while until before after keep let make bring move feel notice point straight bent flat level tall firm soft light heavy ",
    "If it hurts, ease off. ",
    "without pain",
    "You should feel a gentle stretch ",
    "until you feel a gentle stretch",
    "Stop if you feel tingling or numbness",
    "Do not bounce",
    "Keep your back straight",
    "keep breathing",
    "Breathe out slowly",
    "breathe slowly",
    "Stand tall",
    "Sit tall",
    "Lie on your back",
    "Lie on your side",
    "with your knees bent",
    "feet flat on the floor",
    "against a wall",
    "on the floor",
    "on a chair",
    "shoulder blades",
    "Place the ball under ",
    "Roll slowly ",
    "up and down",
    "back and forth",
    "small circles",
    "tender spot",
    "Hold the stretch",
    "Relax your shoulders",
    "Let your ",
    "Lean forward",
    "Tuck your chin",
    "Turn your head",
    "Tilt your head",
    "Bring your ",
    "Keep your ",
    "gently ",
    "slowly ",
    "Slowly ",
    "Gently ",
    " your ",
    " the ",
    " and ",
    " with ",
];

fn push(out: &mut Vec<String>, s: impl Into<String>) {
    out.push(s.into());
}

/// The format's vocabulary as compact-JSON fragments, in the order the
/// serialiser writes them.
fn format_fragments() -> Vec<String> {
    let mut out = Vec::new();
    for d in Area::ALL {
        push(&mut out, format!("\"area\":\"{}\",", d.as_str()));
    }
    for t in Technique::ALL {
        push(&mut out, format!("\"technique\":\"{}\",", t.as_str()));
    }
    for p in Pressure::ALL {
        push(&mut out, format!("\"pressure\":\"{}\",", p.as_str()));
    }
    for t in Tool::ALL {
        push(&mut out, format!("\"tool\":\"{}\",", t.as_str()));
    }
    for s in Sides::ALL {
        push(&mut out, format!(",\"sides\":\"{}\"", s.as_str()));
    }
    let days: Vec<String> = Weekday::ALL
        .iter()
        .map(|d| format!("\"{}\"", d.as_str()))
        .collect();
    push(&mut out, format!("\"days\":[{}]", days.join(",")));
    for k in STEP_KINDS {
        push(&mut out, format!("{{\"kind\":\"{k}\","));
    }
    for f in [
        "\"inhale\":",
        ",\"hold_in\":",
        ",\"exhale\":",
        ",\"hold_out\":",
        ",\"cycles\":",
        ",\"rep_seconds\":",
        ",\"sets\":",
        ",\"switch\":",
        ",\"pace\":",
        ",\"rest\":",
        ",\"reps\":",
        "\"hold\":",
        "\"seconds\":",
    ] {
        push(&mut out, f);
    }
    for f in [
        "\"summary\":\"",
        "\"tags\":[\"",
        "\"equipment\":[\"",
        "\"cautions\":[\"",
        "\"notes\":\"",
        "\"for\":\"",
        "\"from\":{\"therapist\":\"",
        "\",\"clinic\":\"",
        "\",\"contact\":\"",
        "\"pain\":{\"stop_above\":7,\"flare_rise\":2},",
        "\"progress\":[{\"routine\":\"",
        "\",\"every_weeks\":",
        ",\"hold_add\":",
        ",\"seconds_add\":",
        ",\"reps_add\":",
        ",\"max_hold\":",
        ",\"max_seconds\":",
        ",\"max_reps\":",
        "\"days\":\"daily\"",
        ",\"per_day\":",
        "\"per_week\":",
        "\"schedule\":[{\"routine\":\"",
        "},{\"routine\":\"",
        "{\"builtin\":\"",
        "\"start\":\"20",
        "\",\"weeks\":",
        ",\"say\":\"",
        "\",\"instructions\":\"",
        ",\"title\":\"",
        "\"steps\":[",
        "\"routines\":[",
        &format!("{{\"format\":\"{ROUTINE_FORMAT}\",\"id\":\""),
        "{\"format\":\"unknot.program.v1\",\"id\":\"",
        "\"},{\"kind\":\"",
    ] {
        push(&mut out, f);
    }
    out
}

/// Builds a dictionary from built-in routine files (`(id, JSON)`), the
/// format's vocabulary and common phrases. The same input always gives the
/// same bytes. The order, first to last: routine texts in languages other
/// than English, English vocabulary descriptions, the built-in routines'
/// English texts, common phrases, then the format's JSON fragments.
pub fn build(routine_files: &[(&str, &str)]) -> Vec<u8> {
    let (english, other_langs) = routine_texts(routine_files);
    let mut descriptions: Vec<String> = Vec::new();
    descriptions.extend(Area::ALL.iter().map(|a| a.description().to_string()));
    descriptions.extend(Technique::ALL.iter().map(|a| a.description().to_string()));
    descriptions.extend(Pressure::ALL.iter().map(|a| a.description().to_string()));

    let mut parts: Vec<String> = Vec::new();
    parts.extend(other_langs);
    parts.extend(descriptions);
    parts.extend(english);
    parts.extend(PHRASES.iter().map(|s| s.to_string()));
    parts.extend(format_fragments());

    // Later copies win: drop earlier duplicates, keep the last position.
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<String> = parts
        .into_iter()
        .rev()
        .filter(|p| seen.insert(p.clone()))
        .collect();
    kept.reverse();
    let mut out: Vec<u8> = kept.concat().into_bytes();
    if out.len() > MAX_BYTES {
        out.drain(..out.len() - MAX_BYTES);
    }
    out
}

/// Builds the mixing coder's priming text from built-in routine files: every
/// English title, summary, caution, instruction and spoken text, as it
/// appears inside compact JSON, one to a line, files in id order. It is far
/// longer than deflate's 32 KiB window; the mixing coder has no window.
pub fn build_prime(routine_files: &[(&str, &str)]) -> Vec<u8> {
    let (english, _) = routine_texts(routine_files);
    let mut out = english.join("\n").into_bytes();
    out.push(b'\n');
    out
}

/// Builds dictionary v2 from v1 and the built-in routine ids: for every id,
/// the three places a program built from the library names it (in
/// `routines`, in `schedule` as a daily entry, and in `progress` with the
/// suggested growth), so a program of library routines refers to each with
/// a few bits instead of spelling it out.
pub fn build_v2(v1: &[u8], builtin_ids: &[&str]) -> Vec<u8> {
    let mut ids = builtin_ids.to_vec();
    ids.sort_unstable();
    let mut out = v1.to_vec();
    for id in ids {
        out.extend_from_slice(
            format!(
                "{{\"builtin\":\"{id}\"}}{{\"routine\":\"{id}\",\"days\":\"daily\"}}\
                 {{\"routine\":\"{id}\",\"every_weeks\":1,\"hold_add\":5,\"seconds_add\":15,\
                 \"reps_add\":1,\"max_hold\":60,\"max_seconds\":120,\"max_reps\":"
            )
            .as_bytes(),
        );
    }
    if out.len() > MAX_BYTES {
        out.drain(..out.len() - MAX_BYTES);
    }
    out
}

/// Walks a routine file collecting its texts, English (and plain) apart
/// from other languages. Strings are JSON-escaped as compact JSON writes them.
/// The texts of routine files, files in id order, as they appear inside
/// compact JSON: English (and untagged) ones, then those in other languages.
fn routine_texts(routine_files: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let mut files: Vec<&(&str, &str)> = routine_files.iter().collect();
    files.sort_by_key(|(id, _)| *id);
    let (mut english, mut other) = (Vec::new(), Vec::new());
    for (_, json) in files {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(json) {
            collect_texts(&value, None, &mut english, &mut other);
        }
    }
    (english, other)
}

fn collect_texts(
    v: &serde_json::Value,
    lang: Option<&str>,
    english: &mut Vec<String>,
    other: &mut Vec<String>,
) {
    use serde_json::Value;
    match v {
        Value::String(s) => {
            let escaped = serde_json::to_string(s).unwrap_or_default();
            let inner = escaped.trim_matches('"').to_string();
            match lang {
                Some(l) if l != "en" => other.push(inner),
                _ => english.push(inner),
            }
        }
        Value::Array(items) => {
            for i in items {
                collect_texts(i, lang, english, other);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let is_lang = k.len() == 2 || k.contains('-') && k.len() <= 8;
                let text_key = is_lang && x.is_string();
                // Only texts: skip ids, formats, vocabulary words.
                if text_key {
                    collect_texts(x, Some(k), english, other);
                } else if matches!(
                    k.as_str(),
                    "title" | "summary" | "instructions" | "say" | "cautions"
                ) || x.is_array()
                    || x.is_object()
                {
                    if x.is_string() {
                        collect_texts(x, None, english, other);
                    } else if k != "tags" && k != "equipment" {
                        collect_texts(x, lang, english, other);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_is_deterministic_and_bounded() {
        let files: Vec<(&str, &str)> = crate::library::builtin_files().to_vec();
        let a = build(&files);
        let mut reversed = files.clone();
        reversed.reverse();
        assert_eq!(a, build(&reversed));
        assert!(a.len() <= MAX_BYTES);
        let text = String::from_utf8_lossy(&a);
        // The most common fragment is last.
        assert!(
            text.ends_with("\"},{\"kind\":\""),
            "{}",
            &text[text.len() - 60..]
        );
        assert!(text.contains("\"technique\":\"kneading\","));
    }

    #[test]
    fn frozen_v1_is_pinned() {
        // The dictionary is part of the code format: these must never change.
        assert_eq!(V1.len(), V1_LEN);
        assert_eq!(adler32(V1), V1_ADLER32);
    }

    pub(super) const V1_LEN: usize = 10_536;
    pub(super) const V1_ADLER32: u32 = 700_107_604;

    #[test]
    fn frozen_v2_is_v1_and_the_library_ids_and_is_pinned() {
        let ids: Vec<&str> = crate::library::builtin_files()
            .iter()
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(V2, build_v2(V1, &ids).as_slice());
        assert!(V2.starts_with(V1));
        assert!(V2.len() <= MAX_BYTES);
        assert_eq!((V2.len(), adler32(V2)), (V2_LEN, V2_ADLER32));
    }

    pub(super) const V2_LEN: usize = 15_687;
    pub(super) const V2_ADLER32: u32 = 382_377_735;

    #[test]
    fn frozen_prime_is_pinned_and_holds_only_english() {
        assert_eq!(
            (PRIME_V4.len(), adler32(PRIME_V4)),
            (PRIME_V4_LEN, PRIME_V4_ADLER32)
        );
        let text = std::str::from_utf8(PRIME_V4).unwrap();
        assert!(text.contains("Roll the ball slowly"));
        assert!(!text.contains("despacio") && !text.contains("langsam"));
    }

    pub(super) const PRIME_V4_LEN: usize = 52_959;
    pub(super) const PRIME_V4_ADLER32: u32 = 290_969_612;

    fn adler32(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in data {
            a = (a + u32::from(x)) % 65_521;
            b = (b + a) % 65_521;
        }
        (b << 16) | a
    }

    /// Writes a freshly built dictionary to the path in
    /// `UNKNOT_WRITE_DICTIONARY`, for making a new dictionary version.
    #[test]
    #[ignore = "writes a file; run by hand when making a new dictionary version"]
    fn write_dictionary() {
        if let Ok(path) = std::env::var("UNKNOT_WRITE_DICTIONARY") {
            std::fs::write(path, build(crate::library::builtin_files())).unwrap();
        }
        if let Ok(path) = std::env::var("UNKNOT_WRITE_PRIME_V4") {
            std::fs::write(path, build_prime(crate::library::builtin_files())).unwrap();
        }
        if let Ok(path) = std::env::var("UNKNOT_WRITE_DICTIONARY_V2") {
            let ids: Vec<&str> = crate::library::builtin_files()
                .iter()
                .map(|(id, _)| *id)
                .collect();
            std::fs::write(path, build_v2(V1, &ids)).unwrap();
        }
    }
}
