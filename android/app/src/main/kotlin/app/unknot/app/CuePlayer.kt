package app.unknot.app

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioFormat
import android.media.AudioManager
import android.media.AudioTrack
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
import app.unknot.audio.CuePlan
import app.unknot.audio.CuePlanner
import app.unknot.audio.FocusHold
import app.unknot.audio.FocusPolicy
import app.unknot.audio.SpeechQueue
import app.unknot.audio.VoiceNotice
import app.unknot.audio.VoiceOutcome
import app.unknot.core.Cue
import app.unknot.core.CueStyle
import app.unknot.session.CueSink
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.util.Locale

/**
 * Plays the cues the core marks to be spoken in the person's cue style
 * ([style], read at every cue): what each cue gets (words, a tone made
 * from the core's samples, a vibration pattern) is the core's `cue_play`
 * answer, planned by [CuePlanner]. Tones are written to an [AudioTrack];
 * no recordings are bundled.
 *
 * Audio focus that lets other apps duck is held from a cue's first sound
 * to its last ([FocusHold]) and given back after. Another app taking the
 * focus, the focus being refused, or the phone ringing or in a call (its
 * audio mode, Android 12 and later) calls [onFocusLost], which pauses the
 * session ([FocusPolicy] decides); a refused cue vibrates instead. Cues
 * that arrive before the speech engine is ready wait in a [SpeechQueue];
 * a language with no voice falls back to the engine's default voice, and
 * [voiceNotice] tells the person once per app run.
 *
 * Everything runs on the main thread.
 */
