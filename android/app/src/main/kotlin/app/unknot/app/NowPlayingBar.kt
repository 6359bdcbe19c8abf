package app.unknot.app

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.navigationBarsPadding
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import app.unknot.core.Frame
import app.unknot.core.Status
import kotlinx.coroutines.flow.MutableStateFlow

private val noSession = MutableStateFlow<Frame?>(null)

/** The latest frame of the session [service] holds, or null. */
@Composable
fun heldFrame(service: SessionService?): Frame? = (service?.frames ?: noSession).collectAsState().value

/**
 * The "now playing" bar under the other screens while a session is held:
 * the routine's [title], the step (or that it is paused, waiting or over),
 * and one tap back to the player ([onOpen]). It shows what the latest frame
 * says and asks the core for nothing.
 */
@Composable
fun NowPlayingBar(frame: Frame, title: String, onOpen: () -> Unit) {
    val state = when (frame.status) {
        Status.PAUSED -> stringResource(R.string.paused) + " · " + frame.stepTitle
        Status.WAITING -> stringResource(R.string.waiting)
        Status.FINISHED, Status.STOPPED -> stringResource(R.string.now_playing_over)
        Status.READY, Status.RUNNING -> frame.stepTitle
    }
    val open = stringResource(R.string.now_playing_open)
    Surface(tonalElevation = 3.dp, modifier = Modifier.fillMaxWidth()) {
        Row(
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(12.dp),
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = 64.dp)
                .clickable(onClickLabel = open, role = Role.Button, onClick = onOpen)
                .navigationBarsPadding()
                .padding(horizontal = 16.dp, vertical = 8.dp)
                .semantics(mergeDescendants = true) { },
        ) {
            Column(Modifier.weight(1f)) {
                Text(stringResource(R.string.now_playing), style = MaterialTheme.typography.labelMedium)
                Text(title, style = MaterialTheme.typography.titleMedium, maxLines = 1, overflow = TextOverflow.Ellipsis)
                Text(state, style = MaterialTheme.typography.bodyMedium, maxLines = 1, overflow = TextOverflow.Ellipsis)
            }
            Text(open, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.primary)
        }
    }
}
