package app.unknot.app

import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performSemanticsAction
import app.unknot.core.Status
import app.unknot.core.builtinRoutine
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.android.controller.ServiceController
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

/**
 * The player against the real session service (Robolectric's service
 * controller), which runs the core's player through the bindings.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35], qualifiers = "w411dp-h891dp")
class PlayerScreenTest {
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

    // The running player asks for frames on every display frame: the
    // test's clock is advanced by hand so the rule can go idle.
    private fun show(onClose: () -> Unit = {}) {
        compose.mainClock.autoAdvance = false
        compose.setContent { UnknotTheme { PlayerScreen(service, onClose) } }
        compose.mainClock.advanceTimeByFrame()
    }

    @Test
    fun startShowsTheFirstStepAndPauseResumes() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        service.begin(Fixtures.routineId, "en", 3)
        show()
        compose.onNodeWithText("Step 1 of ${routine.steps.size}").assertIsDisplayed()
        compose.onNodeWithText(routine.steps[0].title).assertIsDisplayed()
        assertEquals(Status.RUNNING, service.frames.value?.status)
        compose.onNodeWithContentDescription("Pause").assertHasClickAction().performClick()
        compose.mainClock.advanceTimeByFrame()
        assertEquals(Status.PAUSED, service.frames.value?.status)
        compose.onNodeWithText("Paused").assertIsDisplayed()
        compose.onNodeWithContentDescription("Resume").assertHasClickAction().performClick()
        compose.mainClock.advanceTimeByFrame()
        assertEquals(Status.RUNNING, service.frames.value?.status)
    }

    @Test
    fun nextGoesToTheSecondStep() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        service.begin(Fixtures.routineId, "en", null)
        show()
        compose.onNodeWithContentDescription("Next step").performClick()
        compose.mainClock.advanceTimeByFrame()
        compose.onNodeWithText("Step 2 of ${routine.steps.size}").assertIsDisplayed()
        compose.onNodeWithText(routine.steps[1].title).assertIsDisplayed()
    }

    @Test
    fun tooMuchIsMarkedAndCounted() {
        service.begin(Fixtures.routineId, "en", null)
        show()
        compose.onNodeWithText("Too much").performScrollTo().assertHasClickAction().performClick()
        compose.mainClock.advanceTimeByFrame()
        compose.onNodeWithText("Too much (marked 1×)").performScrollTo().assertIsDisplayed()
        assertEquals(1, service.discomfortCount)
    }

    @Test
    fun theEndAsksForPainAfterAndRecordsIt() {
        service.begin(Fixtures.routineId, "de", 4)
        show()
        compose.onNodeWithContentDescription("Stop").performClick()
        compose.mainClock.advanceTimeByFrame()
        assertEquals(Status.STOPPED, service.frames.value?.status)
        compose.onNodeWithText("How much does it hurt now?").performScrollTo().assertIsDisplayed()
        compose.onNodeWithContentDescription(context().getString(R.string.pain_label))
            .performScrollTo()
            .performSemanticsAction(SemanticsActions.SetProgress) { it(7f) }
        compose.mainClock.advanceTimeByFrame()
        compose.onNodeWithText("Save").performScrollTo().assertHasClickAction().performClick()
        compose.mainClock.advanceTimeByFrame()
        JournalStore.open(context()).use { journal ->
            val recent = journal.recent(1)
            assertEquals(1, recent.size)
            assertEquals(4, recent[0].entry.painBefore)
            assertEquals(7, recent[0].entry.painAfter)
        }
    }

    private fun context() = org.robolectric.RuntimeEnvironment.getApplication()
}
