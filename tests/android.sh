#!/usr/bin/env bash
# Compiles the Android app (android/core and android/app) without Gradle or
# the Android SDK, and runs its screen tests on the JVM with Robolectric:
#   - the app's libraries from Maven Central (android/host/pom.xml, written
#     by android/host/resolve.py) and Android's framework classes for API 35
#     (Robolectric's android-all jar);
#   - the libraries' and the app's resources compiled and linked with aapt2
#     (Debian's aapt package) into R classes and a resources APK;
#   - every Kotlin file of android/ compiled with kotlinc and the Compose
#     compiler plugin, apart from the files listed in `uncompiled` below;
#   - the tests in android/app/src/test under RobolectricTestRunner against
#     the host-built Rust core through the generated bindings and JNA.
#
#   tests/android.sh           compile and test; ScreensTest draws every screen
#                              in English light 1 and German dark 2
#   tests/android.sh screens   the same, every screen drawn in en, es, de,
#                              light and dark, font scale 1 and 2, to
#                              build/screens/<lang>/<screen>-<theme>-<scale>.png
#   UNKNOT_ANDROID_TESTS="PlayerScreenTest TodayScreenTest" tests/android.sh
#                              runs only the test classes named
#
# Its last lines give how many Kotlin lines of android/ it compiled and name
# the files it could not. Exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=tests/tools.sh
. "$root/tests/tools.sh"

mode="${1:-test}"

# Files that need an artifact no reachable registry serves, with the reason.
declare -A uncompiled=(
  [android/app/src/main/kotlin/app/unknot/app/QrScanner.kt]="CameraX (androidx.camera 1.5.3) and ML Kit barcode scanning (com.google.mlkit:barcode-scanning 17.3.0) are published only on Google's Maven repository"
)

# --- tools -------------------------------------------------------------------
ensure_java
ensure_kotlinc
if ! command -v aapt2 >/dev/null; then
  step "installing aapt2 (Debian's aapt package)"
  as_root apt-get update -q && as_root apt-get install -y -q aapt
fi
ensure_maven_libs
# aapt2 links against the framework's resource table. Debian's aapt2
# (Android 10) cannot read API 35's (compact entries) nor open the 64-bit
# zip of API 33's jar, so the table of API 33 is taken out of that jar once.
# The framework's public resource ids never change between levels.
framework_res="$cache/android-framework-res-33.zip"
if [ ! -f "$framework_res" ]; then
  step "taking the framework resources of API 33 for aapt2 link"
  v33=13-robolectric-9030017
  mvn -B -q -Dmaven.repo.local="$cache/m2" dependency:get -Dtransitive=false \
    -Dartifact="org.robolectric:android-all:$v33"
  tmp="$(mktemp -d)"
  unzip -q "$cache/m2/org/robolectric/android-all/$v33/android-all-$v33.jar" resources.arsc AndroidManifest.xml -d "$tmp"
  (cd "$tmp" && python3 -c 'import zipfile; z = zipfile.ZipFile("framework.zip", "w"); [z.write(f) for f in ("resources.arsc", "AndroidManifest.xml")]')
  mv "$tmp/framework.zip" "$framework_res"
  rm -rf "$tmp"
fi

out="$root/build/android"
rm -rf "$out"
mkdir -p "$out"
android_all="$(ls "$maven_libs"/org.robolectric.android-all-1*.jar)"
android_all_instrumented="$(ls "$maven_libs"/org.robolectric.android-all-instrumented-*.jar)"

