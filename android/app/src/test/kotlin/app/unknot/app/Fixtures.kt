package app.unknot.app

import android.content.Context
import android.content.res.Configuration
import androidx.activity.compose.LocalActivityResultRegistryOwner
import androidx.activity.compose.LocalOnBackPressedDispatcherOwner
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.unit.Density
import app.unknot.core.ProgramDraft
import app.unknot.core.builtinRoutine
import app.unknot.core.programDraftAddRoutine
import app.unknot.core.programDraftNew
import app.unknot.core.builtinRoutineIds
import java.io.File
import java.time.LocalDate
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.SideEffect
import androidx.compose.runtime.remember
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import java.util.Locale

/** What the screen tests feed the screens: the repository's example program and the core's library. */
object Fixtures {
    /** docs/examples/heel-pain-progression.unknot, starting today so Today has something due. */
    val programJson: String by lazy {
        File("docs/examples/heel-pain-progression.unknot").readText()
            .replaceFirst(Regex("\"start\": *\"[0-9-]+\""), "\"start\": \"${LocalDate.now()}\"")
    }

    /**
     * A finished session of the example program ending a minute before
     * [now] with pain 9 after it, above the program's limit: progress
     * shows a safety flag for it.
     */
    fun flaggedSession(now: Long) = SessionEntry(
        routineId = "calf-and-foot", routineTitle = "Calf and foot", programId = "heel-pain-8w",
        startMs = now - 600_000, endMs = now - 60_000, utcOffsetMin = 0, activeMs = 540_000,
        outcome = SessionOutcome.COMPLETED, stepsCompleted = 3, stepsSkipped = 0,
        painBefore = 3, painAfter = 9, pressure = null, discomfort = emptyList(), note = null,
    )

    /**
     * A therapist's draft as therapist mode makes it: a new program from
     * today with two of the library's routines, titled.
     */
    fun draft(): ProgramDraft {
        var d = programDraftNew(LocalDate.now().toString())
        for (id in listOf("plantar-fascia", "calf-release")) d = programDraftAddRoutine(d, id)
        return d.copy(title = "Heel pain", forName = "Sam", therapist = "Alex Rivera")
    }

    /** A built-in routine of at least two steps, for "next". */
    val routineId: String by lazy { builtinRoutineIds().first { builtinRoutine(it, "en").steps.size >= 2 } }
}

/**
 * [content] as a person with [lang], [dark] and [fontScale] set on the
 * phone sees it: the app's strings of that locale, the theme, the text size.
 */
@Composable
fun AsPhone(lang: String, dark: Boolean, fontScale: Float, content: @Composable () -> Unit) {
    val base = LocalContext.current
    val config = Configuration(base.resources.configuration).apply {
        setLocale(Locale.forLanguageTag(lang))
        this.fontScale = fontScale
        uiMode = (uiMode and Configuration.UI_MODE_NIGHT_MASK.inv()) or
            (if (dark) Configuration.UI_MODE_NIGHT_YES else Configuration.UI_MODE_NIGHT_NO)
    }
    val context: Context = base.createConfigurationContext(config)
    // A dialog (the safety screen) makes a window of its own, whose density,
    // locale and theme come from the activity's resources: set on them too.
    @Suppress("DEPRECATION")
    base.resources.updateConfiguration(config, base.resources.displayMetrics)
    // The words the core gives come in the phone's language (the process's
    // default locale, as after the person changed it), kept while shown.
    val before = remember { Locale.getDefault() }
    Locale.setDefault(Locale.forLanguageTag(lang))
    DisposableEffect(lang) { onDispose { Locale.setDefault(before) } }
    // Again after the changes are applied: the look shown before this one
    // puts its locale back when it goes, which happens after this runs.
    SideEffect { Locale.setDefault(Locale.forLanguageTag(lang)) }
    val density = LocalDensity.current
    // Found through the activity's context, which is replaced below.
    val results = requireNotNull(LocalActivityResultRegistryOwner.current)
    val back = requireNotNull(LocalOnBackPressedDispatcherOwner.current)
    CompositionLocalProvider(
        LocalActivityResultRegistryOwner provides results,
        LocalOnBackPressedDispatcherOwner provides back,
        LocalContext provides context,
        LocalConfiguration provides config,
        LocalDensity provides Density(density.density, fontScale),
    ) {
        UnknotTheme(dark = dark) { Surface(Modifier.fillMaxSize(), content = content) }
    }
}
