package app.unknot.app

import android.os.Looper
import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import app.unknot.core.Status
import app.unknot.core.builtinRoutine
import app.unknot.session.SessionNavigation
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ServiceController
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import java.time.Duration

/**
 * The "now playing" bar over a session held by the real session service:
 * what it says while the session runs and once it is paused, and its way
 * back to the player.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class NowPlayingBarTest {
    @get:Rule val compose = createComposeRule()
    private lateinit var controller: ServiceController<SessionService>
    private val service get() = controller.get()

    @Before
    fun startService() {
        controller = Robolectric.buildService(SessionService::class.java).create()
    }

    @After
    fun stopService() {
        controller.destroy()
    }

    @Test
    fun theBarShowsTheHeldSessionAndLeadsBackToIt() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        service.begin(Fixtures.routineId, "en", null)
        var opened = 0
        // The bar asks the core for nothing, so the rule's clock may run.
        compose.setContent {
            UnknotTheme {
                val held = heldFrame(service)
                if (held != null && SessionNavigation.showsBar(held.status, onPlayer = false)) {
                    NowPlayingBar(held, service.title.orEmpty()) { opened++ }
                }
            }
        }
        compose.onNodeWithText("Now playing").assertIsDisplayed()
        compose.onNodeWithText(routine.title).assertIsDisplayed()
        compose.onNodeWithText(routine.steps[0].title).assertIsDisplayed()

        service.pause()
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(1))
        compose.waitForIdle()
        assertEquals(Status.PAUSED, service.frames.value?.status)
        compose.onNodeWithText("Paused · ${routine.steps[0].title}").assertIsDisplayed()

        compose.onNodeWithText("Back to the session").assertHasClickAction().performClick()
        assertEquals(1, opened)
        // On the player itself the bar is not shown.
        assertFalse(SessionNavigation.showsBar(Status.PAUSED, onPlayer = true))
        assertTrue(SessionNavigation.showsBar(Status.PAUSED, onPlayer = false))
    }
}
