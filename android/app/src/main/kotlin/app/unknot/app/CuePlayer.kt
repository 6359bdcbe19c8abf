package app.unknot.app

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioManager
import android.os.Build
import android.os.Bundle
import android.os.Handler
import android.os.Looper
import android.os.SystemClock
import android.os.VibrationEffect
import android.os.Vibrator
import android.os.VibratorManager
import android.speech.tts.TextToSpeech
import android.speech.tts.UtteranceProgressListener
import app.unknot.audio.FocusPolicy
import app.unknot.audio.SpeechQueue
import app.unknot.audio.VoiceNotice
import app.unknot.audio.VoiceOutcome
import app.unknot.core.Cue
import app.unknot.core.CueKind
import app.unknot.core.SegmentKind
import app.unknot.session.CueSink
import java.util.Locale

/**
 * Plays the cues the core marks to be spoken: the text through
 * [TextToSpeech] and a vibration pattern that tells the segment kinds apart
 * without looking or listening.
 *
 * Around each spoken cue the player holds transient audio focus that lets
 * other apps duck, and gives it back when the utterance ends. Another app
 * taking the focus (a call) calls [onFocusLost], which pauses the session
 * ([FocusPolicy] decides). Cues that arrive before the engine is ready wait
 * in a [SpeechQueue]; a language with no voice falls back to the engine's
 * default voice, and [voiceNotice] tells the person once per app run.
 *
 * [segmentKind] maps a cue's segment index to its kind, from the routine's
 * details as the core reported them.
 */
class CuePlayer(
    context: Context,
    lang: String,
    private val segmentKind: (Int) -> SegmentKind?,
    private val onFocusLost: () -> Unit = {},
    private val onVoiceFallback: () -> Unit = {},
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
    private val main = Handler(Looper.getMainLooper())
    private val focusListener = AudioManager.OnAudioFocusChangeListener { change ->
        if (FocusPolicy.pauses(change)) {
            tts.stop()
            onFocusLost()
        }
    }
    private val focus = AudioFocusRequest.Builder(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK)
        .setAudioAttributes(attributes)
        .setOnAudioFocusChangeListener(focusListener, main)
        .build()
    private val queue = SpeechQueue()
    private var utterance = 0L
    private var closed = false
    private val tts: TextToSpeech = TextToSpeech(context.applicationContext) { status ->
        // On the main thread, as every cue; a player closed meanwhile says nothing.
        if (closed) return@TextToSpeech
        if (status == TextToSpeech.SUCCESS) {
            configure(lang)
            queue.ready(SystemClock.elapsedRealtime())?.let { say(it) }
        } else {
            queue.fail()
        }
    }

    private fun configure(lang: String) {
        val outcome = VoiceOutcome.of(tts.setLanguage(Locale.forLanguageTag(lang)))
        if (outcome == VoiceOutcome.DEFAULT_VOICE) {
            // The engine keeps its default voice when the language is refused.
            tts.setLanguage(Locale.getDefault())
            if (voiceNotice.report(outcome)) onVoiceFallback()
        }
        tts.setAudioAttributes(attributes)
        tts.setOnUtteranceProgressListener(object : UtteranceProgressListener() {
            override fun onStart(utteranceId: String?) = Unit
            override fun onDone(utteranceId: String?) = release(utteranceId)
            @Deprecated("Deprecated in Java")
            override fun onError(utteranceId: String?) = release(utteranceId)
            override fun onStop(utteranceId: String?, interrupted: Boolean) = release(utteranceId)
        })
    }

    // Gives the audio focus back once the newest utterance has ended.
    private fun release(utteranceId: String?) {
        if (utteranceId == utterance.toString()) audio?.abandonAudioFocusRequest(focus)
    }

    override fun speak(cue: Cue) {
        vibrate(cue)
        queue.offer(cue.say, SystemClock.elapsedRealtime())?.let { say(it) }
    }

    private fun say(text: String) {
        // Refused during a call: the vibration has told the cue already.
        val granted = audio?.requestAudioFocus(focus) ?: AudioManager.AUDIOFOCUS_REQUEST_GRANTED
        if (granted == AudioManager.AUDIOFOCUS_REQUEST_FAILED) return
        utterance += 1
        val params = Bundle().apply {
            putInt(TextToSpeech.Engine.KEY_PARAM_STREAM, AudioManager.STREAM_MUSIC)
        }
        // The core hands out only the newest cue of a call to speak, so a
        // cue replaces whatever is still being said.
        tts.speak(text, TextToSpeech.QUEUE_FLUSH, params, utterance.toString())
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
        closed = true
        tts.stop()
        tts.shutdown()
        audio?.abandonAudioFocusRequest(focus)
        vibrator?.cancel()
    }

    companion object {
        /** Whether a session fell back to the default voice, told once per app run. */
        val voiceNotice = VoiceNotice()

        // Off/on timings in milliseconds, starting with an off delay.
        /** Breathing in: pulses getting longer. */
        private val INHALE = longArrayOf(0, 60, 90, 120, 90, 220)
        /** Breathing out: pulses getting shorter. */
        private val EXHALE = longArrayOf(0, 220, 90, 120, 90, 60)
        /** Changing sides: two even knocks. */
        private val SWITCH = longArrayOf(0, 160, 160, 160)
        /** The routine is complete: two long buzzes. */
        private val FINISHED = longArrayOf(0, 500, 250, 500)
        /** Any other segment start: one pulse. */
        private val SEGMENT = longArrayOf(0, 120)
        /** Halfway and countdown: a short tick. */
        private val TICK = longArrayOf(0, 40)
    }
}
