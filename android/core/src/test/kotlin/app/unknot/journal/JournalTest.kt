package app.unknot.journal

import app.unknot.core.DiscomfortMark
import app.unknot.core.FlagKind
import app.unknot.core.Journal
import app.unknot.core.Player
import app.unknot.core.PressureFeedback
import app.unknot.core.SessionEntry
import app.unknot.core.SessionOutcome
import app.unknot.core.SessionStart
import app.unknot.core.Status
import app.unknot.core.UnknotException
import app.unknot.core.journalSchemaVersion
import java.io.File
import java.nio.ByteBuffer
import java.nio.file.Files
import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** The journal object, called from Kotlin, on database files in a temporary folder. */
class JournalTest {
    private val dir: File = Files.createTempDirectory("unknot-journal").toFile()
    private val path = File(dir, "journal.sqlite").path
    private val heel = File(
        File(System.getProperty("unknot.vectors") ?: "tests/vectors").absoluteFile.parentFile.parentFile,
        "docs/examples/heel-pain-progression.unknot",
    ).readText()

    @After
    fun removeFiles() {
        dir.deleteRecursively()
    }

    private fun entry(routine: String, startMs: Long, before: Int, after: Int) = SessionEntry(
        routineId = routine,
        routineTitle = "Calf and foot",
        programId = "heel-pain-8w",
        startMs = startMs,
        endMs = startMs + 600_000,
        utcOffsetMin = 60,
        activeMs = 590_000,
        outcome = SessionOutcome.COMPLETED,
        stepsCompleted = 4,
        stepsSkipped = 0,
        painBefore = before,
        painAfter = after,
        pressure = PressureFeedback.RIGHT,
        discomfort = listOf(DiscomfortMark(1, 42_000)),
        note = "easier today",
    )

    @Test
    fun sessionsAreRecordedAndSurviveClosing() {
        Journal.open(path).use { j ->
            val first = j.record(entry("calf-and-foot", MON_8AM, 3, 2))
            val second = j.record(entry("calf-raises", MON_8AM + DAY, 2, 2))
            assertEquals(2L, j.count())
            val recent = j.recent(10)
            assertEquals(listOf(second, first), recent.map { it.id })
            assertEquals(entry("calf-and-foot", MON_8AM, 3, 2), recent[1].entry)
            assertEquals("2025-03-03", recent[1].localDate)
            assertEquals(first, j.session(first)!!.id)
            assertNull(j.session(999))
        }
        Journal.open(path).use { j -> assertEquals(2L, j.count()) }
    }

    @Test
    fun aClosedJournalCannotBeUsed() {
        val j = Journal.open(path)
        j.close()
        try {
            j.count()
            fail("expected IllegalStateException after close()")
        } catch (e: IllegalStateException) {
            assertTrue(e.message!!.contains("destroyed"))
        }
    }

    @Test
    fun anInvalidSessionIsATypedErrorAndWritesNothing() {
        Journal.open(path).use { j ->
            try {
                j.record(entry("Calf And Foot", MON_8AM, 11, -1))
                fail("expected InvalidSession")
            } catch (e: UnknotException.InvalidSession) {
                assertTrue(e.problems.toString(), e.problems.size >= 3)
                assertTrue(e.problems.toString(), e.problems.any { it.contains("pain before is 11") })
            }
            assertEquals(0L, j.count())
        }
    }

    @Test
    fun aCheckpointResumesInOneCall() {
        Journal.open(path).use { j ->
            assertNull(j.checkpoint())
            assertNull(j.resume(0))
            Player.fromProgram(heel, "calf-and-foot", 3, "de").use { p ->
                p.begin(0, SessionStart(MON_8AM, 60, 4))
                p.proceed(1_000)
                p.tick(21_000)
                p.pause(21_000)
                assertTrue(j.saveCheckpoint(p, 30_000, MON_8AM + 30_000, 60))
                val c = j.checkpoint()!!
                assertEquals("calf-and-foot", c.routineId)
                assertFalse(c.builtin)
                assertEquals("de", c.lang)
                assertEquals("heel-pain-8w", c.programId)
                assertEquals(MON_8AM + 30_000, c.savedAtMs)
                assertEquals(3, c.programWeek)
                assertEquals(4, c.painBefore)
                assertFalse(c.over)
                j.resume(500_000)!!.use { r ->
                    assertEquals(Status.PAUSED, r.status())
                    assertEquals(p.frame().positionMs, r.frame().positionMs)
                    assertEquals(p.frame().timedMs, r.frame().timedMs)
                    assertEquals(p.frame().stepTitle, r.frame().stepTitle)
                    assertEquals(p.recording(), r.recording())
                }
            }
            j.recordAndClearCheckpoint(entry("calf-and-foot", MON_8AM, 2, 2))
            assertNull(j.checkpoint())
            Player.fromBuiltin("box-breathing", "en").use { p ->
                assertFalse("nothing to resume before the start", j.saveCheckpoint(p, 0, MON_8AM, 0))
                p.start(0)
                assertTrue(j.saveCheckpoint(p, 0, MON_8AM, 0))
            }
            assertEquals("Box breathing", j.checkpoint()!!.routineTitle)
            assertTrue(j.checkpoint()!!.builtin)
            j.clearCheckpoint()
            assertNull(j.resume(0))
        }
    }

