//! Embeds every `routines/*.json` file as a built-in routine: without the
//! whitespace between its tokens, deflated (the files stay readable; the
//! library shipped in the apps carries them in about a quarter of the
//! space).

use std::env;
use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::DeflateEncoder;
use flate2::Compression;

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
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let compact_dir = Path::new(&out_dir).join("routines");
    fs::create_dir_all(&compact_dir).expect("make the directory for compact routines");
    for id in &ids {
        let text = fs::read_to_string(dir.join(format!("{id}.json")))
            .expect("read a built-in routine file");
        let mut z = DeflateEncoder::new(Vec::new(), Compression::best());
        z.write_all(compact(&text).as_bytes())
            .and_then(|_| z.finish())
            .and_then(|packed| fs::write(compact_dir.join(format!("{id}.json.deflate")), packed))
            .expect("write a packed routine file");
    }
    let mut out = String::from("/// Built-in routine files: `(id, compact JSON text, deflated)`, sorted by id.\nstatic BUILTIN_PACKED: &[(&str, &[u8])] = &[\n");
    for id in &ids {
        println!("cargo:rerun-if-changed=routines/{id}.json");
        out.push_str(&format!(
            "    ({id:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/routines/{id}.json.deflate\"))),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&out_dir).join("builtin_routines.rs");
    fs::write(dest, out).expect("write the list of built-in routines");
}

/// JSON text without the whitespace outside its strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
