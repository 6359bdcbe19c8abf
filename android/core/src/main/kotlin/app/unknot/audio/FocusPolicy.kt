package app.unknot.audio

/**
 * What an audio-focus change means for the session. The app asks for
 * transient focus that lets others duck only around a cue; when another
 * app takes the focus for itself (a call, a voice message, a navigation
 * prompt that will not duck) the session pauses and stays paused until the
 * person resumes it. Being asked to duck (our own speech is the short
 * sound) and regaining focus change nothing.
 *
 * Focus is held only around a cue, so a call that starts between two cues
 * takes no focus from the app: the phone's audio mode changing to ringing
 * or a call pauses the session too, and so does a cue's focus request
 * being refused (the framework refuses it during a call).
 *
 * The codes are the framework's `AudioManager.AUDIOFOCUS_*` and `MODE_*`
 * values.
 */
object FocusPolicy {
    const val AUDIOFOCUS_GAIN = 1
    const val AUDIOFOCUS_GAIN_TRANSIENT = 2
    const val AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK = 3
    const val AUDIOFOCUS_LOSS = -1
    const val AUDIOFOCUS_LOSS_TRANSIENT = -2
    const val AUDIOFOCUS_LOSS_TRANSIENT_CAN_DUCK = -3

    const val AUDIOFOCUS_REQUEST_FAILED = 0
    const val AUDIOFOCUS_REQUEST_GRANTED = 1
    const val AUDIOFOCUS_REQUEST_DELAYED = 2

    const val MODE_NORMAL = 0
    const val MODE_RINGTONE = 1
    const val MODE_IN_CALL = 2
    const val MODE_IN_COMMUNICATION = 3
    const val MODE_CALL_SCREENING = 4
    const val MODE_CALL_REDIRECT = 5
    const val MODE_COMMUNICATION_REDIRECT = 6

    /**
     * What a cue does with the answer to its focus request: play on
     * [AUDIOFOCUS_REQUEST_GRANTED]; otherwise stay silent (its vibration
     * says it) and pause the session.
     */
    fun granted(requestResult: Int): Boolean = requestResult == AUDIOFOCUS_REQUEST_GRANTED

    /** Whether the phone's audio [mode] (ringing, a call, a call being screened or redirected) pauses the session. */
    fun modePauses(mode: Int): Boolean = mode in MODE_RINGTONE..MODE_COMMUNICATION_REDIRECT

    /** Whether [focusChange] pauses a running session. */
    fun pauses(focusChange: Int): Boolean =
        focusChange == AUDIOFOCUS_LOSS || focusChange == AUDIOFOCUS_LOSS_TRANSIENT
}
