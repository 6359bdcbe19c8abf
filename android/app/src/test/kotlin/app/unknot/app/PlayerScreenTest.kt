package app.unknot.app

import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.hasText
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.hasContentDescription
import android.content.res.Configuration
import android.os.Looper
import androidx.compose.ui.test.onRoot
import java.util.Locale
import java.time.Duration
import org.robolectric.Shadows.shadowOf
import app.unknot.core.Status
import app.unknot.core.builtinRoutine
import app.unknot.core.tooMuchText
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

    private var closed = 0

    @Before
    fun startService() {
        controller = Robolectric.buildService(SessionService::class.java).create()
    }

    @After
    fun stopService() {
        controller.destroy()
    }

    // While the session runs the player asks for a fresh frame on every
    // display frame, so the rule would never be idle: its clock is advanced
    // by hand until the session is over. The phone's clock (Robolectric's,
    // which the service hands the core) moves only when a test moves it.
    private fun show(onClose: () -> Unit = {}) {
        compose.mainClock.autoAdvance = false
        compose.setContent { UnknotTheme { PlayerScreen(service) { closed++; onClose() } } }
        compose.mainClock.advanceTimeByFrame()
    }

    // A few display frames after a tap or after the phone's time moved.
    private fun frame() = compose.mainClock.advanceTimeBy(100)

    // What the person reads under the ring: the whole session's time left.
    private fun left(): String = compose.onNode(hasText(" left", substring = true)).assertIsDisplayed()
        .fetchSemanticsNode().config[SemanticsProperties.Text].joinToString()

    private fun ring() = compose.onNode(hasContentDescription("percent", substring = true))

    @Test
    fun startShowsTheFirstStepAndTimeRunsPauseStopsIt() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        service.begin(Fixtures.routineId, "en", 3)
        show()
        compose.onNodeWithText("Step 1 of ${routine.steps.size}").assertIsDisplayed()
        compose.onNodeWithText(routine.steps[0].title).assertIsDisplayed()
        assertEquals(Status.RUNNING, service.frames.value?.status)
        val atStart = left()
        val remaining = service.frames.value!!.remainingMs

        // Twelve seconds on the phone's clock, past the first wake-up (the
        // end of the 10 s preparation): the core's countdown follows. (The
        // screen's own animation between frames is stopped in UI tests.)
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(12))
        frame()
        val running = left()
        assertNotEquals(atStart, running)
        // (the display frames since take a few ms more of the phone's clock)
        val now = service.frames.value!!.remainingMs
        assertTrue("$now ms left", now in remaining - 12_200..remaining - 10_000)

        compose.onNodeWithContentDescription("Pause").assertHasClickAction().performClick()
        frame()
        assertEquals(Status.PAUSED, service.frames.value?.status)
        ring().assert(hasContentDescription("Paused", substring = true))
        // Paused, time goes by and the countdown stays.
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(30))
        frame()
        assertEquals(running, left())

        compose.onNodeWithContentDescription("Resume").assertHasClickAction().performClick()
        frame()
        assertEquals(Status.RUNNING, service.frames.value?.status)
        compose.onNodeWithContentDescription("Pause").assertHasClickAction()
    }

    @Test
    fun nextGoesToTheSecondStep() {
        val routine = builtinRoutine(Fixtures.routineId, "en")
        service.begin(Fixtures.routineId, "en", null)
        show()
        compose.onNodeWithContentDescription("Next step").assertHasClickAction().performClick()
        frame()
        compose.onNodeWithText("Step 2 of ${routine.steps.size}").assertIsDisplayed()
        compose.onNodeWithText(routine.steps[1].title).assertIsDisplayed()
    }

    @Test
    fun tooMuchIsMarkedAndCounted() {
        service.begin(Fixtures.routineId, "en", null)
        show()
        compose.onNodeWithText(tooMuchText(0, "en").label).assertIsDisplayed().assertHasClickAction().performClick()
        frame()
        // The core's words for one mark: the count on the button, and what to do.
        val marked = tooMuchText(1, "en")
        compose.onNodeWithText(marked.label).assertIsDisplayed()
        compose.onNodeWithText(marked.message).assertIsDisplayed()
        assertEquals(1, service.discomfortCount)
    }

    @Test
    fun theEndAsksForPainAfterAndRecordsIt() {
        service.begin(Fixtures.routineId, "de", 4)
        show()
        compose.onNodeWithContentDescription("Stop").assertHasClickAction().performClick()
        frame()
        assertEquals(Status.STOPPED, service.frames.value?.status)
        // Over: nothing asks for frames any more, the rule's clock runs again.
        compose.mainClock.autoAdvance = true
        ring().assert(hasContentDescription("Session stopped", substring = true))
        compose.onNodeWithText("How much does it hurt now?").performScrollTo().assertIsDisplayed()
        compose.onNodeWithContentDescription(context().getString(R.string.pain_label))
            .performScrollTo()
            .performSemanticsAction(SemanticsActions.SetProgress) { it(7f) }
        compose.onNodeWithText("Pain: 7 of 10").assertIsDisplayed()
        compose.onNodeWithText("Save").performScrollTo().assertHasClickAction().performClick()
        assertEquals(1, closed)
        JournalStore.open(context()).use { journal ->
            val recent = journal.recent(1)
            assertEquals(1, recent.size)
            assertEquals(Fixtures.routineId, recent[0].entry.routineId)
            assertEquals(4, recent[0].entry.painBefore)
            assertEquals(7, recent[0].entry.painAfter)
        }
    }

    @Test
    fun aSessionRunToItsEndAsksForPainAfter() {
        service.begin(Fixtures.routineId, "en", null)
        show()
        // Longer than the whole routine on the phone's clock: the core's
        // wake-ups carry it to the end (a step that waits for a tap is tapped).
        repeat(40) {
            if (service.frames.value?.status == Status.WAITING) service.proceed()
            shadowOf(Looper.getMainLooper()).idleFor(Duration.ofSeconds(15))
        }
        frame()
        assertEquals(Status.FINISHED, service.frames.value?.status)
        compose.mainClock.autoAdvance = true
        compose.onNodeWithText("How much does it hurt now?").performScrollTo().assertIsDisplayed()
        compose.onNodeWithText("Skip the pain rating").performScrollTo().assertHasClickAction().performClick()
        JournalStore.open(context()).use { journal ->
            val recent = journal.recent(1)
            assertEquals(1, recent.size)
            assertEquals(null, recent[0].entry.painAfter)
        }
    }

    @Test
    fun theControlsStayInSightWithLargeGermanText() {
        service.begin(Fixtures.routineId, "de", null)
        compose.mainClock.autoAdvance = false
        compose.setContent { AsPhone("de", dark = true, fontScale = 2f) { PlayerScreen(service) {} } }
        frame()
        val de = context().createConfigurationContext(
            Configuration(context().resources.configuration).apply { setLocale(Locale.GERMAN) },
        )
        val height = compose.onRoot().fetchSemanticsNode().size.height
        for (label in listOf(R.string.pause, R.string.next_step, R.string.stop)) {
            val node = compose.onNodeWithContentDescription(de.getString(label)).assertIsDisplayed()
                .assertHasClickAction().fetchSemanticsNode()
            assertTrue("${de.getString(label)} at ${node.boundsInRoot}", node.boundsInRoot.bottom <= height)
        }
    }

    private fun context() = org.robolectric.RuntimeEnvironment.getApplication()
}
