#!/usr/bin/env bash
# Builds the host library and generates the Kotlin and Swift sources from it
# (UniFFI library mode) into build/bindings/{kotlin,swift}. Generated code is
# never committed.
#
#   bindings/generate.sh            debug build
#   PROFILE=release bindings/generate.sh
#
# Prints the path of the built host library on its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

profile="${PROFILE:-debug}"
cargo_flags=(--locked -p unknot-ffi)
if [ "$profile" = release ]; then cargo_flags+=(--release); fi
cargo build "${cargo_flags[@]}" >&2
cargo build --locked -p uniffi-bindgen >&2

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$(uname -s)" in
  Darwin) lib="$target_dir/$profile/libunknot_ffi.dylib" ;;
  *) lib="$target_dir/$profile/libunknot_ffi.so" ;;
esac

out="$root/build/bindings"
rm -rf "$out/kotlin" "$out/swift"
mkdir -p "$out/kotlin" "$out/swift"
bindgen="$target_dir/debug/uniffi-bindgen"
"$bindgen" generate --library "$lib" --language kotlin --out-dir "$out/kotlin" --no-format >&2
# One reused call status per thread (bindings/kotlin-call-status.py says why).
python3 bindings/kotlin-call-status.py "$out/kotlin/app/unknot/core/unknot_ffi.kt"
"$bindgen" generate --library "$lib" --language swift --out-dir "$out/swift" --no-format >&2
echo "$lib"
