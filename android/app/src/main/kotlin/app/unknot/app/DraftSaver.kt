package app.unknot.app

import androidx.compose.runtime.saveable.Saver
import app.unknot.core.DraftItem
import app.unknot.core.DraftProgression
import app.unknot.core.Frequency
import app.unknot.core.ProgramDraft

/**
 * Keeps the program draft being edited through activity recreation and
 * process death (`rememberSaveable`): the record's fields, in order, as
 * nested lists of strings, numbers and nulls that a Bundle holds. It is UI
 * state only: nothing outside this app's saved instance state reads it,
 * and the core still checks the draft whole on every change.
 */
val ProgramDraftSaver: Saver<ProgramDraft?, Any> = Saver(
    save = { draft -> draft?.let(::pack) },
    restore = { saved -> unpack(saved) },
)

private fun pack(d: ProgramDraft): ArrayList<Any?> = arrayListOf<Any?>(
    d.title, d.forName, d.therapist, d.clinic, d.contact, d.start, d.weeks, d.notes,
    ArrayList<Any?>(d.cautions), d.painStopAbove, d.painFlareRise,
    ArrayList<Any?>(d.items.map(::packItem)), d.basedOn,
)

private fun packItem(item: DraftItem): ArrayList<Any?> {
    val frequency: ArrayList<Any?> = when (val f = item.frequency) {
        is Frequency.Days -> arrayListOf<Any?>(KIND_DAYS, ArrayList<Any?>(f.days), f.perDay)
        is Frequency.PerWeek -> arrayListOf<Any?>(KIND_PER_WEEK, f.times)
    }
    val progression = item.progression?.let { p ->
        arrayListOf<Any?>(p.everyWeeks, p.holdAddS, p.secondsAddS, p.repsAdd, p.maxHoldS, p.maxSecondsS, p.maxReps)
    }
    return arrayListOf<Any?>(item.builtinId, frequency, progression)
}

/** The draft saved by [pack], or null when what was saved does not read back (the screen then starts afresh). */
private fun unpack(saved: Any): ProgramDraft? = try {
    val v = saved as List<*>
    ProgramDraft(
        title = v[0] as String,
        forName = v[1] as String?,
        therapist = v[2] as String?,
        clinic = v[3] as String?,
        contact = v[4] as String?,
        start = v[5] as String,
        weeks = v[6] as Int,
        notes = v[7] as String,
        cautions = (v[8] as List<*>).map { it as String },
        painStopAbove = v[9] as Int,
        painFlareRise = v[10] as Int,
        items = (v[11] as List<*>).map { unpackItem(it as List<*>) },
        basedOn = v[12] as String?,
    )
} catch (e: ClassCastException) {
    null
} catch (e: IndexOutOfBoundsException) {
    null
} catch (e: NullPointerException) {
    null
}

private fun unpackItem(v: List<*>): DraftItem {
    val f = v[1] as List<*>
    val frequency = when (f[0]) {
        KIND_DAYS -> Frequency.Days(days = (f[1] as List<*>).map { it as String }, perDay = f[2] as Int)
        KIND_PER_WEEK -> Frequency.PerWeek(times = f[1] as Int)
        else -> throw ClassCastException("unknown frequency ${f[0]}")
    }
    val progression = (v[2] as List<*>?)?.let { p ->
        DraftProgression(
            everyWeeks = p[0] as Int,
            holdAddS = p[1] as Int,
            secondsAddS = p[2] as Int,
            repsAdd = p[3] as Int,
            maxHoldS = p[4] as Int?,
            maxSecondsS = p[5] as Int?,
            maxReps = p[6] as Int?,
        )
    }
    return DraftItem(builtinId = v[0] as String, frequency = frequency, progression = progression)
}

private const val KIND_DAYS = "days"
private const val KIND_PER_WEEK = "per_week"
