//! The bundle is checked against FHIR R4's JSON rules by a small checker:
//! required elements, value-set codes used here, the regular expressions
//! of the primitive types, resolvable references, and no nulls or empties.

use std::collections::HashSet;

use crate::date::date;
use regex::Regex;
use serde_json::Value;

use super::*;
use crate::journal::entry::tests::sample;
use crate::journal::plan::PlannedRoutine;
use crate::journal::stats::PainRules;

const DATE_TIME: &str = r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?)?)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)?)?)?$";
const DATE: &str = r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$";
const URI: &str = r"^\S*$";
const CODE: &str = r"^[^\s]+(\s[^\s]+)*$";
const DECIMAL: &str = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$";
const UUID_URN: &str = r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

struct Checker {
    problems: Vec<String>,
    date_time: Regex,
    date: Regex,
    uri: Regex,
    code: Regex,
    decimal: Regex,
}

impl Checker {
    fn new() -> Self {
        Checker {
            problems: Vec::new(),
            date_time: Regex::new(DATE_TIME).unwrap(),
            date: Regex::new(DATE).unwrap(),
            uri: Regex::new(URI).unwrap(),
            code: Regex::new(CODE).unwrap(),
            decimal: Regex::new(DECIMAL).unwrap(),
        }
    }

    fn fail(&mut self, path: &str, msg: impl std::fmt::Display) {
        self.problems.push(format!("{path}: {msg}"));
    }

