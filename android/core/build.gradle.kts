// Android library module: the Kotlin layer over the Rust core.
//
// The UniFFI-generated Kotlin sources and the native libraries are produced
// outside Gradle (bindings/generate.sh for the sources, cargo-ndk for the
// per-ABI .so files) and added here as source and jniLibs directories.
// The non-Android code in src/main also compiles on a plain JVM; the tests
// run there through tests/kotlin.sh.
plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "app.unknot.core"
    compileSdk = 35

    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets {
        getByName("main") {
            java.srcDir("../../build/bindings/kotlin")
            jniLibs.srcDir("../../build/jniLibs")
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

dependencies {
    // UniFFI's generated code calls the native library through JNA.
    implementation("net.java.dev.jna:jna:5.17.0@aar")
    testImplementation("junit:junit:4.13.2")
    testImplementation("org.jetbrains.kotlin:kotlin-test-junit")
}
