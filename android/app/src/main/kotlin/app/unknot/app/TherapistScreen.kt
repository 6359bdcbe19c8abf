package app.unknot.app

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.displayCutoutPadding
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.systemBarsPadding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.foundation.lazy.itemsIndexed
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.DraftOutcome
import app.unknot.core.Problem
import app.unknot.core.ProgramDraft
import app.unknot.core.UnknotException
import app.unknot.core.builtinSummaries
import app.unknot.core.programDraftAddRoutine
import app.unknot.core.programDraftBuild
import java.io.IOException
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import java.time.format.DateTimeParseException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** What the therapist screen shows: the form, the routine list to add from, or the QR code. */
private const val SHOW_FORM = "form"
private const val SHOW_PICKER = "picker"
private const val SHOW_QR = "qr"

/** From this width the core's answer stands beside the form instead of under it (a tablet, a desk). */
private val SIDE_BY_SIDE = 720.dp

/** The core's answer to a draft, with the draft and language it was built for. */
private class Built(val draft: ProgramDraft, val lang: String, val outcome: DraftOutcome) {
    fun isFor(d: ProgramDraft, l: String): Boolean = draft == d && lang == l
}

/**
 * Therapist mode: a home program put together from built-in routines.
 * [draft] is held by the caller (so it outlives this screen and the
 * activity) and every edit comes back through [onChange]. On every change
 * the core builds it ([programDraftBuild], off the main thread) and its
 * answer shows beside or under the form: each problem (also next to the
 * field it names), or the
 * summary with the ways to hand the program over: a full-screen QR code,
 * the `.unknot` file, the code on the clipboard, or [onUse] to take it
 * on this phone through the import preview. [onNew] starts an empty
 * draft.
 */
