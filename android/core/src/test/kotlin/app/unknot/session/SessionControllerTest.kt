package app.unknot.session

import app.unknot.core.CueKind
import app.unknot.core.Frame
import app.unknot.core.Player
import app.unknot.core.RoutineSource
import app.unknot.core.SegmentKind
import app.unknot.core.Side
import app.unknot.core.Status
import app.unknot.core.UnknotException
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** Whole sessions driven through [SessionController] with a fake clock and scheduler. */
class SessionControllerTest {
    private val clock = FakeClock(1_000)
    private val scheduler = FakeScheduler()
    private val sink = RecordingSink()
    private val frames = mutableListOf<Frame>()

    private fun controller(source: RoutineSource, lang: String = "en"): SessionController =
        SessionController.create(source, lang, clock, scheduler, sink).also { c ->
            c.addListener { frames.add(it) }
        }

    /**
     * Plays a session to its end as an app would: sleep until the requested
     * wake-up, wake, and tap "continue" [waitMs] after an untimed segment
     * starts. Returns the number of wake-ups.
     */
    private fun playToEnd(c: SessionController, waitMs: Long = 2_000): Int {
        var wakes = 0
        while (true) {
            val f = c.frame
            when (f.status) {
                Status.RUNNING -> {
                    val at = scheduler.pending ?: error("no wake-up while running")
                    assertEquals(f.nextWakeMs, at)
                    assertTrue("wake-ups are never in the past", at >= clock.now)
                    clock.now = at
                    val u = c.onWake()
                    wakes++
                    assertTrue("a wake-up at next_wake_ms hands out a cue", u.cues.isNotEmpty())
                    assertTrue(u.cues.all { it.dueMs == it.atMs })
                }
                Status.WAITING -> {
                    assertNull("no wake-up while waiting for the user", scheduler.pending)
                    clock.now += waitMs
                    assertNull(c.proceed().ignored)
                }
                else -> return wakes
            }
        }
    }

    @Test
    fun playsACalfRoutineToTheEndSpeakingEveryCueOnTime() {
        controller(RoutineSource.Json(LibraryTest.MANUAL_AND_MASSAGE)).use { c ->
            assertEquals(Status.READY, frames.single().status)
            val u = c.start()
            assertEquals(Status.WAITING, u.frame.status)
            assertEquals(SegmentKind.MANUAL, u.frame.kind)
            val wakes = playToEnd(c)
            val f = c.frame
            assertEquals(Status.FINISHED, f.status)
            assertEquals(65_000L, f.positionMs)
            assertEquals(0L, f.remainingMs)
            assertEquals(2_000L, f.pausedMs)
            assertNull(f.nextWakeMs)
            assertNull(scheduler.pending)
            // manual; left 30 s (halfway, 3-2-1); switch 5 s; right 30 s (halfway, 3-2-1); finished
            assertEquals(
                listOf(
                    "Fetch a ball", "Roll the calf. Left side", "Halfway", "3", "2", "1",
                    "Switch to the right side", "Right side", "Halfway", "3", "2", "1",
                    "Well done. The routine is complete.",
                ),
                sink.spoken.map { it.say },
            )
            assertEquals(CueKind.FINISHED, sink.spoken.last().kind)
            // 11 cues come from wake-ups (every one but the first two); no wasted wake-ups.
            assertEquals(11, wakes)
            // manual started at 1000, continued at 3000; left side 3000..33000, switch to 38000.
            val right = sink.spoken.single { it.say == "Right side" }
            assertEquals(38_000L, right.dueMs)
            assertEquals(Side.RIGHT, frames.first { it.segment == 3 }.side)
            // Each frame went to the listener, the last one final.
            assertEquals(f, frames.last())
        }
    }

    @Test
    fun everyFrameReschedulesOrCancelsExactlyOnce() {
        controller(RoutineSource.Builtin("box-breathing")).use { c ->
            var before = scheduler.calls.size
            fun oneCall(expected: Long?) {
                assertEquals(before + 1, scheduler.calls.size)
                assertEquals(expected, scheduler.calls.last())
                before = scheduler.calls.size
            }
            c.start()
            oneCall(8_000L) // countdown 3 s before the end of the 10 s preparation
            clock.now = 3_000
            c.pause()
            oneCall(null)
            clock.now = 10_000
            assertNotNull(c.pause().ignored)
            oneCall(null)
            c.resume()
            oneCall(15_000L) // 7 s later than planned
            c.next()
            // The next step's first phase starts now; its next cue is the following phase.
            oneCall(14_000L)
            c.stop()
            oneCall(null)
            assertEquals(Status.STOPPED, c.frame.status)
        }
    }

    @Test
    fun sleptThroughStretchSpeaksOnlyTheNewestCue() {
        controller(RoutineSource.Builtin("box-breathing"), "de").use { c ->
            c.start()
            clock.now += 30_000
            val u = c.onWake()
            assertTrue(u.cues.size > 3)
            assertEquals(listOf(u.cues.last()), u.cues.filter { it.speak })
            assertEquals(u.cues.last(), sink.spoken.last())
            assertEquals(2, sink.spoken.size) // the start cue and the newest one
            assertTrue(u.cues.zipWithNext().all { (a, b) -> a.dueMs <= b.dueMs })
        }
    }

    @Test
    fun ignoredCommandsSayWhyAndChangeNothing() {
        controller(RoutineSource.Builtin("box-breathing")).use { c ->
            val resume = c.resume()
            assertNotNull(resume.ignored)
            assertTrue(resume.ignored!!.isNotBlank())
            assertEquals(Status.READY, resume.frame.status)
            c.start()
            val again = c.start()
            assertNotNull(again.ignored)
            assertEquals(Status.RUNNING, again.frame.status)
            assertTrue(again.cues.isEmpty())
        }
    }

