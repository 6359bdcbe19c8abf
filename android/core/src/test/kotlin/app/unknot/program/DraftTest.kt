package app.unknot.program

import app.unknot.core.Frequency
import app.unknot.core.ProgramDraft
import app.unknot.core.UnknotException
import app.unknot.core.parseProgram
import app.unknot.core.programDraftAddRoutine
import app.unknot.core.programDraftBuild
import app.unknot.core.programDraftFromProgram
import app.unknot.core.programDraftLimits
import app.unknot.core.programDraftNew
import app.unknot.core.programDraftRestore
import app.unknot.core.programDraftSave
import app.unknot.core.programDraftSuggestedProgression
import app.unknot.core.qrMatrix
import app.unknot.core.shareDecode
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** Therapist mode as the Android form drives it: a draft in, a program and its QR out. */
class DraftTest {
    private fun draft(): ProgramDraft {
        var d = programDraftNew("2026-11-23")
        d = programDraftAddRoutine(d, "plantar-fascia")
        d = programDraftAddRoutine(d, "box-breathing")
        val items = d.items.toMutableList()
        items[0] = items[0].copy(progression = programDraftSuggestedProgression("plantar-fascia"))
        items[1] = items[1].copy(frequency = Frequency.PerWeek(3))
        return d.copy(title = "Heel and breath", forName = "Sam", items = items)
    }

    @Test
    fun aNewDraftHasTheCoreDefaults() {
        val d = programDraftNew("2026-11-23")
        assertEquals(4, d.weeks)
        assertEquals(7, d.painStopAbove)
        assertEquals(2, d.painFlareRise)
        assertTrue(d.items.isEmpty())
        val out = programDraftBuild(d, "en")
        assertEquals(listOf("title", "items"), out.problems.map { it.path })
        assertNull(out.programJson)
        // The steppers' bounds come from the core too.
        val limits = programDraftLimits()
        assertEquals(listOf(52, 4, 14, 10, 1), listOf(limits.maxWeeks, limits.maxPerDay, limits.maxPerWeek, limits.painMax, limits.flareRiseMin))
        assertEquals(null, programDraftBuild(d.copy(title = "T", weeks = limits.maxWeeks), "en").problems.find { it.path == "weeks" })
    }

    @Test
    fun aValidDraftMakesAProgramItsCodeAndAQr() {
        val out = programDraftBuild(draft(), "es")
        assertTrue(out.problems.toString(), out.problems.isEmpty())
        val json = out.programJson ?: return fail("no program")
        val p = parseProgram(json, "en")
        assertEquals("heel-and-breath", p.id)
        assertEquals("Sam", p.forName)
        val share = out.share ?: return fail("no code")
        val version = share.qrVersion ?: return fail("too large")
        assertTrue("v$version", version <= 10)
        assertEquals(json, shareDecode(share.code))
        assertEquals(version, qrMatrix(share.code).version)
        assertEquals(listOf(7, 3), out.routines.map { it.perWeek })
        assertTrue(out.routines[0].lastWeekMs > out.routines[0].firstWeekMs)
        assertTrue(out.minutesPerWeekLast > out.minutesPerWeekFirst)
        // The same program comes back as the same draft for editing,
        // remembering the program it was opened from.
        val back = programDraftFromProgram(json)
        assertEquals(draft(), back.copy(basedOn = null))
        assertNotNull(back.basedOn)
    }

    @Test
    fun aSavedDraftComesBackAsItWas() {
        for (d in listOf(draft(), programDraftFromProgram(example("calm-breathing.unknot")))) {
            assertEquals(d, programDraftRestore(programDraftSave(d)))
        }
        assertNull(programDraftRestore("not a draft"))
        assertNull(programDraftRestore(programDraftSave(draft()).dropLast(1)))
    }

    @Test
    fun editingKeepsTheIdAndTheLanguagesLeftAsTheyWere() {
        val d = programDraftFromProgram(example("calm-breathing.unknot"))
        assertEquals("Calm breathing, four weeks", d.title)
        val json = programDraftBuild(d.copy(weeks = 6), "en").programJson!!
        val es = parseProgram(json, "es")
        assertEquals("calm-breathing-4w", es.id)
        assertEquals("Respiración tranquila, cuatro semanas", es.title)
        assertEquals(6, es.weeks)
        // A new title is taken as typed; the id stays, so sessions still count.
        val renamed = parseProgram(programDraftBuild(d.copy(title = "Calm evenings"), "en").programJson!!, "es")
        assertEquals("calm-breathing-4w", renamed.id)
        assertEquals("Calm evenings", renamed.title)
    }

    @Test
    fun problemsNameTheDraftFields() {
        val d = draft()
        val items = d.items.toMutableList()
        items[1] = items[1].copy(frequency = Frequency.PerWeek(20))
        val out = programDraftBuild(d.copy(weeks = 60, items = items), "en")
        assertEquals(listOf("weeks", "items[1].frequency"), out.problems.map { it.path })
        assertTrue(out.problems.all { it.message.isNotEmpty() })
        assertNull(out.share)
    }

    @Test
    fun badInputsAreTypedErrors() {
        try {
            programDraftAddRoutine(programDraftNew("2026-11-23"), "plantar")
            fail("unknown routine accepted")
        } catch (e: UnknotException.UnknownRoutine) {
            assertEquals("plantar", e.id)
        }
        try {
            programDraftNew("2026-02-30")
            fail("bad date accepted")
        } catch (e: UnknotException.BadDate) {
            assertEquals("2026-02-30", e.value)
        }
        try {
            programDraftFromProgram(example("desk-neck-back-hips.unknot"))
            fail("a program of written-out routines is not a draft")
        } catch (e: UnknotException.NotEditable) {
            assertTrue(e.reason, e.reason.contains("neck-release"))
        }
        assertNull(programDraftSuggestedProgression("box-breathing"))
        assertNotNull(programDraftSuggestedProgression("calf-release"))
    }
}