    @Test
    fun statsCountWeeksPainAndFlags() {
        Journal.open(path).use { j ->
            j.record(entry("calf-and-foot", MON_8AM, 2, 4))
            j.record(entry("calf-and-foot", MON_8AM + DAY, 3, 5))
            j.record(entry("calf-and-foot", MON_8AM + 2 * DAY, 4, 7))
            val st = j.stats(heel, "2025-03-10", "en")
            assertEquals("heel-pain-8w", st.programId)
            assertEquals(3, st.sessions)
            assertEquals(2, st.weeks.size)
            val w1 = st.weeks[0]
            assertEquals(listOf("2025-03-03", "2025-03-09"), listOf(w1.start, w1.end))
            assertEquals(3, w1.done)
            assertEquals(19, w1.due)
            assertFalse(w1.inProgress)
            assertEquals(3.0, w1.painBefore!!, 1e-9)
            assertEquals(3.0 / 19.0, st.adherence!!, 1e-9)
            assertEquals(0, st.streak.days)
            assertEquals("2025-03-05", st.streak.lastDay)
            assertEquals(listOf(FlagKind.FLARE, FlagKind.ABOVE_LIMIT), st.flags.map { it.kind })
            assertEquals(listOf("2025-03-03", "2025-03-04"), st.flags[0].dates)
            assertTrue(st.flags[1].message.contains("limit of 6"))
            // In the app's language.
            val es = j.stats(heel, "2025-03-10", "es")
            assertTrue(es.flags[1].message, es.flags[1].message.contains("supera el límite de tu programa (6)"))

            val plain = j.stats(null, "2025-03-05", "en")
            assertTrue(plain.weeks.isEmpty())
            assertNull(plain.adherence)
            assertEquals(3, plain.streak.days)
            assertTrue(plain.streak.doneToday)

            val due = j.dueToday(heel, "2025-03-05", "en")
            assertEquals(1, due.due[0].done)
        }
    }

    @Test
    fun exportsAndReportHoldTheSessions() {
        Journal.open(path).use { j ->
            j.record(entry("calf-and-foot", MON_8AM, 3, 2))
            val csv = j.exportCsv().trim().lines()
            assertEquals(2, csv.size)
            assertTrue(csv[1].contains("calf-and-foot") && csv[1].contains("easier today"))
            val fhir = j.exportFhir(heel, "en")
            assertTrue(fhir.contains("\"resourceType\": \"Bundle\""))
            val html = j.reportHtml(heel, "2025-03-04", "en")
            assertTrue(html.contains("Calf and foot"))
            assertTrue(html.trimEnd().endsWith("</html>"))
            // The three together, named and typed for the share sheet.
            val docs = j.exports(heel, "2025-03-04", "en")
            assertEquals(
                listOf("unknot-report-2025-03-04.html", "unknot-sessions-2025-03-04.csv", "unknot-fhir-2025-03-04.json"),
                docs.map { it.name },
            )
            assertEquals(listOf("text/html", "text/csv", "application/fhir+json"), docs.map { it.mimeType })
            assertEquals(html, docs[0].text)
        }
    }

    @Test
    fun aNewerJournalIsRefusedAndLeftAsItIs() {
        Journal.open(path).use { j -> j.record(entry("calf-and-foot", MON_8AM, 3, 2)) }
        val file = File(path)
        val bytes = file.readBytes()
        // SQLite keeps user_version at byte 60 of the header, big-endian.
        ByteBuffer.wrap(bytes).putInt(60, 99)
        file.writeBytes(bytes)
        try {
            Journal.open(path).close()
            fail("expected JournalTooNew")
        } catch (e: UnknotException.JournalTooNew) {
            assertEquals(99, e.found)
            assertEquals(journalSchemaVersion(), e.supported)
        }
        assertArrayEquals(bytes, file.readBytes())

        val text = File(dir, "notes.txt").apply { writeText("x".repeat(2048)) }
        try {
            Journal.open(text.path).close()
            fail("expected NotAJournal")
        } catch (e: UnknotException.NotAJournal) {
            assertNotNull(e.reason)
        }
    }

    private companion object {
        /** 2025-03-03T08:00:00Z, a Monday in the example program's first week. */
        const val MON_8AM = 1_740_988_800_000L
        const val DAY = 86_400_000L
    }
}
