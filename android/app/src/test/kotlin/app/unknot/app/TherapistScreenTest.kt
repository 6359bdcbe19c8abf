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
import androidx.compose.ui.test.hasScrollToIndexAction
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.hasSetTextAction
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

/** Therapist mode: a problem beside its field, and the QR code. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class TherapistScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun aProblemShowsBesideItsField() {
        val draft = Fixtures.draft().copy(title = "")
        val problem = programDraftBuild(draft, "en").problems.first { it.path == "title" }
        compose.setContent { UnknotTheme { TherapistScreen(draft, "en", {}, {}, {}, {}) } }
        // Under the title field, as part of it (what TalkBack reads with the field).
        compose.onNode(hasSetTextAction() and hasText("Title", substring = true) and hasText(problem.message, substring = true))
            .assertIsDisplayed()
    }

    @Test
    fun theQrCodeIsShown() {
        val draft = Fixtures.draft()
        compose.setContent { UnknotTheme { TherapistScreen(draft, "en", {}, {}, {}, {}) } }
        // The core's answer, at the end of the form, offers the QR code.
        compose.onNode(hasScrollToIndexAction()).performScrollToNode(hasText("Show QR code"))
        compose.onAllNodesWithText("Show QR code").onFirst().assertIsDisplayed().assertHasClickAction().performClick()
        compose.onNodeWithContentDescription("QR code for the program “Heel pain”").assertIsDisplayed()
    }
}