@Composable
fun TherapistScreen(
    draft: ProgramDraft,
    lang: String,
    onChange: (ProgramDraft) -> Unit,
    onBack: () -> Unit,
    onNew: () -> Unit,
    onUse: (programJson: String) -> Unit,
) {
    val context = LocalContext.current
    // The core's answer, built off the main thread on every change: a build
    // takes milliseconds (more on a slow phone), too long for each
    // keystroke on the main thread. The last answer shows until the next
    // is ready; the first is built in place when the screen opens.
    var built by remember { mutableStateOf(Built(draft, lang, programDraftBuild(draft, lang))) }
    LaunchedEffect(draft, lang) {
        if (built.isFor(draft, lang)) return@LaunchedEffect
        val next = withContext(Dispatchers.Default) { programDraftBuild(draft, lang) }
        built = Built(draft, lang, next)
    }
    val outcome = built.outcome

    // The answer for exactly this draft, for the actions that hand it over
    // (a tap may come before the latest build is in).
    fun exact(): DraftOutcome = if (built.isFor(draft, lang)) built.outcome else programDraftBuild(draft, lang)

    val library = remember(lang) { builtinSummaries(lang) }
    val titles = remember(library) { library.associate { it.id to it.title } }
    var showing by rememberSaveable { mutableStateOf(SHOW_FORM) }
    var addError by rememberSaveable { mutableStateOf<String?>(null) }
    var actionError by rememberSaveable { mutableStateOf<String?>(null) }
    var confirmNew by rememberSaveable { mutableStateOf(false) }
    val qrCode = outcome.share?.takeIf { it.qrVersion != null }?.code
    // Kept while the picker or the QR code is shown, so the form comes back where it was.
    val list = rememberLazyListState()
    val scope = rememberCoroutineScope()

    if (showing == SHOW_PICKER) {
        RoutinePicker(
            library = library,
            chosen = draft.items.map { it.builtinId }.toSet(),
            error = addError,
            onAdd = { id ->
                addError = try {
                    onChange(programDraftAddRoutine(draft, id))
                    null
                } catch (e: UnknotException) {
                    errorText(e)
                }
            },
            onDone = {
                addError = null
                showing = SHOW_FORM
            },
        )
        return
    }
    if (showing == SHOW_QR) {
        val code = remember(draft, lang) { exact().share?.takeIf { it.qrVersion != null }?.code }
        if (code != null) {
            ProgramQrScreen(code = code, title = draft.title, onClose = { showing = SHOW_FORM })
            return
        }
        // Nothing to show (the draft no longer makes one QR code): back to the form.
        LaunchedEffect(Unit) { showing = SHOW_FORM }
    }

    if (confirmNew) {
        AlertDialog(
            onDismissRequest = { confirmNew = false },
            title = { Text(stringResource(R.string.new_program_title)) },
            text = { Text(stringResource(R.string.new_program_text)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmNew = false
                    onNew()
                }) { Text(stringResource(R.string.new_program)) }
            },
            dismissButton = { TextButton(onClick = { confirmNew = false }) { Text(stringResource(R.string.cancel)) } },
        )
    }

    val actions = OutcomeActions(
        onShowQr = { showing = SHOW_QR },
        onShareFile = {
            exact().programJson?.let { json ->
                actionError = try {
                    shareProgramFile(context, json, lang)
                    null
                } catch (e: IOException) {
                    context.getString(R.string.share_failed, e.message ?: e.toString())
                }
            }
        },
        onCopy = { exact().share?.let { copyShareCode(context, it.code) } },
        onUse = { exact().programJson?.let(onUse) },
    )
    val form: LazyListScope.() -> Unit = {
        draftForm(
            draft = draft,
            outcome = outcome,
            titles = titles,
            onChange = onChange,
            onBack = onBack,
            onNew = { confirmNew = true },
            onAdd = { showing = SHOW_PICKER },
        )
    }

    BoxWithConstraints(Modifier.fillMaxSize().systemBarsPadding().displayCutoutPadding()) {
        if (maxWidth >= SIDE_BY_SIDE) {
            Row(Modifier.fillMaxSize()) {
                LazyColumn(
                    state = list,
                    modifier = Modifier.weight(3f).fillMaxSize(),
                    contentPadding = PaddingValues(16.dp),
                    verticalArrangement = Arrangement.spacedBy(16.dp),
                    content = form,
                )
                LazyColumn(
                    modifier = Modifier.weight(2f).fillMaxSize(),
                    contentPadding = PaddingValues(16.dp),
                    verticalArrangement = Arrangement.spacedBy(16.dp),
                ) {
                    item { OutcomePanel(outcome, draft.weeks, qrCode, actions, actionError) }
                }
            }
        } else {
            Column(Modifier.fillMaxSize()) {
                LazyColumn(
                    state = list,
                    modifier = Modifier.weight(1f).fillMaxWidth(),
                    contentPadding = PaddingValues(16.dp),
                    verticalArrangement = Arrangement.spacedBy(16.dp),
                ) {
                    form()
                    item(key = "outcome") { OutcomePanel(outcome, draft.weeks, qrCode, actions, actionError) }
                }
                StatusBar(
                    outcome = outcome,
                    qrCode = qrCode,
                    actions = actions,
                    onSeeAll = {
                        // The core's answer is the list's last item.
                        scope.launch { list.animateScrollToItem((list.layoutInfo.totalItemsCount - 1).coerceAtLeast(0)) }
                    },
                )
            }
        }
    }
}

