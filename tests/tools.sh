# Shared by tests/kotlin.sh and tests/android.sh (sourced, not run):
# installs what the JVM tests need into ${UNKNOT_CACHE:-$HOME/.cache/unknot-tools}.
#   ensure_kotlinc       kotlinc from the npm package kotlin-compiler (pinned);
#                        sets kotlin_home and kotlinc
#   ensure_java          a JDK from Debian when java is missing
#   ensure_maven_libs    the libraries of android/host/pom.xml from Maven
#                        Central, copied once per pom.xml into $maven_libs
KOTLIN_VERSION=2.4.20
cache="${UNKNOT_CACHE:-$HOME/.cache/unknot-tools}"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi
}

ensure_kotlinc() {
  kotlin_home="$cache/kotlin/node_modules/kotlin-compiler"
  local installed
  installed="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$kotlin_home/package.json" 2>/dev/null | head -n1 || true)"
  if [ "$installed" != "$KOTLIN_VERSION" ]; then
    step "installing kotlin-compiler@$KOTLIN_VERSION into $cache/kotlin"
    command -v npm >/dev/null || { echo "npm is needed to install kotlinc" >&2; exit 2; }
    mkdir -p "$cache/kotlin"
    npm install --silent --no-audit --no-fund --prefix "$cache/kotlin" "kotlin-compiler@$KOTLIN_VERSION"
  fi
  chmod +x "$kotlin_home"/bin/* 2>/dev/null || true
  kotlinc="$kotlin_home/bin/kotlinc-jvm"
}

ensure_java() {
  if ! command -v java >/dev/null || ! command -v javac >/dev/null; then
    step "installing a JDK"
    as_root apt-get update -q && as_root apt-get install -y -q default-jdk-headless
  fi
}

ensure_maven_libs() {
  local pom="$root/android/host/pom.xml" stamp
  command -v mvn >/dev/null || { step "installing Maven"; as_root apt-get update -q && as_root apt-get install -y -q maven; }
  stamp="$(sha256sum "$pom" | cut -c1-16)"
  maven_libs="$cache/android-libs/$stamp"
  if [ ! -f "$maven_libs/.complete" ]; then
    step "copying the Android libraries from Maven Central (android/host/pom.xml) into $maven_libs"
    rm -rf "$maven_libs"
    mkdir -p "$maven_libs"
    mvn -B -q -f "$pom" -Dmaven.repo.local="$cache/m2" dependency:copy-dependencies \
      -Dmdep.prependGroupId=true -DoutputDirectory="$maven_libs"
    touch "$maven_libs/.complete"
  fi
}
