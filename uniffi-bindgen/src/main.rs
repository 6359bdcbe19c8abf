//! `cargo uniffi-bindgen generate --library <lib> --language kotlin ...`:
//! the UniFFI generator at exactly the version the runtime uses.

fn main() {
    uniffi::uniffi_bindgen_main()
}
