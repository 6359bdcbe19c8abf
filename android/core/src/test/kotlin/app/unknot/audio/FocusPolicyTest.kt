package app.unknot.audio

import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test


class FocusPolicyTest {
    @Test
    fun aCallOrAnotherAppTakingFocusPausesDuckingDoesNot() {
        assertTrue(FocusPolicy.pauses(FocusPolicy.AUDIOFOCUS_LOSS))
        assertTrue(FocusPolicy.pauses(FocusPolicy.AUDIOFOCUS_LOSS_TRANSIENT))
        assertFalse(FocusPolicy.pauses(FocusPolicy.AUDIOFOCUS_LOSS_TRANSIENT_CAN_DUCK))
        assertFalse(FocusPolicy.pauses(FocusPolicy.AUDIOFOCUS_GAIN))
    }

    @Test
    fun aRefusedRequestOrACallBetweenCuesPauses() {
        assertTrue(FocusPolicy.granted(FocusPolicy.AUDIOFOCUS_REQUEST_GRANTED))
        assertFalse(FocusPolicy.granted(FocusPolicy.AUDIOFOCUS_REQUEST_FAILED))
        assertFalse(FocusPolicy.granted(FocusPolicy.AUDIOFOCUS_REQUEST_DELAYED))
        assertFalse(FocusPolicy.modePauses(FocusPolicy.MODE_NORMAL))
        for (m in listOf(FocusPolicy.MODE_RINGTONE, FocusPolicy.MODE_IN_CALL, FocusPolicy.MODE_IN_COMMUNICATION,
            FocusPolicy.MODE_CALL_SCREENING, FocusPolicy.MODE_CALL_REDIRECT, FocusPolicy.MODE_COMMUNICATION_REDIRECT)) {
            assertTrue("mode $m", FocusPolicy.modePauses(m))
        }
        // AudioManager.MODE_INVALID and MODE_CURRENT.
        assertFalse(FocusPolicy.modePauses(-2))
        assertFalse(FocusPolicy.modePauses(-1))
    }
}
