// Unknot for Android: `:core` is the Kotlin layer over the Rust core
// (UniFFI-generated bindings plus the session controller), `:app` the
// Compose app that draws the core's frames and plays its cues.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "unknot"
include(":core", ":app")
