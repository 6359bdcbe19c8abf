package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.DueRoutineRecord
import app.unknot.core.ProgramStatus
import app.unknot.core.UnknotException
import app.unknot.core.parseProgram

/**
 * The start screen while a program is active: what it asks for today, as
 * the core counts it from the journal's sessions, each routine startable
 * ([onStart] with its id and the program week to grow it to), and the
 * ways to the progress screen, the library and importing a new program;
 * for the therapist, making a program ([onMakeProgram]) and editing this
 * one ([onEdit]).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun TodayScreen(
    programJson: String,
    lang: String,
    onStart: (routineId: String, week: Int) -> Unit,
    onProgress: () -> Unit,
    onLibrary: () -> Unit,
    onImport: () -> Unit,
    onMakeProgram: () -> Unit,
    onEdit: () -> Unit,
) {
    val context = LocalContext.current
    // Read again each time the screen is shown (after a session, say).
    val loaded = remember(programJson, lang) {
        try {
            val program = parseProgram(programJson, lang)
            val due = JournalStore.open(context).use { it.dueToday(programJson, JournalStore.today(), lang) }
            Result.success(program to due)
        } catch (e: UnknotException) {
            Result.failure(e)
        }
    }
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            // Wraps onto more lines with large text or long words, so every way is in sight.
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                TextButton(onClick = onProgress) { Text(stringResource(R.string.progress)) }
                TextButton(onClick = onLibrary) { Text(stringResource(R.string.library)) }
                TextButton(onClick = onImport) { Text(stringResource(R.string.import_program)) }
                TextButton(onClick = onMakeProgram) { Text(stringResource(R.string.make_program)) }
            }
            Text(
                stringResource(R.string.today_title),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        val (program, today) = loaded.getOrNull() ?: run {
            item {
                val why = loaded.exceptionOrNull()?.let { errorText(context, it) }.orEmpty()
                Text(why, color = MaterialTheme.colorScheme.error)
            }
            return@LazyColumn
        }
        item { Text(program.title, style = MaterialTheme.typography.titleLarge) }
        val week = today.week
        when {
            today.status == ProgramStatus.NOT_STARTED -> item {
                Text(stringResource(R.string.today_not_started, program.start), style = MaterialTheme.typography.bodyLarge)
            }
            today.status == ProgramStatus.ENDED -> item {
                Text(stringResource(R.string.today_ended, program.end), style = MaterialTheme.typography.bodyLarge)
            }
            week == null || today.due.none { it.today > 0 || it.done > 0 } -> item {
                week?.let { Text(stringResource(R.string.today_week, it, program.weeks)) }
                Text(stringResource(R.string.today_nothing), style = MaterialTheme.typography.bodyLarge)
            }
            else -> {
                item { Text(stringResource(R.string.today_week, week, program.weeks), style = MaterialTheme.typography.titleMedium) }
                // Routines on other days this week show only while some are left.
                items(today.due.filter { it.today > 0 || it.done > 0 }, key = { it.routineId }) { due ->
                    DueCard(due) { onStart(due.routineId, week) }
                }
            }
        }
        // For the therapist, after everything the patient needs.
        item {
            TextButton(onClick = onEdit, modifier = Modifier.heightIn(min = 48.dp)) {
                Text(stringResource(R.string.edit_as_therapist))
            }
        }
    }
}

@Composable
private fun DueCard(due: DueRoutineRecord, onStart: () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(due.title, style = MaterialTheme.typography.titleLarge)
            Text(clockText(due.timedMs), style = MaterialTheme.typography.bodyMedium)
            Text(
                if (due.leftToday == 0) stringResource(R.string.today_all_done)
                else stringResource(R.string.today_left, due.done, due.today),
                style = MaterialTheme.typography.bodyLarge,
            )
            due.weekLeft?.let { Text(stringResource(R.string.today_week_left, it)) }
            if (due.leftToday > 0) {
                Button(onClick = onStart, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                    Text(stringResource(R.string.start), style = MaterialTheme.typography.titleLarge)
                }
            } else {
                OutlinedButton(onClick = onStart, modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp)) {
                    Text(stringResource(R.string.start))
                }
            }
        }
    }
}
