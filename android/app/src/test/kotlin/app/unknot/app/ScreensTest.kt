package app.unknot.app

import android.graphics.Bitmap
import android.graphics.Canvas
import androidx.compose.ui.platform.ViewRootForTest
import androidx.compose.ui.semantics.SemanticsNode
import org.junit.Assert.assertTrue
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.test.isDialog
import androidx.compose.ui.test.isRoot
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onFirst
import app.unknot.core.builtinSummaries
import app.unknot.core.programDraftBuild
import app.unknot.core.safetyScreen
import org.junit.After
import org.junit.Assert.assertEquals
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
 * Pictures of every screen at a phone's size (411 × 891 dp), to
 * build/screens/<lang>/<screen>-<theme>-<scale>.png. Every language, theme
 * and font scale with -Dunknot.screens=true (./tests/run.sh screens);
 * otherwise the two far ends, English light at font scale 1 and German
 * dark at font scale 2, so a screen that fails to render fails the run.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class ScreensTest {
    @get:Rule val compose = createComposeRule()

    private data class Look(val lang: String, val dark: Boolean, val scale: Float) {
        fun file(dir: File, screen: String) =
            File(dir, "$lang/$screen-${if (dark) "dark" else "light"}-${scale.toInt()}.png")
    }

    private val services = mutableListOf<SessionService>()

    @After
    fun closeSessions() {
        services.forEach { it.close() }
    }

    // A session of the routine in [lang], paused (running, the screen
    // would ask for frames without end) or stopped (the end, asking for
    // the pain after it).
    private fun session(lang: String, stopped: Boolean): SessionService =
        Robolectric.buildService(SessionService::class.java).create().get().also {
            it.begin(Fixtures.routineId, lang, 3)
            if (stopped) it.stop() else it.pause()
            services += it
        }

    // The window holding [node], drawn as the phone would draw it (under
    // Robolectric's native graphics). captureToImage waits for a frame from
    // the display, which Robolectric's paused looper never sends by itself.
    private fun draw(node: SemanticsNode): Bitmap {
        val view = (node.root as ViewRootForTest).view.rootView
        assertTrue("${view.width}×${view.height}", view.width > 0 && view.height > 0)
        val bitmap = Bitmap.createBitmap(view.width, view.height, Bitmap.Config.ARGB_8888)
        view.draw(Canvas(bitmap))
        return bitmap
    }

    @Test
    fun rendersEveryScreen() {
        val all = System.getProperty("unknot.screens") == "true"
        val looks = if (all) {
            listOf("en", "es", "de").flatMap { l ->
                listOf(false, true).flatMap { d -> listOf(1f, 2f).map { Look(l, d, it) } }
            }
        } else {
            listOf(Look("en", false, 1f), Look("de", true, 2f))
        }
        val dir = File(System.getProperty("unknot.screens.dir") ?: "build/screens")
        val app = RuntimeEnvironment.getApplication()
        // A session with pain above the program's limit, so progress shows a flag.
        val now = System.currentTimeMillis()
        JournalStore.open(app).use { j ->
            j.record(Fixtures.flaggedSession(now))
        }
        val langs = looks.map { it.lang }.distinct()
        val paused = langs.associateWith { session(it, stopped = false) }
        val over = langs.associateWith { session(it, stopped = true) }
        val draft = Fixtures.draft()
        val code = requireNotNull(programDraftBuild(draft, "en").share?.code)
        val screens: List<Pair<String, @Composable (String) -> Unit>> = listOf(
            "today" to { l -> TodayScreen(Fixtures.programJson, l, { _, _ -> }, {}, {}, {}, {}, {}) },
            "player" to { l -> PlayerScreen(paused.getValue(l)) {} },
            "player-end" to { l -> PlayerScreen(over.getValue(l)) {} },
            "import" to { _ -> ImportScreen({}, {}, {}) },
            "preview" to { l -> ProgramPreviewScreen(Fixtures.programJson, l, {}, {}) },
            "therapist" to { l -> TherapistScreen(draft, l, {}, {}, {}, {}) },
            "picker" to { l -> RoutinePicker(builtinSummaries(l), setOf("plantar-fascia"), null, {}, {}) },
            "qr" to { _ -> ProgramQrScreen(code, draft.title) {} },
            "progress" to { l -> ProgressScreen(Fixtures.programJson, l) {} },
            "safety" to { l -> SafetyDialog(safetyScreen(l)) {} },
            "library" to { l -> LibraryScreen(l) {} },
            "routine" to { l -> RoutineScreen(Fixtures.routineId, l, {}, {}) },
        )
        var look by mutableStateOf(looks[0])
        var index by mutableStateOf(0)
        compose.setContent {
            key(look, index) { AsPhone(look.lang, look.dark, look.scale) { screens[index].second(look.lang) } }
        }
        var written = 0
        for (l in looks) for (i in screens.indices) {
            look = l
            index = i
            compose.waitForIdle()
            // The safety screen is a dialog, in a window of its own.
            val node = if (screens[i].first == "safety") compose.onAllNodes(isDialog()).onFirst()
            else compose.onAllNodes(isRoot()).onFirst()
            val bitmap = draw(node.fetchSemanticsNode())
            val file = l.file(dir, screens[i].first)
            file.parentFile!!.mkdirs()
            file.outputStream().use { bitmap.compress(Bitmap.CompressFormat.PNG, 100, it) }
            written++
        }
        assertEquals(looks.size * screens.size, written)
    }
}
