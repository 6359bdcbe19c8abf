package app.unknot.app

import app.unknot.core.errorMessage
import app.unknot.core.importProgram

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
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.performTextInput
import app.unknot.core.shareDecode
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

/** The import preview: a good program's header, and the core's message for a bad one. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class ImportScreenTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun aBadProgramShowsTheCoresMessage() {
        val bad = Fixtures.programJson.replaceFirst(Regex("\"weeks\": *8"), "\"weeks\": 0")
        val problem = try {
            parseProgram(bad, "es")
            null
        } catch (e: UnknotException.InvalidProgram) {
            e.problems.first()
        }
        requireNotNull(problem)
        compose.setContent { UnknotTheme { ProgramPreviewScreen(bad, "es", {}, {}) } }
        compose.onNodeWithText(problem.message, substring = true).assertIsDisplayed()
        compose.onNodeWithText("Back").assertHasClickAction()
    }

    @Test
    fun aBadCodeShowsTheCoresSentence() {
        val bad = "UK1:THIS-IS-NOT-A-PROGRAM"
        // The sentence the core gives the person for what they pasted.
        val reason = try {
            importProgram(bad, "en")
            null
        } catch (e: UnknotException) {
            errorMessage(e, "en")
        }
        requireNotNull(reason)
        var previewed: String? = null
        compose.setContent { UnknotTheme { ImportScreen({}, {}, { previewed = it }) } }
        compose.onNodeWithText("Check the code").assertIsNotEnabled()
        compose.onNode(hasSetTextAction()).performTextInput(bad)
        compose.onNodeWithText("Check the code").assertIsEnabled().performClick()
        compose.onNodeWithText(reason).assertIsDisplayed()
        assertEquals(null, previewed)
    }

    @Test
    fun aGoodProgramCanBeAccepted() {
        val program = parseProgram(Fixtures.programJson, "en")
        compose.setContent { UnknotTheme { ProgramPreviewScreen(Fixtures.programJson, "en", {}, {}) } }
        compose.onNodeWithText(program.title).assertIsDisplayed()
    }
}
