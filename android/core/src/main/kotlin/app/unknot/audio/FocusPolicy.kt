package app.unknot.audio

/**
 * What an audio-focus change means for the session. The app asks for
 * transient focus that lets others duck only around a cue; when another
 * app takes the focus for itself (a call, a voice message, a navigation
 * prompt that will not duck) the session pauses and stays paused until the
 * person resumes it. Being asked to duck (our own speech is the short
 * sound) and regaining focus change nothing.
 *
 * The codes are the framework's `AudioManager.AUDIOFOCUS_*` values.
 */
object FocusPolicy {
    const val AUDIOFOCUS_GAIN = 1
    const val AUDIOFOCUS_GAIN_TRANSIENT = 2
    const val AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK = 3
    const val AUDIOFOCUS_LOSS = -1
    const val AUDIOFOCUS_LOSS_TRANSIENT = -2
    const val AUDIOFOCUS_LOSS_TRANSIENT_CAN_DUCK = -3

    /** Whether [focusChange] pauses a running session. */
    fun pauses(focusChange: Int): Boolean =
        focusChange == AUDIOFOCUS_LOSS || focusChange == AUDIOFOCUS_LOSS_TRANSIENT
}
