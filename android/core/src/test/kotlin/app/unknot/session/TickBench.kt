package app.unknot.session

import app.unknot.core.Player

/**
 * Prints the median cost of one `Player.tick` called from Kotlin through
 * the generated bindings (JNA). Figures only; nothing is asserted about
 * speed. Run by `UNKNOT_TICK_BENCH=1 tests/kotlin.sh`.
 */
fun main() {
    val rounds = 31
    val callsPerRound = 20_000
    Player.fromBuiltin("box-breathing", "en").use { player ->
        player.start(0)
        // A running session with no cue due: the steady-state tick the screen
        // refresh makes (the 10 s preparation's first cue is due at 7000).
        var now = 0L
        repeat(50_000) { player.tick(1 + (it % 5_000).toLong()) } // warm-up (JIT)
        val perCall = LongArray(rounds)
        for (r in 0 until rounds) {
            val t0 = System.nanoTime()
            for (i in 0 until callsPerRound) {
                now = 1 + (i % 5_000).toLong()
                player.tick(now)
            }
            perCall[r] = (System.nanoTime() - t0) / callsPerRound
        }
        perCall.sort()
        println("kotlin tick: median ${perCall[rounds / 2]} ns/call (min ${perCall[0]}, max ${perCall[rounds - 1]}; $rounds rounds of $callsPerRound calls)")
    }
}
