#!/usr/bin/env bash
# Release build of the Rust core for iOS, packed as ios/UnknotFFI.xcframework
# (a static library per platform plus the generated C header and its
# `module.modulemap`), and the generated Swift copied into the package.
# Needs a Mac with Xcode and rustup; not run in CI.
#
#   ios/build-xcframework.sh
#
# Slices:
#   ios-arm64                    aarch64-apple-ios (devices)
#   ios-arm64_x86_64-simulator   aarch64-apple-ios-sim + x86_64-apple-ios, lipo'd
#
# To link it instead of the host library, resolve the package with
# UNKNOT_XCFRAMEWORK=1 (see ios/Package.swift), or make UnknotFFI a
# `.binaryTarget(name: "UnknotFFI", path: "UnknotFFI.xcframework")`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$(uname -s)" != Darwin ]; then
  echo "build-xcframework.sh needs macOS with Xcode" >&2
  exit 2
fi
for tool in cargo rustup xcodebuild lipo; do
  command -v "$tool" >/dev/null || { echo "build-xcframework.sh needs $tool" >&2; exit 2; }
done

device=aarch64-apple-ios
sims=(aarch64-apple-ios-sim x86_64-apple-ios)
export IPHONEOS_DEPLOYMENT_TARGET="${IPHONEOS_DEPLOYMENT_TARGET:-15.0}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
work="$root/build/xcframework"
out="$root/ios/UnknotFFI.xcframework"

echo "==> rust targets" >&2
rustup target add "$device" "${sims[@]}" >&2

echo "==> static libraries (release)" >&2
for t in "$device" "${sims[@]}"; do
  cargo build --locked --release -p unknot-ffi --target "$t" >&2
done

# The header, module map and Swift come from the host build (identical for
# every target: UniFFI's output does not depend on the architecture).
echo "==> generated sources" >&2
PROFILE=release "$root/ios/prepare.sh" >/dev/null

rm -rf "$work" "$out"
mkdir -p "$work/headers" "$work/ios-simulator"
cp "$root/build/bindings/swift/UnknotFFI.h" "$work/headers/UnknotFFI.h"
# Inside an XCFramework the module map must be called module.modulemap.
cp "$root/build/bindings/swift/UnknotFFI.modulemap" "$work/headers/module.modulemap"

echo "==> lipo the simulator slices" >&2
sim_libs=()
for t in "${sims[@]}"; do sim_libs+=("$target_dir/$t/release/libunknot_ffi.a"); done
lipo -create "${sim_libs[@]}" -output "$work/ios-simulator/libunknot_ffi.a"

echo "==> xcodebuild -create-xcframework" >&2
xcodebuild -create-xcframework \
  -library "$target_dir/$device/release/libunknot_ffi.a" -headers "$work/headers" \
  -library "$work/ios-simulator/libunknot_ffi.a" -headers "$work/headers" \
  -output "$out" >&2

echo "$out"
