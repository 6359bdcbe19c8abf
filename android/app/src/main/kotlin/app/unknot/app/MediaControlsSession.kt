package app.unknot.app

import android.content.Context
import android.media.MediaMetadata
import android.media.session.MediaSession
import android.media.session.PlaybackState
import app.unknot.audio.MediaControls

/**
 * The framework [MediaSession] behind the lock-screen, notification and
 * headset controls. It shows what [MediaControls.info] made of a frame and
 * hands every play, pause, toggle and next (a headset button's media keys
 * arrive through the framework's default key handling as these calls) to
 * [onCommand]. Decides nothing itself.
 */
class MediaControlsSession(context: Context, private val onCommand: (MediaControls.Command) -> Unit) : AutoCloseable {
    private val session = MediaSession(context, "unknot:session").apply {
        setCallback(object : MediaSession.Callback() {
            override fun onPlay() = onCommand(MediaControls.Command.PLAY)
            override fun onPause() = onCommand(MediaControls.Command.PAUSE)
            override fun onSkipToNext() = onCommand(MediaControls.Command.NEXT)
        })
    }

    /** For the media-style notification. */
    val token: MediaSession.Token get() = session.sessionToken

    private var shown: MediaControls.Info? = null

    /** Shows [info]; the session is active while the routine is not over. */
    fun show(info: MediaControls.Info, stepText: String) {
        val last = shown
        if (!MediaControls.needsUpdate(last, info)) return
        shown = info
        if (last == null || last.title != info.title || last.stepTitle != info.stepTitle ||
            last.stepNumber != info.stepNumber || last.durationMs != info.durationMs
        ) {
            session.setMetadata(
                MediaMetadata.Builder()
                    .putString(MediaMetadata.METADATA_KEY_TITLE, info.stepTitle)
                    .putString(MediaMetadata.METADATA_KEY_ALBUM, info.title)
                    .putString(MediaMetadata.METADATA_KEY_ARTIST, stepText)
                    .putString(MediaMetadata.METADATA_KEY_DISPLAY_SUBTITLE, stepText)
                    .putLong(MediaMetadata.METADATA_KEY_TRACK_NUMBER, info.stepNumber.toLong())
                    .putLong(MediaMetadata.METADATA_KEY_NUM_TRACKS, info.stepCount.toLong())
                    .putLong(MediaMetadata.METADATA_KEY_DURATION, info.durationMs)
                    .build(),
            )
        }
        var actions = 0L
        for (c in info.commands) {
            actions = actions or when (c) {
                MediaControls.Command.PLAY -> PlaybackState.ACTION_PLAY
                MediaControls.Command.PAUSE -> PlaybackState.ACTION_PAUSE
                MediaControls.Command.PLAY_PAUSE -> PlaybackState.ACTION_PLAY_PAUSE
                MediaControls.Command.NEXT -> PlaybackState.ACTION_SKIP_TO_NEXT
            }
        }
        val state = when (info.state) {
            MediaControls.State.PLAYING -> PlaybackState.STATE_PLAYING
            MediaControls.State.PAUSED -> PlaybackState.STATE_PAUSED
            MediaControls.State.STOPPED -> PlaybackState.STATE_STOPPED
        }
        // The position was taken at the frame's time on the same clock
        // (elapsedRealtime) the framework extrapolates from.
        session.setPlaybackState(
            PlaybackState.Builder()
                .setState(state, info.positionMs, info.rate, info.updatedAtMs)
                .setActions(actions)
                .build(),
        )
        session.isActive = info.state != MediaControls.State.STOPPED
    }

    override fun close() {
        session.isActive = false
        session.release()
    }
}
