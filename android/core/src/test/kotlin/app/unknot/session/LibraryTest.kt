package app.unknot.session

import app.unknot.core.SegmentKind
import app.unknot.core.StepKind
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.builtinRoutineIds
import app.unknot.core.builtinSummaries
import app.unknot.core.parseRoutine
import app.unknot.core.validateRoutine
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** The library and validation surface, called from Kotlin through the real native library. */
class LibraryTest {
    @Test
    fun summariesAreLocalisedAndSortedById() {
        val en = builtinSummaries("en")
        val de = builtinSummaries("de-AT")
        assertEquals(builtinRoutineIds(), en.map { it.id })
        assertEquals(en.map { it.id }.sorted(), en.map { it.id })
        val box = en.single { it.id == "box-breathing" }
        assertEquals("Box breathing", box.title)
        assertEquals("Box-Atmung", de.single { it.id == "box-breathing" }.title)
        // prepare 10 s + 6 cycles of 4+4+4+4 s + rest 20 s
        assertEquals(10_000L + 6 * 16_000L + 20_000L, box.timedMs)
        assertEquals(3, box.steps)
        assertEquals(0, box.untimed)
    }

    @Test
    fun builtinDetailsCarryStepsTimesAndCautions() {
        val d = builtinRoutine("box-breathing", "es")
        assertEquals("Respiración en caja", d.title)
        assertEquals(1, d.cautions.size)
        assertEquals(listOf(StepKind.PREPARE, StepKind.BREATHING, StepKind.REST), d.steps.map { it.kind })
        val breathing = d.steps[1]
        assertEquals(10_000L, breathing.startMs)
        assertEquals(96_000L, breathing.timedMs)
        assertEquals(24, breathing.segmentCount)
        assertEquals("Empieza.", breathing.say)
        assertTrue(breathing.instructions!!.startsWith("Inhala por la nariz"))
        assertEquals(1 + 24 + 1, d.segments.size)
        assertEquals(SegmentKind.INHALE, d.segments[1].kind)
        assertEquals(1, d.segments[1].cycle)
        assertEquals(4_000L, d.segments[1].durationMs)
    }

    @Test
    fun unknownBuiltinIsATypedError() {
        try {
            builtinRoutine("no-such-routine", "en")
            fail("expected UnknownRoutine")
        } catch (e: UnknotException.UnknownRoutine) {
            assertEquals("no-such-routine", e.id)
        }
    }

    @Test
    fun validRoutineJsonParses() {
        val d = parseRoutine(MANUAL_AND_MASSAGE, "en")
        assertEquals("kotlin-check", d.id)
        assertEquals(listOf(StepKind.MANUAL, StepKind.MASSAGE), d.steps.map { it.kind })
        val massage = d.steps[1]
        assertEquals("calf", massage.area)
        assertEquals("rolling", massage.technique)
        assertEquals("ball", massage.tool)
        assertEquals("both", massage.sides)
        // left 30 s, switch 5 s, right 30 s
        assertEquals(65_000L, d.timedMs)
        assertEquals(1, d.untimed)
        assertNull(d.segments[0].durationMs)
        assertEquals(listOf("ball"), d.equipment)
        assertTrue(validateRoutine(MANUAL_AND_MASSAGE).isEmpty())
    }

    @Test
    fun invalidRoutineJsonListsEveryProblemWithItsPath() {
        val bad = MANUAL_AND_MASSAGE
            .replace("\"seconds\": 30", "\"secnds\": 30")
            .replace("\"pressure\": \"moderate\"", "\"pressure\": \"hard\"")
        try {
            parseRoutine(bad, "en")
            fail("expected InvalidRoutine")
        } catch (e: UnknotException.InvalidRoutine) {
            val paths = e.problems.map { it.path }
            assertTrue(paths.toString(), "steps[1].secnds" in paths)
            assertTrue(paths.toString(), "steps[1].pressure" in paths)
            val typo = e.problems.single { it.path == "steps[1].secnds" }
            assertTrue(typo.hint.toString(), typo.hint!!.contains("seconds"))
            assertEquals(e.problems, validateRoutine(bad))
        }
    }

    @Test
    fun syntaxErrorIsOneProblemWithLineAndColumn() {
        try {
            parseRoutine("{\n  \"id\": \"x\",\n  oops\n}", "en")
            fail("expected InvalidRoutine")
        } catch (e: UnknotException.InvalidRoutine) {
            assertEquals(1, e.problems.size)
            assertTrue(e.problems[0].path, e.problems[0].path.startsWith("line 3, column"))
        }
    }

    companion object {
        val MANUAL_AND_MASSAGE = """
            {
              "format": "unknot.routine.v1",
              "id": "kotlin-check",
              "title": "Calf release",
              "equipment": ["ball"],
              "steps": [
                {"kind": "manual", "title": "Fetch a ball"},
                {"kind": "massage", "title": "Roll the calf", "area": "calf", "technique": "rolling",
                 "pressure": "moderate", "tool": "ball", "seconds": 30, "sides": "both"}
              ]
            }
        """.trimIndent()
    }
}
