package app.unknot.app

import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import app.unknot.core.safetyScreen
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

/** The safety screen, in the core's words, before the first session. */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class SafetyDialogTest {
    @get:Rule val compose = createComposeRule()

    @Test
    fun showsTheCoresWordsAndAcceptingClosesIt() {
        val screen = safetyScreen("de")
        var accepted = 0
        compose.setContent { UnknotTheme { SafetyDialog(screen, onAccept = { accepted++ }) } }
        compose.onNodeWithText(screen.title).assertIsDisplayed()
        compose.onNodeWithText(screen.intro).assertIsDisplayed()
        compose.onNodeWithText(screen.accept).assertHasClickAction().performClick()
        assertEquals(1, accepted)
    }
}
