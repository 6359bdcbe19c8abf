package app.unknot.session

import app.unknot.core.CuePlay
import app.unknot.core.CueSound
import app.unknot.core.CueStyle
import app.unknot.core.Frame
import app.unknot.core.Player
import app.unknot.core.RoutineSource
import app.unknot.core.Update
import app.unknot.core.cuePlay
import app.unknot.core.cueSoundTone
import app.unknot.core.cueStyleFromName
import app.unknot.core.renderTone
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/** A player that counts every call the shell makes into the core. */
class CountingPlayer(source: RoutineSource, lang: String) : Player(source, lang) {
    var calls = 0
        private set

    override fun start(nowMs: Long): Update { calls++; return super.start(nowMs) }
    override fun pause(nowMs: Long): Update { calls++; return super.pause(nowMs) }
    override fun resume(nowMs: Long): Update { calls++; return super.resume(nowMs) }
    override fun next(nowMs: Long): Update { calls++; return super.next(nowMs) }
    override fun previous(nowMs: Long): Update { calls++; return super.previous(nowMs) }
    override fun restartStep(nowMs: Long): Update { calls++; return super.restartStep(nowMs) }
    override fun extend(nowMs: Long, ms: Long): Update { calls++; return super.extend(nowMs, ms) }
    override fun proceed(nowMs: Long): Update { calls++; return super.proceed(nowMs) }
    override fun stop(nowMs: Long): Update { calls++; return super.stop(nowMs) }
    override fun tick(nowMs: Long): Update { calls++; return super.tick(nowMs) }
    override fun pulse(nowMs: Long) = super.pulse(nowMs).also { calls++ }
    override fun frame(): Frame = super.frame().also { calls++ }
}

/** The core's lookahead and cue styles (the visible player: PlayerAnimationTest). */
class LookaheadTest {
    private val clock = FakeClock(1_000)
    private val scheduler = FakeScheduler()
    private val sink = RecordingSink()

    @Test
    fun upcomingCuesAreWhatTheWakeUpsHandOut() {
        val player = Player(RoutineSource.Builtin("box-breathing"), "en")
        SessionController(player, clock, scheduler, sink).use { c ->
            assertTrue(player.upcoming(clock.now, 60_000).isEmpty())
            c.start()
            val before = player.snapshot()
            val coming = player.upcoming(clock.now, 20_000)
            assertEquals("upcoming changes nothing", before, player.snapshot())
            assertEquals(6, coming.size)
            assertEquals(listOf(CueSound.STEP, CueSound.BREATHE_IN), coming[3].sounds)
            assertEquals("Begin. Breathe in", coming[3].say)
            for (cue in coming) {
                assertEquals(cue.dueMs, scheduler.pending)
                clock.now = cue.dueMs
                assertEquals(listOf(cue), c.onWake().cues)
            }
            // Paused: nothing is coming.
            c.pause()
            assertTrue(player.upcoming(clock.now, 60_000).isEmpty())
        }
    }

    @Test
    fun eachStylePlaysWhatTheCoreSays() {
        Player.fromBuiltin("box-breathing", "en").use { p ->
            p.start(0)
            val cue = p.upcoming(0, 10_000).last()
            val voice: CuePlay = cuePlay(cue, CueStyle.VOICE)
            assertEquals("Begin. Breathe in", voice.speech)
            assertEquals(cueSoundTone(CueSound.STEP), voice.tone)
            val tones = cuePlay(cue, CueStyle.TONES)
            assertNull(tones.speech)
            assertEquals(3, tones.tone!!.notes.size)
            assertEquals(listOf(500L, 150L, 500L, 150L, 350L), cuePlay(cue, CueStyle.VIBRATION).vibrationMs)
            val hold = cueSoundTone(CueSound.HOLD)
            assertEquals(300 * 16, renderTone(hold, 16_000).size)
            assertEquals(CueStyle.TONES, cueStyleFromName("tones"))
            assertNull(cueStyleFromName("beeps"))
        }
    }
}
