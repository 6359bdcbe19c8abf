package app.unknot.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.DraftOutcome

/** What the outcome's buttons do. */
internal class OutcomeActions(
    val onShowQr: () -> Unit,
    val onShareFile: () -> Unit,
    val onCopy: () -> Unit,
    val onUse: () -> Unit,
)

/**
 * The core's answer to the draft: every problem with where it is and its
 * hint, or (valid) the summary and the ways to hand the program over.
 * [qrCode] is the share code when it fits one QR code.
 */
@Composable
internal fun OutcomePanel(
    outcome: DraftOutcome,
    weeks: Int,
    qrCode: String?,
    actions: OutcomeActions,
    error: String?,
) {
    Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
        if (outcome.problems.isNotEmpty()) {
            Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(
                        stringResource(R.string.problems_title, outcome.problems.size),
                        style = MaterialTheme.typography.titleLarge,
                        modifier = Modifier.semantics { heading() },
                    )
                    ProblemLines(outcome.problems, withPath = true)
                }
            }
        }
        if (outcome.programJson != null) Handover(outcome, weeks, qrCode, actions)
        error?.let { Text(it, color = MaterialTheme.colorScheme.error) }
    }
}

/** A valid draft's summary and the ways to hand it over. */
@Composable
private fun Handover(outcome: DraftOutcome, weeks: Int, qrCode: String?, actions: OutcomeActions) {
    Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
                Text(
                    stringResource(R.string.summary_title),
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.semantics { heading() },
                )
                for (r in outcome.routines) {
                    Text(r.title, style = MaterialTheme.typography.titleMedium)
                    TimingLine(r, weeks)
                }
                Text(
                    if (weeks > 1) {
                        stringResource(R.string.minutes_weeks, outcome.minutesPerWeekFirst, weeks, outcome.minutesPerWeekLast)
                    } else {
                        stringResource(R.string.minutes_one_week, outcome.minutesPerWeekFirst)
                    },
                    style = MaterialTheme.typography.bodyLarge,
                )
            }
        }
        if (qrCode != null) {
            Button(onClick = actions.onShowQr, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text(stringResource(R.string.show_qr), style = MaterialTheme.typography.titleLarge)
            }
        } else {
            Text(stringResource(R.string.qr_too_large), style = MaterialTheme.typography.bodyLarge)
        }
        val fileFirst = qrCode == null
        if (fileFirst) {
            Button(onClick = actions.onShareFile, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text(stringResource(R.string.share_file), style = MaterialTheme.typography.titleLarge)
            }
        } else {
            OutlinedButton(onClick = actions.onShareFile, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                Text(stringResource(R.string.share_file))
            }
        }
        if (outcome.share != null) {
            OutlinedButton(onClick = actions.onCopy, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                Text(stringResource(R.string.copy_code))
            }
        }
        OutlinedButton(onClick = actions.onUse, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
            Text(stringResource(R.string.use_here))
        }
    }
}

/**
 * On a phone, the core's answer in one line under the form: how many
 * problems are left ([onSeeAll] scrolls to the list) or that the program
 * is ready, with its main action.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
internal fun StatusBar(outcome: DraftOutcome, qrCode: String?, actions: OutcomeActions, onSeeAll: () -> Unit) {
    Surface(tonalElevation = 3.dp, modifier = Modifier.fillMaxWidth()) {
        // The button goes under the words when both do not fit on one line
        // (large text, long words).
        FlowRow(
            modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp),
            verticalArrangement = Arrangement.Center,
            horizontalArrangement = Arrangement.SpaceBetween,
        ) {
            if (outcome.programJson == null) {
                TextButton(onClick = onSeeAll, modifier = Modifier.weight(1f).heightIn(min = 48.dp)) {
                    Text(
                        stringResource(R.string.problems_short, outcome.problems.size),
                        color = MaterialTheme.colorScheme.error,
                        style = MaterialTheme.typography.titleMedium,
                    )
                }
            } else {
                Text(
                    stringResource(R.string.ready),
                    style = MaterialTheme.typography.titleMedium,
                    modifier = Modifier.align(Alignment.CenterVertically),
                )
                if (qrCode != null) {
                    Button(onClick = actions.onShowQr, modifier = Modifier.heightIn(min = 48.dp)) {
                        Text(stringResource(R.string.show_qr))
                    }
                } else {
                    Button(onClick = actions.onShareFile, modifier = Modifier.heightIn(min = 48.dp)) {
                        Text(stringResource(R.string.share_file))
                    }
                }
            }
        }
    }
}
