package app.unknot.app

import app.unknot.core.Frame
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * Adapts the session controller's frame listener to a [StateFlow] that
 * Compose collects. It holds the latest frame the core handed out and
 * nothing else: no state of its own, no rule.
 */
class FrameState {
    private val latest = MutableStateFlow<Frame?>(null)

    /** The latest frame, or null when no session exists. */
    val frames: StateFlow<Frame?> = latest.asStateFlow()

    /** The listener to register with the controller. */
    fun publish(frame: Frame) {
        latest.value = frame
    }

    /** Forgets the frame when the session is closed. */
    fun clear() {
        latest.value = null
    }
}
