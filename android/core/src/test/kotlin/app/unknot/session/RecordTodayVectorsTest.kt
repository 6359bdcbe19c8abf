package app.unknot.session

import app.unknot.core.Journal
import app.unknot.core.PressureFeedback
import app.unknot.core.RoutineSource
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.SessionReport
import app.unknot.core.SessionStart
import app.unknot.core.parseProgram
import java.io.File
import java.nio.file.Files
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * The recording vectors (`tests/vectors/record/`) through [SessionController]
 * and the Today vectors (`tests/vectors/today/`) through `Journal.today`,
 * against the real library: the same files the Rust and Swift runners play.
 */
class RecordTodayVectorsTest {
    private val vectors = File(System.getProperty("unknot.vectors") ?: "tests/vectors").absoluteFile
    private val root = vectors.parentFile.parentFile

    private fun files(dir: String): List<Json.Obj> {
        val list = File(vectors, dir).listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
        assertTrue("no vectors in $dir", list.isNotEmpty())
        return list.map { Json.parse(it.readText()) as Json.Obj }
    }

    private fun intOrNull(o: Json.Obj, key: String): Int? = o.longOrNull(key)?.toInt()

    private fun text(j: Json?): String? = (j as? Json.Str)?.value

    private fun pressure(word: String?): PressureFeedback? = when (word) {
        null -> null
        "too_light" -> PressureFeedback.TOO_LIGHT
        "right" -> PressureFeedback.RIGHT
        "too_firm" -> PressureFeedback.TOO_FIRM
        else -> error("pressure $word")
    }

    private fun temp(): Pair<File, String> {
        val dir = Files.createTempDirectory("unknot-vectors").toFile()
        return dir to File(dir, "journal.sqlite").path
    }

    @Test
    fun everyRecordingVectorGivesItsEntry() {
        val failures = mutableListOf<String>()
        for (v in files("record")) {
            val name = v.str("name")
            val clock = FakeClock()
            val (dir, path) = temp()
            try {
                Journal.open(path).use { j ->
                    val source = RoutineSource.Json(v.obj("routine").raw.getValue("json"))
                    SessionController.create(source, v.str("lang"), clock, FakeScheduler(), RecordingSink()).use { c ->
                        (v["start"] as? Json.Obj)?.let { st ->
                            clock.now = st.long("at_ms")
                            c.begin(SessionStart(st.long("wall_ms"), st.long("utc_offset_min").toInt(), intOrNull(st, "pain_before")))
                        }
                        val ignored = mutableListOf<Long>()
                        v.arr("script").forEachIndexed { i, e ->
                            val entry = e as Json.Obj
                            clock.now = entry.long("at_ms")
                            val u = when (val cmd = entry.str("do")) {
                                "start" -> c.start()
                                "pause" -> c.pause()
                                "resume" -> c.resume()
                                "next" -> c.next()
                                "continue" -> c.proceed()
                                "stop" -> c.stop()
                                "tick" -> c.onWake()
                                "too_much" -> c.markTooMuch()
                                else -> error("unknown command $cmd")
                            }
                            if (u.ignored != null) ignored.add(i.toLong())
                        }
                        val expect = v.obj("expect")
                        val wantIgnored = expect.arr("ignored").map { (it as Json.Num).value.toLong() }
                        if (wantIgnored != ignored) failures.add("$name: ignored want $wantIgnored got $ignored")
                        val r = v.obj("record")
                        clock.now = r.long("at_ms")
                        val report = SessionReport(intOrNull(r, "pain_after"), pressure(text(r["pressure"])), text(r["note"]))
                        val id = c.record(j, report, r.long("wall_ms"), r.long("utc_offset_min").toInt())
                        val e = j.session(id)!!.entry
                        failures.addAll(entryDiffs(name, expect.obj("entry"), e))
                    }
                }
            } finally {
                dir.deleteRecursively()
            }
        }
        assertEquals("", failures.joinToString("\n"))
    }

