package app.unknot.app

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.displayCutoutPadding
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.systemBarsPadding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import app.unknot.core.RoutineSummary
import app.unknot.core.durationText

/**
 * The built-in routines to add to the draft, each with its summary and
 * length; those already in it are marked and cannot be added twice.
 */
@Composable
internal fun RoutinePicker(
    library: List<RoutineSummary>,
    chosen: Set<String>,
    error: String?,
    onAdd: (String) -> Unit,
    onDone: () -> Unit,
) {
    BackHandler(onBack = onDone)
    LazyColumn(
        modifier = Modifier.fillMaxSize().systemBarsPadding().displayCutoutPadding(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            TextButton(onClick = onDone) { Text(stringResource(R.string.back)) }
            Text(
                stringResource(R.string.add_routines),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
            error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        }
        items(library, key = { it.id }) { s ->
            val added = s.id in chosen
            val addedText = stringResource(R.string.pick_added)
            val addLabel = stringResource(R.string.pick_add)
            Card(
                modifier = Modifier
                    .fillMaxWidth()
                    .clickable(enabled = !added, onClickLabel = addLabel) { onAdd(s.id) }
                    .semantics { if (added) stateDescription = addedText },
                colors = if (added) {
                    CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer)
                } else {
                    CardDefaults.cardColors()
                },
            ) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(s.title, style = MaterialTheme.typography.titleLarge)
                    if (s.summary.isNotEmpty()) Text(s.summary, style = MaterialTheme.typography.bodyLarge)
                    Text(
                        stringResource(R.string.routine_length, durationText(s.timedMs, phoneLang()), s.steps),
                        style = MaterialTheme.typography.bodyMedium,
                    )
                    if (added) Text("✓ $addedText", style = MaterialTheme.typography.titleSmall)
                }
            }
        }
        item {
            Button(onClick = onDone, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                Text(stringResource(R.string.done), style = MaterialTheme.typography.titleMedium)
            }
        }
    }
}