/** The form's parts, in order, as items of a lazy list. */
private fun LazyListScope.draftForm(
    draft: ProgramDraft,
    outcome: DraftOutcome,
    titles: Map<String, String>,
    onChange: (ProgramDraft) -> Unit,
    onBack: () -> Unit,
    onNew: () -> Unit,
    onAdd: () -> Unit,
) {
    val problems = outcome.problems
    item(key = "top") {
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                TextButton(onClick = onBack) { Text(stringResource(R.string.back)) }
                TextButton(onClick = onNew) { Text(stringResource(R.string.new_program)) }
            }
            Text(
                stringResource(R.string.therapist_title),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
    }
    item(key = "who") {
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            DraftTextField(
                label = stringResource(R.string.field_title),
                value = draft.title,
                onChange = { onChange(draft.copy(title = it)) },
                problems = problems.under("title"),
                modifier = Modifier.fillMaxWidth(),
            )
            DraftTextField(
                label = stringResource(R.string.field_for),
                value = draft.forName.orEmpty(),
                onChange = { onChange(draft.copy(forName = it.ifEmpty { null })) },
                problems = problems.under("for_name"),
                modifier = Modifier.fillMaxWidth(),
            )
            DraftTextField(
                label = stringResource(R.string.field_therapist),
                value = draft.therapist.orEmpty(),
                onChange = { onChange(draft.copy(therapist = it.ifEmpty { null })) },
                problems = problems.under("therapist"),
                modifier = Modifier.fillMaxWidth(),
            )
            DraftTextField(
                label = stringResource(R.string.field_clinic),
                value = draft.clinic.orEmpty(),
                onChange = { onChange(draft.copy(clinic = it.ifEmpty { null })) },
                problems = problems.under("clinic"),
                modifier = Modifier.fillMaxWidth(),
            )
            DraftTextField(
                label = stringResource(R.string.field_contact),
                value = draft.contact.orEmpty(),
                onChange = { onChange(draft.copy(contact = it.ifEmpty { null })) },
                problems = problems.under("contact"),
                modifier = Modifier.fillMaxWidth(),
            )
        }
    }
    item(key = "when") {
        Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
            StartDate(draft.start, problems.under("start")) { onChange(draft.copy(start = it)) }
            // The buttons stay within the format's bounds; the core says what it accepts.
            Stepper(
                label = stringResource(R.string.field_weeks),
                value = draft.weeks,
                onChange = { onChange(draft.copy(weeks = it)) },
                min = 1,
                max = DRAFT_LIMITS.maxWeeks,
                problems = problems.under("weeks"),
            )
        }
    }
    item(key = "notes") {
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            DraftTextField(
                label = stringResource(R.string.field_notes),
                value = draft.notes,
                onChange = { onChange(draft.copy(notes = it)) },
                problems = problems.under("notes"),
                singleLine = false,
                modifier = Modifier.fillMaxWidth(),
            )
            Cautions(draft.cautions, problems) { onChange(draft.copy(cautions = it)) }
        }
    }
    item(key = "pain") {
        Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
            Text(
                stringResource(R.string.pain_section),
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
            // The buttons stay on the core's pain scale; the core judges the rest.
            Stepper(
                label = stringResource(R.string.field_pain_stop),
                value = draft.painStopAbove,
                onChange = { onChange(draft.copy(painStopAbove = it)) },
                min = 0,
                max = DRAFT_LIMITS.painMax,
                problems = problems.under("pain_stop_above"),
            )
            Stepper(
                label = stringResource(R.string.field_pain_flare),
                value = draft.painFlareRise,
                onChange = { onChange(draft.copy(painFlareRise = it)) },
                min = DRAFT_LIMITS.flareRiseMin,
                max = DRAFT_LIMITS.painMax,
                problems = problems.under("pain_flare_rise"),
            )
        }
    }
    item(key = "routines") {
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                stringResource(R.string.routines_title),
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
            if (draft.items.isEmpty()) Text(stringResource(R.string.no_routines), style = MaterialTheme.typography.bodyLarge)
            // Problems of the list as a whole (none added, say); each routine's own show on its card.
            ProblemLines(problems.filter { it.path == "items" })
        }
    }
    // Keyed by routine (state such as "chosen days" follows a moved card)
    // unless an edited program repeats one, which a lazy list cannot key.
    val distinct = draft.items.map { it.builtinId }.toSet().size == draft.items.size
    itemsIndexed(draft.items, key = { i, item -> if (distinct) "item:${item.builtinId}" else "item#$i" }) { i, item ->
        ItemCard(
            draft = draft,
            item = item,
            index = i,
            count = draft.items.size,
            title = titles[item.builtinId] ?: item.builtinId,
            weeks = draft.weeks,
            timing = outcome.routines.firstOrNull { it.builtinId == item.builtinId },
            problems = problems.under("items[$i]"),
            onChange = { changed -> onChange(draft.copy(items = draft.items.toMutableList().also { it[i] = changed })) },
            onRemove = { onChange(draft.copy(items = draft.items.filterIndexed { j, _ -> j != i })) },
            onMove = { to ->
                onChange(draft.copy(items = draft.items.toMutableList().also { it.add(to, it.removeAt(i)) }))
            },
        )
    }
    item(key = "add") {
        Button(onClick = onAdd, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
            Text(stringResource(R.string.add_routines), style = MaterialTheme.typography.titleMedium)
        }
    }
}

