package app.unknot.app

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.app.Service
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.IntentFilter
import android.graphics.drawable.Icon
import android.media.AudioManager
import android.content.pm.ServiceInfo
import android.os.Binder
import android.os.Handler
import android.os.IBinder
import android.os.Looper
import android.os.PowerManager
import android.os.SystemClock
import android.widget.Toast
import androidx.core.app.ServiceCompat
import app.unknot.audio.MediaControls
import app.unknot.audio.WakeLockPlan
import app.unknot.core.CheckpointRecord
import app.unknot.core.Frame
import app.unknot.core.Journal
import app.unknot.core.PressureFeedback
import app.unknot.core.RoutineDetails
import app.unknot.core.RoutineSource
import app.unknot.core.SessionReport
import app.unknot.core.SessionStart
import app.unknot.core.Status
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.parseProgram
import app.unknot.core.programRoutineForWeek
import app.unknot.session.MonotonicClock
import app.unknot.session.SessionController
import app.unknot.session.SessionNavigation
import app.unknot.session.WakeScheduler
import kotlinx.coroutines.flow.StateFlow

/**
 * Owns the running session: the [SessionController] over the core's
 * player, speech and vibration, and the foreground notification. While a
 * session runs the service is in the foreground (type mediaPlayback), so
 * the process stays alive with the screen off and the single wake-up the
 * core asks for fires on time.
 *
 * Everything happens on the main thread. The service decides nothing: the
 * core says when to wake, what to speak and when the session is over.
 */
class SessionService : Service() {
    /** Local binding for the activity. */
    inner class LocalBinder : Binder() {
        /** The service. */
        val service: SessionService get() = this@SessionService
    }

    private val binder = LocalBinder()
    private val handler = Handler(Looper.getMainLooper())
    private val frameState = FrameState()
    private var controller: SessionController? = null
    private var playing: Playing? = null
    private var cues: CuePlayer? = null
    private var wakeLock: PowerManager.WakeLock? = null
    private val wakePlan = WakeLockPlan()
    private var media: MediaControlsSession? = null
    private var noisyRegistered = false

    // Headphones unplugged (or a Bluetooth headset gone): the sound would
    // come out of the speaker, so the session pauses.
    private val noisy = object : BroadcastReceiver() {
        override fun onReceive(context: Context?, intent: Intent?) {
            if (intent?.action == AudioManager.ACTION_AUDIO_BECOMING_NOISY) pause()
        }
    }
    private var foreground = false
    private var shownKey: List<Any?>? = null

    /** The latest frame of the session, for Compose. */
    val frames: StateFlow<Frame?> get() = frameState.frames

    /** Details of the routine being played, as the core reported them (null when they cannot be read again). */
    val routine: RoutineDetails? get() = playing?.details

    /** The title of the routine being played. */
    val title: String? get() = playing?.title

    /** What is being played: the routine's details when known, and its title. */
    private class Playing(val details: RoutineDetails?, val title: String)

    /** The status and step the journal's checkpoint was last written at. */
    private var checkpointed: SessionNavigation.CheckpointKey? = null

    /** Whether the session is over and not yet recorded: the ratings after it are asked for. */
    val awaitsRecording: Boolean get() = controller?.awaitsRecording() == true

    // The clock every core call reads: monotonic and counting deep sleep.
    private val clock = object : MonotonicClock {
        override fun nowMs(): Long = SystemClock.elapsedRealtime()
    }

    private val wakeUp = Runnable { controller?.onWake() }

    // One pending wake-up at the core's time, converted to a delay on the
    // handler's own clock.
    private val scheduler = object : WakeScheduler {
        override fun schedule(atMs: Long) {
            handler.removeCallbacks(wakeUp)
            val delay = (atMs - SystemClock.elapsedRealtime()).coerceAtLeast(0L)
            handler.postDelayed(wakeUp, delay)
        }

        override fun cancel() {
            handler.removeCallbacks(wakeUp)
        }
    }

