package app.unknot.audio

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test

/** Audio focus is held from a cue's first sound until its last one ends. */
class FocusHoldTest {
    private var requests = 0
    private var grant = true
    private val ask = { requests++; grant }

    @Test
    fun aToneThenItsWordsAskOnceAndGiveBackAfterTheWords() {
        val h = FocusHold()
        assertTrue(h.start("tone:1", ask))
        assertTrue(h.start("speech:1", ask))
        assertEquals(1, requests)
        assertFalse("the words still play", h.end("tone:1"))
        assertTrue(h.held)
        assertTrue("nothing plays: give it back", h.end("speech:1"))
        assertFalse(h.held)
        assertFalse("an end reported twice gives nothing back", h.end("speech:1"))
    }

    @Test
    fun theNextCueAsksAgain() {
        val h = FocusHold()
        h.start("speech:1", ask)
        assertTrue(h.end("speech:1"))
        h.start("speech:2", ask)
        assertEquals(2, requests)
    }

    @Test
    fun aRefusedRequestPlaysNothingAndHoldsNothing() {
        val h = FocusHold()
        grant = false
        assertFalse(h.start("speech:1", ask))
        assertFalse(h.held)
        assertFalse(h.end("speech:1"))
        grant = true
        assertTrue(h.start("speech:2", ask))
    }

    @Test
    fun lostFocusForgetsWhatPlayed() {
        val h = FocusHold()
        h.start("speech:1", ask)
        assertTrue(h.lost())
        assertFalse(h.held)
        assertFalse("its late end gives nothing back", h.end("speech:1"))
        assertFalse(h.close())
    }
}
