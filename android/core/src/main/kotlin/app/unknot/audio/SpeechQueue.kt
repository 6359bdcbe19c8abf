package app.unknot.audio

/**
 * Holds the text of cues that arrive before the speech engine is ready,
 * and hands out what is still worth saying once it is.
 *
 * A patient lying with their eyes closed needs the first words of the
 * session ("lie on your back, ball under the hip") and otherwise only what
 * is true now: a "switch sides" said half a minute late is wrong. So only
 * the newest waiting cue is kept (each cue supersedes the one before, as
 * the core hands out only the newest cue of a call), and it is dropped if
 * it arrived more than [staleMs] before the engine became ready.
 *
 * Times are the caller's monotonic milliseconds. No android.* here.
 */
class SpeechQueue(private val staleMs: Long = DEFAULT_STALE_MS) {
    private var pending: Pending? = null

    /** Whether the engine has become ready (see [ready]). */
    var isReady: Boolean = false
        private set

    /** Whether the engine failed to start, so nothing will ever be said. */
    var failed: Boolean = false
        private set

    private class Pending(val text: String, val atMs: Long)

    /**
     * A cue with [text] at [nowMs]. Returns the text to speak now when the
     * engine is ready, or null when it is kept for later (or blank, or the
     * engine failed).
     */
    fun offer(text: String, nowMs: Long): String? {
        if (text.isBlank() || failed) return null
        if (isReady) return text
        pending = Pending(text, nowMs)
        return null
    }

    /**
     * The engine became ready at [nowMs]: returns the cue to say now, if a
     * fresh one is waiting, and speaks every later cue at once.
     */
    fun ready(nowMs: Long): String? {
        isReady = true
        val p = pending ?: return null
        pending = null
        return if (nowMs - p.atMs <= staleMs) p.text else null
    }

    /** The engine could not start: forgets what waited; later cues are not kept. */
    fun fail() {
        failed = true
        pending = null
    }

    companion object {
        /** How late a waiting cue may still be said: 10 seconds. */
        const val DEFAULT_STALE_MS = 10_000L
    }
}
