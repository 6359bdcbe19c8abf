package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material.icons.filled.KeyboardArrowDown
import androidx.compose.material.icons.filled.KeyboardArrowUp
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.DraftItem
import app.unknot.core.DraftProgression
import app.unknot.core.DraftRoutineTiming
import app.unknot.core.Frequency
import app.unknot.core.Problem
import app.unknot.core.UnknotException
import app.unknot.core.FrequencyChoice
import app.unknot.core.ProgramDraft
import app.unknot.core.draftFieldProblems
import app.unknot.core.draftOtherProblems
import app.unknot.core.frequencyChoice
import app.unknot.core.programDraftSetFrequency
import app.unknot.core.programDraftSuggestedProgression
import app.unknot.core.programDraftToggleDay
import app.unknot.core.weekdayNames
import app.unknot.core.durationText

/** The progression fields the card shows, as the core's problem paths name them. */
private val PROGRESSION_FIELDS = listOf(
    "every_weeks", "hold_add_s", "seconds_add_s", "reps_add", "max_hold_s", "max_seconds_s", "max_reps",
)

/** The problems of one progression value ([field], one of [PROGRESSION_FIELDS]) under [path]. */
private fun List<Problem>.ofField(path: String, field: String): List<Problem> = draftFieldProblems(this, "$path.$field")

/**
 * One routine of the draft: its title with move and remove buttons, how
 * long it takes in the first and last week (from the core, once the draft
 * is valid), when it is due, and how it grows.
 */
@Composable
internal fun ItemCard(
    draft: ProgramDraft,
    item: DraftItem,
    index: Int,
    count: Int,
    title: String,
    weeks: Int,
    timing: DraftRoutineTiming?,
    problems: List<Problem>,
    onChange: (DraftItem) -> Unit,
    onRemove: () -> Unit,
    onMove: (to: Int) -> Unit,
) {
    val base = "items[$index]"
    val frequencyProblems = draftFieldProblems(problems, "$base.frequency")
    val perDayProblems = draftFieldProblems(problems, "$base.per_day")
    val progressionProblems = draftFieldProblems(problems, "$base.progression")
    val otherProblems = draftOtherProblems(
        problems, base, listOf("$base.frequency", "$base.per_day", "$base.progression"),
    )
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(
                    title,
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.weight(1f).semantics { heading() },
                )
                IconButton(onClick = { onMove(index - 1) }, enabled = index > 0) {
                    Icon(Icons.Filled.KeyboardArrowUp, contentDescription = stringResource(R.string.move_up, title))
                }
                IconButton(onClick = { onMove(index + 1) }, enabled = index < count - 1) {
                    Icon(Icons.Filled.KeyboardArrowDown, contentDescription = stringResource(R.string.move_down, title))
                }
                IconButton(onClick = onRemove) {
                    Icon(Icons.Filled.Delete, contentDescription = stringResource(R.string.remove_routine, title))
                }
            }
            timing?.let { TimingLine(it, weeks) }
            // The core edits the frequency; the card shows the item it hands back.
            FrequencyEditor(
                item.frequency,
                frequencyProblems,
                perDayProblems,
                onChoose = { choice -> edited(index) { programDraftSetFrequency(draft, index, choice) }?.let(onChange) },
                onToggleDay = { day -> edited(index) { programDraftToggleDay(draft, index, day) }?.let(onChange) },
                onChange = { onChange(item.copy(frequency = it)) },
            )
            ProgressionEditor(item, "$base.progression", progressionProblems) { onChange(item.copy(progression = it)) }
            if (otherProblems.isNotEmpty()) ProblemLines(otherProblems)
        }
    }
}

/** Week 1's and the last week's length and the sessions a week, as the core counted them. */
@Composable
internal fun TimingLine(t: DraftRoutineTiming, weeks: Int) {
    val text = if (weeks > 1) {
        stringResource(R.string.timing_weeks, durationText(t.firstWeekMs, phoneLang()), weeks, durationText(t.lastWeekMs, phoneLang()), t.perWeek)
    } else {
        stringResource(R.string.timing_one_week, durationText(t.firstWeekMs, phoneLang()), t.perWeek)
    }
    Text(text, style = MaterialTheme.typography.bodyLarge)
}