    override fun onCreate() {
        super.onCreate()
        val channel = NotificationChannel(
            CHANNEL,
            getString(R.string.channel_name),
            NotificationManager.IMPORTANCE_LOW,
        ).apply { description = getString(R.string.channel_description) }
        // getSystemService is @Nullable in the framework: both services
        // exist on every phone, a null here would only come from a broken
        // system image, where the session still runs without them.
        getSystemService(NotificationManager::class.java)?.createNotificationChannel(channel)
        wakeLock = getSystemService(PowerManager::class.java)
            ?.newWakeLock(PowerManager.PARTIAL_WAKE_LOCK, "unknot:session")
            ?.apply { setReferenceCounted(false) }
    }

    override fun onBind(intent: Intent?): IBinder = binder

    override fun onStartCommand(intent: Intent?, flags: Int, startId: Int): Int {
        when (intent?.action) {
            ACTION_PAUSE -> pause()
            ACTION_RESUME -> resume()
            ACTION_NEXT -> next()
            ACTION_STOP -> stop()
        }
        // A notification action that outlived its session (the process was
        // gone): nothing to run.
        if (controller == null) stopSelf(startId)
        return START_NOT_STICKY
    }

    /**
     * Opens the built-in routine [id] in [lang] and starts it. Throws the
     * core's [UnknotException] when the routine cannot be opened.
     */
    fun begin(id: String, lang: String, painBefore: Int?) {
        val details = builtinRoutine(id, lang)
        openSession(lang, details, details.title) { clock, scheduler, sink ->
            SessionController.create(RoutineSource.Builtin(id), lang, clock, scheduler, sink)
        }
        beginRecorded(painBefore)
    }

    /**
     * Opens routine [routineId] of the program [programJson] as it has grown
     * by program [week] and starts it, recorded under the program. Throws
     * the core's [UnknotException] (e.g. `NotInProgram`, `InvalidProgram`).
     */
    fun beginProgram(programJson: String, routineId: String, week: Int, lang: String, painBefore: Int?) {
        val details = programRoutineForWeek(programJson, routineId, week, lang)
        openSession(lang, details, details.title) { clock, scheduler, sink ->
            SessionController.fromProgram(programJson, routineId, week, lang, clock, scheduler, sink)
        }
        beginRecorded(painBefore)
    }

    // Starts the opened session and its journal record with the phone's
    // wall clock, UTC offset and the rating before (the core checks it;
    // a refused rating closes the session again), then checkpoints it.
    private fun beginRecorded(painBefore: Int?) {
        val c = controller ?: return
        val wall = PhoneClock.wallMs()
        try {
            c.begin(SessionStart(wall, PhoneClock.utcOffsetMin(wall), painBefore))
        } catch (e: UnknotException) {
            discard()
            throw e
        }
        // The first frame of the started session wrote its checkpoint (see onFrame).
    }

    /** "Too much": the core marks the step and position playing now when the tap counts. */
    fun markDiscomfort() {
        controller?.markTooMuch()
    }

    /** How many "too much" marks the core counted. */
    val discomfortCount: Int get() = controller?.tooMuchCount() ?: 0

    /**
     * Records the session that is over into the journal with the ratings
     * given after it ([painAfter] and [pressure] may be skipped), once,
     * by the core's rules (and removes its checkpoint). Returns the
     * journal's error when it refused the entry (nothing is written then),
     * or null. The session stays open until [close]. One small SQLite
     * transaction on the calling (main) thread.
     */
    fun record(painAfter: Int?, pressure: PressureFeedback?): UnknotException? {
        val c = controller ?: return null
        if (!c.awaitsRecording()) return null
        val wall = PhoneClock.wallMs()
        return try {
            JournalStore.open(this).use { c.record(it, SessionReport(painAfter, pressure, null), wall, PhoneClock.utcOffsetMin(wall)) }
            null
        } catch (e: UnknotException) {
            e
        }
    }