    /// FHIR JSON: no nulls, no empty strings, arrays or objects.
    fn no_empties(&mut self, v: &Value, path: &str) {
        match v {
            Value::Null => self.fail(path, "null"),
            Value::String(s) if s.is_empty() => self.fail(path, "empty string"),
            Value::Array(a) if a.is_empty() => self.fail(path, "empty array"),
            Value::Object(o) if o.is_empty() => self.fail(path, "empty object"),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| self.no_empties(x, &format!("{path}[{i}]"))),
            Value::Object(o) => o
                .iter()
                .for_each(|(k, x)| self.no_empties(x, &format!("{path}.{k}"))),
            _ => {}
        }
    }

    fn only_keys(&mut self, v: &Value, path: &str, allowed: &[&str]) {
        for k in v.as_object().map(|o| o.keys()).into_iter().flatten() {
            if !allowed.contains(&k.as_str()) {
                self.fail(path, format!("unknown element {k}"));
            }
        }
    }

    fn required<'v>(&mut self, v: &'v Value, path: &str, key: &str) -> &'v Value {
        static NULL: Value = Value::Null;
        match v.get(key) {
            Some(x) => x,
            None => {
                self.fail(path, format!("missing required {key}"));
                &NULL
            }
        }
    }

    fn string_matching(&mut self, v: &Value, path: &str, re: fn(&Self) -> &Regex, what: &str) {
        match v.as_str() {
            Some(s) if re(self).is_match(s) => {}
            _ => self.fail(path, format!("{v} is not a {what}")),
        }
    }

    fn date_time(&mut self, v: &Value, path: &str) {
        self.string_matching(v, path, |c| &c.date_time, "dateTime");
        // A time of day needs a time zone.
        if let Some(s) = v.as_str() {
            if s.contains('T')
                && !(s.ends_with('Z') || s[s.len().saturating_sub(6)..].starts_with(['+', '-']))
            {
                self.fail(path, "dateTime with a time but no time zone");
            }
        }
    }

    fn one_of(&mut self, v: &Value, path: &str, codes: &[&str]) {
        match v.as_str() {
            Some(s) if codes.contains(&s) => {}
            _ => self.fail(path, format!("{v} is not one of {codes:?}")),
        }
    }

    fn codeable_concept(&mut self, v: &Value, path: &str) {
        self.only_keys(v, path, &["coding", "text"]);
        for (i, c) in v["coding"].as_array().into_iter().flatten().enumerate() {
            let p = format!("{path}.coding[{i}]");
            self.only_keys(c, &p, &["system", "code", "display", "version"]);
            let system = self.required(c, &p, "system").clone();
            self.string_matching(&system, &p, |c| &c.uri, "uri");
            let code = self.required(c, &p, "code").clone();
            self.string_matching(&code, &p, |c| &c.code, "code");
        }
    }

    fn quantity(&mut self, v: &Value, path: &str) {
        self.only_keys(v, path, &["value", "unit", "system", "code", "comparator"]);
        match v.get("value") {
            Some(Value::Number(n)) if self.decimal.is_match(&n.to_string()) => {}
            other => self.fail(path, format!("value {other:?} is not a decimal")),
        }
        let system = self.required(v, path, "system").clone();
        self.one_of(&system, path, &[UCUM]);
        let code = self.required(v, path, "code").clone();
        self.string_matching(&code, path, |c| &c.code, "code");
    }

    fn period(&mut self, v: &Value, path: &str, date_only: bool) {
        self.only_keys(v, path, &["start", "end"]);
        for k in ["start", "end"] {
            if let Some(x) = v.get(k) {
                if date_only {
                    self.string_matching(x, &format!("{path}.{k}"), |c| &c.date, "date");
                } else {
                    self.date_time(x, &format!("{path}.{k}"));
                }
            }
        }
    }

    fn observation(&mut self, o: &Value, path: &str, urls: &HashSet<String>) {
        self.only_keys(
            o,
            path,
            &[
                "resourceType",
                "status",
                "category",
                "code",
                "effectiveDateTime",
                "effectivePeriod",
                "valueQuantity",
                "basedOn",
                "note",
            ],
        );
        let status = self.required(o, path, "status").clone();
        self.one_of(
            &status,
            path,
            &[
                "registered",
                "preliminary",
                "final",
                "amended",
                "corrected",
                "cancelled",
                "entered-in-error",
                "unknown",
            ],
        );
        let code = self.required(o, path, "code").clone();
        self.codeable_concept(&code, &format!("{path}.code"));
        for (i, c) in o["category"].as_array().into_iter().flatten().enumerate() {
            self.codeable_concept(c, &format!("{path}.category[{i}]"));
        }
        if let Some(t) = o.get("effectiveDateTime") {
            self.date_time(t, &format!("{path}.effectiveDateTime"));
        }
        if let Some(p) = o.get("effectivePeriod") {
            self.period(p, &format!("{path}.effectivePeriod"), false);
        }
        if o.get("effectiveDateTime").is_some() == o.get("effectivePeriod").is_some() {
            self.fail(path, "exactly one effective[x] expected here");
        }
        if let Some(q) = o.get("valueQuantity") {
            self.quantity(q, &format!("{path}.valueQuantity"));
        }
        self.references(o.get("basedOn"), &format!("{path}.basedOn"), urls);
    }

    fn references(&mut self, v: Option<&Value>, path: &str, urls: &HashSet<String>) {
        for (i, r) in v
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let p = format!("{path}[{i}]");
            match r["reference"].as_str() {
                Some(u) if urls.contains(u) => {}
                _ => self.fail(&p, "reference does not resolve within the bundle"),
            }
        }
    }

    fn care_plan(&mut self, c: &Value, path: &str) {
        self.only_keys(
            c,
            path,
            &[
                "resourceType",
                "status",
                "intent",
                "title",
                "description",
                "subject",
                "period",
                "activity",
            ],
        );
        let status = self.required(c, path, "status").clone();
        self.one_of(
            &status,
            path,
            &[
                "draft",
                "active",
                "on-hold",
                "revoked",
                "completed",
                "entered-in-error",
                "unknown",
            ],
        );
        let intent = self.required(c, path, "intent").clone();
        self.one_of(&intent, path, &["proposal", "plan", "order", "option"]);
        let subject = self.required(c, path, "subject").clone();
        self.only_keys(
            &subject,
            &format!("{path}.subject"),
            &["reference", "display"],
        );
        if subject.get("reference").is_none() && subject.get("display").is_none() {
            self.fail(path, "subject needs a reference or a display");
        }
        if let Some(p) = c.get("period") {
            self.period(p, &format!("{path}.period"), true);
        }
        for (i, a) in c["activity"].as_array().into_iter().flatten().enumerate() {
            let p = format!("{path}.activity[{i}].detail");
            let d = self.required(a, &p, "detail").clone();
            self.only_keys(
                &d,
                &p,
                &["kind", "code", "status", "scheduledTiming", "description"],
            );
            let status = self.required(&d, &p, "status").clone();
            self.one_of(
                &status,
                &p,
                &[
                    "not-started",
                    "scheduled",
                    "in-progress",
                    "on-hold",
                    "completed",
                    "cancelled",
                    "stopped",
                    "unknown",
                    "entered-in-error",
                ],
            );
            if let Some(k) = d.get("kind") {
                self.one_of(
                    k,
                    &p,
                    &[
                        "Appointment",
                        "CommunicationRequest",
                        "DeviceRequest",
                        "MedicationRequest",
                        "NutritionOrder",
                        "Task",
                        "ServiceRequest",
                        "VisionPrescription",
                    ],
                );
            }
            let code = self.required(&d, &p, "code").clone();
            self.codeable_concept(&code, &format!("{p}.code"));
            let timing = self.required(&d, &p, "scheduledTiming").clone();
            let r = &timing["repeat"];
            self.period(
                &r["boundsPeriod"],
                &format!("{p}.repeat.boundsPeriod"),
                true,
            );
            self.one_of(
                &r["periodUnit"],
                &p,
                &["s", "min", "h", "d", "wk", "mo", "a"],
            );
            for day in r["dayOfWeek"].as_array().into_iter().flatten() {
                self.one_of(day, &p, &["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
            }
            for k in ["frequency", "period"] {
                if r[k].as_u64().unwrap_or(0) == 0 {
                    self.fail(&p, format!("repeat.{k} must be a positive integer"));
                }
            }
        }
    }

    fn bundle(&mut self, b: &Value) {
        self.no_empties(b, "Bundle");
        self.only_keys(b, "Bundle", &["resourceType", "type", "entry"]);
        self.one_of(&b["resourceType"], "Bundle", &["Bundle"]);
        self.one_of(&b["type"], "Bundle.type", &["collection"]);
        let uuid = Regex::new(UUID_URN).unwrap();
        let entries = b["entry"].as_array().cloned().unwrap_or_default();
        let mut urls = HashSet::new();
        for (i, e) in entries.iter().enumerate() {
            let url = e["fullUrl"].as_str().unwrap_or("");
            if !uuid.is_match(url) {
                self.fail(&format!("entry[{i}]"), "fullUrl is not a urn:uuid");
            }
            if !urls.insert(url.to_string()) {
                self.fail(&format!("entry[{i}]"), "duplicate fullUrl");
            }
        }
        for (i, e) in entries.iter().enumerate() {
            let path = format!("entry[{i}].resource");
            self.only_keys(e, &format!("entry[{i}]"), &["fullUrl", "resource"]);
            let r = &e["resource"];
            match r["resourceType"].as_str() {
                Some("Observation") => self.observation(r, &path, &urls),
                Some("CarePlan") => self.care_plan(r, &path),
                other => self.fail(&path, format!("unexpected resourceType {other:?}")),
            }
        }
    }
}

fn program() -> ProgramInfo {
    ProgramInfo {
        id: "plantar-6w".into(),
        title: "Plantar fascia, six weeks".into(),
        from: Some("A. Therapist, Riverside Physio".into()),
        start: date!(2024 - 04 - 29),
        due_per_week: vec![9; 6],
        rules: PainRules::default(),
        routines: vec![
            PlannedRoutine {
                routine_id: "foot-release".into(),
                title: "Foot release".into(),
                timing: Timing::Days {
                    days: vec!["mon".into(), "wed".into(), "fri".into()],
                    per_day: 2,
                },
            },
            PlannedRoutine {
                routine_id: "calf-stretch".into(),
                title: "Calf stretch".into(),
                timing: Timing::PerWeek(3),
            },
        ],
    }
}

fn records() -> Vec<SessionRecord> {
    let a = sample();
    let mut b = sample();
    b.pain_before = None;
    b.note = None;
    b.program_id = None;
    b.utc_offset_min = -330;
    b.start_ms += 86_400_000;
    b.end_ms += 86_400_000;
    vec![
        SessionRecord { id: 1, entry: a },
        SessionRecord { id: 2, entry: b },
    ]
}

#[test]
fn the_bundle_is_valid_fhir_r4() {
    let b = bundle(&records(), Some(&program()));
    let mut c = Checker::new();
    c.bundle(&b);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    // CarePlan, 2 + 1 pain ratings, 2 durations.
    assert_eq!(b["entry"].as_array().unwrap().len(), 6);
}

#[test]
fn the_checker_catches_broken_bundles() {
    let mut b = bundle(&records(), Some(&program()));
    b["entry"][1]["resource"]["effectiveDateTime"] = json!("2024-05-03T08:00:00");
    b["entry"][1]["resource"]["valueQuantity"]["system"] = json!("units");
    b["entry"][0]["resource"]
        .as_object_mut()
        .unwrap()
        .remove("subject");
    b["entry"][2]["fullUrl"] = b["entry"][1]["fullUrl"].clone();
    b["entry"][4]["resource"]["basedOn"] = json!([{ "reference": "urn:uuid:nowhere" }]);
    b["entry"][4]["resource"]["note"] = json!([]);
    let mut c = Checker::new();
    c.bundle(&b);
    let all = c.problems.join("\n");
    for want in [
        "no time zone",
        "is not one of [\"http://unitsofmeasure.org\"]",
        "missing required subject",
        "duplicate fullUrl",
        "does not resolve",
        "empty array",
    ] {
        assert!(all.contains(want), "{want} not in\n{all}");
    }
}

#[test]
fn observations_carry_loinc_codes_units_and_local_times() {
    let b = bundle(&records(), Some(&program()));
    let e = b["entry"].as_array().unwrap();
    let care_plan_url = e[0]["fullUrl"].clone();
    let before = &e[1]["resource"];
    assert_eq!(before["code"]["coding"][0]["code"], PAIN_CODE);
    assert_eq!(before["code"]["coding"][0]["display"], PAIN_DISPLAY);
    assert_eq!(before["category"][0]["coding"][0]["code"], "survey");
    assert_eq!(before["effectiveDateTime"], "2024-05-03T08:00:00+02:00");
    assert_eq!(before["valueQuantity"]["value"], 5);
    assert_eq!(before["valueQuantity"]["unit"], "{score}");
    assert_eq!(before["basedOn"][0]["reference"], care_plan_url);
    let after = &e[2]["resource"];
    assert_eq!(after["effectiveDateTime"], "2024-05-03T08:10:00+02:00");
    assert_eq!(after["valueQuantity"]["value"], 3);
    let duration = &e[3]["resource"];
    assert_eq!(duration["code"]["coding"][0]["code"], DURATION_CODE);
    assert_eq!(duration["valueQuantity"]["value"], 9.0);
    assert_eq!(duration["valueQuantity"]["unit"], "min");
    assert_eq!(duration["note"][0]["text"], "Left heel tender");
    // The second session has no program: no basedOn; its offset is -05:30.
    let later = &e[4]["resource"];
    assert!(later.get("basedOn").is_none());
    assert_eq!(later["effectiveDateTime"], "2024-05-04T00:40:00-05:30");
}

#[test]
fn the_care_plan_lists_each_scheduled_routine() {
    let b = bundle(&[], Some(&program()));
    let plan = &b["entry"][0]["resource"];
    assert_eq!(plan["status"], "active");
    assert_eq!(plan["intent"], "plan");
    assert_eq!(plan["period"]["end"], "2024-06-09");
    let a = plan["activity"].as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(
        a[0]["detail"]["code"]["coding"][0]["code"],
        EXERCISE_THERAPY
    );
    let r = &a[0]["detail"]["scheduledTiming"]["repeat"];
    assert_eq!(r["dayOfWeek"], json!(["mon", "wed", "fri"]));
    assert_eq!(
        (r["frequency"].as_u64(), r["periodUnit"].as_str()),
        (Some(2), Some("d"))
    );
    let r = &a[1]["detail"]["scheduledTiming"]["repeat"];
    assert_eq!(
        (r["frequency"].as_u64(), r["periodUnit"].as_str()),
        (Some(3), Some("wk"))
    );
    assert_eq!(
        a[1]["detail"]["description"],
        "Calf stretch (calf-stretch): 3 times a week"
    );
}

#[test]
fn the_bundle_is_deterministic_and_ids_differ_per_record() {
    let a = bundle(&records(), Some(&program()));
    let b = bundle(&records(), Some(&program()));
    assert_eq!(a, b);
    assert_ne!(urn("session/1/0/duration"), urn("session/2/0/duration"));
    let without = bundle(&records(), None);
    assert_eq!(without["entry"].as_array().unwrap().len(), 5);
    let mut c = Checker::new();
    c.bundle(&without);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let empty = bundle(&[], None);
    assert!(empty.get("entry").is_none());
    let mut c = Checker::new();
    c.bundle(&empty);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
}