/** The first day of week 1 and a button opening the date picker. */
@Composable
private fun StartDate(start: String, problems: List<Problem>, onPick: (String) -> Unit) {
    var picking by rememberSaveable { mutableStateOf(false) }
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(stringResource(R.string.field_start), style = MaterialTheme.typography.titleSmall)
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            Text(start, style = MaterialTheme.typography.headlineSmall)
            val change = stringResource(R.string.start_change, start)
            OutlinedButton(
                onClick = { picking = true },
                modifier = Modifier.heightIn(min = 48.dp).semantics { contentDescription = change },
            ) { Text(stringResource(R.string.change)) }
        }
        if (problems.isNotEmpty()) ProblemLines(problems)
    }
    if (picking) {
        StartDateDialog(start, onPick = onPick, onDismiss = { picking = false })
    }
}

/**
 * Material's date picker over [start]. The picker counts days as UTC
 * midnights, so the chosen day is read back in UTC and handed on as the
 * `YYYY-MM-DD` text the core takes.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun StartDateDialog(start: String, onPick: (String) -> Unit, onDismiss: () -> Unit) {
    val state = rememberDatePickerState(initialSelectedDateMillis = utcMillisOf(start))
    DatePickerDialog(
        onDismissRequest = onDismiss,
        confirmButton = {
            TextButton(
                onClick = {
                    state.selectedDateMillis?.let { onPick(dateOfUtcMillis(it)) }
                    onDismiss()
                },
                enabled = state.selectedDateMillis != null,
            ) { Text(stringResource(R.string.done)) }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.cancel)) } },
    ) {
        DatePicker(state = state)
    }
}

/** `YYYY-MM-DD` as the picker's UTC midnight, or null for text that is not a date. */
private fun utcMillisOf(date: String): Long? = try {
    LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
} catch (e: DateTimeParseException) {
    null
}

/** The picker's UTC midnight as `YYYY-MM-DD`. */
private fun dateOfUtcMillis(ms: Long): String = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate().toString()

/** The program's extra cautions, one field each, with add and remove. */
@Composable
private fun Cautions(cautions: List<String>, problems: List<Problem>, onChange: (List<String>) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(stringResource(R.string.cautions_title), style = MaterialTheme.typography.titleMedium)
        cautions.forEachIndexed { i, text ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                DraftTextField(
                    label = stringResource(R.string.caution_n, i + 1),
                    value = text,
                    onChange = { new -> onChange(cautions.toMutableList().also { it[i] = new }) },
                    problems = problems.under("cautions[$i]"),
                    singleLine = false,
                    modifier = Modifier.weight(1f),
                )
                IconButton(onClick = { onChange(cautions.filterIndexed { j, _ -> j != i }) }) {
                    Icon(Icons.Filled.Delete, contentDescription = stringResource(R.string.remove_caution, i + 1))
                }
            }
        }
        ProblemLines(problems.filter { it.path == "cautions" })
        TextButton(onClick = { onChange(cautions + "") }, modifier = Modifier.heightIn(min = 48.dp)) {
            Text(stringResource(R.string.add_caution))
        }
    }
}