    private fun entryDiffs(name: String, want: Json.Obj, e: SessionEntry): List<String> {
        val d = mutableListOf<String>()
        fun eq(field: String, w: Any?, g: Any?) {
            if (w != g) d.add("$name: entry.$field want $w got $g")
        }
        eq("routine_id", want.str("routine_id"), e.routineId)
        eq("routine_title", want.str("routine_title"), e.routineTitle)
        eq("program_id", text(want["program_id"]), e.programId)
        eq("outcome", want.str("outcome"), if (e.outcome == SessionOutcome.COMPLETED) "completed" else "stopped")
        eq("start_ms", want.long("start_ms"), e.startMs)
        eq("end_ms", want.long("end_ms"), e.endMs)
        eq("utc_offset_min", want.long("utc_offset_min").toInt(), e.utcOffsetMin)
        eq("active_ms", want.long("active_ms"), e.activeMs)
        eq("steps_completed", want.long("steps_completed").toInt(), e.stepsCompleted)
        eq("steps_skipped", want.long("steps_skipped").toInt(), e.stepsSkipped)
        eq("pain_before", intOrNull(want, "pain_before"), e.painBefore)
        eq("pain_after", intOrNull(want, "pain_after"), e.painAfter)
        eq("pressure", pressure(text(want["pressure"])), e.pressure)
        eq("note", text(want["note"]), e.note)
        val marks = want.arr("discomfort").map { m ->
            val pair = (m as Json.Arr).items.map { (it as Json.Num).value.toLong() }
            pair[0].toInt() to pair[1]
        }
        eq("discomfort", marks, e.discomfort.map { it.step to it.positionMs })
        return d
    }

    @Test
    fun everyTodayVectorAnswersEachDay() {
        val failures = mutableListOf<String>()
        for (v in files("today")) {
            val name = v.str("name")
            val program = File(root, v.obj("program").str("file")).readText()
            val programId = parseProgram(program, "en").id
            val (dir, path) = temp()
            try {
                Journal.open(path).use { j ->
                    v.arr("days").forEachIndexed { i, dayJson ->
                        val day = dayJson as Json.Obj
                        val t = j.today(program, day.str("date"), v.str("lang"))
                        val want = day.obj("expect")
                        fun eq(field: String, w: Any?, g: Any?) {
                            if (w != g) failures.add("$name day $i (${day.str("date")}): $field want $w got $g")
                        }
                        eq("status", want.str("status"), t.status.name.lowercase())
                        eq("week", intOrNull(want, "week"), t.week)
                        eq("heading", text(want["heading"]), t.heading)
                        eq("message", text(want["message"]), t.message)
                        val routines = want.arr("routines").map { it as Json.Obj }
                        eq("routines", routines.size, t.routines.size)
                        routines.zip(t.routines).forEach { (w, r) ->
                            val id = w.str("routine")
                            eq("routine", id, r.routineId)
                            eq("$id.shown", w.bool("shown"), r.shown)
                            eq("$id.due_today", w.long("due_today").toInt(), r.dueToday)
                            eq("$id.done_today", w.long("done_today").toInt(), r.doneToday)
                            eq("$id.left_today", w.long("left_today").toInt(), r.leftToday)
                            eq("$id.left_this_week", w.long("left_this_week").toInt(), r.leftThisWeek)
                            eq("$id.action", w.str("action"), r.action.name.lowercase())
                            eq("$id.today_text", w.str("today_text"), r.todayText)
                            eq("$id.week_text", text(w["week_text"]), r.weekText)
                        }
                        (day["then_record"] as? Json.Arr)?.items?.forEach { s ->
                            val rec = s as Json.Obj
                            val start = rec.long("start_ms")
                            j.record(
                                SessionEntry(
                                    rec.str("routine"), "Session", programId, start, start + 60_000,
                                    rec.long("utc_offset_min").toInt(), 60_000, SessionOutcome.COMPLETED,
                                    1, 0, null, null, null, emptyList(), null,
                                ),
                            )
                        }
                    }
                }
            } finally {
                dir.deleteRecursively()
            }
        }
        assertEquals("", failures.joinToString("\n"))
    }
}
