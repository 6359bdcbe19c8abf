package app.unknot.app

import android.graphics.Bitmap
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.asAndroidBitmap
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onRoot
import app.unknot.core.Journal
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.programDraftFromProgram
import app.unknot.core.safetyScreen
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import java.io.File

/**
 * Pictures of every screen at a phone's size, to
 * build/screens/<lang>/<screen>-<theme>-<scale>.png: English, light, font
 * scale 1 always (a screen that fails to render fails the run); every
 * language, theme and font scale with -Dunknot.screens=true
 * (./tests/run.sh screens).
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class ScreensTest {
    @get:Rule val compose = createComposeRule()

    private data class Look(val lang: String, val dark: Boolean, val scale: Float)

    @Test
    fun rendersEveryScreen() {
        val all = System.getProperty("unknot.screens") == "true"
        val looks = if (!all) listOf(Look("en", false, 1f)) else
            listOf("en", "es", "de").flatMap { l -> listOf(false, true).flatMap { d -> listOf(1f, 2f).map { Look(l, d, it) } } }
        val dir = File(System.getProperty("unknot.screens.dir") ?: "build/screens")
        val app = RuntimeEnvironment.getApplication()
        // A session with pain above the program's limit, so progress shows a flag.
        val now = System.currentTimeMillis()
        JournalStore.open(app).use { j: Journal ->
            j.record(
                SessionEntry(
                    routineId = "calf-and-foot", routineTitle = "Calf and foot", programId = "heel-pain-8w",
                    startMs = now - 600_000, endMs = now - 60_000, utcOffsetMin = 0, activeMs = 540_000,
                    outcome = SessionOutcome.COMPLETED, stepsCompleted = 3, stepsSkipped = 0,
                    painBefore = 3, painAfter = 9, pressure = null, discomfort = emptyList(), note = null,
                ),
            )
        }
        val services = listOf("en", "es", "de").associateWith { lang ->
            Robolectric.buildService(SessionService::class.java).create().get().also {
                it.begin(Fixtures.routineId, lang, null)
                it.pause()
            }
        }
        val draft = programDraftFromProgram(Fixtures.programJson)
        val screens: List<Pair<String, @Composable (String) -> Unit>> = listOf(
            "today" to { l -> TodayScreen(Fixtures.programJson, l, { _, _ -> }, {}, {}, {}, {}, {}) },
            "player" to { l -> PlayerScreen(services.getValue(l)) {} },
            "import" to { _ -> ImportScreen({}, {}, {}) },
            "preview" to { l -> ProgramPreviewScreen(Fixtures.programJson, l, {}, {}) },
            "therapist" to { l -> TherapistScreen(draft, l, {}, {}, {}, {}) },
            "progress" to { l -> ProgressScreen(Fixtures.programJson, l) {} },
            "safety" to { l -> SafetyDialog(safetyScreen(l)) {} },
            "library" to { l -> LibraryScreen(l) {} },
            "routine" to { l -> RoutineScreen(Fixtures.routineId, l, {}, {}) },
        )
        var look by mutableStateOf(looks[0])
        var index by mutableStateOf(0)
        compose.mainClock.autoAdvance = false
        compose.setContent { AsPhone(look.lang, look.dark, look.scale) { screens[index].second(look.lang) } }
        var written = 0
        for (l in looks) for (i in screens.indices) {
            look = l
            index = i
            compose.mainClock.advanceTimeBy(500)
            compose.waitForIdle()
            val file = File(dir, "${l.lang}/${screens[i].first}-${if (l.dark) "dark" else "light"}-${l.scale.toInt()}.png")
            file.parentFile.mkdirs()
            val bitmap = compose.onRoot().captureToImage().asAndroidBitmap()
            file.outputStream().use { bitmap.compress(Bitmap.CompressFormat.PNG, 100, it) }
            written++
        }
        services.values.forEach { it.close() }
        assertTrue(written == looks.size * screens.size)
    }
}
