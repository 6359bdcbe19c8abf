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
}
