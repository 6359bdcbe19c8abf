package app.unknot.audio

import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test


class WakeLockPlanTest {
    private val acquire = WakeLockPlan.Step.Acquire::class

    @Test
    fun takenOnceForAWholeSessionOfFramesAndReleasedAtTheEnd() {
        val plan = WakeLockPlan(marginMs = 60_000)
        val steps = mutableListOf<WakeLockPlan.Step>()
        // Ready, then a 10-minute routine ticking every second.
        steps += plan.onFrame(0, 600_000, running = false, open = false)
        for (t in 0L..600_000L step 1_000L) {
            steps += plan.onFrame(t, 600_000 - t, running = true, open = true)
        }
        assertEquals(listOf(WakeLockPlan.Step.Acquire(660_000)), steps.filterIsInstance<WakeLockPlan.Step.Acquire>())
        assertEquals(WakeLockPlan.Step.Release, plan.onFrame(600_000, 0, running = false, open = false))
        assertFalse(plan.held)
        assertEquals(WakeLockPlan.Step.Keep, plan.release())
    }

    @Test
    fun renewedOnlyWhenTheRoutineWouldOutlastIt() {
        val plan = WakeLockPlan(marginMs = 60_000)
        assertEquals(WakeLockPlan.Step.Acquire(160_000), plan.onFrame(0, 100_000, running = true, open = true))
        // Paused for a while: kept, not renewed while paused.
        assertEquals(WakeLockPlan.Step.Keep, plan.onFrame(10_000, 90_000, running = false, open = true))
        assertEquals(WakeLockPlan.Step.Keep, plan.onFrame(50_000, 90_000, running = true, open = true))
        // Paused longer than the margin: the end moved past the lock.
        val step = plan.onFrame(200_000, 90_000, running = true, open = true)
        assertEquals(WakeLockPlan.Step.Acquire(150_000), step)
        // Extended by five minutes past the lock.
        assertTrue(acquire.isInstance(plan.onFrame(201_000, 389_000, running = true, open = true)))
    }

    @Test
    fun aSessionRestoredPausedTakesNoLockUntilItRuns() {
        val plan = WakeLockPlan()
        assertEquals(WakeLockPlan.Step.Keep, plan.onFrame(0, 100_000, running = false, open = true))
        assertFalse(plan.held)
        assertTrue(acquire.isInstance(plan.onFrame(1, 100_000, running = true, open = true)))
    }
}