# --- libraries: unpack the AARs ----------------------------------------------
step "unpacking the AARs"
jars=()
packages=()
res_dirs=()
for aar in "$maven_libs"/*.aar; do
  name="$(basename "$aar" .aar)"
  dir="$out/aar/$name"
  mkdir -p "$dir"
  unzip -q -o "$aar" 'classes.jar' 'libs/*.jar' 'res/*' 'AndroidManifest.xml' -d "$dir" 2>/dev/null || true
  [ -f "$dir/classes.jar" ] && jars+=("$dir/classes.jar")
  for j in "$dir"/libs/*.jar; do [ -f "$j" ] && jars+=("$j"); done
  [ -d "$dir/res" ] && res_dirs+=("$dir/res")
  pkg="$(sed -n 's/.*package="\([^"]*\)".*/\1/p' "$dir/AndroidManifest.xml" | head -n1)"
  [ -n "$pkg" ] && packages+=("$pkg")
done
for j in "$maven_libs"/*.jar; do
  case "$j" in "$android_all" | "$android_all_instrumented") ;; *) jars+=("$j") ;; esac
done
libs_cp="$(IFS=:; echo "${jars[*]}")"

# --- resources: aapt2 --------------------------------------------------------
step "aapt2 compile and link (libraries and android/app/src/main/res)"
mkdir -p "$out/flat" "$out/gen" "$out/res-classes"
overlays=()
i=0
for d in "${res_dirs[@]}"; do
  i=$((i + 1))
  aapt2 compile --dir "$d" -o "$out/flat/lib$i.zip"
  overlays+=(-R "$out/flat/lib$i.zip")
done
aapt2 compile --dir android/app/src/main/res -o "$out/flat/app.zip"
# The merged manifest: the app's, with the namespace as package, the SDK
# levels of build.gradle.kts, the application id filled in and the
# activity Compose's test rule starts (androidx.compose.ui:ui-test-manifest).
python3 - "$out/AndroidManifest.xml" "$out/aar/androidx.compose.ui.ui-test-manifest-"*/AndroidManifest.xml <<'PY'
import re, sys
target, test_manifest = sys.argv[1], sys.argv[2]
app = open("android/app/src/main/AndroidManifest.xml").read()
app = app.replace("${applicationId}", "app.unknot")
app = app.replace('<manifest xmlns:android="http://schemas.android.com/apk/res/android">',
                  '<manifest xmlns:android="http://schemas.android.com/apk/res/android"\n'
                  '    package="app.unknot.app">\n'
                  '    <uses-sdk android:minSdkVersion="26" android:targetSdkVersion="35" />', 1)
test = open(test_manifest).read()
activities = re.findall(r"<activity\b.*?(?:/>|</activity>)", test, re.S)
app = app.replace("</application>", "\n".join(activities) + "\n    </application>", 1)
open(target, "w").write(app)
PY
extra="$(IFS=:; echo "${packages[*]}")"
# Debian's aapt2 (Android 10) predates the manifest's <queries> element
# (API 30): --warn-manifest-validation reports it as a warning instead of
# failing the link; Robolectric reads the manifest itself.
aapt2 link -o "$out/resources.apk" -I "$framework_res" --manifest "$out/AndroidManifest.xml" \
  --warn-manifest-validation "${overlays[@]}" -R "$out/flat/app.zip" --auto-add-overlay \
  --java "$out/gen" --custom-package app.unknot.app --extra-packages "$extra" --non-final-ids
mapfile -t r_sources < <(find "$out/gen" -name R.java)
javac -nowarn -encoding UTF-8 --release 17 -d "$out/res-classes" "${r_sources[@]}" 2>&1 | grep -v '^Note:' || true

# --- bindings ----------------------------------------------------------------
step "generating bindings"
lib="$(bindings/generate.sh 2>/dev/null | tail -n1)"
libdir="$(dirname "$lib")"

# --- compile -----------------------------------------------------------------
compose_plugin="$kotlin_home/lib/compose-compiler-plugin.jar"
cp_main="$android_all:$out/res-classes:$libs_cp"
main_sources=()
while IFS= read -r f; do
  [ -n "${uncompiled[$f]+x}" ] || main_sources+=("$f")
