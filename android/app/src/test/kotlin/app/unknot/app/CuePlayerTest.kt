package app.unknot.app

import android.content.Context
import android.media.AudioManager
import android.os.Looper
import android.os.Vibrator
import android.os.VibratorManager
import android.speech.tts.TextToSpeech
import app.unknot.audio.CuePlanner
import app.unknot.core.Cue
import app.unknot.core.CueSound
import app.unknot.core.CueStyle
import app.unknot.core.Player
import app.unknot.core.cuePlay
import app.unknot.core.cueSoundTone
import app.unknot.core.renderTone
import java.time.Duration
import java.util.Locale
import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAudioTrack
import org.robolectric.shadows.ShadowTextToSpeech

/**
 * The cue player on Robolectric's framework: speech through the speech
 * engine (its shadow), audio focus (the audio manager's shadow), tones on
 * an AudioTrack and vibration, for each cue style.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class CuePlayerTest {
    private val context: Context = RuntimeEnvironment.getApplication()
    private val audio = context.getSystemService(AudioManager::class.java)!!
    private val vibrator: Vibrator = context.getSystemService(VibratorManager::class.java)!!.defaultVibrator
    private var lost = 0
    private var fallbacks = 0
    private val players = mutableListOf<CuePlayer>()
    private val written = mutableListOf<ByteArray>()
    private val listener = ShadowAudioTrack.OnAudioDataWrittenListener { _, bytes, _ -> written.add(bytes) }

    // The first cues of box breathing.
    private val cues: List<Cue> = Player.fromBuiltin("box-breathing", "en").use { p ->
        p.start(0)
        p.upcoming(0, 20_000)
    }
    private fun cue(vararg sounds: CueSound) = cues.first { it.sounds == sounds.toList() }

    private fun player(style: CueStyle, lang: String = "en"): CuePlayer =
        CuePlayer(context, lang, { style }, onFocusLost = { lost++ }, onVoiceFallback = { fallbacks++ })
            .also { players += it }

    private fun tts() = shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance())
    private fun engineReady() = tts().onInitListener.onInit(TextToSpeech.SUCCESS)
    private fun idle() = shadowOf(Looper.getMainLooper()).idle()
    private fun idleFor(ms: Long) = shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(ms))

    @Before
    fun setUp() {
        ShadowTextToSpeech.addLanguageAvailability(Locale.ENGLISH)
        ShadowAudioTrack.addAudioDataListener(listener)
    }

    @After
    fun tearDown() {
        players.forEach { it.close() }
        ShadowAudioTrack.removeAudioDataListener(listener)
    }

    @Test
    fun aCueBeforeTheEngineIsReadyIsSpokenOnceItIsWithOthersDuckedAroundIt() {
        val p = player(CueStyle.VOICE)
        val hold = cue(CueSound.HOLD)
        p.speak(hold)
        assertNull("the engine is not ready", tts().lastSpokenText)
        engineReady()
        assertEquals(hold.say, tts().lastSpokenText)
        val request = shadowOf(audio).lastAudioFocusRequest
        assertNotNull(request)
        assertEquals(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK, request.audioFocusRequest.focusGain)
        assertNotNull("focus comes with a listener", request.listener)
        assertNull("held while the words play", shadowOf(audio).lastAbandonedAudioFocusRequest)
        idle() // the engine says the utterance is done
        assertEquals(request.audioFocusRequest, shadowOf(audio).lastAbandonedAudioFocusRequest)
        assertEquals(0, lost)
    }

    @Test
    fun losingFocusPausesAndARefusedCueVibratesInsteadAndPauses() {
        val p = player(CueStyle.VOICE)
        engineReady()
        p.speak(cue(CueSound.HOLD))
        shadowOf(audio).lastAudioFocusRequest.listener.onAudioFocusChange(AudioManager.AUDIOFOCUS_LOSS_TRANSIENT)
        assertEquals(1, lost)
        assertTrue("speech stopped", tts().isStopped)
        // Ducking for someone else changes nothing.
        shadowOf(audio).lastAudioFocusRequest.listener.onAudioFocusChange(AudioManager.AUDIOFOCUS_LOSS_TRANSIENT_CAN_DUCK)
        assertEquals(1, lost)

        shadowOf(audio).setNextFocusRequestResponse(AudioManager.AUDIOFOCUS_REQUEST_FAILED)
        val out = cue(CueSound.BREATHE_OUT)
        tts().clearLastSpokenText()
        p.speak(out)
        idle()
        assertNull("nothing is said during a call", tts().lastSpokenText)
        assertEquals(2, lost)
        val silenced = CuePlanner.waveform(cuePlay(out, CueStyle.VIBRATION).vibrationMs)
        assertArrayEquals(silenced, shadowOf(vibrator).pattern)
    }

    @Test
    fun ringingOrACallBetweenCuesPauses() {
        player(CueStyle.VOICE)
        audio.mode = AudioManager.MODE_RINGTONE
        idle()
        assertEquals(1, lost)
        audio.mode = AudioManager.MODE_NORMAL
        idle()
        assertEquals(1, lost)
    }

    @Test
    fun voicePlaysTheStepChimeThenTheWords() {
        val p = player(CueStyle.VOICE)
        engineReady()
        val begin = cue(CueSound.STEP, CueSound.BREATHE_IN)
        p.speak(begin)
        val chime = cueSoundTone(CueSound.STEP)
        assertEquals("the chime's samples", renderTone(chime, 44_100).size * 2, written.sumOf { it.size })
        assertNull("words wait for the chime", tts().lastSpokenText)
        idleFor(chime.durationMs.toLong())
        assertEquals(begin.say, tts().lastSpokenText)
        idleFor(200)
        assertNotNull("focus given back after the words", shadowOf(audio).lastAbandonedAudioFocusRequest)
        assertFalse(shadowOf(vibrator).isVibrating)
    }

    @Test
    fun tonesSayNothingAndGiveFocusBackAfterTheTone() {
        val p = player(CueStyle.TONES)
        engineReady()
        val begin = cue(CueSound.STEP, CueSound.BREATHE_IN)
        p.speak(begin)
        val tone = cuePlay(begin, CueStyle.TONES).tone!!
        assertEquals(renderTone(tone, 44_100).size * 2, written.sumOf { it.size })
        assertNotNull(shadowOf(audio).lastAudioFocusRequest)
        assertNull(shadowOf(audio).lastAbandonedAudioFocusRequest)
        idleFor(tone.durationMs + 200L)
        assertNull(tts().lastSpokenText)
        assertNotNull(shadowOf(audio).lastAbandonedAudioFocusRequest)
    }

    @Test
    fun vibrationOnlyTakesNoFocusAndPlaysTheCoresPattern() {
        val p = player(CueStyle.VIBRATION)
        engineReady()
        val out = cue(CueSound.BREATHE_OUT)
        p.speak(out)
        idle()
        assertNull(tts().lastSpokenText)
        assertNull(shadowOf(audio).lastAudioFocusRequest)
        assertTrue(written.isEmpty())
        assertArrayEquals(CuePlanner.waveform(cuePlay(out, CueStyle.VIBRATION).vibrationMs), shadowOf(vibrator).pattern)
    }

    @Test
    fun aMissingVoiceFallsBackAndIsToldOnce() {
        player(CueStyle.VOICE, "de")
        engineReady()
        assertEquals(Locale.getDefault(), tts().currentLanguage)
        player(CueStyle.VOICE, "de")
        engineReady()
        assertEquals("told once per app run", 1, fallbacks)
        assertTrue(CuePlayer.voiceNotice.fellBack)
    }

    @Test
    fun theStyleIsKept() {
        assertEquals(CueStyle.VOICE, CueSettings.style(context))
        CueSettings.save(context, CueStyle.TONES)
        assertEquals(CueStyle.TONES, CueSettings.style(context))
        CueSettings.save(context, CueStyle.VIBRATION)
        assertEquals(CueStyle.VIBRATION, CueSettings.style(context))
    }
}
