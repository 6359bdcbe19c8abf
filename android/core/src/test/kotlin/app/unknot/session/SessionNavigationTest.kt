package app.unknot.session

import app.unknot.core.Journal
import app.unknot.core.RoutineSource
import app.unknot.core.SessionReport
import app.unknot.core.SessionStart
import app.unknot.core.Status
import app.unknot.session.SessionNavigation.LaunchOffer
import app.unknot.session.SessionNavigation.StartChoice
import java.io.File
import java.nio.file.Files
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * Nothing lost by navigating: the now-playing bar, asking before another
 * routine starts, and the offer of a killed session at the next start,
 * against real sessions and a real journal.
 */
class SessionNavigationTest {
    private val dir: File = Files.createTempDirectory("unknot-nav").toFile()
    private val path = File(dir, "journal.sqlite").path

    @After
    fun removeFiles() {
        dir.deleteRecursively()
    }

    private fun controller(clock: FakeClock) =
        SessionController.create(RoutineSource.Builtin("box-breathing"), "en", clock, FakeScheduler(), RecordingSink())

    @Test
    fun theBarShowsForAHeldSessionAwayFromThePlayer() {
        val clock = FakeClock()
        controller(clock).use { c ->
            assertFalse("not started: no bar", SessionNavigation.showsBar(c.frame.status, onPlayer = false))
            c.begin(SessionStart(MON_8AM, 60, null))
            assertTrue(SessionNavigation.showsBar(c.frame.status, onPlayer = false))
            assertFalse("the player itself shows no bar", SessionNavigation.showsBar(c.frame.status, onPlayer = true))
            c.pause()
            assertTrue(SessionNavigation.showsBar(c.frame.status, onPlayer = false))
            c.stop()
            assertTrue("over and not rated: the bar leads back to rate it", SessionNavigation.showsBar(c.frame.status, onPlayer = false))
        }
        assertFalse("no session: no bar", SessionNavigation.showsBar(null, onPlayer = false))
    }

    @Test
    fun startingAnotherRoutineAsksWhileOneIsGoing() {
        val clock = FakeClock()
        assertEquals(StartChoice.START, SessionNavigation.onStartRequest(null))
        controller(clock).use { c ->
            assertEquals(StartChoice.START, SessionNavigation.onStartRequest(c.frame.status))
            c.begin(SessionStart(MON_8AM, 60, 4))
            assertEquals(StartChoice.ASK, SessionNavigation.onStartRequest(c.frame.status))
            clock.now = 3_000
            c.pause()
            assertEquals(StartChoice.ASK, SessionNavigation.onStartRequest(c.frame.status))
            c.stop()
            assertEquals(StartChoice.START, SessionNavigation.onStartRequest(c.frame.status))
        }
    }

    @Test
    fun endingForAnotherRoutineRecordsTheOldOneAsStopped() {
        val clock = FakeClock()
        Journal.open(path).use { j ->
            controller(clock).use { c ->
                c.begin(SessionStart(MON_8AM, 60, 4))
                clock.now = 12_000
                val id = c.end(j, MON_8AM + 12_000, 60)!!
                val saved = j.session(id)!!.entry
                assertEquals(app.unknot.core.SessionOutcome.STOPPED, saved.outcome)
                assertEquals(4, saved.painBefore)
                assertNull(saved.painAfter)
                assertFalse(c.awaitsRecording())
                assertNull("recorded: nothing is offered again", j.checkpoint())
                assertEquals("a second end writes nothing", id, c.end(j, MON_8AM + 13_000, 60))
                assertEquals(1L, j.count())
            }
            controller(clock).use { c ->
                assertNull("never started: nothing recorded", c.end(j, MON_8AM, 60))
                assertEquals(1L, j.count())
            }
        }
    }