    /**
     * Brings back the session checkpointed in the journal, with its start,
     * program and rating before, where the core says it is now (paused
     * where it was). [programJson] is the active program, for the details
     * of a program routine. Throws the core's [UnknotException] (e.g.
     * `BadSnapshot`) when it cannot be restored; the checkpoint is kept
     * for the person to discard.
     */
    fun resumeSaved(programJson: String?) {
        JournalStore.open(this).use { journal ->
            val saved = journal.checkpoint() ?: return
            val details = detailsOf(saved, programJson)
            openSession(saved.lang, details, saved.routineTitle) { clock, scheduler, sink ->
                SessionController.resume(journal, clock, scheduler, sink)
                    ?: throw UnknotException.BadSnapshot(saved.routineTitle)
            }
        }
        // Hands out what fell due while the app was away and arms the wake-up.
        controller?.refresh()
    }

    // The details of a checkpointed routine: built-in by id, or a routine
    // of the active program as grown for its week; null when neither.
    private fun detailsOf(saved: CheckpointRecord, programJson: String?): RoutineDetails? = try {
        val week = saved.programWeek
        when {
            saved.builtin -> builtinRoutine(saved.routineId, saved.lang)
            programJson != null && week != null && parseProgram(programJson, saved.lang).id == saved.programId ->
                programRoutineForWeek(programJson, saved.routineId, week, saved.lang)
            else -> null
        }
    } catch (e: UnknotException) {
        null
    }

    /** Whether a session is open (running, paused, waiting or over but not closed). */
    val hasSession: Boolean get() = controller != null

    // Closes any session, then opens a controller made by [make] with the
    // service's clock, scheduler and a new cue player for [lang]; [details]
    // (when known) give the segment kinds for the cue sounds, [title] the
    // notification's title.
    private inline fun openSession(
        lang: String,
        details: RoutineDetails?,
        title: String,
        make: (MonotonicClock, WakeScheduler, CuePlayer) -> SessionController,
    ) {
        // The journal holds one checkpoint: a session before that could not
        // be recorded keeps it, and nothing new starts over it.
        close()?.let { throw it }
        val sink = CuePlayer(
            this,
            lang,
            // Voice, tones or vibration only, as set (read at every cue).
            style = { CueSettings.style(this) },
            // A call or another app took the sound: pause, and stay paused.
            onFocusLost = { pause() },
            onVoiceFallback = {
                Toast.makeText(this, getString(R.string.voice_missing), Toast.LENGTH_LONG).show()
            },
        )
        val newController = try {
            make(clock, scheduler, sink)
        } catch (e: UnknotException) {
            sink.close()
            throw e
        }
        playing = Playing(details, title)
        cues = sink
        media = MediaControlsSession(this) { command -> onMediaCommand(command) }
        controller = newController
        // Become a started service, so the session outlives the activity's
        // binding. The app is in the foreground here, so a plain start is
        // allowed; the service enters the foreground at the first frame
        // that shows a session (a restored session that is already over
        // never does, and a service started for the foreground would then
        // have to).
        startService(Intent(this, SessionService::class.java))
        newController.addListener { frame -> onFrame(frame) }
    }

    /** Pauses the session and saves it, so it can be resumed after the app is gone. */
    fun pause() {
        controller?.pause()
        save()
    }

    // A play, pause or next from the lock screen, the notification or a
    // headset button, as the core's state makes of it.
    private fun onMediaCommand(command: MediaControls.Command) {
        val c = controller ?: return
        when (MediaControls.action(command, c.frame.status)) {
            MediaControls.Action.RESUME -> resume()
            MediaControls.Action.PAUSE -> pause()
            MediaControls.Action.NEXT -> next()
            MediaControls.Action.PROCEED -> proceed()
            MediaControls.Action.NONE -> Unit
        }
    }

    /** Resumes the session. */
    fun resume() { controller?.resume() }

    /** Next step. */
    fun next() { controller?.next() }

    /** Previous step, or the start of this one (the core decides). */
    fun previous() { controller?.previous() }

    /** Lengthens the current segment by [ms] milliseconds. */
    fun extend(ms: Long) { controller?.extend(ms) }

    /** Leaves an untimed segment. */
    fun proceed() { controller?.proceed() }

    /** Ends the session early. */
    fun stop() { controller?.stop() }

