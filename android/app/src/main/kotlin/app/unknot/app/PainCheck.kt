package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableFloatStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import app.unknot.core.PressureFeedback
import kotlin.math.roundToInt

/** A 0–10 pain slider with its value shown and read out. */
@Composable
fun PainSlider(value: Int, onChange: (Int) -> Unit) {
    var position by rememberSaveable(value) { mutableFloatStateOf(value.toFloat()) }
    val label = stringResource(R.string.pain_label)
    val state = stringResource(R.string.pain_value, position.roundToInt())
    Column {
        Text(state, style = MaterialTheme.typography.headlineSmall)
        Slider(
            value = position,
            onValueChange = { position = it },
            onValueChangeFinished = { onChange(position.roundToInt()) },
            valueRange = 0f..10f,
            steps = 9,
            modifier = Modifier.fillMaxWidth().semantics {
                contentDescription = label
                stateDescription = state
            },
        )
        Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
            Text(stringResource(R.string.pain_none), style = MaterialTheme.typography.bodySmall)
            Text(stringResource(R.string.pain_worst), style = MaterialTheme.typography.bodySmall)
        }
    }
}

/**
 * Before a session: how much it hurts now, or one tap on "Skip". Calls
 * [onStart] with the rating or null; [onCancel] does not start.
 */
@Composable
fun PainBeforeDialog(onStart: (Int?) -> Unit, onCancel: () -> Unit) {
    var pain by rememberSaveable { mutableStateOf(0) }
    AlertDialog(
        onDismissRequest = onCancel,
        title = { Text(stringResource(R.string.pain_before_title)) },
        text = { PainSlider(pain) { pain = it } },
        confirmButton = { TextButton(onClick = { onStart(pain) }) { Text(stringResource(R.string.start)) } },
        dismissButton = { TextButton(onClick = { onStart(null) }) { Text(stringResource(R.string.skip)) } },
    )
}

/**
 * After a session (finished or stopped): pain now and how the pressure
 * felt, both optional ("skip" leaves the pain unrated). [onSave] gets
 * the answers (null where skipped);
 * [error] is the journal's message when it refused the entry.
 */
@Composable
fun AfterSession(error: String?, onSave: (Int?, PressureFeedback?) -> Unit) {
    var pain by rememberSaveable { mutableStateOf(0) }
    var pressure by rememberSaveable { mutableStateOf<PressureFeedback?>(null) }
    Column(verticalArrangement = Arrangement.spacedBy(12.dp), modifier = Modifier.fillMaxWidth()) {
        Text(stringResource(R.string.pain_after_title), style = MaterialTheme.typography.titleLarge)
        PainSlider(pain) { pain = it }
        Text(stringResource(R.string.pressure_title), style = MaterialTheme.typography.titleMedium)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            listOf(
                PressureFeedback.TOO_LIGHT to R.string.pressure_too_light,
                PressureFeedback.RIGHT to R.string.pressure_right,
                PressureFeedback.TOO_FIRM to R.string.pressure_too_firm,
            ).forEach { (value, label) ->
                FilterChip(
                    selected = pressure == value,
                    onClick = { pressure = if (pressure == value) null else value },
                    label = { Text(stringResource(label)) },
                )
            }
        }
        error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        Button(
            onClick = { onSave(pain, pressure) },
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
        ) { Text(stringResource(R.string.save_session), style = MaterialTheme.typography.titleLarge) }
        OutlinedButton(
            onClick = { onSave(null, pressure) },
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text(stringResource(R.string.skip_pain)) }
    }
}
