package app.unknot.audio

import app.unknot.core.Cue
import app.unknot.core.CueSound
import app.unknot.core.CueStyle
import app.unknot.core.Player
import app.unknot.core.Tone
import app.unknot.core.cueSoundTone
import app.unknot.core.cueSoundVibration
import app.unknot.core.renderTone
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/** Each cue style played as the core's `cue_play` says, in the framework's terms. */
class CuePlanTest {
    private val rate = 16_000

    // The first cues of box breathing: the opening words, then "Begin.
    // Breathe in" (a new step and breathing in).
    private fun cues(): List<Cue> = Player.fromBuiltin("box-breathing", "en").use { p ->
        p.start(0)
        p.upcoming(0, 20_000)
    }

    private fun samples(vararg sounds: CueSound): Int =
        renderTone(joined(*sounds), rate).size

    // Two sounds' tones, the second 150 ms after the first ends (the core's gap).
    private fun joined(vararg sounds: CueSound): Tone {
        var at = 0
        val notes = sounds.flatMap { s ->
            val t = cueSoundTone(s)
            t.notes.map { it.copy(startMs = it.startMs + at) }.also { at += t.durationMs + 150 }
        }
        return Tone(notes, notes.maxOf { it.startMs + it.durationMs })
    }

    @Test
    fun voiceSpeaksAfterTheStepChimeAndDoesNotVibrate() {
        val cue = cues().first { it.sounds == listOf(CueSound.STEP, CueSound.BREATHE_IN) }
        val plan = CuePlanner(rate).plan(cue, CueStyle.VOICE)!!
        assertEquals("Begin. Breathe in", plan.speech)
        val chime = cueSoundTone(CueSound.STEP)
        assertEquals(chime.durationMs.toLong(), plan.toneMs)
        assertEquals(renderTone(chime, rate).toShortArray().toList(), plan.tone!!.toList())
        assertEquals("the words come once the chime is over", plan.toneMs, plan.speechDelayMs)
        assertNull(plan.vibration)
        assertTrue(plan.sounds)
        // Refused sound: the cue's vibration instead.
        val v = cueSoundVibration(CueSound.STEP) + 150L + cueSoundVibration(CueSound.BREATHE_IN)
        assertArrayEquals((listOf(0L) + v).toLongArray(), plan.silenced)
    }

    @Test
    fun aBreathCueInVoiceIsWordsOnly() {
        val cue = cues().first { it.sounds == listOf(CueSound.HOLD) }
        val plan = CuePlanner(rate).plan(cue, CueStyle.VOICE)!!
        assertNull(plan.tone)
        assertEquals(0L, plan.speechDelayMs)
        assertEquals(cue.say, plan.speech)
    }

    @Test
    fun tonesPlayEverySoundAndSayNothing() {
        val cue = cues().first { it.sounds == listOf(CueSound.STEP, CueSound.BREATHE_IN) }
        val plan = CuePlanner(rate).plan(cue, CueStyle.TONES)!!
        assertNull(plan.speech)
        assertEquals(samples(CueSound.STEP, CueSound.BREATHE_IN), plan.tone!!.size)
        assertEquals(joined(CueSound.STEP, CueSound.BREATHE_IN).durationMs.toLong(), plan.toneMs)
        assertNull(plan.vibration)
        val hold = CuePlanner(rate).plan(cues().first { it.sounds == listOf(CueSound.HOLD) }, CueStyle.TONES)!!
        assertEquals(samples(CueSound.HOLD), hold.tone!!.size)
    }

    @Test
    fun vibrationIsTheCoresPatternsAfterAnOffDelay() {
        val cue = cues().first { it.sounds == listOf(CueSound.BREATHE_OUT) }
        val plan = CuePlanner(rate).plan(cue, CueStyle.VIBRATION)!!
        assertNull(plan.tone)
        assertNull(plan.speech)
        assertEquals(false, plan.sounds)
        assertArrayEquals((listOf(0L) + cueSoundVibration(CueSound.BREATHE_OUT)).toLongArray(), plan.vibration)
        assertNull("nothing to silence", plan.silenced)
    }

    @Test
    fun eachToneIsRenderedOnce() {
        var renders = 0
        val planner = CuePlanner(rate) { tone, r -> renders++; renderTone(tone, r) }
        val all = cues()
        repeat(3) { for (c in all) planner.plan(c, CueStyle.TONES) }
        val distinct = all.map { it.sounds }.distinct().size
        assertEquals(distinct, renders)
        assertEquals(distinct, planner.rendered)
    }

    @Test
    fun waveformsStartWithAnOffDelay() {
        assertArrayEquals(longArrayOf(0, 500, 150, 500), CuePlanner.waveform(listOf(500, 150, 500)))
        assertNull(CuePlanner.waveform(emptyList()))
        assertNull(CuePlanner.waveform(listOf(0)))
    }

    @Test
    fun theSettingIsSavedByTheCoresNames() {
        for (s in CueStyles.all) assertEquals(s, CueStyles.of(CueStyles.nameOf(s)))
        assertEquals(CueStyle.VOICE, CueStyles.of(null))
        assertEquals(CueStyle.VOICE, CueStyles.of("beeps"))
        assertEquals(CueStyle.VOICE, CueStyles.all.first())
        assertNotNull(CueStyles.of("vibration"))
    }
}
