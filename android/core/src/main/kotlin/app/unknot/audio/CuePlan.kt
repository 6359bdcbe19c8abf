package app.unknot.audio

import app.unknot.core.Cue
import app.unknot.core.CueStyle
import app.unknot.core.Tone
import app.unknot.core.cuePlay
import app.unknot.core.renderTone

/**
 * What the app does for one cue, in the framework's terms, as the core's
 * `cue_play` decides it for the style: the tone's samples to write to an
 * audio track, the text to speak once the tone is over, and a vibration
 * waveform. [silenced] is the cue's vibration-only waveform, given when
 * the sound cannot be played (another app holds the audio, a call).
 */
class CuePlan(
    /** Mono 16-bit samples at the planner's rate, or null for no tone. */
    val tone: ShortArray?,
    /** How long the tone sounds, ms (0 without one). */
    val toneMs: Long,
    /** Text to speak, or null. */
    val speech: String?,
    /** When to start speaking after the cue, ms: after the tone. */
    val speechDelayMs: Long,
    /** `VibrationEffect.createWaveform` timings (off, on, off, …), or null. */
    val vibration: LongArray?,
    /** The timings to vibrate instead when the sound is refused, or null. */
    val silenced: LongArray?,
) {
    /** Whether anything is heard (a tone or speech), so audio focus is needed. */
    val sounds: Boolean get() = tone != null || speech != null
}

/**
 * Turns each cue into a [CuePlan] for a style, rendering each tone once at
 * [sampleRate] through the core ([render], the core's `render_tone`) and
 * keeping the samples for the next cue with the same tone. Decides nothing
 * the core has not: which sounds, tones and patterns a cue gets is
 * `cue_play`'s answer.
 */
class CuePlanner(
    private val sampleRate: Int,
    private val render: (Tone, Int) -> List<Short> = ::renderTone,
) {
    private val samples = HashMap<Tone, ShortArray>()

    /** How many distinct tones have been rendered so far. */
    val rendered: Int @Synchronized get() = samples.size

    /** The plan for [cue] in [style], or null when there is nothing to play. */
    fun plan(cue: Cue, style: CueStyle): CuePlan? {
        val play = cuePlay(cue, style)
        val tone = play.tone
        val toneMs = tone?.durationMs?.toLong()?.coerceAtLeast(0) ?: 0L
        val speech = play.speech?.takeIf { it.isNotBlank() }
        val vibration = waveform(play.vibrationMs)
        if (tone == null && speech == null && vibration == null) return null
        val silenced = if (tone != null || speech != null) waveform(cuePlay(cue, CueStyle.VIBRATION).vibrationMs) else null
        return CuePlan(
            tone = tone?.let { samplesOf(it) },
            toneMs = toneMs,
            speech = speech,
            speechDelayMs = if (speech != null) toneMs else 0L,
            vibration = vibration,
            silenced = silenced,
        )
    }

    @Synchronized
    private fun samplesOf(tone: Tone): ShortArray =
        samples.getOrPut(tone) { render(tone, sampleRate).toShortArray() }

    companion object {
        /**
         * The core's pattern (ms on, off, on, … starting with on) as the
         * framework's waveform timings, which start with an off delay; null
         * for no vibration.
         */
        fun waveform(pattern: List<Long>): LongArray? {
            if (pattern.isEmpty() || pattern.all { it <= 0 }) return null
            return LongArray(pattern.size + 1) { i -> if (i == 0) 0L else pattern[i - 1].coerceAtLeast(0) }
        }
    }
}
