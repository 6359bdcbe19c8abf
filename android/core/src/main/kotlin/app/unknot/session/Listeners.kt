package app.unknot.session

import app.unknot.core.Cue
import app.unknot.core.Frame

/** Plays the cues the core marks to be spoken (text-to-speech, a chime). */
fun interface CueSink {
    /** Speak [cue]: its `say` text, or a sound for its `kind`. */
    fun speak(cue: Cue)
}

/** Receives every frame the session produces, to draw the player screen. */
fun interface FrameListener {
    /** The session's state after a command or a wake-up. */
    fun onFrame(frame: Frame)
}
