package app.unknot.audio

/**
 * When the session's partial wake lock is taken and let go: once when the
 * session first runs, with a timeout of what is left of the routine plus a
 * margin, and released when the session is over. It is taken again only
 * when the routine would outlast the lock (an extension, or a long pause
 * that pushed the end past it), never on every frame.
 *
 * Times are the caller's monotonic milliseconds.
 */
class WakeLockPlan(private val marginMs: Long = DEFAULT_MARGIN_MS) {
    /** What to do with the lock. */
    sealed interface Step {
        /** Take (or renew) the lock for [timeoutMs]. */
        data class Acquire(val timeoutMs: Long) : Step

        /** Let the lock go. */
        data object Release : Step

        /** Leave it as it is. */
        data object Keep : Step
    }

    // When the held lock runs out, or null when none is held.
    private var heldUntil: Long? = null

    /** Whether the plan holds the lock. */
    val held: Boolean get() = heldUntil != null

    /**
     * A frame at [nowMs] with [remainingMs] of the routine left; [running]
     * while it runs, [open] while it is running, paused or waiting (not
     * ready, finished or stopped).
     */
    fun onFrame(nowMs: Long, remainingMs: Long, running: Boolean, open: Boolean): Step {
        if (!open) return release()
        val until = heldUntil
        if (until == null) {
            if (!running) return Step.Keep
        } else if (!running || nowMs + remainingMs < until) {
            return Step.Keep
        }
        val timeout = remainingMs.coerceAtLeast(0) + marginMs
        heldUntil = nowMs + timeout
        return Step.Acquire(timeout)
    }

    /** The session closed: let the lock go if held. */
    fun release(): Step {
        if (heldUntil == null) return Step.Keep
        heldUntil = null
        return Step.Release
    }

    companion object {
        /** Beyond the routine's end: five minutes. */
        const val DEFAULT_MARGIN_MS = 5 * 60_000L
    }
}
