package app.unknot.audio

import app.unknot.core.Status
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test


class MediaControlsTest {
    private fun info(status: Status) =
        MediaControls.info("Hip release", "Ball under the hip", 1, 5, 90_000, 210_000, status, 12_345)

    @Test
    fun aRunningFrameShowsTitleStepTimeLeftAndMovingPosition() {
        val i = info(Status.RUNNING)
        assertEquals("Hip release", i.title)
        assertEquals("Ball under the hip", i.stepTitle)
        assertEquals(2, i.stepNumber)
        assertEquals(5, i.stepCount)
        assertEquals(300_000, i.durationMs)
        assertEquals(90_000, i.positionMs)
        assertEquals(210_000, i.remainingMs)
        assertEquals(MediaControls.State.PLAYING, i.state)
        assertEquals(1f, i.rate)
        assertEquals(12_345, i.updatedAtMs)
        assertEquals(
            setOf(MediaControls.Command.PAUSE, MediaControls.Command.PLAY_PAUSE, MediaControls.Command.NEXT),
            i.commands,
        )
    }

    @Test
    fun pausedAndWaitingStandStillAndOfferPlayOverHasNoButtons() {
        for (s in listOf(Status.PAUSED, Status.WAITING)) {
            val i = info(s)
            assertEquals(MediaControls.State.PAUSED, i.state)
            assertEquals(0f, i.rate)
            assertTrue(MediaControls.Command.PLAY in i.commands)
            assertFalse(MediaControls.Command.PAUSE in i.commands)
        }
        for (s in listOf(Status.FINISHED, Status.STOPPED)) {
            assertEquals(MediaControls.State.STOPPED, info(s).state)
            assertTrue(info(s).commands.isEmpty())
        }
    }

    @Test
    fun commandsMapToSessionActionsByState() {
        val c = MediaControls.Command.entries
        val a = MediaControls::action
        assertEquals(
            listOf(MediaControls.Action.NONE, MediaControls.Action.PAUSE, MediaControls.Action.PAUSE, MediaControls.Action.NEXT),
            c.map { a(it, Status.RUNNING) },
        )
        assertEquals(
            listOf(MediaControls.Action.RESUME, MediaControls.Action.NONE, MediaControls.Action.RESUME, MediaControls.Action.NEXT),
            c.map { a(it, Status.PAUSED) },
        )
        assertEquals(
            listOf(MediaControls.Action.PROCEED, MediaControls.Action.NONE, MediaControls.Action.PROCEED, MediaControls.Action.NEXT),
            c.map { a(it, Status.WAITING) },
        )
        for (s in listOf(Status.READY, Status.FINISHED, Status.STOPPED)) {
            assertTrue(c.all { a(it, s) == MediaControls.Action.NONE })
        }
    }

    @Test
    fun redrawsThatOnlyMoveThePositionAsExpectedAreNotSentAgain() {
        fun at(pos: Long, now: Long, status: Status = Status.RUNNING) =
            MediaControls.info("Hip release", "Ball under the hip", 1, 5, pos, 300_000 - pos, status, now)
        val first = at(90_000, 10_000)
        assertTrue(MediaControls.needsUpdate(null, first))
        // 33 ms later, 33 ms further: nothing to send.
        assertFalse(MediaControls.needsUpdate(first, at(90_033, 10_033)))
        // A skip moved the position by a minute.
        assertTrue(MediaControls.needsUpdate(first, at(150_000, 10_100)))
        // Paused: the state changed.
        assertTrue(MediaControls.needsUpdate(first, at(90_100, 10_100, Status.PAUSED)))
        // Paused and standing still: a later frame at the same position is not sent.
        val paused = at(90_100, 10_100, Status.PAUSED)
        assertFalse(MediaControls.needsUpdate(paused, at(90_100, 70_000, Status.PAUSED)))
        // Extended: the length changed.
        assertTrue(
            MediaControls.needsUpdate(
                first,
                MediaControls.info("Hip release", "Ball under the hip", 1, 5, 90_000, 270_000, Status.RUNNING, 10_000),
            ),
        )
    }
}
