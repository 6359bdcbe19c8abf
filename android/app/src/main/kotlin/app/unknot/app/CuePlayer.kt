package app.unknot.app

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioManager
import android.os.Build
import android.os.Bundle
import android.os.VibrationEffect
import android.os.Vibrator
import android.os.VibratorManager
import android.speech.tts.TextToSpeech
import android.speech.tts.UtteranceProgressListener
import app.unknot.core.Cue
import app.unknot.core.CueKind
import app.unknot.core.SegmentKind
import app.unknot.session.CueSink
import java.util.Locale

/**
 * Plays the cues the core marks to be spoken: the text through
 * [TextToSpeech] (other audio ducks while it speaks) and a vibration
 * pattern that tells the segment kinds apart without looking or listening.
 *
 * [segmentKind] maps a cue's segment index to its kind, from the routine's
 * details as the core reported them.
 */
class CuePlayer(
    context: Context,
    lang: String,
    private val segmentKind: (Int) -> SegmentKind?,
) : CueSink, AutoCloseable {
    private val audio = context.getSystemService(AudioManager::class.java)
    private val vibrator: Vibrator? = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
        context.getSystemService(VibratorManager::class.java)?.defaultVibrator
    } else {
        @Suppress("DEPRECATION")
        context.getSystemService(Vibrator::class.java)
    }
    private val attributes = AudioAttributes.Builder()
        .setUsage(AudioAttributes.USAGE_MEDIA)
        .setContentType(AudioAttributes.CONTENT_TYPE_SPEECH)
        .build()
    private val focus = AudioFocusRequest.Builder(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK)
        .setAudioAttributes(attributes)
        .build()
    private var ready = false
    private var utterance = 0L
    private val tts: TextToSpeech = TextToSpeech(context.applicationContext) { status ->
        ready = status == TextToSpeech.SUCCESS
        if (ready) configure(lang)
    }

    private fun configure(lang: String) {
        tts.setLanguage(Locale.forLanguageTag(lang))
        tts.setAudioAttributes(attributes)
        tts.setOnUtteranceProgressListener(object : UtteranceProgressListener() {
            override fun onStart(utteranceId: String?) = Unit
            override fun onDone(utteranceId: String?) = release(utteranceId)
            @Deprecated("Deprecated in Java")
            override fun onError(utteranceId: String?) = release(utteranceId)
        })
    }

    // Gives the audio focus back once the newest utterance has ended.
    private fun release(utteranceId: String?) {
        if (utteranceId == utterance.toString()) audio?.abandonAudioFocusRequest(focus)
    }

    override fun speak(cue: Cue) {
        vibrate(cue)
        if (!ready || cue.say.isBlank()) return
        audio?.requestAudioFocus(focus)
        utterance += 1
        val params = Bundle().apply {
            putInt(TextToSpeech.Engine.KEY_PARAM_STREAM, AudioManager.STREAM_MUSIC)
        }
        // The core hands out only the newest cue of a call to speak, so a
        // cue replaces whatever is still being said.
        tts.speak(cue.say, TextToSpeech.QUEUE_FLUSH, params, utterance.toString())
    }

    private fun vibrate(cue: Cue) {
        val v = vibrator ?: return
        if (!v.hasVibrator()) return
        val timings = when (cue.kind) {
            CueKind.FINISHED -> FINISHED
            CueKind.HALFWAY, CueKind.COUNTDOWN -> TICK
            CueKind.SEGMENT -> when (segmentKind(cue.segment)) {
                SegmentKind.INHALE -> INHALE
                SegmentKind.EXHALE -> EXHALE
                SegmentKind.SWITCH -> SWITCH
                else -> SEGMENT
            }
        }
        v.vibrate(VibrationEffect.createWaveform(timings, -1))
    }

    /** Stops speech and releases the engine. */
    override fun close() {
        tts.stop()
        tts.shutdown()
        audio?.abandonAudioFocusRequest(focus)
        vibrator?.cancel()
    }

    private companion object {
        // Off/on timings in milliseconds, starting with an off delay.
        /** Breathing in: pulses getting longer. */
        val INHALE = longArrayOf(0, 60, 90, 120, 90, 220)
        /** Breathing out: pulses getting shorter. */
        val EXHALE = longArrayOf(0, 220, 90, 120, 90, 60)
        /** Changing sides: two even knocks. */
        val SWITCH = longArrayOf(0, 160, 160, 160)
        /** The routine is complete: two long buzzes. */
        val FINISHED = longArrayOf(0, 500, 250, 500)
        /** Any other segment start: one pulse. */
        val SEGMENT = longArrayOf(0, 120)
        /** Halfway and countdown: a short tick. */
        val TICK = longArrayOf(0, 40)
    }
}
