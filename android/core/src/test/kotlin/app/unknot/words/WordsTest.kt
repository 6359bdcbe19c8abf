package app.unknot.words

import app.unknot.core.FrequencyChoice
import app.unknot.core.Frequency
import app.unknot.core.ImportKind
import app.unknot.core.LibraryQuery
import app.unknot.core.LimitFrom
import app.unknot.core.Problem
import app.unknot.core.SegmentKind
import app.unknot.core.ShareProblem
import app.unknot.core.Side
import app.unknot.core.UnknotException
import app.unknot.core.WordKind
import app.unknot.core.checkPainBefore
import app.unknot.core.countdownText
import app.unknot.core.draftFieldProblems
import app.unknot.core.draftOtherProblems
import app.unknot.core.durationText
import app.unknot.core.durationWords
import app.unknot.core.elapsedText
import app.unknot.core.errorMessage
import app.unknot.core.flagTitle
import app.unknot.core.frequencyChoice
import app.unknot.core.importProgram
import app.unknot.core.libraryFilters
import app.unknot.core.numbers
import app.unknot.core.painRuleText
import app.unknot.core.painValueText
import app.unknot.core.programDraftAddRoutine
import app.unknot.core.programDraftNew
import app.unknot.core.programDraftSetFrequency
import app.unknot.core.programDraftToggleDay
import app.unknot.core.safetyWords
import app.unknot.core.searchRoutines
import app.unknot.core.segmentKindName
import app.unknot.core.shareEncode
import app.unknot.core.shareProblemMessage
import app.unknot.core.sideName
import app.unknot.core.tooMuchText
import app.unknot.core.vocabularyNames
import app.unknot.core.weekdayNames
import app.unknot.core.wordName
import app.unknot.program.example
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** Words, numbers, safety words, library search, import, errors and the form's frequency calls, from Kotlin. */
class WordsTest {
    private val langs = listOf("en", "es", "de")

    @Test
    fun everyVocabularyWordHasANameInEachLanguage() {
        for (kind in WordKind.values()) {
            for (lang in langs) {
                val names = vocabularyNames(kind, lang)
                assertTrue("$kind", names.isNotEmpty())
                names.forEach { assertTrue("$kind ${it.word} in $lang", it.name.isNotBlank()) }
            }
        }
        assertEquals(24, vocabularyNames(WordKind.AREA, "de").size)
        assertEquals("unterer Rücken", wordName(WordKind.AREA, "lower_back", "de"))
        assertEquals("rodillo de espuma", wordName(WordKind.TOOL, "foam_roller", "es"))
        assertEquals(null, wordName(WordKind.TOOL, "hammer", "en"))
        assertEquals("Breathe in", segmentKindName(SegmentKind.INHALE, "en"))
        assertEquals("Seite wechseln", segmentKindName(SegmentKind.SWITCH, "de"))
        assertEquals("Lado izquierdo", sideName(Side.LEFT, "es"))
        val days = weekdayNames("de")
        assertEquals(listOf("mon", "tue", "wed", "thu", "fri", "sat", "sun"), days.map { it.word })
        assertEquals("Mo", days[0].short)
        assertEquals("Sonntag", days[6].name)
    }

    @Test
    fun timesDurationsAndNumbers() {
        assertEquals("0:01", countdownText(1))
        assertEquals("0:00", elapsedText(999))
        assertEquals("1:02:03", elapsedText(3_723_000))
        assertEquals("0:00", countdownText(-40))
        assertEquals("9 min", durationText(515_000, "en"))
        assertEquals("8 Min.", durationText(480_000, "de"))
        assertEquals("1 h 5 min", durationText(3_900_000, "es"))
        assertEquals("8 minutos", durationWords(480_000, "es"))
        val n = numbers("en")
        assertEquals(15_000L, n.extendMs)
        assertEquals("+15 s", n.extendLabel)
        assertEquals("Add 15 seconds", n.extendDescription)
        assertEquals(0, n.painMin)
        assertEquals(10, n.painMax)
        assertEquals("10 · worst", n.painWorst)
        assertEquals("Schmerz: 4 von 10", painValueText(4, "de"))
    }

    @Test
    fun safetyWordsAndThePainCheckBeforeASession() {
        assertEquals("Stop this routine and contact your therapist.", safetyWords("en").stopRoutine)
        assertNotEquals(safetyWords("en").easeOff, safetyWords("de").easeOff)
        assertEquals("", tooMuchText(0, "en").message)
        assertEquals("Noted once. Ease off, or stop if it keeps hurting.", tooMuchText(1, "en").message)
        assertEquals("Zu viel (2×)", tooMuchText(2, "de").label)
        assertEquals("Stop “Low back”", flagTitle("Low back", "en"))
        assertTrue(painRuleText(6, "es").contains("6 de 10"))

        val ok = checkPainBefore(5, 6, "en")
        assertTrue(ok.goOn)
        assertEquals(LimitFrom.PROGRAM, ok.limitFrom)
        val stop = checkPainBefore(7, 6, "en")
        assertFalse(stop.goOn)
        assertEquals("Not today", stop.title)
        assertTrue(stop.message, stop.message.contains("limit of 6"))
        val general = checkPainBefore(8, null, "de")
        assertFalse(general.goOn)
        assertEquals(LimitFrom.GENERAL, general.limitFrom)
        assertEquals(7, general.stopAbove)
        assertTrue(checkPainBefore(null, 0, "en").goOn)
        try {
            checkPainBefore(11, null, "en")
            fail("11 is off the scale")
        } catch (e: UnknotException.BadPain) {
            assertEquals(11, e.value)
            assertEquals("Pain 11 is not on the scale; ratings go from 0 to 10.", errorMessage(e, "en"))
        }
    }

