package app.unknot.session

import app.unknot.audio.WakeLockPlan
import app.unknot.core.Frame
import app.unknot.core.Player
import app.unknot.core.RoutineSource
import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * The player screen's path as the app runs it: the session's controller
 * over the core, its frames handed to the screen's [PlayerAnimation] (as
 * the service's frame flow hands them to PlayerScreen), which draws at 60
 * frames a second on an animation clock of its own.
 */
class PlayerAnimationTest {
    private val clock = FakeClock(1_000)
    private val scheduler = FakeScheduler()
    private val sink = RecordingSink()

    // The animation clock's origin, unrelated to the session's clock.
    private val nanosBase = 7_777_000_000_000L
    private fun nanos(): Long = nanosBase + (clock.now - 1_000) * 1_000_000

    @Test
    fun aWholeRoutineOnScreenCallsTheCoreOnlyAtWakeUpsAndInput() {
        for (id in listOf("box-breathing", "calf-release", "morning-stiffness", "neck-shoulders")) {
            val player = CountingPlayer(RoutineSource.Builtin(id), "en")
            // Ticked at every animation frame, only to check what is drawn.
            val shadow = Player(RoutineSource.Builtin(id), "en")
            val start = clock.now
            var wakes = 0
            var inputs = 0
            var drawn = 0
            SessionController(player, clock, scheduler, sink).use { c ->
                val screen = PlayerAnimation(clock, refresh = { c.refresh() })
                var shown: Shown? = null
                // What the service does with every frame (notification, media
                // session, wake lock) happens only as often as this.
                var published = 0
                // The service's wake lock, from the same frames.
                val wakeLock = WakeLockPlan()
                val lockSteps = mutableListOf<WakeLockPlan.Step>()
                c.addListener { frame ->
                    published++
                    shown = screen.show(frame)
                    val open = frame.status == Status.RUNNING || frame.status == Status.PAUSED || frame.status == Status.WAITING
                    val step = wakeLock.onFrame(frame.nowMs, frame.remainingMs, frame.status == Status.RUNNING, open)
                    if (step != WakeLockPlan.Step.Keep) lockSteps += step
                }
                val setup = player.calls // the controller's first frame
                c.start(); shadow.start(clock.now); inputs++
                var pausedOnce = false
                var extended = false
                while (!(c.frame.status == Status.FINISHED || c.frame.status == Status.STOPPED)) {
                    clock.now += 16
                    val f = c.frame
                    when {
                        f.status == Status.WAITING && clock.now >= f.nowMs + 2_000 -> {
                            c.proceed(); shadow.proceed(clock.now); inputs++
                        }
                        !pausedOnce && f.status == Status.RUNNING && clock.now >= start + 20_000 -> {
                            pausedOnce = true
                            c.pause(); shadow.pause(clock.now); inputs++
                        }
                        f.status == Status.PAUSED && clock.now >= f.nowMs + 3_000 -> {
                            c.resume(); shadow.resume(clock.now); inputs++
                        }
                        !extended && f.status == Status.RUNNING && clock.now >= start + 45_000 -> {
                            extended = true
                            c.extend(5_000); shadow.extend(clock.now, 5_000); inputs++
                        }
                        // The service's timer, on time.
                        scheduler.pending?.let { it <= clock.now } == true -> {
                            assertTrue(c.onWake().cues.isNotEmpty()); wakes++
                        }
                    }
                    // The animation clock's frame: what the screen draws.
                    if (screen.animating) shown = screen.onAnimationFrame(nanos())
                    drawn++
                    val s = shown ?: error("nothing drawn")
                    val truth = shadow.tick(clock.now).frame
                    assertShown("$id at ${clock.now}", expected(truth), s)
                }
                val seconds = (clock.now - start) / 1000
                val calls = player.calls - setup
                assertEquals("$id: no late wake-ups", 0, screen.lateRefreshes)
                assertEquals("$id: every call was a wake-up or input", wakes + inputs, calls)
                assertEquals("$id: a frame published per call, and the first", calls + 1, published)
                assertEquals("$id: the wake lock taken once, let go at the end", 2, lockSteps.size)
                assertTrue(lockSteps[0] is WakeLockPlan.Step.Acquire)
                assertEquals(WakeLockPlan.Step.Release, lockSteps[1])
                assertTrue("$id: $wakes wake-ups for ${sink.spoken.size} spoken cues", wakes <= sink.spoken.size)
                assertTrue("$id: $calls calls in $seconds s ($drawn frames drawn)", calls - wakes - inputs <= seconds)
                assertTrue("$id: $calls calls in $seconds s", calls < seconds)
            }
            shadow.close()
            sink.spoken.clear()
        }
    }

    /** What the core itself says at that moment, in the screen's terms. */
    private fun expected(truth: Frame) = Shown(
        status = truth.status,
        segmentProgress = truth.segmentProgress,
        segmentRemainingMs = truth.segmentRemainingMs,
        remainingMs = truth.remainingMs,
        breath = truth.breathFrom?.let { from -> from + (truth.breathTo!! - from) * truth.segmentProgress },
    ).let { e ->
        // Progress is compared at the precision a screen can show.
        e.copy(segmentProgress = Math.round(e.segmentProgress * 1e9) / 1e9, breath = e.breath?.let { Math.round(it * 1e9) / 1e9 })
    }

    private fun assertShown(message: String, want: Shown, got: Shown) = assertEquals(
        message,
        want,
        got.copy(
            segmentProgress = Math.round(got.segmentProgress * 1e9) / 1e9,
            breath = got.breath?.let { Math.round(it * 1e9) / 1e9 },
        ),
    )

    @Test
    fun aLateWakeUpIsAskedForAtMostOnceASecond() {
        val player = CountingPlayer(RoutineSource.Builtin("box-breathing"), "en")
        SessionController(player, clock, scheduler, sink).use { c ->
            val screen = PlayerAnimation(clock, refresh = { c.refresh() })
            c.addListener { frame -> screen.show(frame) }
            c.start()
            val before = player.calls
            val due = scheduler.pending ?: error("no wake-up")
            // The service's timer never fires; the screen keeps drawing.
            var end = due
            while (clock.now < due + 5_000) {
                clock.now += 16
                screen.onAnimationFrame(nanos())
                end = clock.now
            }
            val asked = player.calls - before
            assertTrue("asked $asked times", asked >= 1)
            assertTrue("asked $asked times in ${end - due} ms", asked <= (end - due) / 1_000)
            assertEquals(asked, screen.lateRefreshes)
            // Each ask brought the cues that fell due and a fresh frame.
            assertTrue(sink.spoken.isNotEmpty())
        }
    }

    @Test
    fun aPausedOrWaitingFrameStandsStill() {
        Player.fromBuiltin("box-breathing", "en").use { p ->
            p.start(0)
            val paused = p.pause(3_000).frame
            assertFalse(PlayerAnimation.moves(paused))
            val a = PlayerAnimation.shownAt(paused, 3_000)
            val b = PlayerAnimation.shownAt(paused, 60_000)
            assertEquals(a, b)
            assertEquals(paused.remainingMs, b.remainingMs)
            val running = p.resume(10_000).frame
            assertTrue(PlayerAnimation.moves(running))
            // Past the segment's end (a wake-up not yet arrived) the drawing stops at the end.
            val late = PlayerAnimation.shownAt(running, 10_000 + running.segmentRemainingMs!! + 5_000)
            assertEquals(1.0, late.segmentProgress, 0.0)
            assertEquals(0L, late.segmentRemainingMs)
        }
    }
}
