package app.unknot.session

import app.unknot.core.Cue
import app.unknot.core.Frame
import app.unknot.core.Journal
import app.unknot.core.Player
import app.unknot.core.Pulse
import app.unknot.core.RoutineSource
import app.unknot.core.SessionEntry
import app.unknot.core.SessionRecording
import app.unknot.core.SessionReport
import app.unknot.core.SessionStart
import app.unknot.core.SessionSummary
import app.unknot.core.Status
import app.unknot.core.Update
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Runs one session of the core's [Player] against the app's clock.
 *
 * It decides nothing: every command is passed to the player with the
 * clock's time, and the resulting [Update] is acted on as the core says.
 * Cues marked `speak` go to the [CueSink]; exactly one wake-up is kept at
 * the frame's `nextWakeMs` (cancelled when there is none); every frame goes
 * to the listeners. Calls are serialised, so commands from the UI thread
 * and wake-ups from an alarm thread may interleave safely.
 *
 * The controller owns the player and its native memory: [close] it (or use
 * `use {}`) when the session screen goes away.
 */
class SessionController(
    private val player: Player,
    private val clock: MonotonicClock,
    private val scheduler: WakeScheduler,
    private val cues: CueSink,
) : AutoCloseable {
    private val lock = Any()
    private val listeners = CopyOnWriteArrayList<FrameListener>()
    private var closed = false

    /** The latest frame. */
    @Volatile
    var frame: Frame = player.frame()
        private set

    /** Adds a frame listener and hands it the current frame at once. */
    fun addListener(listener: FrameListener) {
        listeners.add(listener)
        listener.onFrame(frame)
    }

    /** Removes a frame listener. */
    fun removeListener(listener: FrameListener) {
        listeners.remove(listener)
    }

    /** Starts the session. */
    fun start(): Update = run { player.start(it) }

    /** Pauses it. */
    fun pause(): Update = run { player.pause(it) }

    /** Resumes it. */
    fun resume(): Update = run { player.resume(it) }

    /** Goes to the next step (after the last step: finished). */
    fun next(): Update = run { player.next(it) }

    /** Goes back to the step's start, or to the previous step near its start. */
    fun previous(): Update = run { player.previous(it) }

    /** Goes back to the start of the current step. */
    fun restartStep(): Update = run { player.restartStep(it) }

    /** Lengthens the current timed segment by [ms] milliseconds. */
    fun extend(ms: Long): Update = run { player.extend(it, ms) }

    /** Leaves an untimed segment ("I'm ready"). */
    fun proceed(): Update = run { player.proceed(it) }

    /** Ends the session early. */
    fun stop(): Update = run { player.stop(it) }

    /** The scheduled wake-up fired: hand out what fell due. */
    fun onWake(): Update = run { player.tick(it) }

    /**
     * Brings the controller up to date after the app was away (screen back
     * on, process restored): the same as a wake-up.
     */
    fun refresh(): Update = onWake()

    /**
     * A fresh frame for a screen that redraws many times a second. It
     * crosses into the core with the light `pulse` call, which carries the
     * whole frame only when the step, segment or status changed; otherwise
     * the moving numbers are taken into the frame held. Cues that fell due
     * are spoken and the wake-up re-armed, as on a wake-up.
     */
    fun redraw(): Frame = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        val pulse = player.pulse(clock.nowMs())
        val next = pulse.frame ?: frame.withPulse(pulse)
        publish(pulse.cues, next)
        next
    }

    /** The session as a string to save, for [restore]. */
    fun snapshot(): String = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        player.snapshot()
    }

    /**
     * What the session amounts to for the journal (active time, steps
     * completed and skipped), as the core decides it.
     */
    fun summary(): SessionSummary = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        player.summary()
    }

    /**
     * Starts the session and begins its journal entry with [start] (the
     * wall clock, the phone's UTC offset and the pain rating before).
     * Throws the core's `UnknotException.InvalidSession` for a rating
     * outside the scale; nothing starts then.
     */
    fun begin(start: SessionStart): Update = run { player.begin(it, start) }

    /**
     * "Too much": marks the step and position playing now when the core
     * counts the tap (`Update.ignored` says why when it does not).
     */
    fun markTooMuch(): Update = run { player.markTooMuch(it) }

    /** The journal record so far: program and week, start, rating before, taps. */
    fun recording(): SessionRecording = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        player.recording()
    }

    /** The journal entry the core makes of the session once it is over. */
    fun entry(report: SessionReport, wallMs: Long, utcOffsetMin: Int): SessionEntry = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        player.journalEntry(report, clock.nowMs(), wallMs, utcOffsetMin)
    }

    /**
     * Records the session, once it is over, into [journal] and removes its
     * checkpoint; returns the journal id (the same id on a second call).
     */
    fun record(journal: Journal, report: SessionReport, wallMs: Long, utcOffsetMin: Int): Long =
        synchronized(lock) {
            check(!closed) { "the session controller is closed" }
            journal.recordSession(player, report, clock.nowMs(), wallMs, utcOffsetMin)
        }

    /**
     * Saves the session in [journal] for resuming after the app is gone
     * (on pause, when the app goes to the background). Returns false when
     * there is nothing to resume (not started, or recorded): the checkpoint
     * is then removed.
     */
    fun checkpoint(journal: Journal, wallMs: Long, utcOffsetMin: Int): Boolean = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        journal.saveCheckpoint(player, clock.nowMs(), wallMs, utcOffsetMin)
    }

    /**
     * Whether the session is over (finished or stopped) and not yet in the
     * journal: the ratings after it are still to be asked for.
     */
    fun awaitsRecording(): Boolean = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        val s = frame.status
        (s == Status.FINISHED || s == Status.STOPPED) && player.recording().recordedId == null
    }

    /** How many "too much" taps the core counted so far. */
    fun tooMuchCount(): Int = recording().tooMuch.size

    /**
     * Ends the session for good before the controller is dropped (another
     * routine starts, or "Done"): a session still going is stopped, and one
     * over and not yet recorded is recorded without ratings after it, so
     * nothing is lost. Returns the journal id, or null for a session never
     * started (its checkpoint is removed). Throws the journal's
     * `UnknotException` when it refuses the entry; the checkpoint is then
     * kept.
     */
    fun end(journal: Journal, wallMs: Long, utcOffsetMin: Int): Long? = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        if (SessionNavigation.isGoing(frame.status)) stop()
        if (frame.status == Status.READY) {
            journal.saveCheckpoint(player, clock.nowMs(), wallMs, utcOffsetMin)
            return null
        }
        journal.recordSession(player, SessionReport(null, null, null), clock.nowMs(), wallMs, utcOffsetMin)
    }

    /** Cancels the wake-up and frees the player. Safe to call twice. */
    override fun close() {
        synchronized(lock) {
            if (closed) return
            closed = true
            scheduler.cancel()
            listeners.clear()
            player.close()
        }
    }

    private inline fun run(command: (Long) -> Update): Update = synchronized(lock) {
        check(!closed) { "the session controller is closed" }
        val update = command(clock.nowMs())
        publish(update.cues, update.frame)
        update
    }

    /** Speaks the cues marked `speak`, re-arms the wake-up and hands [next] to the listeners. */
    private fun publish(due: List<Cue>, next: Frame) {
        for (cue in due) {
            if (cue.speak) cues.speak(cue)
        }
        val wake = next.nextWakeMs
        if (wake != null) scheduler.schedule(wake) else scheduler.cancel()
        frame = next
        for (listener in listeners) listener.onFrame(next)
    }

    companion object {
        /** A controller over a new session of [source], spoken in [lang]. */
        fun create(
            source: RoutineSource,
            lang: String,
            clock: MonotonicClock,
            scheduler: WakeScheduler,
            cues: CueSink,
        ): SessionController = SessionController(Player(source, lang), clock, scheduler, cues)

        /**
         * A controller over a new session of routine [routineId] of the
         * program [programJson] as grown by program [week], spoken in
         * [lang]; the session is recorded under the program. Throws the
         * core's `UnknotException` (`NotInProgram`, `InvalidProgram`).
         */
        fun fromProgram(
            programJson: String,
            routineId: String,
            week: Int,
            lang: String,
            clock: MonotonicClock,
            scheduler: WakeScheduler,
            cues: CueSink,
        ): SessionController {
            val player = Player.fromProgram(programJson, routineId, week, lang)
            return try {
                SessionController(player, clock, scheduler, cues)
            } catch (e: RuntimeException) {
                player.close()
                throw e
            }
        }

        /**
         * A controller over a session restored from [snapshot] at the
         * clock's current time; the next [refresh] hands out what fell due.
         */
        fun restore(
            source: RoutineSource,
            lang: String,
            snapshot: String,
            clock: MonotonicClock,
            scheduler: WakeScheduler,
            cues: CueSink,
        ): SessionController =
            SessionController(Player.restore(source, lang, snapshot, clock.nowMs()), clock, scheduler, cues)

        /**
         * A controller over the session checkpointed in [journal], with its
         * program, start, rating before and taps; null without a checkpoint.
         * The next [refresh] hands out what fell due meanwhile. Throws the
         * core's `UnknotException.BadSnapshot` when it cannot be restored.
         */
        fun resume(
            journal: Journal,
            clock: MonotonicClock,
            scheduler: WakeScheduler,
            cues: CueSink,
        ): SessionController? =
            journal.resume(clock.nowMs())?.let { SessionController(it, clock, scheduler, cues) }
    }
}

/** This frame with a pulse's moving numbers taken in. */
internal fun Frame.withPulse(p: Pulse): Frame = copy(
    nowMs = p.nowMs,
    segmentProgress = p.segmentProgress,
    segmentRemainingMs = p.segmentRemainingMs,
    stepRemainingMs = p.stepRemainingMs,
    positionMs = p.positionMs,
    remainingMs = p.remainingMs,
    pausedMs = p.pausedMs,
    nextWakeMs = p.nextWakeMs,
)
