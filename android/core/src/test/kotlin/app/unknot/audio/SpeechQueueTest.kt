package app.unknot.audio

import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test


class SpeechQueueTest {
    @Test
    fun theFirstCueBeforeTheEngineIsReadyIsSpokenWhenItIs() {
        val q = SpeechQueue()
        assertNull(q.offer("Lie on your back", 1_000))
        assertEquals("Lie on your back", q.ready(2_500))
        // Nothing is said twice.
        assertNull(q.ready(2_600))
    }

    @Test
    fun onlyTheNewestWaitingCueIsKept() {
        val q = SpeechQueue()
        q.offer("Lie on your back", 0)
        q.offer("Breathe in", 4_000)
        assertEquals("Breathe in", q.ready(5_000))
    }

    @Test
    fun aCueThatWaitedTooLongIsDropped() {
        val q = SpeechQueue(staleMs = 10_000)
        q.offer("Switch sides", 0)
        assertNull(q.ready(10_001))
        val r = SpeechQueue(staleMs = 10_000)
        r.offer("Switch sides", 0)
        assertEquals("Switch sides", r.ready(10_000))
    }

    @Test
    fun onceReadyCuesPassStraightThroughAndBlankOnesAreSkipped() {
        val q = SpeechQueue()
        assertNull(q.ready(0))
        assertEquals("Exhale", q.offer("Exhale", 1))
        assertNull(q.offer("  ", 2))
    }

    @Test
    fun aFailedEngineKeepsNothing() {
        val q = SpeechQueue()
        q.offer("Lie on your back", 0)
        q.fail()
        assertTrue(q.failed)
        assertNull(q.offer("Breathe in", 1))
        assertFalse(q.isReady)
    }
}