done < <(find build/bindings/kotlin android/core/src/main/kotlin android/app/src/main/kotlin android/host/kotlin -name '*.kt' | sort)
step "kotlinc: bindings + android/core + android/app (${#main_sources[@]} files)"
JAVA_OPTS="${JAVA_OPTS:--Xss8m -Xmx3g}" "$kotlinc" -nowarn -jvm-target 17 \
  -Xplugin="$compose_plugin" -cp "$cp_main" -d "$out/classes" "${main_sources[@]}"

test_sources=()
if [ -d android/app/src/test/kotlin ]; then
  mapfile -t test_sources < <(find android/app/src/test/kotlin -name '*.kt' | sort)
fi
if [ "${#test_sources[@]}" -gt 0 ]; then
  # The tests see the app's internal declarations, as Gradle's unit tests do.
  step "kotlinc: android/app tests (${#test_sources[@]} files)"
  JAVA_OPTS="${JAVA_OPTS:--Xss8m -Xmx3g}" "$kotlinc" -nowarn -jvm-target 17 \
    -Xplugin="$compose_plugin" -Xfriend-paths="$out/classes" -cp "$cp_main:$out/classes" -d "$out/test-classes" "${test_sources[@]}"

  # Robolectric's configuration, as the Android Gradle plugin writes it.
  mkdir -p "$out/test-config/com/android/tools"
  cat > "$out/test-config/com/android/tools/test_config.properties" <<PROPS
android_resource_apk=$out/resources.apk
android_merged_manifest=$out/AndroidManifest.xml
android_merged_assets=$out/assets
android_custom_package=app.unknot.app
PROPS
  mkdir -p "$out/assets" "$out/robolectric-deps"
  ln -sf "$android_all" "$out/robolectric-deps/android-all-$(basename "$android_all" | sed 's/^org.robolectric.android-all-//')"
  ln -sf "$android_all_instrumented" "$out/robolectric-deps/android-all-instrumented-$(basename "$android_all_instrumented" | sed 's/^org.robolectric.android-all-instrumented-//')"

  step "JUnit (Robolectric)"
  mapfile -t tests < <(cd android/app/src/test/kotlin && find . -name '*Test.kt' | sed 's|^\./||; s|\.kt$||; s|/|.|g' | sort)
  # UNKNOT_ANDROID_TESTS="PlayerScreenTest TodayScreenTest" runs only those classes.
  if [ -n "${UNKNOT_ANDROID_TESTS:-}" ]; then
    picked=()
    for t in $UNKNOT_ANDROID_TESTS; do
      for c in "${tests[@]}"; do [ "${c##*.}" = "$t" ] && picked+=("$c"); done
    done
    [ "${#picked[@]}" -gt 0 ] || { echo "no test class named: $UNKNOT_ANDROID_TESTS" >&2; exit 1; }
    tests=("${picked[@]}")
  fi
  screens=false
  [ "$mode" = screens ] && screens=true
  java -Xmx3g -Djna.library.path="$libdir" \
    -Drobolectric.offline=true -Drobolectric.dependency.dir="$out/robolectric-deps" \
    -Drobolectric.logging.enabled=false \
    -Dunknot.screens="$screens" -Dunknot.screens.dir="$root/build/screens" \
    -cp "$out/test-config:$out/test-classes:$out/classes:$kotlin_home/lib/kotlin-stdlib.jar:$kotlin_home/lib/kotlin-test.jar:$kotlin_home/lib/kotlin-test-junit.jar:$android_all_instrumented:$out/res-classes:$libs_cp" \
    org.junit.runner.JUnitCore "${tests[@]}"
fi

# --- the figures ---------------------------------------------------------------
total=0
compiled=0
while IFS= read -r f; do
  n="$(wc -l < "$f")"
  total=$((total + n))
  [ -n "${uncompiled[$f]+x}" ] || compiled=$((compiled + n))
done < <(find android -name '*.kt' | sort)
echo
echo "compiled $compiled of $total Kotlin lines of android/"
for f in "${!uncompiled[@]}"; do
  echo "not compiled: $f ($(wc -l < "$f") lines): ${uncompiled[$f]}"
done