    /** A fresh frame for the screen (hands out any cue that fell due). */
    fun refresh() { controller?.refresh() }

    /**
     * Saves the session in the journal's checkpoint (any session, program
     * sessions included), for resuming after the app is gone; the core
     * removes the checkpoint once there is nothing to resume (not started,
     * or recorded). A journal that cannot be written keeps the last one.
     */
    fun save() {
        val c = controller ?: return
        val wall = PhoneClock.wallMs()
        try {
            JournalStore.open(this).use { c.checkpoint(it, wall, PhoneClock.utcOffsetMin(wall)) }
            checkpointed = SessionNavigation.CheckpointKey(c.frame.status, c.frame.step)
        } catch (e: UnknotException) {
            // Kept for the next save; the session itself goes on.
        }
    }

    /**
     * Ends and forgets the session, releasing the native player. A session
     * still going is stopped, and one over and not yet recorded is recorded
     * without ratings after it (the core's `end`). Returns the journal's
     * error when it refused the entry: its checkpoint then stays, and the
     * next start offers it again.
     */
    fun close(): UnknotException? {
        val c = controller
        var refused: UnknotException? = null
        if (c != null) {
            val wall = PhoneClock.wallMs()
            try {
                JournalStore.open(this).use { c.end(it, wall, PhoneClock.utcOffsetMin(wall)) }
            } catch (e: UnknotException) {
                save()
                refused = e
            }
        }
        discard()
        return refused
    }

    // Drops the session in memory only: cancels the wake-up, frees the
    // player, stops speech and leaves the foreground.
    private fun discard() {
        controller?.close()
        controller = null
        handler.removeCallbacks(wakeUp)
        cues?.close()
        cues = null
        playing = null
        checkpointed = null
        shownKey = null
        frameState.clear()
        applyWakeLock(wakePlan.release())
        media?.close()
        media = null
        listenForNoisy(false)
        if (foreground) leaveForeground()
    }

    override fun onDestroy() {
        // Keep the checkpoint: the system may end the service with the
        // session unfinished (or over and not yet rated), and the next
        // launch offers it again.
        save()
        discard()
        super.onDestroy()
    }

    // Every new frame: to Compose, and to the notification and the wake
    // lock when what they show changed.
    private fun onFrame(frame: Frame) {
        frameState.publish(frame)
        val open = frame.status == Status.RUNNING || frame.status == Status.PAUSED || frame.status == Status.WAITING
        applyWakeLock(wakePlan.onFrame(frame.nowMs, frame.remainingMs, frame.status == Status.RUNNING, open))
        listenForNoisy(open)
        media?.show(
            MediaControls.info(title ?: getString(R.string.app_name), frame),
            getString(R.string.step_of, frame.step + 1, frame.stepCount),
        )
        // The checkpoint follows the session step by step (and its end).
        if (SessionNavigation.checkpointDue(checkpointed, SessionNavigation.CheckpointKey(frame.status, frame.step))) save()
        when (frame.status) {
            Status.FINISHED, Status.STOPPED -> leaveForeground()
            Status.READY -> Unit
            Status.RUNNING, Status.PAUSED, Status.WAITING -> {
                val key = listOf(frame.status, frame.step, frame.segment, frame.timedMs)
                if (key != shownKey || !foreground) {
                    shownKey = key
                    show(frame)
                }
            }
        }
    }

    // Taken once when the session first runs, for what is left of the
    // routine and a margin; renewed only when an extension or a long pause
    // moves the end past it; released when the session is over.
    private fun applyWakeLock(step: WakeLockPlan.Step) {
        val lock = wakeLock ?: return
        when (step) {
            is WakeLockPlan.Step.Acquire -> lock.acquire(step.timeoutMs)
            WakeLockPlan.Step.Release -> if (lock.isHeld) lock.release()
            WakeLockPlan.Step.Keep -> Unit
        }
    }

