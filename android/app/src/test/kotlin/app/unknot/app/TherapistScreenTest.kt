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

/** Therapist mode: a problem beside its field, and the QR code. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class TherapistScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun aProblemShowsBesideItsField() {
        val draft = programDraftFromProgram(Fixtures.programJson).copy(title = "")
        val problem = programDraftBuild(draft, "en").problems.first()
        compose.setContent { UnknotTheme { TherapistScreen(draft, "en", {}, {}, {}, {}) } }
        compose.onNodeWithText(problem.message).assertIsDisplayed()
    }

    @Test
    fun theQrCodeIsShown() {
        val draft = programDraftFromProgram(Fixtures.programJson)
        compose.setContent { UnknotTheme { TherapistScreen(draft, "en", {}, {}, {}, {}) } }
        compose.onNode(hasScrollAction()).performScrollToNode(hasText("Show QR code"))
        compose.onNodeWithText("Show QR code").assertHasClickAction().performClick()
        val title = parseProgram(Fixtures.programJson, "en").title
        compose.onNodeWithContentDescription("QR code for the program “$title”").assertIsDisplayed()
    }
}
