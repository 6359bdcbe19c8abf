//! Rules every built-in routine must follow.

use unknot_core::routine::StepBody;
use unknot_core::text::Text;
use unknot_core::vocab::{Pressure, Technique};
use unknot_core::{build_timeline, builtin_routines, Routine};

const LANGUAGES: [&str; 3] = ["en", "es", "de"];

fn texts(r: &Routine) -> Vec<(String, &Text)> {
    let mut out = vec![("title".to_string(), &r.title)];
    out.extend(r.summary.iter().map(|t| ("summary".to_string(), t)));
    out.extend(
        r.cautions
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("cautions[{i}]"), t)),
    );
    for (i, s) in r.steps.iter().enumerate() {
        out.push((format!("steps[{i}].title"), &s.title));
        out.extend(
            s.instructions
                .iter()
                .map(|t| (format!("steps[{i}].instructions"), t)),
        );
        out.extend(s.say.iter().map(|t| (format!("steps[{i}].say"), t)));
    }
    out
}

#[test]
fn at_least_24_routines_all_valid() {
    // Every embedded file parsed (an invalid one would be missing here).
    assert_eq!(
        builtin_routines().len(),
        unknot_core::library::builtin_files().len()
    );
    assert!(
        builtin_routines().len() >= 24,
        "{}",
        builtin_routines().len()
    );
    for (id, _) in unknot_core::library::builtin_files() {
        assert!(unknot_core::builtin(id).is_some(), "{id} failed to load");
    }
}

#[test]
fn every_text_is_in_every_language() {
    for r in builtin_routines() {
        for (path, t) in texts(r) {
            let langs: Vec<_> = t.languages().collect();
            for l in LANGUAGES {
                assert!(langs.contains(&l), "{}: {path} lacks {l}", r.id);
            }
        }
    }
}

#[test]
fn durations_are_between_2_and_20_minutes() {
    for r in builtin_routines() {
        let t = build_timeline(r, "en").timed_ms;
        assert!((120_000..=1_200_000).contains(&t), "{}: {t} ms", r.id);
    }
}

#[test]
fn firm_or_sustained_pressure_has_cautions() {
    for r in builtin_routines() {
        let needs = r.steps.iter().any(|s| {
            matches!(
                s.body,
                StepBody::Massage {
                    pressure: Pressure::Firm,
                    ..
                } | StepBody::Massage {
                    technique: Technique::Pressure,
                    ..
                }
            )
        });
        if needs {
            assert!(
                !r.cautions.is_empty(),
                "{} uses firm or sustained pressure without cautions",
                r.id
            );
        }
    }
}

#[test]
fn routines_carry_summary_tags_and_the_tools_they_use() {
    for r in builtin_routines() {
        assert!(r.summary.is_some(), "{} has no summary", r.id);
        assert!(!r.tags.is_empty(), "{} has no tags", r.id);
        for s in &r.steps {
            if let StepBody::Massage { tool, .. } = s.body {
                assert!(
                    tool == unknot_core::vocab::Tool::Hands || r.equipment.contains(&tool),
                    "{}: uses {tool} but does not list it in equipment",
                    r.id
                );
            }
        }
    }
}

#[test]
fn the_required_topics_are_covered() {
    let ids: Vec<&str> = builtin_routines().iter().map(|r| r.id.as_str()).collect();
    for id in [
        "box-breathing",
        "4-7-8-breathing",
        "resonant-breathing",
        "physiological-sigh",
        "desk-break",
    ] {
        assert!(ids.contains(&id), "missing {id}");
    }
    let areas: Vec<_> = builtin_routines().iter().flat_map(|r| r.areas()).collect();
    use unknot_core::vocab::Area::*;
    for a in [
        Neck, UpperBack, LowerBack, Glute, Hip, ItBand, Calf, Foot, Forearm, Hand, Jaw, Scalp,
    ] {
        assert!(areas.contains(&a), "no routine works {a}");
    }
}

#[test]
fn every_file_is_embedded_whole_without_its_whitespace() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        files += 1;
        let id = path.file_stem().unwrap().to_str().unwrap();
        let on_disk: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let embedded = unknot_core::library::builtin_json(id).expect("embedded");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(embedded).unwrap(),
            on_disk,
            "{id}"
        );
        assert!(!embedded.contains('\n') && !embedded.contains("{ "), "{id}");
    }
    assert_eq!(files, builtin_routines().len());
}
