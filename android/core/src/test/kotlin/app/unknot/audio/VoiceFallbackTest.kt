package app.unknot.audio

import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test


class VoiceFallbackTest {
    @Test
    fun missingOrUnsupportedLanguageFallsBackToTheDefaultVoice() {
        assertEquals(VoiceOutcome.DEFAULT_VOICE, VoiceOutcome.of(-1))
        assertEquals(VoiceOutcome.DEFAULT_VOICE, VoiceOutcome.of(-2))
        // LANG_AVAILABLE, LANG_COUNTRY_AVAILABLE, LANG_COUNTRY_VAR_AVAILABLE.
        for (ok in 0..2) assertEquals(VoiceOutcome.LANGUAGE, VoiceOutcome.of(ok))
    }

    @Test
    fun theFallbackIsToldOnce() {
        val n = VoiceNotice()
        assertFalse(n.report(VoiceOutcome.LANGUAGE))
        assertFalse(n.fellBack)
        assertTrue(n.report(VoiceOutcome.DEFAULT_VOICE))
        assertFalse(n.report(VoiceOutcome.DEFAULT_VOICE))
        assertTrue(n.fellBack)
    }
}
