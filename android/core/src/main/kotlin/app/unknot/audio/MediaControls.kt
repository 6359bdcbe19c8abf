package app.unknot.audio

import app.unknot.core.Frame
import app.unknot.core.Status

/**
 * What the lock screen, the media notification and a headset show and do
 * for the session, from the core's frame: metadata (routine title, step,
 * length), playback (state, position, rate, the allowed buttons), and the
 * session action each media command means in the current state.
 */
object MediaControls {
    /** The playback state shown. */
    enum class State { PLAYING, PAUSED, STOPPED }

    /** A media command from the lock screen, the notification or a headset button. */
    enum class Command { PLAY, PAUSE, PLAY_PAUSE, NEXT }

    /** What the session does for a command. */
    enum class Action { RESUME, PAUSE, NEXT, PROCEED, NONE }

    /** What the media session carries for one frame. */
    data class Info(
        /** The routine's title (the "album"). */
        val title: String,
        /** The step's title (the "track"). */
        val stepTitle: String,
        /** "Step n of N" numbers, 1-based. */
        val stepNumber: Int,
        val stepCount: Int,
        /** Length of the routine's timed part, ms (position + remaining). */
        val durationMs: Long,
        /** Position in the routine, ms. */
        val positionMs: Long,
        /** Time left, ms. */
        val remainingMs: Long,
        val state: State,
        /** 1 while the position moves, 0 when paused or waiting. */
        val rate: Float,
        /** The monotonic time the position was taken at. */
        val updatedAtMs: Long,
        /** The commands offered (play, pause, toggle and next when they do something). */
        val commands: Set<Command>,
    )

    /** The info for [frame] of the routine called [title]. */
    fun info(title: String, frame: Frame): Info = info(
        title, frame.stepTitle, frame.step, frame.stepCount, frame.positionMs, frame.remainingMs,
        frame.status, frame.nowMs,
    )

    /** The info from a frame's numbers ([step] is 0-based, as in the frame). */
    fun info(
        title: String,
        stepTitle: String,
        step: Int,
        stepCount: Int,
        positionMs: Long,
        remainingMs: Long,
        status: Status,
        nowMs: Long,
    ): Info {
        val state = when (status) {
            Status.RUNNING -> State.PLAYING
            Status.PAUSED, Status.WAITING, Status.READY -> State.PAUSED
            Status.FINISHED, Status.STOPPED -> State.STOPPED
        }
        val commands = when (status) {
            Status.RUNNING -> setOf(Command.PAUSE, Command.PLAY_PAUSE, Command.NEXT)
            Status.PAUSED, Status.WAITING -> setOf(Command.PLAY, Command.PLAY_PAUSE, Command.NEXT)
            Status.READY, Status.FINISHED, Status.STOPPED -> emptySet()
        }
        return Info(
            title = title,
            stepTitle = stepTitle,
            stepNumber = step + 1,
            stepCount = stepCount,
            durationMs = positionMs + remainingMs,
            positionMs = positionMs,
            remainingMs = remainingMs,
            state = state,
            rate = if (state == State.PLAYING) 1f else 0f,
            updatedAtMs = nowMs,
            commands = commands,
        )
    }

    /**
     * Whether [next] must be sent to the media session after [last]: the
     * text, state or buttons changed, or the position is more than
     * [toleranceMs] away from where [last] said it would be by now (a
     * skip, an extension). Screens redrawing many times a second then cost
     * the system nothing.
     */
    fun needsUpdate(last: Info?, next: Info, toleranceMs: Long = 500): Boolean {
        if (last == null) return true
        if (last.copy(positionMs = 0, remainingMs = 0, durationMs = 0, updatedAtMs = 0) !=
            next.copy(positionMs = 0, remainingMs = 0, durationMs = 0, updatedAtMs = 0)
        ) return true
        if (last.durationMs != next.durationMs) return true
        val expected = last.positionMs + ((next.updatedAtMs - last.updatedAtMs) * last.rate).toLong()
        return kotlin.math.abs(expected - next.positionMs) > toleranceMs
    }

    /**
     * What [command] does in [status]: pause a running session, resume a
     * paused one, move on from an untimed step that waits for the person
     * (play or the headset button there means "done"), next step while it
     * runs, pauses or waits; nothing once it is over.
     */
    fun action(command: Command, status: Status): Action = when (status) {
        Status.RUNNING -> when (command) {
            Command.PAUSE, Command.PLAY_PAUSE -> Action.PAUSE
            Command.NEXT -> Action.NEXT
            Command.PLAY -> Action.NONE
        }
        Status.PAUSED -> when (command) {
            Command.PLAY, Command.PLAY_PAUSE -> Action.RESUME
            Command.NEXT -> Action.NEXT
            Command.PAUSE -> Action.NONE
        }
        Status.WAITING -> when (command) {
            Command.PLAY, Command.PLAY_PAUSE -> Action.PROCEED
            Command.NEXT -> Action.NEXT
            Command.PAUSE -> Action.NONE
        }
        Status.READY, Status.FINISHED, Status.STOPPED -> Action.NONE
    }
}
