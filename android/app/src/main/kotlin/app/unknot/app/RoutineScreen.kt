package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.RoutineDetails
import app.unknot.core.SegmentKind
import app.unknot.core.segmentKindName
import app.unknot.core.StepDetails
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.durationText
import app.unknot.core.elapsedText
import app.unknot.core.wordName
import app.unknot.core.WordKind

/**
 * One routine: summary, cautions (before the start button), equipment and
 * every step with its start and length, all from the core's details.
 */
@Composable
fun RoutineScreen(id: String, lang: String, onBack: () -> Unit, onStart: (String) -> Unit) {
    val context = LocalContext.current
    val loaded = remember(id, lang) {
        try {
            Result.success(builtinRoutine(id, lang))
        } catch (e: UnknotException) {
            Result.failure(e)
        }
    }
    var error by remember { mutableStateOf<String?>(null) }
    val details = loaded.getOrNull()
    if (details == null) {
        val why = loaded.exceptionOrNull()?.let { errorText(it) }.orEmpty()
        Column(Modifier.padding(16.dp)) {
            Text(stringResource(R.string.load_failed, why))
            TextButton(onClick = onBack) { Text(stringResource(R.string.back)) }
        }
        return
    }
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            TextButton(onClick = onBack) { Text(stringResource(R.string.back)) }
            Text(
                details.title,
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
            if (details.summary.isNotEmpty()) Text(details.summary, style = MaterialTheme.typography.bodyLarge)
            Text(
                stringResource(R.string.routine_length, durationText(details.timedMs, phoneLang()), details.steps.size),
                style = MaterialTheme.typography.titleMedium,
            )
        }
        if (details.cautions.isNotEmpty()) item { Cautions(details) }
        if (details.equipment.isNotEmpty()) {
            item {
                Text(stringResource(R.string.equipment), style = MaterialTheme.typography.titleMedium)
                Text(details.equipment.joinToString(", ") { wordName(WordKind.TOOL, it, phoneLang()) ?: it })
            }
        }
        // How the cues will be given, before the eyes close.
        item { CueStyleChooser() }
        item {
            error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
            Button(
                onClick = {
                    error = try {
                        onStart(details.id)
                        null
                    } catch (e: UnknotException) {
                        errorText(e)
                    }
                },
                modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
            ) { Text(stringResource(R.string.start), style = MaterialTheme.typography.titleLarge) }
        }
        item {
            Text(
                stringResource(R.string.steps),
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        items(details.steps, key = { it.index }) { step -> StepRow(step) }
    }
}

@Composable
private fun Cautions(details: RoutineDetails) {
    Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(
                stringResource(R.string.cautions),
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
            details.cautions.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
        }
    }
}

@Composable
private fun StepRow(step: StepDetails) {
    Row(horizontalArrangement = Arrangement.spacedBy(12.dp), modifier = Modifier.fillMaxWidth()) {
        Text(elapsedText(step.startMs), style = MaterialTheme.typography.bodyMedium)
        Column(Modifier.weight(1f)) {
            Text(step.title, style = MaterialTheme.typography.titleMedium)
            step.instructions?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            val pace = segmentKindName(SegmentKind.MANUAL, phoneLang())
            val length = buildString {
                if (step.timedMs > 0) append(durationText(step.timedMs, phoneLang()))
                if (step.untimed > 0) {
                    if (isNotEmpty()) append(" · ")
                    append(pace)
                }
            }
            if (length.isNotEmpty()) Text(length, style = MaterialTheme.typography.bodySmall)
        }
    }
}
