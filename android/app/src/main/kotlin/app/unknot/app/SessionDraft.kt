package app.unknot.app

import android.content.Context
import app.unknot.core.DiscomfortMark
import app.unknot.core.Frame
import app.unknot.core.Journal
import app.unknot.core.PressureFeedback
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.Status
import java.io.File
import java.time.LocalDate
import java.util.TimeZone

/**
 * The journal entry of the open session while it is built: the pain rating
 * given before, the wall-clock start and end, the "too much" marks and the
 * steps skipped with "next". [entry] turns it into the core's
 * [SessionEntry]; the journal checks every rule when it is recorded.
 */
class SessionDraft(
    /** Pain before, 0–10, or null when skipped. */
    val painBefore: Int?,
    /** Wall-clock start, UTC milliseconds. */
    val startWallMs: Long,
) {
    /** Wall-clock end, set at the first frame that shows the session over. */
    var endWallMs: Long? = null

    /** "Too much" taps, in order. */
    val discomfort = mutableListOf<DiscomfortMark>()

    /** Steps left early with "next" (commands the core did not ignore). */
    var skipped = 0

    /** Whether the entry was written to the journal. */
    var recorded = false

    /**
     * The entry for routine [routineId] ([title]) under [programId], from
     * the last [frame] (finished or stopped) and the ratings after it.
     *
     * Active time is the frame's timeline position, capped by the
     * wall-clock span (the journal refuses more, and "next" moves the
     * position past time actually spent); steps completed are the steps
     * reached the end of less those skipped. The core should provide both
     * (with the skipped count) as a session summary rather than the app
     * working them out from the frame.
     */
    fun entry(
        routineId: String,
        title: String,
        programId: String?,
        frame: Frame,
        painAfter: Int?,
        pressure: PressureFeedback?,
    ): SessionEntry {
        val end = maxOf(endWallMs ?: System.currentTimeMillis(), startWallMs)
        val span = end - startWallMs
        val reached = if (frame.status == Status.FINISHED) frame.stepCount else frame.step
        val skippedSteps = skipped.coerceAtMost(reached)
        return SessionEntry(
            routineId = routineId,
            routineTitle = title,
            programId = programId,
            startMs = startWallMs,
            endMs = end,
            utcOffsetMin = TimeZone.getDefault().getOffset(startWallMs) / 60_000,
            activeMs = frame.positionMs.coerceIn(0L, span),
            outcome = if (frame.status == Status.FINISHED) SessionOutcome.COMPLETED else SessionOutcome.STOPPED,
            stepsCompleted = reached - skippedSteps,
            stepsSkipped = skippedSteps,
            painBefore = painBefore,
            painAfter = painAfter,
            pressure = pressure,
            discomfort = discomfort.map { DiscomfortMark(it.step, it.positionMs.coerceIn(0L, span)) },
            note = null,
        )
    }
}

/** The journal's database file in the app's private files. */
object JournalStore {
    private const val FILE = "journal.sqlite"

    /** Opens the journal; close it (`use {}`) after the call. Throws the core's errors. */
    fun open(context: Context): Journal = Journal.open(File(context.filesDir, FILE).path)

    /** The phone's local date today, `YYYY-MM-DD`, as the core's date calls take it. */
    fun today(): String = LocalDate.now().toString()
}
