package app.unknot.session

import app.unknot.core.CheckpointRecord
import app.unknot.core.Status

/**
 * What the app does with an open session while the person moves around
 * it, so that navigating never loses one: leaving the player keeps the
 * session going behind a "now playing" bar, starting another routine while
 * one is going asks first, and a session the app was killed in is offered
 * again from the journal's checkpoint at the next start.
 *
 * The rules read only the core's session status and checkpoint; the
 * screens draw what these answers say.
 */
object SessionNavigation {
    /** Whether a session in [status] is still going (neither over nor unstarted). */
    fun isGoing(status: Status?): Boolean =
        status == Status.RUNNING || status == Status.PAUSED || status == Status.WAITING

    /**
     * Whether the "now playing" bar shows: a session was started and is
     * still held (going, or over and waiting for its ratings), and the
     * player is not on screen. Tapping it returns to the player.
     */
    fun showsBar(status: Status?, onPlayer: Boolean): Boolean =
        !onPlayer && status != null && status != Status.READY

    /** What happens when the person asks to start a routine. */
    enum class StartChoice {
        /** Nothing is going: start it (a session that is over is recorded first). */
        START,

        /** A session is going: ask whether to end it and start the new one. */
        ASK,
    }

    /** The answer to a request to start a routine while the held session is in [status]. */
    fun onStartRequest(status: Status?): StartChoice =
        if (isGoing(status)) StartChoice.ASK else StartChoice.START

    /** What the app offers at its start about a session left from an earlier run. */
    sealed interface LaunchOffer {
        /** Nothing to offer. */
        data object None : LaunchOffer

        /** Resume the session in [checkpoint] where it was. */
        data class Resume(val checkpoint: CheckpointRecord) : LaunchOffer

        /** The session in [checkpoint] is over but not recorded: open it to rate and save it. */
        data class Finish(val checkpoint: CheckpointRecord) : LaunchOffer
    }

    /**
     * The offer at the app's start: none while the service still holds a
     * session ([sessionHeld]: the process survived, and that session wins)
     * or without a [checkpoint]; otherwise resume it, or finish it when the
     * core says it is over.
     */
    fun launchOffer(sessionHeld: Boolean, checkpoint: CheckpointRecord?): LaunchOffer = when {
        sessionHeld || checkpoint == null -> LaunchOffer.None
        checkpoint.over -> LaunchOffer.Finish(checkpoint)
        else -> LaunchOffer.Resume(checkpoint)
    }

    /**
     * Whether the journal's checkpoint should be written again after a
     * frame: when the status or the step changed since the last one saved
     * ([saved] is that frame's key, null before the first). Keeps the
     * checkpoint current through a session at one small write per step.
     */
    fun checkpointDue(saved: CheckpointKey?, now: CheckpointKey): Boolean =
        now.status != Status.READY && now != saved

    /** What a checkpoint is kept current with. */
    data class CheckpointKey(val status: Status, val step: Int)
}
