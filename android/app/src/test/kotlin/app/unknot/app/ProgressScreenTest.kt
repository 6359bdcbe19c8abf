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

/** Progress with a session whose pain after passed the program's limit. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class ProgressScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun aSafetyFlagShowsFirst() {
        val app = RuntimeEnvironment.getApplication()
        val now = System.currentTimeMillis()
        JournalStore.open(app).use { j ->
            j.record(Fixtures.flaggedSession(now))
        }
        val flag = JournalStore.open(app).use { it.stats(Fixtures.programJson, JournalStore.today(), "en") }.flags.first()
        compose.setContent { UnknotTheme { ProgressScreen(Fixtures.programJson, "en") {} } }
        compose.onNodeWithText(flag.message, substring = true).assertIsDisplayed()
        // One session: counted in the singular.
        compose.onNodeWithText("1 session, 1 completed").performScrollTo().assertIsDisplayed()
        compose.onNodeWithText("Share with your therapist").performScrollTo().assertHasClickAction()
    }
}
