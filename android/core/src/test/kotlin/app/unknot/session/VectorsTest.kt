package app.unknot.session

import app.unknot.core.Cue
import app.unknot.core.Frame
import app.unknot.core.RoutineSource
import app.unknot.core.Update
import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Plays every conformance vector in `tests/vectors/` through
 * [SessionController] and the real native library, with a fake clock set
 * to each command's time.
 */
class VectorsTest {
    private val dir = File(System.getProperty("unknot.vectors") ?: "tests/vectors")

    private fun source(routine: Json.Obj): RoutineSource =
        when (val id = routine["builtin"]) {
            is Json.Str -> RoutineSource.Builtin(id.value)
            else -> RoutineSource.Json(routine.raw.getValue("json"))
        }

    private fun send(c: SessionController, entry: Json.Obj): Update =
        when (val cmd = entry.str("do")) {
            "start" -> c.start()
            "pause" -> c.pause()
            "resume" -> c.resume()
            "next" -> c.next()
            "previous" -> c.previous()
            "restart_step" -> c.restartStep()
            "extend" -> c.extend(entry.long("ms"))
            "continue" -> c.proceed()
            "stop" -> c.stop()
            "tick" -> c.onWake()
            else -> error("unknown command $cmd")
        }

    private fun cueDiffs(i: Int, want: Json.Obj, got: Cue): List<String> {
        val d = mutableListOf<String>()
        fun eq(field: String, w: Any?, g: Any?) {
            if (w != g) d.add("cue $i $field: want $w got $g")
        }
        eq("kind", want.str("kind"), got.kind.name.lowercase())
        eq("due_ms", want.long("due_ms"), got.dueMs)
        eq("at_ms", want.long("at_ms"), got.atMs)
        eq("segment", want.long("segment"), got.segment.toLong())
        eq("step", want.long("step"), got.step.toLong())
        eq("speak", want.bool("speak"), got.speak)
        (want["say"] as? Json.Str)?.let { eq("say", it.value, got.say) }
        return d
    }

    private fun frameDiffs(want: Json.Obj, got: Frame): List<String> {
        val d = mutableListOf<String>()
        fun eq(field: String, w: Any?, g: Any?) {
            if (w != g) d.add("frame.$field: want $w got $g")
        }
        eq("status", want.str("status"), got.status.name.lowercase())
        eq("step", want.long("step"), got.step.toLong())
        eq("segment", want.long("segment"), got.segment.toLong())
        eq("position_ms", want.long("position_ms"), got.positionMs)
        eq("remaining_ms", want.long("remaining_ms"), got.remainingMs)
        eq("paused_ms", want.long("paused_ms"), got.pausedMs)
        eq("next_wake_ms", want.longOrNull("next_wake_ms"), got.nextWakeMs)
        return d
    }

    private fun check(v: Json.Obj): List<String> {
        val clock = FakeClock()
        val scheduler = FakeScheduler()
        val sink = RecordingSink()
        val cues = mutableListOf<Cue>()
        val ignored = mutableListOf<Long>()
        val problems = mutableListOf<String>()
        SessionController.create(source(v.obj("routine")), v.str("lang"), clock, scheduler, sink).use { c ->
            v.arr("script").forEachIndexed { i, e ->
                val entry = e as Json.Obj
                clock.now = entry.long("at_ms")
                val u = send(c, entry)
                if (u.ignored != null) ignored.add(i.toLong())
                if (scheduler.pending != u.frame.nextWakeMs) {
                    problems.add("script $i: wake-up ${scheduler.pending} but frame says ${u.frame.nextWakeMs}")
                }
                cues.addAll(u.cues)
            }
            val expect = v.obj("expect")
            val wantIgnored = expect.arr("ignored").map { (it as Json.Num).value.toLong() }
            if (wantIgnored != ignored) problems.add("ignored: want $wantIgnored got $ignored")
            val wantCues = expect.arr("cues").map { it as Json.Obj }
            if (wantCues.size != cues.size) problems.add("cue count: want ${wantCues.size} got ${cues.size}")
            wantCues.zip(cues).forEachIndexed { i, (w, g) -> problems.addAll(cueDiffs(i, w, g)) }
            if (sink.spoken != cues.filter { it.speak }) problems.add("spoken cues differ from those marked speak")
            problems.addAll(frameDiffs(expect.obj("frame"), c.frame))
        }
        return problems
    }

    @Test
    fun everyVectorPlaysAsExpected() {
        val files = dir.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
        assertTrue("no vectors found in ${dir.absolutePath}", files.size >= 7)
        val failures = files.flatMap { f ->
            val v = Json.parse(f.readText()) as Json.Obj
            check(v).map { "${v.str("name")}: $it" }
        }
        assertEquals("", failures.joinToString("\n"))
    }
}