class CuePlayer(
    context: Context,
    lang: String,
    private val style: () -> CueStyle,
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
    private val speechAttributes = AudioAttributes.Builder()
        .setUsage(AudioAttributes.USAGE_MEDIA)
        .setContentType(AudioAttributes.CONTENT_TYPE_SPEECH)
        .build()
    private val toneAttributes = AudioAttributes.Builder()
        .setUsage(AudioAttributes.USAGE_MEDIA)
        .setContentType(AudioAttributes.CONTENT_TYPE_SONIFICATION)
        .build()
    private val main = Handler(Looper.getMainLooper())
    private val hold = FocusHold()
    private val focusListener: AudioManager.OnAudioFocusChangeListener = AudioManager.OnAudioFocusChangeListener { change ->
        if (FocusPolicy.pauses(change)) {
            silence()
            if (hold.lost()) audio?.abandonAudioFocusRequest(focus)
            onFocusLost()
        }
    }
    private val focus: AudioFocusRequest = AudioFocusRequest.Builder(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK)
        .setAudioAttributes(speechAttributes)
        .setOnAudioFocusChangeListener(focusListener, main)
        .build()

    // Ringing or a call between two cues takes no focus from the app.
    private val modeListener: AudioManager.OnModeChangedListener? =
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
            AudioManager.OnModeChangedListener { mode -> if (FocusPolicy.modePauses(mode)) onFocusLost() }
        } else {
            null
        }

    private val queue = SpeechQueue()
    private var cueNumber = 0L
    private var track: AudioTrack? = null
    private var toneToken: String? = null
    private var pendingSpeech: Runnable? = null
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

    init {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
            modeListener?.let { audio?.addOnModeChangedListener(context.mainExecutor, it) }
        }
    }

    private fun configure(lang: String) {
        val outcome = VoiceOutcome.of(tts.setLanguage(Locale.forLanguageTag(lang)))
        if (outcome == VoiceOutcome.DEFAULT_VOICE) {
            // The engine keeps its default voice when the language is refused.
            tts.setLanguage(Locale.getDefault())
            if (voiceNotice.report(outcome)) onVoiceFallback()
        }
        tts.setAudioAttributes(speechAttributes)
        tts.setOnUtteranceProgressListener(object : UtteranceProgressListener() {
            override fun onStart(utteranceId: String?) = Unit
            override fun onDone(utteranceId: String?) = ended(utteranceId)
            @Deprecated("Deprecated in Java")
            override fun onError(utteranceId: String?) = ended(utteranceId)
            override fun onStop(utteranceId: String?, interrupted: Boolean) = ended(utteranceId)
        })
    }

    // An utterance ended (on the engine's thread): give the focus back on
    // the main thread once nothing else plays.
    private fun ended(utteranceId: String?) {
        val token = utteranceId ?: return
        main.post { release(token) }
    }

    private fun release(token: String) {
        if (hold.end(token)) audio?.abandonAudioFocusRequest(focus)
    }

    // Asks for focus (the first sound of a cue only); a refusal (a call)
    // pauses the session.
    private fun request(): Boolean {
        val a = audio ?: return true
        val granted = FocusPolicy.granted(a.requestAudioFocus(focus))
        if (!granted) main.post { onFocusLost() }
        return granted
    }

    override fun speak(cue: Cue) {
        if (closed) return
        val plan = planner.plan(cue, style()) ?: return
        cueNumber += 1
        // The newest cue replaces whatever of the last one still plays.
        pendingSpeech?.let { main.removeCallbacks(it) }
        pendingSpeech = null
        plan.vibration?.let { vibrate(it) }
        if (!plan.sounds) return
        val tone = plan.tone
        if (tone != null && !playTone(tone, plan)) {
            plan.silenced?.let { vibrate(it) }
            return
        }
        val text = plan.speech ?: return
        if (plan.speechDelayMs <= 0) {
            offer(text, plan)
        } else {
            val later = Runnable {
                pendingSpeech = null
                offer(text, plan)
            }
            pendingSpeech = later
            main.postDelayed(later, plan.speechDelayMs)
        }
    }

    private fun offer(text: String, plan: CuePlan) {
        val now = queue.offer(text, SystemClock.elapsedRealtime()) ?: return
        if (!say(now)) plan.silenced?.let { vibrate(it) }
    }

    // Speaks [text] with focus held; false when the focus was refused.
    private fun say(text: String): Boolean {
        val token = "speech:$cueNumber"
        if (!hold.start(token, ::request)) return false
        val params = Bundle().apply {
            putInt(TextToSpeech.Engine.KEY_PARAM_STREAM, AudioManager.STREAM_MUSIC)
        }
        // The core hands out only the newest cue of a call to speak, so a
        // cue replaces whatever is still being said.
        if (tts.speak(text, TextToSpeech.QUEUE_FLUSH, params, token) != TextToSpeech.SUCCESS) release(token)
        return true
    }

    // Plays the tone's samples once; false when the focus was refused.
    private fun playTone(samples: ShortArray, plan: CuePlan): Boolean {
        stopTone()
        val token = "tone:$cueNumber"
        if (!hold.start(token, ::request)) return false
        val t = try {
            AudioTrack.Builder()
                .setAudioAttributes(toneAttributes)
                .setAudioFormat(
                    AudioFormat.Builder()
                        .setEncoding(AudioFormat.ENCODING_PCM_16BIT)
                        .setSampleRate(SAMPLE_RATE)
                        .setChannelMask(AudioFormat.CHANNEL_OUT_MONO)
                        .build(),
                )
                .setTransferMode(AudioTrack.MODE_STATIC)
                .setBufferSizeInBytes(maxOf(samples.size, 1) * 2)
                .build()
        } catch (e: UnsupportedOperationException) {
            release(token)
            return true
        } catch (e: IllegalArgumentException) {
            release(token)
            return true
        }
        // 16-bit samples in the platform's byte order.
        val bytes = ByteBuffer.allocate(samples.size * 2).order(ByteOrder.nativeOrder())
        bytes.asShortBuffer().put(samples)
        try {
            t.write(bytes.array(), 0, samples.size * 2)
            t.play()
        } catch (e: IllegalStateException) {
            t.release()
            release(token)
            return true
        }
        track = t
        toneToken = token
        // A little after the last sample, for the output's latency.
        main.postDelayed({ if (toneToken == token) stopTone() }, plan.toneMs + TONE_TAIL_MS)
        return true
    }

    private fun stopTone() {
        val t = track ?: return
        track = null
        t.stop()
        t.release()
        toneToken?.let { release(it) }
        toneToken = null
    }

    private fun vibrate(timings: LongArray) {
        val v = vibrator ?: return
        if (!v.hasVibrator()) return
        v.vibrate(VibrationEffect.createWaveform(timings, -1))
    }

    // Stops what sounds now (focus lost).
    private fun silence() {
        pendingSpeech?.let { main.removeCallbacks(it) }
        pendingSpeech = null
        tts.stop()
        stopTone()
    }

    /** Stops speech, tones and vibration and releases the engine. */
    override fun close() {
        closed = true
        silence()
        tts.shutdown()
        if (hold.close()) audio?.abandonAudioFocusRequest(focus)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
            modeListener?.let { audio?.removeOnModeChangedListener(it) }
        }
        vibrator?.cancel()
    }

    companion object {
        /** Whether a session fell back to the default voice, told once per app run. */
        val voiceNotice = VoiceNotice()

        /** The rate tones are rendered and played at. */
        private const val SAMPLE_RATE = 44_100

        /** How long after a tone's last sample its track is let go. */
        private const val TONE_TAIL_MS = 100L

        /** The tones rendered so far, kept for every session of the app run. */
        private val planner = CuePlanner(SAMPLE_RATE)
    }
}
