package app.unknot.session

import app.unknot.core.Player
import app.unknot.core.journalSchemaVersion
import java.lang.management.ManagementFactory

/** One 3600 s hold: no cue falls due for the first half hour. */
private const val LONG_HOLD = """{"format": "unknot.routine.v1", "id": "bench-hold",
  "title": "Hold", "steps": [{"kind": "stretch", "title": "Hold", "area": "calf", "hold": 3600}]}"""

private const val ROUNDS = 21
private const val CALLS_PER_ROUND = 5_000

/**
 * Prints the median, min and max nanoseconds per call of [call] over
 * [ROUNDS] rounds, as wall time and as the calling thread's CPU time (on a
 * busy machine the two differ).
 */
private inline fun measure(name: String, call: () -> Unit) {
    val threads = ManagementFactory.getThreadMXBean()
    repeat(20_000) { call() } // warm-up (JIT)
    val wall = LongArray(ROUNDS)
    val cpu = LongArray(ROUNDS)
    for (r in 0 until ROUNDS) {
        val c0 = threads.currentThreadCpuTime
        val t0 = System.nanoTime()
        repeat(CALLS_PER_ROUND) { call() }
        wall[r] = (System.nanoTime() - t0) / CALLS_PER_ROUND
        cpu[r] = (threads.currentThreadCpuTime - c0) / CALLS_PER_ROUND
    }
    wall.sort()
    cpu.sort()
    println(
        "kotlin $name: median ${wall[ROUNDS / 2]} ns/call wall (min ${wall[0]}, max ${wall[ROUNDS - 1]}), " +
            "median ${cpu[ROUNDS / 2]} ns/call thread CPU; $ROUNDS rounds of $CALLS_PER_ROUND calls",
    )
}

/**
 * Prints the median cost of one `Player.tick` called from Kotlin through
 * the generated bindings (JNA), in a running session with no cue due: the
 * steady-state call of a screen refresh. For comparison it also times
 * `status()` (one method call returning a small enum: the fixed cost of
 * crossing with an object), `frame()` (the frame record without a command)
 * and `journalSchemaVersion()` (a free function returning an `Int`: the
 * cheapest call there is). The same tick from
 * Rust is the criterion benchmark `bindings/benches/tick.rs`. Figures
 * only; nothing is asserted about speed. Run by
 * `PROFILE=release UNKNOT_TICK_BENCH=1 tests/kotlin.sh`.
 */
fun main() {
    Player.fromJson(LONG_HOLD, "en").use { player ->
        player.start(0)
        var now = 0L
        measure("Player.tick") { player.tick(++now) } // 1 ms per call, never reaching a cue
        check(player.frame().nextWakeMs == 1_800_000L) { "the bench must not reach a cue" }
        measure("Player.pulse") { player.pulse(++now) }
        check(player.pulse(++now).frame == null) { "pulses between boundaries carry no frame" }
        measure("Player.status") { player.status() }
        measure("Player.frame") { player.frame() }
        measure("journalSchemaVersion") { journalSchemaVersion() }
    }
}
