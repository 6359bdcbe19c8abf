#!/usr/bin/env bash
# Runs the Kotlin layer's tests on a plain JVM against the host-built core:
# generates the bindings (bindings/generate.sh), compiles the generated
# sources, android/core's main sources and its tests in one kotlinc call,
# and runs them with JUnit 4. Installs what it needs:
#   - kotlinc from the npm package kotlin-compiler (pinned) into
#     ${UNKNOT_CACHE:-$HOME/.cache/unknot-tools}/kotlin
#   - JNA and JUnit 4 from Debian (libjna-java, junit4)
# Exits non-zero when any test fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

KOTLIN_VERSION=2.4.20
cache="${UNKNOT_CACHE:-$HOME/.cache/unknot-tools}"
step() { printf '\n==> %s\n' "$*"; }

# --- tools -------------------------------------------------------------------
kotlin_home="$cache/kotlin/node_modules/kotlin-compiler"
installed="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$kotlin_home/package.json" 2>/dev/null | head -n1 || true)"
if [ "$installed" != "$KOTLIN_VERSION" ]; then
  step "installing kotlin-compiler@$KOTLIN_VERSION into $cache/kotlin"
  command -v npm >/dev/null || { echo "npm is needed to install kotlinc" >&2; exit 2; }
  mkdir -p "$cache/kotlin"
  npm install --silent --no-audit --no-fund --prefix "$cache/kotlin" "kotlin-compiler@$KOTLIN_VERSION"
fi
chmod +x "$kotlin_home"/bin/* 2>/dev/null || true
kotlinc="$kotlin_home/bin/kotlinc-jvm"

if ! command -v java >/dev/null; then
  step "installing a JDK"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q default-jdk-headless
fi
if [ ! -f /usr/share/java/jna.jar ] || [ ! -f /usr/share/java/junit4.jar ]; then
  step "installing JNA and JUnit 4"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q libjna-java junit4
fi
jna=/usr/share/java/jna.jar
junit=/usr/share/java/junit4.jar
hamcrest=/usr/share/java/hamcrest-core.jar
[ -f "$hamcrest" ] || hamcrest=/usr/share/java/hamcrest.jar

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
