// The Android app: Compose screens, the foreground session service, speech
// and vibration. Every rule (timing, cues, what counts as done) comes from
// the Rust core through :core.
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "app.unknot.app"
    compileSdk = 35

    defaultConfig {
        applicationId = "app.unknot"
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        ndk {
            // The ABIs cargo-ndk builds (see cargoNdk below).
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    buildFeatures {
        compose = true
    }

    packaging {
        jniLibs {
            // Keep the Rust library page-aligned and uncompressed in the APK
            // (needed for 16 KB page devices).
            useLegacyPackaging = false
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    jvmToolchain(17)
}

// Builds libunknot_ffi.so for each ABI into src/main/jniLibs with cargo-ndk,
// linked for 16 KB pages (Android 15). Equivalent to running, from the
// repository root:
//   RUSTFLAGS="-C link-arg=-Wl,-z,max-page-size=16384" \
//   cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 \
//     -o android/app/src/main/jniLibs build --release -p unknot-ffi
val repoRoot: File = rootDir.parentFile
val cargoNdk by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds the Rust core for every ABI with cargo-ndk into src/main/jniLibs."
    workingDir = repoRoot
    environment("RUSTFLAGS", "-C link-arg=-Wl,-z,max-page-size=16384")
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-o", "android/app/src/main/jniLibs",
        "build", "--release", "-p", "unknot-ffi",
    )
}

if (providers.gradleProperty("unknot.buildRust").map { it.toBoolean() }.getOrElse(true)) {
    tasks.named("preBuild") { dependsOn(cargoNdk) }
}

dependencies {
    implementation(project(":core"))
    // UniFFI's generated code reaches the native library through JNA; the
    // AAR carries JNA's own libjnidispatch.so for every ABI.
    implementation("net.java.dev.jna:jna:5.17.0@aar")

    val composeBom = platform("androidx.compose:compose-bom:2024.12.01")
    implementation(composeBom)
    implementation("androidx.compose.ui:ui")
    implementation("androidx.compose.foundation:foundation")
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.material:material-icons-core")
    implementation("androidx.compose.ui:ui-tooling-preview")
    debugImplementation("androidx.compose.ui:ui-tooling")

    implementation("androidx.core:core-ktx:1.15.0")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.9.0")

    // Scanning the therapist's QR code: CameraX for the preview and the
    // frames, ML Kit's bundled barcode model (works offline, no download
    // through Play services) to read them. CameraX stays on the 1.5 line,
    // which compiles against SDK 35 with this Android Gradle plugin; the
    // 1.6 line goes with compileSdk 36 and a newer plugin.
    val cameraX = "1.5.3"
    implementation("androidx.camera:camera-core:$cameraX")
    implementation("androidx.camera:camera-camera2:$cameraX")
    implementation("androidx.camera:camera-lifecycle:$cameraX")
    implementation("androidx.camera:camera-view:$cameraX")
    implementation("com.google.mlkit:barcode-scanning:17.3.0")
}
