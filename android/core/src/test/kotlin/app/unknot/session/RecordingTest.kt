package app.unknot.session

import app.unknot.core.Journal
import app.unknot.core.PressureFeedback
import app.unknot.core.RoutineSource
import app.unknot.core.SessionOutcome
import app.unknot.core.SessionReport
import app.unknot.core.SessionStart
import app.unknot.core.Status
import app.unknot.core.TodayAction
import app.unknot.core.UnknotException
import java.io.File
import java.nio.file.Files
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/**
 * Recording, checkpointing and resuming through [SessionController], and
 * the Today screen it feeds, against the real library.
 */
class RecordingTest {
    private val dir: File = Files.createTempDirectory("unknot-record").toFile()
    private val path = File(dir, "journal.sqlite").path
    private val heel = File(
        File(System.getProperty("unknot.vectors") ?: "tests/vectors").absoluteFile.parentFile.parentFile,
        "docs/examples/heel-pain-progression.unknot",
    ).readText()

    @After
    fun removeFiles() {
        dir.deleteRecursively()
    }

    private fun controller(clock: FakeClock) =
        SessionController.create(RoutineSource.Builtin("box-breathing"), "en", clock, FakeScheduler(), RecordingSink())

    @Test
    fun aSessionIsRecordedOnceByTheCoresRules() {
        val clock = FakeClock()
        Journal.open(path).use { j ->
            controller(clock).use { c ->
                try {
                    c.begin(SessionStart(MON_8AM, 60, 12))
                    fail("a rating of 12 is refused")
                } catch (e: UnknotException.InvalidSession) {
                    assertEquals(Status.READY, c.frame.status)
                }
                assertNotNull("no tap counts before the start", c.markTooMuch().ignored)
                c.begin(SessionStart(MON_8AM, 60, 5))
                clock.now = 10_000
                assertNull(c.markTooMuch().ignored)
                clock.now = 20_000
                c.stop()
                clock.now = 80_000
                val report = SessionReport(3, PressureFeedback.RIGHT, " ")
                val e = c.entry(report, MON_8AM + 80_000, 60)
                assertEquals(SessionOutcome.STOPPED, e.outcome)
                assertEquals(MON_8AM + 20_000, e.endMs)
                assertEquals(20_000L, e.activeMs)
                assertEquals(5, e.painBefore)
                assertEquals(1, e.discomfort.size)
                assertNull(e.note)
                val id = c.record(j, report, MON_8AM + 80_000, 60)
                assertEquals(id, c.record(j, report, MON_8AM + 90_000, 60))
                assertEquals(1L, j.count())
                assertEquals(id, c.recording().recordedId)
                assertFalse("a recorded session is not resumed", c.checkpoint(j, MON_8AM, 60))
            }
        }
    }

    @Test
    fun aProgramSessionResumesWithItsStartProgramAndRating() {
        val clock = FakeClock()
        Journal.open(path).use { j ->
            assertNull(SessionController.resume(j, clock, FakeScheduler(), RecordingSink()))
            val player = app.unknot.core.Player.fromProgram(heel, "box-breathing", 2, "es")
            SessionController(player, clock, FakeScheduler(), RecordingSink()).use { c ->
                c.begin(SessionStart(MON_8AM, 60, 6))
                clock.now = 5_000
                c.pause()
                assertTrue(c.checkpoint(j, MON_8AM + 5_000, 60))
            }
            // The phone restarted: its clock begins again near 0.
            clock.now = 100
            val r = SessionController.resume(j, clock, FakeScheduler(), RecordingSink())!!
            r.use { c ->
                assertEquals(Status.PAUSED, c.frame.status)
                val rec = c.recording()
                assertEquals("heel-pain-8w", rec.programId)
                assertEquals(2, rec.programWeek)
                assertEquals(MON_8AM, rec.startedAtMs)
                assertEquals(6, rec.painBefore)
                c.stop()
                val id = c.record(j, SessionReport(null, null, null), MON_8AM + 7_200_000, 120)
                val saved = j.session(id)!!.entry
                assertEquals(MON_8AM, saved.startMs)
                assertEquals("heel-pain-8w", saved.programId)
                assertEquals(60, saved.utcOffsetMin)
                assertNull(j.checkpoint())
            }
            // Today counts it: box-breathing twice a week, done once on Monday.
            val t = j.today(heel, "2025-03-10", "en")
            val b = t.routines.first { it.routineId == "box-breathing" }
            assertEquals(TodayAction.DO_AGAIN, b.action)
            assertEquals("Done for today", b.todayText)
            assertEquals("1 more this week", b.weekText)
            assertEquals("Week 2 of 8", t.heading)
        }
    }

    companion object {
        /** 2025-03-10T08:00:00Z, the Monday of the program's second week. */
        const val MON_8AM = 1_741_593_600_000L
    }
}
