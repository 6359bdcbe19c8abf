package app.unknot.audio

/**
 * When the app holds audio focus for its cues: from the first sound of a
 * cue (a tone, an utterance) until the last sound still playing has
 * ended, so other apps are lowered only while a cue is heard. Each sound
 * is named by a token of the caller's choosing.
 *
 * Not thread-safe: the app calls it on its main thread.
 */
class FocusHold {
    private val sounding = mutableSetOf<String>()

    /** Whether focus is held now. */
    var held: Boolean = false
        private set

    /** The sounds playing now. */
    val playing: Set<String> get() = sounding

    /**
     * Sound [token] is about to start. When focus is not held yet,
     * [request] asks the framework for it; returns whether the sound may
     * play (false when the request was refused: nothing is held then).
     */
    fun start(token: String, request: () -> Boolean): Boolean {
        if (!held) {
            if (!request()) return false
            held = true
        }
        sounding += token
        return true
    }

    /**
     * Sound [token] ended (done, stopped or failed). Returns true when
     * focus must be given back now: nothing else is playing.
     */
    fun end(token: String): Boolean {
        if (!sounding.remove(token)) return false
        return releaseIfQuiet()
    }

    /**
     * Focus was taken by another app: nothing is held any more (and no
     * later [end] gives anything back). Returns true when focus was held,
     * so the caller abandons its request.
     */
    fun lost(): Boolean {
        sounding.clear()
        val was = held
        held = false
        return was
    }

    /** Everything stops (the session closes): true when focus must be given back. */
    fun close(): Boolean = lost()

    private fun releaseIfQuiet(): Boolean {
        if (!held || sounding.isNotEmpty()) return false
        held = false
        return true
    }
}