    // The unplugged-headphones receiver, registered only while a session is open.
    private fun listenForNoisy(on: Boolean) {
        if (on == noisyRegistered) return
        if (on) {
            registerReceiver(noisy, IntentFilter(AudioManager.ACTION_AUDIO_BECOMING_NOISY))
        } else {
            unregisterReceiver(noisy)
        }
        noisyRegistered = on
    }

    private fun show(frame: Frame) {
        val notification = notification(frame)
        if (foreground) {
            getSystemService(NotificationManager::class.java)?.notify(NOTIFICATION_ID, notification)
        } else {
            ServiceCompat.startForeground(
                this,
                NOTIFICATION_ID,
                notification,
                ServiceInfo.FOREGROUND_SERVICE_TYPE_MEDIA_PLAYBACK,
            )
            foreground = true
        }
    }

    private fun leaveForeground() {
        if (foreground) {
            ServiceCompat.stopForeground(this, ServiceCompat.STOP_FOREGROUND_REMOVE)
            foreground = false
        }
        stopSelf()
    }

    private fun notification(frame: Frame): Notification {
        val open = PendingIntent.getActivity(
            this, 0,
            Intent(this, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val builder = Notification.Builder(this, CHANNEL)
            .setSmallIcon(android.R.drawable.ic_media_play)
            .setContentTitle(title ?: getString(R.string.app_name))
            .setContentText(frame.stepTitle)
            .setSubText(getString(R.string.step_of, frame.step + 1, frame.stepCount))
            .setContentIntent(open)
            .setOngoing(true)
            .setOnlyAlertOnce(true)
            .setCategory(Notification.CATEGORY_TRANSPORT)
            .setVisibility(Notification.VISIBILITY_PUBLIC)
        if (frame.status == Status.RUNNING) {
            // The routine's end on the wall clock, from the core's remaining
            // time less what passed since the frame was made.
            val sinceFrame = SystemClock.elapsedRealtime() - frame.nowMs
            val end = System.currentTimeMillis() + frame.remainingMs - sinceFrame
            builder.setShowWhen(true)
                .setWhen(end)
                .setUsesChronometer(true)
                .setChronometerCountDown(true)
                .addAction(button(android.R.drawable.ic_media_pause, R.string.pause, ACTION_PAUSE))
        } else {
            builder.setShowWhen(false)
                .setContentText(
                    if (frame.status == Status.WAITING) getString(R.string.waiting)
                    else getString(R.string.paused) + " · " + frame.stepTitle,
                )
            if (frame.status == Status.PAUSED) {
                builder.addAction(button(android.R.drawable.ic_media_play, R.string.resume, ACTION_RESUME))
            }
        }
        builder.addAction(button(android.R.drawable.ic_media_next, R.string.next_step, ACTION_NEXT))
        builder.addAction(button(android.R.drawable.ic_menu_close_clear_cancel, R.string.stop, ACTION_STOP))
        val style = Notification.MediaStyle()
        media?.let { style.setMediaSession(it.token) }
        // Compact view: play or pause (absent while waiting) and next.
        val compact = if (frame.status == Status.WAITING) intArrayOf(0) else intArrayOf(0, 1)
        builder.setStyle(style.setShowActionsInCompactView(*compact))
        return builder.build()
    }

    private fun button(icon: Int, title: Int, name: String): Notification.Action =
        Notification.Action.Builder(Icon.createWithResource(this, icon), getString(title), action(name)).build()

    private fun action(name: String): PendingIntent = PendingIntent.getService(
        this,
        name.hashCode(),
        Intent(this, SessionService::class.java).setAction(name),
        PendingIntent.FLAG_IMMUTABLE,
    )

    companion object {
        private const val CHANNEL = "session"
        private const val NOTIFICATION_ID = 1
        private const val ACTION_PAUSE = "app.unknot.action.PAUSE"
        private const val ACTION_RESUME = "app.unknot.action.RESUME"
        private const val ACTION_NEXT = "app.unknot.action.NEXT"
        private const val ACTION_STOP = "app.unknot.action.STOP"

        /** Binds [context] to the service. */
        fun intent(context: Context): Intent = Intent(context, SessionService::class.java)
    }
}
