// swift-tools-version:6.0
//
// UnknotCore for iOS: the UniFFI-generated Swift over the Rust core plus the
// hand-written `SessionController`, and `UnknotApp`: the app's models (the
// player, app data, import, Today, progress, safety, therapist drafts, saved
// state) over small platform protocols, so everything but the SwiftUI views
// and the thin Apple adapters is compiled and tested on Linux. Nothing here
// decides a rule; every rule lives in the Rust core. Swift 6 language mode
// (strict concurrency) for every target.
//
// Generated files are never committed. Before building, run
// `ios/prepare.sh` (or `tests/swift.sh`, which calls it): it builds the host
// Rust library and copies the generated sources into
//   Sources/UnknotFFI/{UnknotFFI.h,module.modulemap}
//   Sources/UnknotCore/Generated/UnknotCore.swift
//
// Development (this file as it is): the package links the host-built Rust
// library `libunknot_ffi` from the workspace's `target/debug` (or the folder
// in the environment variable UNKNOT_RUST_LIB_DIR, e.g. `target/release`).
//
// Release: `ios/build-xcframework.sh` packs the static library for device
// and simulator into `ios/UnknotFFI.xcframework` (its headers carry the same
// `module.modulemap`, so `import UnknotFFI` is unchanged). To link it, set
// the environment variable UNKNOT_XCFRAMEWORK=1 when resolving the package
// (or replace the `.systemLibrary` below with
// `.binaryTarget(name: "UnknotFFI", path: "UnknotFFI.xcframework")` and drop
// `rustLinkerSettings`); unsafe linker flags are then not used, so the
// package can be depended on by an app.
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let env = ProcessInfo.processInfo.environment
let useXCFramework = env["UNKNOT_XCFRAMEWORK"] == "1"
let rustLibDir = env["UNKNOT_RUST_LIB_DIR"]
    ?? packageDir.deletingLastPathComponent().appendingPathComponent("target/debug").path

/// Links the host-built Rust library during development.
let rustLinkerSettings: [LinkerSetting] = useXCFramework ? [] : [
    .linkedLibrary("unknot_ffi"),
    .unsafeFlags(["-L", rustLibDir, "-Xlinker", "-rpath", "-Xlinker", rustLibDir]),
]

let ffiTarget: Target = useXCFramework
    ? .binaryTarget(name: "UnknotFFI", path: "UnknotFFI.xcframework")
    : .systemLibrary(name: "UnknotFFI", path: "Sources/UnknotFFI")

let package = Package(
    name: "UnknotCore",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "UnknotCore", targets: ["UnknotCore"]),
        .library(name: "UnknotApp", targets: ["UnknotApp"]),
    ],
    targets: [
        ffiTarget,
        .target(
            name: "UnknotCore",
            dependencies: ["UnknotFFI"],
            path: "Sources/UnknotCore",
            linkerSettings: rustLinkerSettings
        ),
        .target(
            name: "UnknotApp",
            dependencies: ["UnknotCore"],
            path: "Sources/UnknotApp"
        ),
        .testTarget(
            name: "UnknotCoreTests",
            dependencies: ["UnknotCore"],
            path: "Tests/UnknotCoreTests"
        ),
        .testTarget(
            name: "UnknotAppTests",
            dependencies: ["UnknotApp", "UnknotCore"],
            path: "Tests/UnknotAppTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
