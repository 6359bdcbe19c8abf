#!/usr/bin/env bash
# Makes the Swift package buildable: builds the host Rust library and the
# generated bindings (bindings/generate.sh), then copies the generated files
# into the package's targets (all gitignored):
#   build/bindings/swift/UnknotFFI.h         -> ios/Sources/UnknotFFI/UnknotFFI.h
#   build/bindings/swift/UnknotFFI.modulemap -> ios/Sources/UnknotFFI/module.modulemap
#   build/bindings/swift/UnknotCore.swift    -> ios/Sources/UnknotCore/Generated/UnknotCore.swift
#
#   ios/prepare.sh                  debug library (target/debug)
#   PROFILE=release ios/prepare.sh  release library (target/release)
#
# Prints the folder holding the host library on its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

lib="$(bindings/generate.sh | tail -n1)"
gen="$root/build/bindings/swift"
for f in UnknotFFI.h UnknotFFI.modulemap UnknotCore.swift; do
  [ -f "$gen/$f" ] || { echo "bindings/generate.sh did not write $gen/$f" >&2; exit 1; }
done

ffi="$root/ios/Sources/UnknotFFI"
core="$root/ios/Sources/UnknotCore/Generated"
mkdir -p "$ffi" "$core"
# Copy only when changed, so SwiftPM's incremental build stays warm.
sync_file() { cmp -s "$1" "$2" || cp "$1" "$2"; }
sync_file "$gen/UnknotFFI.h" "$ffi/UnknotFFI.h"
sync_file "$gen/UnknotFFI.modulemap" "$ffi/module.modulemap"
sync_file "$gen/UnknotCore.swift" "$core/UnknotCore.swift"

dirname "$lib"
