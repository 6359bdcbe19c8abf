package app.unknot.app

import android.content.Context
import app.unknot.core.DiscomfortMark
import app.unknot.core.Journal
import app.unknot.core.PressureFeedback
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.SessionSummary
import app.unknot.core.Status
import java.io.File
import java.time.LocalDate
import java.util.TimeZone

/**
 * The journal entry of the open session while it is built: the pain rating
 * given before, the wall-clock start and end and the "too much" marks.
 * [entry] turns it into the core's [SessionEntry] with the core's session
 * summary; the journal checks every rule when it is recorded.
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

    /** Whether the entry was written to the journal. */
    var recorded = false

    /**
     * The entry for routine [routineId] ([title]) under [programId], from
     * the core's [summary] of the session (finished or stopped: active
     * time, steps completed and skipped) and the ratings after it.
     *
     * The active time is capped by the wall-clock span, which the journal
     * requires: the two clocks can differ by a little, and a session
     * restored after the app was gone starts its entry again at the
     * restore (see `SessionService.restore`).
     */
    fun entry(
        routineId: String,
        title: String,
        programId: String?,
        summary: SessionSummary,
        painAfter: Int?,
        pressure: PressureFeedback?,
    ): SessionEntry {
        val end = maxOf(endWallMs ?: System.currentTimeMillis(), startWallMs)
        val span = end - startWallMs
        return SessionEntry(
            routineId = routineId,
            routineTitle = title,
            programId = programId,
            startMs = startWallMs,
            endMs = end,
            utcOffsetMin = TimeZone.getDefault().getOffset(startWallMs) / 60_000,
            activeMs = summary.activeMs.coerceIn(0L, span),
            outcome = if (summary.status == Status.FINISHED) SessionOutcome.COMPLETED else SessionOutcome.STOPPED,
            stepsCompleted = summary.stepsCompleted,
            stepsSkipped = summary.stepsSkipped,
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
