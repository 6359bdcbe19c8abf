package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import app.unknot.core.DraftLimits
import app.unknot.core.Problem
import app.unknot.core.draftFieldProblems
import app.unknot.core.programDraftLimits

/** The format's bounds on a draft's numbers, from the core (read once). */
internal val DRAFT_LIMITS: DraftLimits by lazy { programDraftLimits() }

/**
 * The core's problems of the form field [path] (`items[0]` takes
 * `items[0].frequency` too); a problem no field claims still shows in
 * the list of all of them.
 */
fun List<Problem>.under(path: String): List<Problem> = draftFieldProblems(this, path)

/** The core's words for each problem, with its hint under it; [withPath] adds where it is. */
@Composable
fun ProblemLines(problems: List<Problem>, withPath: Boolean = false) {
    Column(verticalArrangement = Arrangement.spacedBy(6.dp)) {
        for (p in problems) {
            Column {
                if (withPath) {
                    Text(p.path, style = MaterialTheme.typography.labelMedium, fontFamily = FontFamily.Monospace)
                }
                Text(p.message, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error)
                p.hint?.let {
                    Text(stringResource(R.string.problem_hint, it), style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
}

/**
 * A whole number changed with two large buttons, for values a therapist
 * nudges (weeks, counts, pain levels). [min] and [max] only bound the
 * buttons; whether the value is allowed is the core's answer, shown in
 * [problems]. TalkBack reads the label with each button and announces the
 * new value.
 */
@Composable
fun Stepper(
    label: String,
    value: Int,
    onChange: (Int) -> Unit,
    min: Int,
    max: Int? = null,
    problems: List<Problem> = emptyList(),
) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(label, style = MaterialTheme.typography.titleSmall)
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            val less = stringResource(R.string.decrease, label)
            val more = stringResource(R.string.increase, label)
            val now = stringResource(R.string.stepper_value, label, value)
            OutlinedButton(
                onClick = { onChange(value - 1) },
                enabled = value > min,
                contentPadding = PaddingValues(0.dp),
                modifier = Modifier.size(56.dp).semantics { contentDescription = less },
            ) { Text("−", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.clearAndSetSemantics { }) }
            Text(
                value.toString(),
                style = MaterialTheme.typography.headlineSmall,
                textAlign = TextAlign.Center,
                modifier = Modifier.widthIn(min = 48.dp).semantics {
                    contentDescription = now
                    liveRegion = LiveRegionMode.Polite
                },
            )
            OutlinedButton(
                onClick = { onChange(value + 1) },
                enabled = max == null || value < max,
                contentPadding = PaddingValues(0.dp),
                modifier = Modifier.size(56.dp).semantics { contentDescription = more },
            ) { Text("+", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.clearAndSetSemantics { }) }
        }
        if (problems.isNotEmpty()) ProblemLines(problems)
    }
}

/**
 * A text field for one draft text: what is typed goes to [onChange] as
 * it is, and the core's problems for it show under it.
 */
@Composable
fun DraftTextField(
    label: String,
    value: String,
    onChange: (String) -> Unit,
    modifier: Modifier = Modifier,
    problems: List<Problem> = emptyList(),
    singleLine: Boolean = true,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = singleLine,
        minLines = if (singleLine) 1 else 3,
        isError = problems.isNotEmpty(),
        supportingText = if (problems.isEmpty()) null else { { ProblemLines(problems) } },
        modifier = modifier,
    )
}

/**
 * A field for a whole number of seconds, reps or weeks, typed with the
 * number keyboard (digits only). With [optional], an empty field is "none"
 * (null, shown as [emptyText]); otherwise an empty field is 0, which the
 * core judges like any other value. The text typed is kept as typed while
 * it still means [value], so a field can be cleared and retyped.
 */
@Composable
fun NumberField(
    label: String,
    value: Int?,
    onChange: (Int?) -> Unit,
    modifier: Modifier = Modifier,
    optional: Boolean = false,
    emptyText: String? = null,
    problems: List<Problem> = emptyList(),
) {
    fun parse(text: String): Int? = if (text.isEmpty()) (if (optional) null else 0) else text.toIntOrNull()
    var typed by rememberSaveable { mutableStateOf(value?.toString().orEmpty()) }
    // A new value from outside (the core's suggestion filled in) replaces what was typed.
    val shown = if (parse(typed) == value) typed else value?.toString().orEmpty()
    OutlinedTextField(
        value = shown,
        onValueChange = { text ->
            // Five digits are more than any of these fields needs, and always fit an Int.
            val digits = text.filter { it in '0'..'9' }.take(5)
            typed = digits
            onChange(parse(digits))
        },
        label = { Text(label) },
        placeholder = if (emptyText == null) null else { { Text(emptyText) } },
        singleLine = true,
        isError = problems.isNotEmpty(),
        supportingText = if (problems.isEmpty()) null else { { ProblemLines(problems) } },
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        modifier = modifier,
    )
}
