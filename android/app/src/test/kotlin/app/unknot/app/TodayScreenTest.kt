package app.unknot.app

import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.hasScrollAction
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.builtinSummaries
import app.unknot.core.parseProgram
import app.unknot.core.programDraftBuild
import app.unknot.core.programDraftFromProgram
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

/** Today with the example program imported, as the core counts it. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class TodayScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun showsTheProgramAndItsRoutinesDueToday() {
        val program = parseProgram(Fixtures.programJson, "en")
        var started: Pair<String, Int>? = null
        compose.setContent {
            UnknotTheme { TodayScreen(Fixtures.programJson, "en", { id, w -> started = id to w }, {}, {}, {}, {}, {}) }
        }
        compose.onNodeWithText(program.title).assertIsDisplayed()
        compose.onNodeWithText("Week 1 of ${program.weeks}").assertIsDisplayed()
        compose.onNodeWithText("All routines").assertHasClickAction()
        compose.onAllNodes(hasText("Start", substring = true).and(androidx.compose.ui.test.hasClickAction()))[0].performClick()
        assertEquals(1, started?.second)
        assertTrue(program.routines.any { it.id == started?.first })
    }
}
