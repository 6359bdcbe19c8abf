package app.unknot.program

import app.unknot.core.Frequency
import app.unknot.core.Player
import app.unknot.core.ProgramStatus
import app.unknot.core.SessionDoneRecord
import app.unknot.core.ShareProblem
import app.unknot.core.UnknotException
import app.unknot.core.looksLikeShareCode
import app.unknot.core.parseProgram
import app.unknot.core.programDueToday
import app.unknot.core.programRoutineForWeek
import app.unknot.core.qrMatrix
import app.unknot.core.safetyScreen
import app.unknot.core.shareDecode
import app.unknot.core.shareEncode
import app.unknot.core.validateProgram
import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** The repository root: tests/kotlin.sh passes tests/vectors as `unknot.vectors`. */
internal fun repoRoot(): File =
    File(System.getProperty("unknot.vectors") ?: "tests/vectors").absoluteFile.parentFile.parentFile

/** An example program of the repository's docs. */
internal fun example(name: String): String = File(repoRoot(), "docs/examples/$name").readText()

/** Programs, share codes, QR matrices and the safety screen, called from Kotlin. */
class ProgramTest {
    private val heel = example("heel-pain-progression.unknot")

    @Test
    fun aProgramParsesIntoItsDetails() {
        val p = parseProgram(heel, "en")
        assertEquals("heel-pain-8w", p.id)
        assertEquals("2025-03-03", p.start)
        assertEquals("2025-04-27", p.end)
        assertEquals(8, p.weeks)
        assertEquals(6, p.painStopAbove)
        assertEquals(listOf("calf-and-foot", "calf-raises", "box-breathing"), p.routines.map { it.id })
        assertEquals("box-breathing", p.routines[2].builtin)
        assertNull(p.routines[0].builtin)
        assertEquals(Frequency.Days(listOf("mon", "wed", "fri"), 1), p.schedule[1].frequency)
        assertEquals(Frequency.PerWeek(2), p.schedule[2].frequency)
        assertEquals(14, p.schedule[0].perWeek)
        assertEquals(10_000L, p.progress[0].holdAddMs)
        assertTrue(validateProgram(heel).isEmpty())
        // Titles follow the language asked for.
        val calm = example("calm-breathing.unknot")
        assertEquals("Ruhig atmen, vier Wochen", parseProgram(calm, "de").title)
    }

    @Test
    fun anInvalidProgramIsATypedErrorWithEveryProblem() {
        val bad = heel.replace("\"weeks\": 8", "\"weeks\": 0").replace("\"per_week\": 2", "\"per_wek\": 2")
        try {
            parseProgram(bad, "en")
            fail("expected InvalidProgram")
        } catch (e: UnknotException.InvalidProgram) {
            val paths = e.problems.map { it.path }
            assertTrue(paths.toString(), "weeks" in paths)
            assertTrue(paths.toString(), paths.any { it.startsWith("schedule[2]") })
            assertTrue(e.problems.any { (it.hint ?: "").contains("per_week") })
            assertEquals(e.problems, validateProgram(bad))
        }
        try {
            parseProgram("{", "en")
            fail("expected InvalidProgram")
        } catch (e: UnknotException.InvalidProgram) {
            assertEquals(1, e.problems.size)
        }
    }

    @Test
    fun dueTodayFollowsTheCalendarAndSessionsDone() {
        val before = programDueToday(heel, "2025-03-02", emptyList(), "en")
        assertEquals(ProgramStatus.NOT_STARTED, before.status)
        assertNull(before.week)
        assertTrue(before.due.isEmpty())
        assertEquals(ProgramStatus.ENDED, programDueToday(heel, "2025-04-28", emptyList(), "en").status)

        val done = listOf(SessionDoneRecord("calf-and-foot", "2025-03-03"))
        val mon = programDueToday(heel, "2025-03-03", done, "en")
        assertEquals(ProgramStatus.ACTIVE, mon.status)
        assertEquals(1, mon.week)
        val calf = mon.due[0]
        assertEquals(listOf(2, 1, 1), listOf(calf.today, calf.done, calf.leftToday))
        assertNull(calf.weekLeft)
        assertEquals(1, mon.due[1].today)
        assertEquals(2, mon.due[2].weekLeft)
        assertEquals(0, programDueToday(heel, "2025-03-04", emptyList(), "en").due[1].today)
        val week3 = programDueToday(heel, "2025-03-17", emptyList(), "en")
        assertEquals(3, week3.week)
        assertEquals(90_000L, week3.due[0].timedMs - calf.timedMs)
    }

