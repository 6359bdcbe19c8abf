package app.unknot.session

import app.unknot.core.Cue

/** A clock the test moves by hand. */
class FakeClock(var now: Long = 0) : MonotonicClock {
    override fun nowMs(): Long = now
}

/** Records the one pending wake-up and every request. */
class FakeScheduler : WakeScheduler {
    /** The wake-up currently requested, if any. */
    var pending: Long? = null
        private set

    /** Every call, in order: a time for schedule, null for cancel. */
    val calls = mutableListOf<Long?>()

    override fun schedule(atMs: Long) {
        pending = atMs
        calls.add(atMs)
    }

    override fun cancel() {
        pending = null
        calls.add(null)
    }
}

/** Collects what the controller asks to speak. */
class RecordingSink : CueSink {
    val spoken = mutableListOf<Cue>()

    override fun speak(cue: Cue) {
        spoken.add(cue)
    }
}
