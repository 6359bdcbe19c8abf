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
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import app.unknot.core.PressureFeedback
import app.unknot.core.UnknotException
import app.unknot.core.checkPainBefore
import app.unknot.core.numbers
import app.unknot.core.painValueText
import kotlin.math.roundToInt

/** The pain slider on the core's scale, with its value shown and read out in the core's words. */
@Composable
fun PainSlider(value: Int, onChange: (Int) -> Unit) {
    val lang = phoneLang()
    val scale = remember(lang) { numbers(lang) }
    var position by rememberSaveable(value) { mutableFloatStateOf(value.toFloat()) }
    val label = stringResource(R.string.pain_label)
    val state = painValueText(position.roundToInt(), lang)
    Column {
        Text(state, style = MaterialTheme.typography.headlineSmall)
        Slider(
            value = position,
            onValueChange = { position = it },
            onValueChangeFinished = { onChange(position.roundToInt()) },
            valueRange = scale.painMin.toFloat()..scale.painMax.toFloat(),
            steps = (scale.painMax - scale.painMin - 1).coerceAtLeast(0),
            modifier = Modifier.fillMaxWidth().semantics {
                contentDescription = label
                stateDescription = state
            },
        )
        Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
            Text(scale.painNone, style = MaterialTheme.typography.bodySmall)
            Text(scale.painWorst, style = MaterialTheme.typography.bodySmall)
        }
    }
}

/**
 * Before a session: how much it hurts now, or one tap on "Skip". The core
 * checks the rating against the program's limit ([stopAbove]; null
 * without a program: the general limit) and says what to show: the rule
 * to keep in mind, or why not to start, in which case "Start" is not
 * offered. Calls [onStart] with the rating or null; [onCancel] does not
 * start.
 */
@Composable
fun PainBeforeDialog(stopAbove: Int?, onStart: (Int?) -> Unit, onCancel: () -> Unit) {
    var pain by rememberSaveable { mutableStateOf(0) }
    val lang = phoneLang()
    val check = remember(pain, stopAbove, lang) {
        try {
            checkPainBefore(pain, stopAbove, lang)
        } catch (e: UnknotException) {
            null
        }
    }
    val goOn = check?.goOn != false
    AlertDialog(
        onDismissRequest = onCancel,
        title = { Text(stringResource(R.string.pain_before_title)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
                PainSlider(pain) { pain = it }
                check?.let { c ->
                    if (c.title.isNotEmpty()) {
                        Text(c.title, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.error)
                    }
                    Text(
                        c.message,
                        style = MaterialTheme.typography.bodyMedium,
                        color = if (c.goOn) MaterialTheme.colorScheme.onSurface else MaterialTheme.colorScheme.error,
                        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
                    )
                }
            }
        },
        confirmButton = {
            if (goOn) {
                TextButton(onClick = { onStart(pain) }) { Text(stringResource(R.string.start)) }
            } else {
                TextButton(onClick = onCancel) { Text(stringResource(R.string.cancel)) }
            }
        },
        dismissButton = if (goOn) {
            { TextButton(onClick = { onStart(null) }) { Text(stringResource(R.string.skip)) } }
        } else {
            null
        },
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