    @Test
    fun theLibrarySearchesInThePersonsLanguage() {
        val all = searchRoutines(LibraryQuery("", null, null, null), "en")
        assertEquals(26, all.size)
        val back = searchRoutines(LibraryQuery("RUCKEN", null, null, null), "de").map { it.id }
        assertTrue(back.toString(), "low-back" in back)
        val ball = searchRoutines(LibraryQuery("", "glute", "ball", null), "en")
        assertTrue(ball.isNotEmpty())
        ball.forEach { assertTrue("glute" in it.areas && "ball" in it.equipment) }
        val short = searchRoutines(LibraryQuery("", null, null, 3), "en")
        assertTrue(short.all { it.timedMs <= 180_000 })
        assertTrue(short.any { it.id == "desk-break" })
        val filters = libraryFilters("es")
        assertTrue(filters.tools.any { it.word == "ball" && it.name == "pelota" })
        assertFalse(filters.areas.any { it.word == "shin" })
        assertEquals(listOf(5, 10, 20), filters.lengths.map { it.maxMinutes })
        assertEquals("5 min", filters.lengths[0].name)
    }

    @Test
    fun importTakesCodesLinksAndJson() {
        val json = example("calm-breathing.unknot")
        val code = shareEncode(json).code
        val fromCode = importProgram("\n  https://example.org/#$code  ", "en")
        assertEquals(ImportKind.CODE, fromCode.kind)
        val fromJson = importProgram("\uFEFF$json", "en")
        assertEquals(ImportKind.JSON, fromJson.kind)
        assertEquals(fromJson.details, fromCode.details)
        try {
            importProgram("hello", "es")
            fail("not a code")
        } catch (e: UnknotException.BadShareCode) {
            assertEquals(ShareProblem.NOT_A_CODE, e.problem)
            assertEquals(shareProblemMessage(ShareProblem.NOT_A_CODE, "es"), errorMessage(e, "es"))
        }
        try {
            importProgram("{" + " ".repeat(1 shl 20) + "}", "en")
            fail("too large")
        } catch (e: UnknotException.InvalidProgram) {
            assertTrue(errorMessage(e, "en"), errorMessage(e, "en").startsWith("This program is not valid:\n• the file is"))
        }
    }

    @Test
    fun errorsCarryASentenceInEachLanguage() {
        val e = UnknotException.UnknownRoutine("nope")
        assertEquals("There is no built-in routine called “nope”.", errorMessage(e, "en"))
        assertEquals("Es gibt keine eingebaute Übung namens „nope“.", errorMessage(e, "de"))
        for (p in ShareProblem.values()) {
            val sentences = langs.map { shareProblemMessage(p, it) }
            assertEquals("$p", 3, sentences.toSet().size)
        }
    }

    @Test
    fun theFormsFrequencyAndFieldProblemsAreCoreCalls() {
        var d = programDraftAddRoutine(programDraftNew("2026-03-02"), "low-back")
        assertEquals(FrequencyChoice.DAILY, frequencyChoice(d.items[0].frequency))
        d = programDraftToggleDay(d, 0, "sun")
        assertEquals(Frequency.Days(listOf("mon", "tue", "wed", "thu", "fri", "sat"), 1), d.items[0].frequency)
        assertEquals(FrequencyChoice.DAYS, frequencyChoice(d.items[0].frequency))
        d = programDraftSetFrequency(d, 0, FrequencyChoice.PER_WEEK)
        assertEquals(Frequency.PerWeek(6), d.items[0].frequency)
        d = programDraftSetFrequency(d, 0, FrequencyChoice.DAYS)
        assertEquals(7, (d.items[0].frequency as Frequency.Days).days.size)
        try {
            programDraftSetFrequency(d, 3, FrequencyChoice.DAILY)
            fail("no item 3")
        } catch (e: UnknotException.NoSuchItem) {
            assertEquals(1, e.count)
        }
        val ps = listOf(Problem("items[1]", "a", null), Problem("items[1].frequency", "b", null), Problem("items[10]", "c", null))
        assertEquals(listOf("a", "b"), draftFieldProblems(ps, "items[1]").map { it.message })
        assertEquals(listOf("a"), draftOtherProblems(ps, "items[1]", listOf("items[1].frequency")).map { it.message })
    }
}
