//! FHIR R4 export: a `collection` Bundle with one Observation per pain
//! rating (LOINC 72514-3), one per session's active time (LOINC 55411-3)
//! and a CarePlan for the active program.
//!
//! Entry ids are name-based UUIDs (version 5) derived from the journal's
//! record ids and start times, so exporting the same journal twice gives
//! the same bundle: the core reads no randomness.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::entry::SessionRecord;
use super::export::local_datetime;
use super::plan::{ProgramInfo, Timing};

/// UCUM, the units system FHIR quantities use.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// LOINC.
pub const LOINC: &str = "http://loinc.org";
/// SNOMED CT.
pub const SNOMED: &str = "http://snomed.info/sct";
/// FHIR's observation category code system.
pub const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
/// LOINC code of a 0–10 pain rating.
pub const PAIN_CODE: &str = "72514-3";
/// Its LOINC display name.
pub const PAIN_DISPLAY: &str = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
/// LOINC code of exercise duration.
pub const DURATION_CODE: &str = "55411-3";
/// SNOMED CT code of exercise therapy.
pub const EXERCISE_THERAPY: &str = "229065009";

/// Namespace of Unknot's name-based UUIDs.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://unknot.app/journal")
}

/// `urn:uuid:` plus the name-based UUID of `name`.
pub fn urn(name: &str) -> String {
    format!("urn:uuid:{}", Uuid::new_v5(&namespace(), name.as_bytes()))
}

fn category(code: &str, display: &str) -> Value {
    json!([{ "coding": [{ "system": OBSERVATION_CATEGORY, "code": code, "display": display }] }])
}

fn entry(full_url: String, resource: Value) -> Value {
    json!({ "fullUrl": full_url, "resource": resource })
}

fn session_name(r: &SessionRecord) -> String {
    format!("session/{}/{}", r.id, r.start_ms)
}

/// The FHIR R4 Bundle of `records`, with a CarePlan for `program`.
pub fn bundle(records: &[SessionRecord], program: Option<&ProgramInfo>) -> Value {
    let mut entries = Vec::new();
    let care_plan = program.map(|p| (urn(&format!("program/{}/{}", p.id, p.start)), p));
    if let Some((url, p)) = &care_plan {
        entries.push(entry(url.clone(), care_plan_resource(p)));
    }
    for r in records {
        let based_on = care_plan
            .as_ref()
            .filter(|(_, p)| r.program_id.as_deref() == Some(p.id.as_str()))
            .map(|(url, _)| json!([{ "reference": url }]));
        for (which, pain, at) in [
            ("before", r.pain_before, r.start_ms),
            ("after", r.pain_after, r.end_ms),
        ] {
            let Some(pain) = pain else { continue };
            let mut obs = json!({
                "resourceType": "Observation",
                "status": "final",
                "category": category("survey", "Survey"),
                "code": {
                    "coding": [{ "system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY }],
                    "text": format!("Pain {which} {}", r.routine_title),
                },
                "effectiveDateTime": local_datetime(at, r.utc_offset_min),
                "valueQuantity": { "value": pain, "unit": "{score}", "system": UCUM, "code": "{score}" },
            });
            if let Some(b) = &based_on {
                obs["basedOn"] = b.clone();
            }
            entries.push(entry(
                urn(&format!("{}/pain-{which}", session_name(r))),
                obs,
            ));
        }
        let minutes = (r.active_ms as f64 / 6_000.0).round() / 10.0;
        let mut obs = json!({
            "resourceType": "Observation",
            "status": "final",
            "category": category("activity", "Activity"),
            "code": {
                "coding": [{ "system": LOINC, "code": DURATION_CODE, "display": "Exercise duration" }],
                "text": format!("{} ({})", r.routine_title, r.outcome.as_str()),
            },
            "effectivePeriod": {
                "start": local_datetime(r.start_ms, r.utc_offset_min),
                "end": local_datetime(r.end_ms, r.utc_offset_min),
            },
            "valueQuantity": { "value": minutes, "unit": "min", "system": UCUM, "code": "min" },
        });
        if let Some(b) = &based_on {
            obs["basedOn"] = b.clone();
        }
        if let Some(note) = r.note_text() {
            obs["note"] = json!([{ "text": note }]);
        }
        entries.push(entry(urn(&format!("{}/duration", session_name(r))), obs));
    }
    let mut b = json!({ "resourceType": "Bundle", "type": "collection" });
    // FHIR JSON has no empty arrays: an empty journal gives a bundle without entries.
    if !entries.is_empty() {
        b["entry"] = Value::Array(entries);
    }
    b
}

fn timing(p: &ProgramInfo, t: &Timing) -> Value {
    let mut repeat = Map::new();
    repeat.insert(
        "boundsPeriod".into(),
        json!({ "start": p.start.to_string(), "end": p.end().to_string() }),
    );
    match t {
        Timing::Days { days, per_day } => {
            if days.len() < 7 {
                repeat.insert("dayOfWeek".into(), json!(days));
            }
            repeat.insert("frequency".into(), json!(per_day));
            repeat.insert("period".into(), json!(1));
            repeat.insert("periodUnit".into(), json!("d"));
        }
        Timing::PerWeek(n) => {
            repeat.insert("frequency".into(), json!(n));
            repeat.insert("period".into(), json!(1));
            repeat.insert("periodUnit".into(), json!("wk"));
        }
    }
    json!({ "repeat": repeat })
}

fn care_plan_resource(p: &ProgramInfo) -> Value {
    let activities: Vec<Value> = p
        .routines
        .iter()
        .map(|r| {
            json!({ "detail": {
                "kind": "ServiceRequest",
                "code": {
                    "coding": [{ "system": SNOMED, "code": EXERCISE_THERAPY, "display": "Exercise therapy" }],
                    "text": r.title,
                },
                "status": "scheduled",
                "scheduledTiming": timing(p, &r.timing),
                "description": format!("{} ({}): {}", r.title, r.routine_id, r.timing.describe()),
            }})
        })
        .collect();
    let mut description = format!(
        "Home program {} ({}): stop a routine and contact your therapist when pain rises above {}/10 or rises by {} points or more in two sessions in a row.",
        p.title, p.id, p.rules.stop_above, p.rules.flare_rise
    );
    if let Some(from) = &p.from {
        description.push_str(&format!(" Assigned by {from}."));
    }
    let mut plan = json!({
        "resourceType": "CarePlan",
        "status": "active",
        "intent": "plan",
        "title": p.title,
        "description": description,
        "subject": { "display": "The person following this home program" },
        "period": { "start": p.start.to_string(), "end": p.end().to_string() },
    });
    if !activities.is_empty() {
        plan["activity"] = Value::Array(activities);
    }
    plan
}

#[cfg(test)]
mod tests;
