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
import app.unknot.core.DiscomfortMark
import app.unknot.core.Frame
import app.unknot.core.Player
import app.unknot.core.PressureFeedback
import app.unknot.core.RoutineDetails
import app.unknot.core.RoutineSource
import app.unknot.core.Status
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.programRoutineForWeek
import app.unknot.session.MonotonicClock
import app.unknot.session.SessionController
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

    /** Details of the routine being played, as the core reported them. */
    val routine: RoutineDetails? get() = playing?.details

    /**
     * What is being played: the routine's details, its id and language, and
     * the active program's id when the routine is one of its routines (such
     * a session is not saved for resuming: see [save]).
     */
    private class Playing(
        val details: RoutineDetails,
        val id: String,
        val lang: String,
        val programId: String? = null,
    )

    /** The journal entry being built for the open session. */
    private var draft: SessionDraft? = null

    /** Whether a journal entry is being built and not yet recorded. */
    val hasDraft: Boolean get() = draft?.recorded == false

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
        openSession(id, lang, { builtinRoutine(id, lang) }) { clock, scheduler, sink ->
            SessionController.create(RoutineSource.Builtin(id), lang, clock, scheduler, sink)
        }
        startDraft(painBefore)
        controller?.start()
    }

    /**
     * Opens routine [routineId] of the program [programJson] as it has grown
     * by program [week] and starts it, recorded under [programId]. Throws
     * the core's [UnknotException] (e.g. `NotInProgram`, `InvalidProgram`).
     */
    fun beginProgram(programJson: String, programId: String, routineId: String, week: Int, lang: String, painBefore: Int?) {
        openSession(
            routineId, lang, { programRoutineForWeek(programJson, routineId, week, lang) }, programId,
        ) { clock, scheduler, sink ->
            val player = Player.fromProgram(programJson, routineId, week, lang)
            try {
                SessionController(player, clock, scheduler, sink)
            } catch (e: RuntimeException) {
                player.close()
                throw e
            }
        }
        startDraft(painBefore)
        controller?.start()
    }

    // A new journal entry from now, with the pain rating given before.
    private fun startDraft(painBefore: Int?) {
        val startWall = System.currentTimeMillis()
        draft = SessionDraft(painBefore = painBefore, startWallMs = startWall)
    }

    /**
     * "Too much": adds a discomfort mark at the current frame's step and
     * timeline position to the entry being built. Ignored without a
     * running, paused or waiting session.
     */
    fun markDiscomfort() {
        val c = controller ?: return
        val d = draft ?: return
        val f = c.frame
        if (f.status == Status.RUNNING || f.status == Status.PAUSED || f.status == Status.WAITING) {
            d.discomfort += DiscomfortMark(f.step, f.positionMs)
        }
    }

    /** How many "too much" marks the entry being built holds. */
    val discomfortCount: Int get() = draft?.discomfort?.size ?: 0

    /**
     * Records the session that is over into the journal with the ratings
     * given after it ([painAfter] and [pressure] may be skipped), once.
     * Returns the journal's error when it refused the entry (nothing is
     * written then), or null. The session stays open until [close].
     * One small SQLite transaction on the calling (main) thread.
     */
    fun record(painAfter: Int?, pressure: PressureFeedback?): UnknotException? {
        val c = controller ?: return null
        val p = playing ?: return null
        val d = draft ?: return null
        if (d.recorded) return null
        val f = c.frame
        if (f.status != Status.FINISHED && f.status != Status.STOPPED) return null
        val entry = d.entry(p.id, p.details.title, p.programId, c.summary(), painAfter, pressure)
        return try {
            JournalStore.open(this).use { it.record(entry) }
            d.recorded = true
            null
        } catch (e: UnknotException) {
            e
        }
    }

    /**
     * Brings back the session in [saved] where the core says it is now
     * (a running session ran on meanwhile; after a reboot it comes back
     * paused). Throws the core's [UnknotException] (e.g. `BadSnapshot`)
     * when it cannot be restored; the saved file is then forgotten.
     */
    fun restore(saved: SavedSession) {
        try {
            openSession(saved.routineId, saved.lang, { builtinRoutine(saved.routineId, saved.lang) }) { clock, scheduler, sink ->
                SessionController.restore(
                    RoutineSource.Builtin(saved.routineId), saved.lang, saved.snapshot, clock, scheduler, sink,
                )
            }
        } catch (e: UnknotException) {
            SavedSession.clear(this)
            throw e
        }
        // The entry starts again from here: the time before the app went
        // away and the rating given then are not kept with the snapshot.
        startDraft(null)
        // Hands out what fell due while the app was away and arms the wake-up.
        controller?.refresh()
    }

    /** Whether a session is open (running, paused, waiting or over but not closed). */
    val hasSession: Boolean get() = controller != null

    // Closes any session, then opens a controller made by [make] with the
    // service's clock, scheduler and a new cue player for [lang]; [load]
    // gives the routine's details.
    private inline fun openSession(
        id: String,
        lang: String,
        load: () -> RoutineDetails,
        programId: String? = null,
        make: (MonotonicClock, WakeScheduler, CuePlayer) -> SessionController,
    ) {
        close()
        val details = load()
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
        playing = Playing(details, id, lang, programId)
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
     * Saves the session's snapshot with the routine id and language while
     * the core reports it unfinished (running, paused or waiting); once it
     * is over (or not started) the saved file is forgotten instead.
     */
    fun save() {
        val c = controller ?: return
        val p = playing ?: return
        // TODO: a program session cannot be saved in SavedSession (it
        // restores built-in routines only); the journal's checkpoint
        // (`Journal.saveCheckpoint`) keeps the grown routine, but needs the
        // Player, which SessionController keeps to itself.
        if (p.programId != null) return
        when (c.frame.status) {
            Status.RUNNING, Status.PAUSED, Status.WAITING ->
                SavedSession.save(this, SavedSession(p.id, p.lang, c.snapshot()))
            Status.READY, Status.FINISHED, Status.STOPPED -> SavedSession.clear(this)
        }
    }

    /**
     * Ends and forgets the session (and its saved copy), releasing the
     * native player. A session that is over and not yet recorded is
     * recorded first, without ratings after it.
     */
    fun close() {
        if (controller != null) {
            record(null, null)
            SavedSession.clear(this)
        }
        discard()
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
        draft = null
        shownKey = null
        frameState.clear()
        applyWakeLock(wakePlan.release())
        media?.close()
        media = null
        listenForNoisy(false)
        if (foreground) leaveForeground()
    }

    override fun onDestroy() {
        // Keep what was saved: the system may end the service with the
        // session unfinished, and the next launch offers to resume it. A
        // session that is over is recorded, without ratings after it.
        record(null, null)
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
            MediaControls.info(routine?.title ?: getString(R.string.app_name), frame),
            getString(R.string.step_of, frame.step + 1, frame.stepCount),
        )
        when (frame.status) {
            Status.FINISHED, Status.STOPPED -> {
                draft?.let { if (it.endWallMs == null) it.endWallMs = System.currentTimeMillis() }
                SavedSession.clear(this)
                leaveForeground()
            }
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
            .setContentTitle(routine?.title ?: getString(R.string.app_name))
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
