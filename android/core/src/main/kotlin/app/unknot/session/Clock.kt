package app.unknot.session

/**
 * The app's monotonic clock in milliseconds (on Android,
 * `SystemClock.elapsedRealtime()`, which keeps counting in deep sleep).
 * Never wall-clock time: the core's due times live on this clock.
 */
fun interface MonotonicClock {
    /** Milliseconds since an arbitrary fixed origin; never goes backwards. */
    fun nowMs(): Long
}

/**
 * Arranges one wake-up at a time on the [MonotonicClock]'s time line (on
 * Android an exact alarm or a handler post). Each call to [schedule]
 * replaces the previous wake-up; at the wake-up the app calls
 * [SessionController.onWake].
 */
interface WakeScheduler {
    /** Wake at [atMs] on the monotonic clock, replacing any earlier request. */
    fun schedule(atMs: Long)

    /** Drop the pending wake-up, if any. */
    fun cancel()
}