    @Test
    fun aKilledSessionIsOfferedAgainAtTheNextStart() {
        val clock = FakeClock()
        Journal.open(path).use { j ->
            assertEquals(LaunchOffer.None, SessionNavigation.launchOffer(false, j.checkpoint()))
            controller(clock).use { c ->
                c.begin(SessionStart(MON_8AM, 60, 3))
                clock.now = 9_000
                assertTrue(c.checkpoint(j, MON_8AM + 9_000, 60))
                // While the process lives, its own session wins.
                assertEquals(LaunchOffer.None, SessionNavigation.launchOffer(true, j.checkpoint()))
            }
            // The process was killed with the session going.
            val offer = SessionNavigation.launchOffer(false, j.checkpoint())
            assertTrue(offer is LaunchOffer.Resume)
            assertEquals("Box breathing", (offer as LaunchOffer.Resume).checkpoint.routineTitle)
            clock.now = 50
            SessionController.resume(j, clock, FakeScheduler(), RecordingSink())!!.use { c ->
                assertTrue("it comes back going, where the core put it", SessionNavigation.isGoing(c.frame.status))
                assertEquals(3, c.recording().painBefore)
                assertEquals(MON_8AM, c.recording().startedAtMs)
                c.stop()
                assertTrue(c.awaitsRecording())
                assertTrue("an unrated session is kept", c.checkpoint(j, MON_8AM + 60_000, 60))
            }
            // Killed again before the ratings: offered to finish, not to resume.
            val again = SessionNavigation.launchOffer(false, j.checkpoint())
            assertTrue(again is LaunchOffer.Finish)
            SessionController.resume(j, clock, FakeScheduler(), RecordingSink())!!.use { c ->
                assertTrue(c.awaitsRecording())
                c.record(j, SessionReport(2, null, null), MON_8AM + 70_000, 60)
                assertFalse(c.awaitsRecording())
            }
            assertEquals(LaunchOffer.None, SessionNavigation.launchOffer(false, j.checkpoint()))
        }
    }

    @Test
    fun theCheckpointFollowsStatusAndStepOnly() {
        val k = SessionNavigation::CheckpointKey
        assertFalse("a session not started has nothing to save", SessionNavigation.checkpointDue(null, k(Status.READY, 0)))
        assertTrue(SessionNavigation.checkpointDue(null, k(Status.RUNNING, 0)))
        assertFalse(SessionNavigation.checkpointDue(k(Status.RUNNING, 0), k(Status.RUNNING, 0)))
        assertTrue(SessionNavigation.checkpointDue(k(Status.RUNNING, 0), k(Status.RUNNING, 1)))
        assertTrue(SessionNavigation.checkpointDue(k(Status.RUNNING, 1), k(Status.PAUSED, 1)))
        assertTrue(SessionNavigation.checkpointDue(k(Status.RUNNING, 1), k(Status.FINISHED, 1)))
    }

    @Test
    fun aProgramSessionMadeByTheControllerIsRecordedUnderItsProgram() {
        val heel = File(
            File(System.getProperty("unknot.vectors") ?: "tests/vectors").absoluteFile.parentFile.parentFile,
            "docs/examples/heel-pain-progression.unknot",
        ).readText()
        val clock = FakeClock()
        Journal.open(path).use { j ->
            SessionController.fromProgram(heel, "box-breathing", 3, "de", clock, FakeScheduler(), RecordingSink()).use { c ->
                c.begin(SessionStart(MON_8AM, 60, 2))
                assertEquals(3, c.recording().programWeek)
                clock.now = 4_000
                c.markTooMuch()
                assertEquals(1, c.tooMuchCount())
                assertTrue(c.checkpoint(j, MON_8AM + 4_000, 60))
                assertEquals("heel-pain-8w", j.checkpoint()!!.programId)
                assertEquals(3, j.checkpoint()!!.programWeek)
            }
        }
    }

    companion object {
        /** 2025-03-10T08:00:00Z. */
        const val MON_8AM = 1_741_593_600_000L
    }
}
