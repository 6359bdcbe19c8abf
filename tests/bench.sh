#!/usr/bin/env bash
# Every benchmark, printed as one Markdown table. Figures only: nothing here
# fails on a slow machine. See docs/performance.md for the latest table.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$root/target/bench-log.txt"
mkdir -p target
: > "$log"

echo "==> criterion (core and bindings)" >&2
cargo bench --locked -p unknot-core -p unknot-ffi --bench '*' -- --warm-up-time 1 --measurement-time 3 >>"$log" 2>&1

echo "==> memory, battery, library size" >&2
memory="$(cargo run -q --release --locked -p unknot-core --example memory)"
wakeups="$(cargo run -q --release --locked -p unknot-core --example wakeups | tail -n1)"
size="n/a"
if cargo metadata --no-deps --format-version 1 | grep -q '"name":"unknot-ffi"'; then
  cargo build -q --locked --profile release-mobile -p unknot-ffi >>"$log" 2>&1
  size="$(stat -c %s target/release-mobile/libunknot_ffi.so 2>/dev/null || stat -f %z target/release-mobile/libunknot_ffi.dylib)"
fi

kotlin="n/a"
if [ -x tests/kotlin.sh ]; then
  echo "==> Kotlin tick and pulse" >&2
  kotlin="$(UNKNOT_TICK_BENCH=1 tests/kotlin.sh 2>>"$log" | grep -E '^kotlin ' | tr '\n' ';' || true)"
fi
swift="n/a"
if [ -x tests/swift.sh ]; then
  echo "==> Swift tick and pulse" >&2
  swift="$(UNKNOT_TICK_BENCH=1 tests/swift.sh 2>>"$log" | grep -E '^(tick|pulse|status|frame) ' | tr '\n' ';' || true)"
fi

python3 - "$memory" "$wakeups" "$size" "$kotlin" "$swift" <<'PY'
import json, pathlib, sys
memory, wakeups, size, kotlin, swift = sys.argv[1:]
rows = []
for est in sorted(pathlib.Path("target/criterion").glob("**/new/estimates.json")):
    name = "/".join(est.parent.parent.relative_to("target/criterion").parts)
    if name.endswith("/report") or "report" in est.parts:
        continue
    median = json.loads(est.read_text())["median"]["point_estimate"]
    unit = "ns"
    for u, f in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if median >= f:
            median, unit = median / f, u
            break
    rows.append((name, f"{median:.2f} {unit}"))
print("| measure | median |")
print("|---|---|")
for n, v in rows:
    print(f"| {n} | {v} |")
print(f"| memory | {memory} |")
wake = [p.strip() for p in wakeups.strip().strip('|').split('|')][1:]
print(f"| wake-ups for the whole library (next_wake_ms / 1 s poll / 60 fps) | {' / '.join(p for p in wake if p)} |")
print(f"| release-mobile library size, bytes | {size} |")
print(f"| Kotlin calls (tick, pulse, status, frame, journalSchemaVersion) | {kotlin} |")
print(f"| Swift calls (tick, pulse, status, frame) | {swift} |")
PY
