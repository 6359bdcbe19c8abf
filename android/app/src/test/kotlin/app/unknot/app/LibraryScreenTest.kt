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
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onFirst
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

/** The library and one routine, from the core's built-in routines. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class LibraryScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun listsTheBuiltInRoutinesAndOpensOne() {
        val first = builtinSummaries("de").first()
        var opened: String? = null
        compose.setContent { UnknotTheme { LibraryScreen("de") { opened = it } } }
        compose.onNodeWithText(first.title).assertIsDisplayed().performClick()
        assertEquals(first.id, opened)
    }

    @Test
    fun theRoutineScreenShowsItsStepsAndStarts() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        var started: String? = null
        compose.setContent { UnknotTheme { RoutineScreen(Fixtures.routineId, "en", {}, { started = it }) } }
        compose.onAllNodesWithText(routine.title).onFirst().assertIsDisplayed()
        compose.onNodeWithText("Start").performScrollTo().assertHasClickAction().performClick()
        assertEquals(Fixtures.routineId, started)
    }
}
