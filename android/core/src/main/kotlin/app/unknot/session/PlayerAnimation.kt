package app.unknot.session

import app.unknot.core.Frame
import app.unknot.core.Status

/**
 * What the player screen draws at one moment: the segment's progress and
 * time left, the routine's time left and, in a breathing segment, the
 * breath level (0 breathed out, 1 breathed in).
 */
data class Shown(
    val status: Status,
    val segmentProgress: Double,
    val segmentRemainingMs: Long?,
    val remainingMs: Long,
    val breath: Double?,
)

/**
 * The visible player between the core's frames. The screen hands it every
 * frame the session publishes ([show]) and asks it, at each frame of the
 * platform's animation clock, what to draw ([onAnimationFrame]); the answer
 * comes from the frame's own numbers (the segment's start and length, the
 * routine's time left, running or not, the breath's levels), so the core is
 * called only at the session's wake-ups and on input.
 *
 * The animation clock's nanoseconds are put on the session's
 * [MonotonicClock] by an anchor taken at the first animation frame after
 * each new core frame. Should a wake-up be late by [lateMs] or more (the
 * app's timer held up), the screen asks for a fresh frame through
 * [refresh], at most once per [lateMs].
 */
class PlayerAnimation(
    private val clock: MonotonicClock,
    private val refresh: () -> Unit,
    private val lateMs: Long = DEFAULT_LATE_MS,
) {
    private var frame: Frame? = null
    private var anchorMs: Long? = null
    private var lastAskMs: Long? = null

    /** How many times the screen asked for a frame because a wake-up was late. */
    var lateRefreshes: Int = 0
        private set

    /** A new frame from the core; returns what to draw at once. */
    fun show(frame: Frame): Shown {
        this.frame = frame
        anchorMs = null
        return shownAt(frame, clock.nowMs())
    }

    /** Whether the held frame moves on by itself (the screen needs animation frames). */
    val animating: Boolean get() = frame?.let(::moves) == true

    /**
     * The animation clock's frame at [frameTimeNanos]: what to draw then,
     * or null before the first [show].
     */
    fun onAnimationFrame(frameTimeNanos: Long): Shown? {
        val f = frame ?: return null
        val frameMs = frameTimeNanos / 1_000_000
        val anchor = anchorMs ?: (clock.nowMs() - frameMs).also { anchorMs = it }
        val now = anchor + frameMs
        val wake = f.nextWakeMs
        if (wake != null && now - wake >= lateMs && lastAskMs.let { it == null || now - it >= lateMs }) {
            lastAskMs = now
            lateRefreshes++
            refresh()
            // refresh() may have shown a new frame meanwhile.
            val g = frame ?: return null
            if (g !== f) return shownAt(g, clock.nowMs())
        }
        return shownAt(f, now)
    }

    companion object {
        /** How late a wake-up may be before the screen asks itself: one second. */
        const val DEFAULT_LATE_MS = 1_000L

        /** Whether [frame] moves on with time: a running, timed segment. */
        fun moves(frame: Frame): Boolean =
            frame.status == Status.RUNNING && frame.segmentStartedMs != null && frame.segmentDurationMs != null

        /** What to draw at [nowMs] from [frame] alone. */
        fun shownAt(frame: Frame, nowMs: Long): Shown {
            val started = frame.segmentStartedMs
            val duration = frame.segmentDurationMs
            if (!moves(frame) || started == null || duration == null) {
                return Shown(
                    status = frame.status,
                    segmentProgress = frame.segmentProgress,
                    segmentRemainingMs = frame.segmentRemainingMs,
                    remainingMs = frame.remainingMs,
                    breath = breath(frame, frame.segmentProgress),
                )
            }
            val t = maxOf(nowMs, frame.nowMs)
            val elapsed = (t - started).coerceIn(0, duration)
            val progress = if (duration > 0) elapsed.toDouble() / duration else 1.0
            return Shown(
                status = frame.status,
                segmentProgress = progress,
                segmentRemainingMs = duration - elapsed,
                remainingMs = (frame.remainingMs - (t - frame.nowMs)).coerceAtLeast(0),
                breath = breath(frame, progress),
            )
        }

        private fun breath(frame: Frame, progress: Double): Double? {
            val from = frame.breathFrom ?: return null
            val to = frame.breathTo ?: return null
            return from + (to - from) * progress
        }
    }
}