/** Item [index] of the draft [edit] returns, or null when the core refused the edit (no such item). */
private inline fun edited(index: Int, edit: () -> ProgramDraft): DraftItem? = try {
    edit().items.getOrNull(index)
} catch (e: UnknotException) {
    null
}

/**
 * When a routine is due: every day, on chosen weekdays (chips), or a
 * number of times a week on any days; with days, how many times each day.
 * The choice shown is the core's ([frequencyChoice]); switching and
 * ticking days are the core's edits ([onChoose], [onToggleDay]), which
 * keep what they can. "Chosen days" stays picked while all seven are
 * ticked, until "every day" is picked again.
 */
@Composable
private fun FrequencyEditor(
    frequency: Frequency,
    problems: List<Problem>,
    perDayProblems: List<Problem>,
    onChoose: (FrequencyChoice) -> Unit,
    onToggleDay: (String) -> Unit,
    onChange: (Frequency) -> Unit,
) {
    var pickDays by rememberSaveable { mutableStateOf(false) }
    val core = frequencyChoice(frequency)
    val shown = if (pickDays && core == FrequencyChoice.DAILY) FrequencyChoice.DAYS else core
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(stringResource(R.string.frequency), style = MaterialTheme.typography.titleSmall)
        Column(Modifier.selectableGroup()) {
            Choice(stringResource(R.string.freq_daily), shown == FrequencyChoice.DAILY) {
                pickDays = false
                onChoose(FrequencyChoice.DAILY)
            }
            Choice(stringResource(R.string.freq_days), shown == FrequencyChoice.DAYS) {
                pickDays = true
                onChoose(FrequencyChoice.DAYS)
            }
            Choice(stringResource(R.string.freq_per_week), shown == FrequencyChoice.PER_WEEK) {
                pickDays = false
                onChoose(FrequencyChoice.PER_WEEK)
            }
        }
        when (frequency) {
            is Frequency.Days -> {
                if (shown == FrequencyChoice.DAYS) Weekdays(frequency.days, onToggleDay)
                Stepper(
                    label = stringResource(R.string.per_day),
                    value = frequency.perDay,
                    onChange = { onChange(frequency.copy(perDay = it)) },
                    min = 1,
                    max = DRAFT_LIMITS.maxPerDay,
                    problems = perDayProblems,
                )
            }
            is Frequency.PerWeek -> Stepper(
                label = stringResource(R.string.times_week),
                value = frequency.times,
                onChange = { onChange(frequency.copy(times = it)) },
                min = 1,
                max = DRAFT_LIMITS.maxPerWeek,
            )
        }
        if (problems.isNotEmpty()) ProblemLines(problems)
    }
}

/** One radio choice, the whole row a large touch target. */
@Composable
private fun Choice(label: String, selected: Boolean, onSelect: () -> Unit) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = 48.dp)
            .selectable(selected = selected, onClick = onSelect, role = Role.RadioButton),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected = selected, onClick = null)
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
    }
}

/** A chip per weekday with the core's names (short, read out in full), Monday to Thursday over Friday to Sunday. */
@Composable
private fun Weekdays(days: List<String>, onToggle: (String) -> Unit) {
    val lang = phoneLang()
    val names = remember(lang) { weekdayNames(lang) }
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        names.chunked(4).forEach { row ->
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                row.forEach { day ->
                    FilterChip(
                        selected = day.word in days,
                        onClick = { onToggle(day.word) },
                        label = { Text(day.short) },
                        modifier = Modifier.semantics { contentDescription = day.name },
                    )
                }
            }
        }
    }
}

