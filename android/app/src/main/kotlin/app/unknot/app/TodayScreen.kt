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
import app.unknot.core.TodayAction
import app.unknot.core.TodayRoutineRecord
import app.unknot.core.UnknotException
import app.unknot.core.durationText

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
            Result.success(JournalStore.open(context).use { it.today(programJson, JournalStore.today(), lang) })
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
        val today = loaded.getOrNull() ?: run {
            item {
                val why = loaded.exceptionOrNull()?.let { errorText(it) }.orEmpty()
                Text(why, color = MaterialTheme.colorScheme.error)
            }
            return@LazyColumn
        }
        item { Text(today.title, style = MaterialTheme.typography.titleLarge) }
        today.heading?.let { item { Text(it, style = MaterialTheme.typography.titleMedium) } }
        today.message?.let { item { Text(it, style = MaterialTheme.typography.bodyLarge) } }
        val week = today.week
        if (week != null) {
            items(today.routines.filter { it.shown }, key = { it.routineId }) { routine ->
                DueCard(routine, lang) { onStart(routine.routineId, week) }
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

/** One routine as the core answers it for today: its length, how today and the week stand, and its action. */
@Composable
private fun DueCard(routine: TodayRoutineRecord, lang: String, onStart: () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(routine.title, style = MaterialTheme.typography.titleLarge)
            Text(durationText(routine.timedMs, lang), style = MaterialTheme.typography.bodyMedium)
            Text(routine.todayText, style = MaterialTheme.typography.bodyLarge)
            routine.weekText?.let { Text(it) }
            val label = routine.actionLabel.orEmpty()
            when (routine.action) {
                TodayAction.START -> Button(onClick = onStart, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                    Text(label, style = MaterialTheme.typography.titleLarge)
                }
                TodayAction.DO_AGAIN -> OutlinedButton(onClick = onStart, modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp)) {
                    Text(label)
                }
                TodayAction.NONE -> Unit
            }
        }
    }
}
