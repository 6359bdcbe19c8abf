#!/usr/bin/env bash
# Unknot's test runner: the README's test command and what CI runs.
#
#   ./tests/run.sh           everything CI checks (Rust; Kotlin and Swift once their layers exist)
#   ./tests/run.sh rust      formatting, clippy and the Rust tests
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

what="${1:-all}"
case "$what" in
  all)
    run_rust
    ;;
  rust) run_rust ;;
  *)
    echo "usage: $0 [all|rust]" >&2
    exit 2
    ;;
esac
step "ok: $what"
