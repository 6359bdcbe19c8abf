#!/usr/bin/env bash
# Unknot's test runner: the README's test command and what CI runs.
#
#   ./tests/run.sh               everything CI checks: Rust, Kotlin, Android and Swift
#   ./tests/run.sh rust          formatting, clippy and the Rust tests (vectors included)
#   ./tests/run.sh kotlin        the Kotlin layer's tests on the JVM (tests/kotlin.sh)
#   ./tests/run.sh android       the Android app compiled and its screen tests run (tests/android.sh)
#   ./tests/run.sh screens       the same, and every screen rendered to build/screens/
#   ./tests/run.sh swift         the iOS String Catalog check and the Swift package's tests (tests/swift.sh)
#   ./tests/run.sh bench         every benchmark, printed as one table (figures only, never fails on speed)
#   ./tests/run.sh fuzz [secs]   each fuzz target for the given time (default 60 s), nightly
#
# It installs what it needs and exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_components() {
  for c in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
      step "installing $c"
      rustup component add "$c"
    fi
  done
}

run_rust() {
  ensure_rust_components
  step "cargo fmt --check"
  cargo fmt --all --check
  step "cargo clippy"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "cargo test"
  cargo test --workspace --locked
}

run_kotlin() { step "Kotlin tests"; "$root/tests/kotlin.sh"; }
run_android() { step "Android app"; "$root/tests/android.sh" "$@"; }
run_swift() {
  step "iOS String Catalog: every key in en, es, de; every literal key of the views in it"
  python3 "$root/tests/check-ios-strings.py"
  step "Swift tests"
  "$root/tests/swift.sh"
}

run_bench() { "$root/tests/bench.sh"; }

run_fuzz() {
  local secs="${1:-60}"
  if ! command -v cargo-fuzz >/dev/null && ! cargo fuzz --help >/dev/null 2>&1; then
    step "installing cargo-fuzz"
    cargo install cargo-fuzz --locked
  fi
  rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
  for t in routine_json program_json share_code share_round_trip simulate_script; do
    step "fuzz $t for ${secs}s"
    (cd fuzz && cargo +nightly fuzz run "$t" -- -max_total_time="$secs" -rss_limit_mb=2048)
  done
}

what="${1:-all}"
case "$what" in
  all)
    run_rust
    run_kotlin
    run_android
    run_swift
    ;;
  rust) run_rust ;;
  kotlin) run_kotlin ;;
  android) run_android ;;
  screens) run_android screens ;;
  swift) run_swift ;;
  bench) run_bench ;;
  fuzz) run_fuzz "${2:-60}" ;;
  *)
    echo "usage: $0 [all|rust|kotlin|android|screens|swift|bench|fuzz [seconds]]" >&2
    exit 2
    ;;
esac
step "ok: $what"