    @Test
    fun aBadDateIsATypedError() {
        try {
            programDueToday(heel, "2025-02-30", emptyList(), "en")
            fail("expected BadDate")
        } catch (e: UnknotException.BadDate) {
            assertEquals("2025-02-30", e.value)
        }
    }

    @Test
    fun routinesGrowByWeekAndPlayAsGrown() {
        val w1 = programRoutineForWeek(heel, "calf-and-foot", 1, "en")
        val w3 = programRoutineForWeek(heel, "calf-and-foot", 3, "en")
        assertEquals(2 * 15_000L + 3 * 2 * 10_000L, w3.timedMs - w1.timedMs)
        assertEquals(programRoutineForWeek(heel, "calf-and-foot", 8, "en"), programRoutineForWeek(heel, "calf-and-foot", 99, "en"))
        try {
            programRoutineForWeek(heel, "nope", 1, "en")
            fail("expected NotInProgram")
        } catch (e: UnknotException.NotInProgram) {
            assertEquals("nope", e.id)
        }
        Player.fromProgram(heel, "calf-and-foot", 3, "en").use { player ->
            assertEquals("calf-and-foot", player.routineId())
            assertEquals(w3.timedMs, player.frame().timedMs)
        }
    }

    @Test
    fun shareCodesRoundTrip() {
        val share = shareEncode(heel)
        assertTrue(share.code.startsWith("UK1:"))
        assertTrue(looksLikeShareCode(share.code.lowercase()))
        assertFalse(looksLikeShareCode("heel.unknot"))
        assertTrue(share.qrVersion!! in 1..40)
        assertEquals(parseProgram(heel, "es"), parseProgram(shareDecode(share.code), "es"))
        // Codes typed by hand: case and surrounding blanks do not matter.
        assertEquals(shareDecode(share.code), shareDecode("  " + share.code.lowercase() + "\n"))
    }

    @Test
    fun aDamagedShareCodeIsATypedError() {
        val code = shareEncode(heel).code
        val mid = code.length / 2
        val damaged = code.substring(0, mid) + (if (code[mid] == 'A') 'B' else 'A') + code.substring(mid + 1)
        fun problemOf(text: String): ShareProblem =
            try {
                shareDecode(text)
                throw AssertionError("expected BadShareCode for $text")
            } catch (e: UnknotException.BadShareCode) {
                assertTrue(e.reason.isNotEmpty())
                e.problem
            }
        assertEquals(ShareProblem.DAMAGED, problemOf(damaged))
        assertEquals(ShareProblem.NOT_A_CODE, problemOf("hello"))
        assertEquals(ShareProblem.NEWER_VERSION, problemOf("UK7:ABC"))
        assertEquals(ShareProblem.EMPTY, problemOf(" "))
    }

    @Test
    fun qrMatrixHasFinderPatternsAndASizeLimit() {
        val share = shareEncode(heel)
        val m = qrMatrix(share.code)
        assertEquals(share.qrVersion, m.version)
        assertEquals(17 + 4 * m.version, m.size)
        assertEquals(m.size * m.size, m.modules.size)
        fun dark(x: Int, y: Int) = m.modules[y * m.size + x]
        assertTrue(dark(0, 0) && dark(6, 0) && dark(0, 6) && dark(3, 3))
        assertFalse(dark(7, 0) || dark(1, 1) || dark(7, 7))
        try {
            qrMatrix("A".repeat(4000))
            fail("expected QrTooLarge")
        } catch (e: UnknotException.QrTooLarge) {
            assertEquals(4000, e.chars)
            assertEquals(3391, e.max)
        }
    }

    @Test
    fun theSafetyScreenIsTranslated() {
        val en = safetyScreen("en")
        val de = safetyScreen("de")
        assertTrue(en.version >= 1)
        assertTrue(en.doNot.size >= 6)
        assertEquals(en.doNot.size, de.doNot.size)
        assertNotEquals(en.title, de.title)
        assertTrue(en.doNot.joinToString(" ").lowercase().contains("clot"))
    }
}
