//! Embeds every `routines/*.json` file as a built-in routine.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("routines");
    println!("cargo:rerun-if-changed=routines");
    let mut ids: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    let mut out = String::from("/// Built-in routine files: `(id, JSON text)`, sorted by id.\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for id in &ids {
        println!("cargo:rerun-if-changed=routines/{id}.json");
        out.push_str(&format!(
            "    ({id:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/routines/{id}.json\"))),\n"
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_routines.rs");
    fs::write(dest, out).expect("write the list of built-in routines");
}