/**
 * Whether and how a routine grows week by week. The switch fills in the
 * core's suggestion for that routine; it is off, and says why, for a
 * routine with nothing that can grow. Each value stays editable.
 */
@Composable
private fun ProgressionEditor(
    item: DraftItem,
    path: String,
    problems: List<Problem>,
    onChange: (DraftProgression?) -> Unit,
) {
    val suggested = remember(item.builtinId) {
        try {
            programDraftSuggestedProgression(item.builtinId)
        } catch (e: UnknotException) {
            null
        }
    }
    val on = item.progression != null
    val canSwitch = on || suggested != null
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Row(
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = 56.dp)
                .toggleable(
                    value = on,
                    enabled = canSwitch,
                    role = Role.Switch,
                    onValueChange = { wanted -> onChange(if (wanted) suggested else null) },
                ),
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Text(stringResource(R.string.progression), style = MaterialTheme.typography.titleSmall, modifier = Modifier.weight(1f))
            Switch(checked = on, onCheckedChange = null, enabled = canSwitch)
        }
        if (!canSwitch) Text(stringResource(R.string.progression_none), style = MaterialTheme.typography.bodyMedium)
        // With the values shown, each field shows its own problems; the rest show here.
        val here = if (item.progression == null) {
            problems
        } else {
            draftOtherProblems(problems, path, PROGRESSION_FIELDS.map { "$path.$it" })
        }
        if (here.isNotEmpty()) ProblemLines(here)
        item.progression?.let { p -> ProgressionFields(p, path, problems, onChange) }
    }
}

/** The values of a progression, each a number field with the core's problems for it under it. */
@Composable
private fun ProgressionFields(
    p: DraftProgression,
    path: String,
    problems: List<Problem>,
    onChange: (DraftProgression) -> Unit,
) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        val none = stringResource(R.string.no_limit)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            NumberField(
                label = stringResource(R.string.prog_every),
                value = p.everyWeeks,
                onChange = { onChange(p.copy(everyWeeks = it ?: 0)) },
                problems = problems.ofField(path, "every_weeks"),
                modifier = Modifier.weight(1f),
            )
            NumberField(
                label = stringResource(R.string.prog_reps_add),
                value = p.repsAdd,
                onChange = { onChange(p.copy(repsAdd = it ?: 0)) },
                problems = problems.ofField(path, "reps_add"),
                modifier = Modifier.weight(1f),
            )
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            NumberField(
                label = stringResource(R.string.prog_hold_add),
                value = p.holdAddS,
                onChange = { onChange(p.copy(holdAddS = it ?: 0)) },
                problems = problems.ofField(path, "hold_add_s"),
                modifier = Modifier.weight(1f),
            )
            NumberField(
                label = stringResource(R.string.prog_seconds_add),
                value = p.secondsAddS,
                onChange = { onChange(p.copy(secondsAddS = it ?: 0)) },
                problems = problems.ofField(path, "seconds_add_s"),
                modifier = Modifier.weight(1f),
            )
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            NumberField(
                label = stringResource(R.string.prog_max_hold),
                value = p.maxHoldS,
                onChange = { onChange(p.copy(maxHoldS = it)) },
                optional = true,
                emptyText = none,
                problems = problems.ofField(path, "max_hold_s"),
                modifier = Modifier.weight(1f),
            )
            NumberField(
                label = stringResource(R.string.prog_max_seconds),
                value = p.maxSecondsS,
                onChange = { onChange(p.copy(maxSecondsS = it)) },
                optional = true,
                emptyText = none,
                problems = problems.ofField(path, "max_seconds_s"),
                modifier = Modifier.weight(1f),
            )
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            NumberField(
                label = stringResource(R.string.prog_max_reps),
                value = p.maxReps,
                onChange = { onChange(p.copy(maxReps = it)) },
                optional = true,
                emptyText = none,
                problems = problems.ofField(path, "max_reps"),
                modifier = Modifier.weight(1f),
            )
            Spacer(Modifier.weight(1f))
        }
    }
}