    @Test
    fun invalidRoutineFromKotlinIsATypedErrorWithPaths() {
        val bad = LibraryTest.MANUAL_AND_MASSAGE
            .replace("\"technique\": \"rolling\"", "\"technique\": \"rollin\"")
            .replace("\"kind\": \"manual\"", "\"kind\": \"manul\"")
        try {
            controller(RoutineSource.Json(bad))
            fail("expected InvalidRoutine")
        } catch (e: UnknotException.InvalidRoutine) {
            val paths = e.problems.map { it.path }.toSet()
            assertEquals(setOf("steps[0].kind", "steps[1].technique"), paths)
            assertTrue(e.problems.all { it.hint != null })
            assertEquals("did you mean \"rolling\"?", e.problems.single { it.path == "steps[1].technique" }.hint)
        }
        try {
            controller(RoutineSource.Builtin("nope"))
            fail("expected UnknownRoutine")
        } catch (e: UnknotException.UnknownRoutine) {
            assertEquals("nope", e.id)
        }
    }

    @Test
    fun redrawingAt30FpsKeepsTheCoresFrameAndSpeaksEveryCue() {
        // The same session twice: one redrawn every 33 ms through light
        // pulses, one driven by wake-ups alone. They must say the same.
        val source = RoutineSource.Builtin("calf-release")
        val lean = controller(source)
        val plain = Player(source, "en")
        lean.start()
        plain.start(clock.now)
        val start = clock.now
        val before = frames.size
        while (clock.now < start + 90_000) {
            clock.now += 33
            val f = lean.redraw()
            assertEquals("a redraw is the frame the core would give", plain.tick(clock.now).frame, f)
            if (f.status == Status.WAITING) lean.proceed().also { plain.proceed(clock.now) }
        }
        assertTrue("every redraw reaches the listeners", frames.size - before >= 90_000 / 33)
        // Spoken cues: one per segment start at least, each once.
        val spoken = sink.spoken.map { it.dueMs to it.kind }
        assertEquals(spoken.distinct(), spoken)
        assertTrue(sink.spoken.count { it.kind == CueKind.SEGMENT } >= 3)
        assertEquals(scheduler.pending, lean.frame.nextWakeMs)
        plain.close()
        lean.close()
    }

    @Test
    fun snapshotAndRestoreContinueTheSameSession() {
        val source = RoutineSource.Builtin("box-breathing")
        val saved = controller(source).use { c ->
            c.start()
            clock.now = 5_000
            c.onWake()
            c.snapshot()
        }
        clock.now = 12_000
        SessionController.restore(source, "en", saved, clock, scheduler, sink).use { c ->
            assertEquals(Status.RUNNING, c.frame.status)
            val u = c.refresh()
            // countdown at 8000, 9000, 10000 and the first inhale at 11000 fell due meanwhile
            assertEquals(listOf(8_000L, 9_000L, 10_000L, 11_000L), u.cues.map { it.dueMs })
            assertEquals(SegmentKind.INHALE, u.frame.kind)
        }
        try {
            SessionController.restore(source, "en", "garbage", clock, scheduler, sink)
            fail("expected BadSnapshot")
        } catch (e: UnknotException.BadSnapshot) {
            assertTrue(e.reason.isNotBlank())
        }
    }

    @Test
    fun closeFreesThePlayerAndLaterCallsThrow() {
        val player = Player.fromBuiltin("box-breathing", "en")
        val c = SessionController(player, clock, scheduler, sink)
        c.start()
        assertNotNull(scheduler.pending)
        c.close()
        assertNull("close cancels the wake-up", scheduler.pending)
        try {
            player.frame()
            fail("the player should be closed")
        } catch (e: IllegalStateException) {
            assertTrue(e.message!!.contains("destroyed"))
        }
        try {
            c.onWake()
            fail("the controller should be closed")
        } catch (e: IllegalStateException) {
            assertFalse(e.message.isNullOrEmpty())
        }
        c.close() // twice is fine
    }

    @Test
    fun negativeTimesAreClampedNotThrown() {
        clock.now = -5_000
        controller(RoutineSource.Builtin("box-breathing")).use { c ->
            val u = c.start()
            assertEquals(0L, u.frame.nowMs)
            assertEquals(0L, u.cues.single().dueMs)
            assertEquals(u.frame.timedMs, c.extend(-1_000).frame.timedMs)
        }
    }

    @Test
    fun summaryGivesTheJournalItsFiguresFromTheCore() {
        Player.fromBuiltin("box-breathing", "en").use { p ->
            assertEquals(0L, p.summary().activeMs)
            p.start(1_000)
            p.pause(11_000)
            p.resume(21_000)
            p.next(31_000)
            val s = p.summary()
            assertEquals(Status.RUNNING, s.status)
            assertEquals(20_000L, s.activeMs)
            assertEquals(1, s.stepsCompleted)
            assertEquals(1, s.stepsSkipped)
        }
    }

    @Test
    fun theControllerHandsOnTheCoresSummary() {
        controller(RoutineSource.Builtin("box-breathing")).use { c ->
            c.start()
            clock.now = 11_000
            c.pause()
            clock.now = 21_000
            c.resume()
            clock.now = 31_000
            c.next()
            val s = c.summary()
            assertEquals(20_000L, s.activeMs)
            assertEquals(1, s.stepsCompleted)
            assertEquals(1, s.stepsSkipped)
        }
    }
}
