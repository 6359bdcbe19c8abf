//! Format speed: parsing and validating routines, building a timeline,
//! share-code encode and decode, a therapist draft as the form checks it.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;
use unknot_core::library::builtin_files;
use unknot_core::program::draft::{suggested_progression, Draft};
use unknot_core::share::{dictionary, mixing::Model};
use unknot_core::{
    build_timeline, builtin, decode_program, parse_program, parse_routine, qr_version, share_code,
    CivilDate,
};

fn formats(c: &mut Criterion) {
    let files: Vec<&str> = builtin_files()
        .iter()
        .map(|(_, j)| *j)
        .cycle()
        .take(1000)
        .collect();
    c.bench_function("parse_validate_1000_routines", |b| {
        b.iter(|| {
            for f in &files {
                black_box(parse_routine(f).unwrap());
            }
        })
    });
    let steps: Vec<_> = (0..200)
        .map(|i| json!({"kind": "stretch", "title": format!("s{i}"), "area": "calf", "hold": 10, "reps": 2, "rest": 5, "sides": "both"}))
        .collect();
    let r = unknot_core::validate::validate_routine(
        &json!({"format": "unknot.routine.v1", "id": "big", "title": "Big", "steps": steps}),
        "",
    )
    .unwrap();
    c.bench_function("timeline_200_steps", |b| {
        b.iter(|| black_box(build_timeline(&r, "en")))
    });

    let largest = include_str!("../../docs/examples/desk-neck-back-hips.unknot");
    let program = parse_program(largest).unwrap();
    let code = share_code(&program);
    c.bench_function("share_encode_largest_example", |b| {
        b.iter(|| black_box(share_code(&program)))
    });
    c.bench_function("share_decode_largest_example", |b| {
        b.iter(|| black_box(decode_program(&code).unwrap()))
    });

    // What the first share code of a process pays once: the mixing coder
    // reads its priming text and dictionary v2.
    c.bench_function("share_mixing_prime", |b| {
        b.iter(|| {
            let mut m = Model::primed(dictionary::PRIME_V4);
            m.learn(dictionary::V2);
            black_box(m)
        })
    });

    // What the therapist form does on every change: build the draft, make
    // its share code and find its QR version (eight growing routines).
    let mut draft = Draft::new(CivilDate::new(2026, 11, 23).unwrap());
    draft.title = "Eight routines".into();
    draft.notes = "Mornings before the first steps; evenings after the walk home.".into();
    for r in builtin_files().iter().map(|(id, _)| *id).take(8) {
        draft.add_routine(r).unwrap();
    }
    for item in &mut draft.items {
        item.progression = suggested_progression(builtin(&item.builtin).unwrap());
    }
    c.bench_function("therapist_draft_build_8_routines", |b| {
        b.iter(|| {
            let built = draft.build().unwrap();
            let code = share_code(&built.program);
            black_box(qr_version(&code).unwrap())
        })
    });
}

criterion_group!(benches, formats);
criterion_main!(benches);
