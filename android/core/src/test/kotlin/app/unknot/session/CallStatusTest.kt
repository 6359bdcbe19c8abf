package app.unknot.session

import app.unknot.core.Player
import app.unknot.core.Status
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.Assert.assertEquals
import org.junit.Assert.fail
import org.junit.Test

/**
 * Calls that fail and calls that succeed, alternating on one thread and on
 * several at once: the generated bindings reuse one call status per thread
 * (bindings/kotlin-call-status.py), so an error must never leak into the
 * next call, and threads must not see each other's errors.
 */
class CallStatusTest {
    private fun failingThenSucceeding(round: Int) {
        try {
            builtinRoutine("no-such-routine-$round", "en")
            fail("an unknown routine must throw")
        } catch (e: UnknotException.UnknownRoutine) {
            assertEquals("no-such-routine-$round", e.id)
        }
        assertEquals("Box breathing", builtinRoutine("box-breathing", "en").title)
        try {
            Player.fromJson("{ not json", "en").close()
            fail("bad routine JSON must throw")
        } catch (e: UnknotException.InvalidRoutine) {
            assertEquals(true, e.problems.isNotEmpty())
        }
        Player.fromBuiltin("box-breathing", "en").use { p ->
            assertEquals(Status.READY, p.status())
            p.start(0)
            assertEquals(Status.RUNNING, p.status())
        }
    }

    @Test
    fun anErrorDoesNotCarryIntoTheNextCall() {
        repeat(200) { failingThenSucceeding(it) }
    }

    @Test
    fun threadsKeepTheirOwnCallStatus() {
        val pool = Executors.newFixedThreadPool(4)
        val jobs = (0 until 4).map { t -> pool.submit { repeat(100) { failingThenSucceeding(t * 1000 + it) } } }
        jobs.forEach { it.get(60, TimeUnit.SECONDS) }
        pool.shutdown()
    }
}
