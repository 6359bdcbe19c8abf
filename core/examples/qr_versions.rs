//! QR versions (level M) of the example programs per compression method.

use unknot_core::share::{encode_json_with, Compression};
use unknot_core::{parse_program, qr_version};

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable");
        let json = parse_program(&text).expect("valid").to_compact_json();
        let mut row = format!("{path}: {} B json", json.len());
        for m in Compression::ALL {
            let code = encode_json_with(&json, m);
            let v = qr_version(&code).map_or("too large".to_string(), |v| format!("v{v}"));
            row.push_str(&format!(" | {} {} chars {v}", m.as_str(), code.len()));
        }
        println!("{row}");
    }
}
