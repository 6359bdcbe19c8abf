#!/usr/bin/env bash
# Runs the Kotlin layer's tests on a plain JVM against the host-built core:
# generates the bindings (bindings/generate.sh), compiles the generated
# sources, android/core's main sources and its tests in one kotlinc call,
# and runs them with JUnit 4. Installs what it needs:
#   - kotlinc from the npm package kotlin-compiler (pinned) into
#     ${UNKNOT_CACHE:-$HOME/.cache/unknot-tools}/kotlin (tests/tools.sh)
#   - JNA 5.17.0 (as the app) and JUnit 4 from Maven Central (android/host/pom.xml)
# Exits non-zero when any test fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"


# --- tools -------------------------------------------------------------------
# shellcheck source=tests/tools.sh
. "$root/tests/tools.sh"
ensure_java
ensure_kotlinc
# JNA (the version the app ships), JUnit 4 and Hamcrest from Maven Central,
# the same copies android/host/pom.xml lists for the app.
ensure_maven_libs
jna="$(ls "$maven_libs"/net.java.dev.jna.jna-*.jar)"
junit="$(ls "$maven_libs"/junit.junit-*.jar)"
hamcrest="$(ls "$maven_libs"/org.hamcrest.hamcrest-core-*.jar)"

# --- bindings ----------------------------------------------------------------
step "generating bindings"
lib="$(bindings/generate.sh | tail -n1)"
libdir="$(dirname "$lib")"

# --- compile -----------------------------------------------------------------
out="$root/build/kotlin"
rm -rf "$out"
mkdir -p "$out/classes"
step "kotlinc (generated + android/core main + tests)"
mapfile -t sources < <(find build/bindings/kotlin android/core/src/main/kotlin android/core/src/test/kotlin -name '*.kt' | sort)
JAVA_OPTS="${JAVA_OPTS:--Xss8m}" "$kotlinc" -nowarn -jvm-target 17 \
  -cp "$jna:$junit:$kotlin_home/lib/kotlin-test.jar:$kotlin_home/lib/kotlin-test-junit.jar" \
  -d "$out/classes" "${sources[@]}"

# --- run ---------------------------------------------------------------------
step "JUnit"
cp="$out/classes:$kotlin_home/lib/kotlin-stdlib.jar:$kotlin_home/lib/kotlin-test.jar:$kotlin_home/lib/kotlin-test-junit.jar:$jna:$junit:$hamcrest"
mapfile -t tests < <(cd android/core/src/test/kotlin && find . -name '*Test.kt' | sed 's|^\./||; s|\.kt$||; s|/|.|g' | sort)
java -Djna.library.path="$libdir" -Dunknot.vectors="$root/tests/vectors" \
  -cp "$cp" org.junit.runner.JUnitCore "${tests[@]}"

if [ "${UNKNOT_TICK_BENCH:-0}" = 1 ]; then
  step "tick cost from Kotlin (figures only)"
  java -Djna.library.path="$libdir" -cp "$cp" app.unknot.session.TickBenchKt
fi
