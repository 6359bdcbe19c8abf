package app.unknot.app

import android.os.SystemClock
import androidx.compose.animation.core.withInfiniteAnimationFrameNanos
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.State
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.unknot.core.Frame
import app.unknot.core.SegmentKind
import app.unknot.core.Status
import app.unknot.core.countdownText
import app.unknot.core.numbers
import app.unknot.core.segmentKindName
import app.unknot.core.sideName
import app.unknot.core.tooMuchText
import app.unknot.session.PlayerAnimation
import app.unknot.session.Shown
import kotlinx.coroutines.flow.MutableStateFlow

private val noFrames = MutableStateFlow<Frame?>(null)

/**
 * The running session: a breathing circle (breathing segments) or a phase
 * ring (every other segment) filled by the frame's segment progress, the
 * step's title and instructions in large type, and the controls.
 */
@Composable
fun PlayerScreen(service: SessionService?, onClose: () -> Unit) {
    val frame by (service?.frames ?: noFrames).collectAsStateWithLifecycle()
    val f = frame ?: return

    // The core is called at the session's wake-ups (the service's timer)
    // and on input only: between its frames the screen moves on from the
    // frame's own numbers on Compose's animation clock (and asks for a
    // frame itself only when a wake-up is a second late). The infinite
    // animation policy stops the loop in UI tests.
    val animation = remember(service) {
        PlayerAnimation(clock = { SystemClock.elapsedRealtime() }, refresh = { service?.refresh() })
    }
    // Read only by Phase, so only the ring and its numbers are redrawn.
    val shown = remember { mutableStateOf(PlayerAnimation.shownAt(f, f.nowMs)) }
    LaunchedEffect(animation, f) {
        shown.value = animation.show(f)
        while (animation.animating) {
            withInfiniteAnimationFrameNanos { nanos -> animation.onAnimationFrame(nanos)?.let { shown.value = it } }
        }
    }

    // While the session is open the controls stay on screen, under the
    // step (which scrolls when large text makes it long); once it is over
    // the questions after it scroll with everything else.
    val over = f.status == Status.FINISHED || f.status == Status.STOPPED
    val column = Modifier.fillMaxSize().padding(20.dp)
    Column(
        modifier = if (over) column.verticalScroll(rememberScrollState()) else column,
        horizontalAlignment = Alignment.CenterHorizontally,
        verticalArrangement = Arrangement.spacedBy(16.dp),
    ) {
        Column(
            modifier = if (over) Modifier else Modifier.weight(1f).verticalScroll(rememberScrollState()),
            horizontalAlignment = Alignment.CenterHorizontally,
            verticalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            Text(
                stringResource(R.string.step_of, f.step + 1, f.stepCount),
                style = MaterialTheme.typography.titleMedium,
            )
            Text(
                f.stepTitle,
                style = MaterialTheme.typography.displaySmall,
                textAlign = TextAlign.Center,
                modifier = Modifier.semantics { heading(); liveRegion = LiveRegionMode.Polite },
            )
            Phase(f, shown)
            // Once the session is over the questions after it come next,
            // not the last step's instructions.
            f.stepInstructions?.takeUnless { over }?.let {
                Text(it, style = MaterialTheme.typography.headlineSmall, textAlign = TextAlign.Center)
            }
            // Voice, tones or vibration only, from the next cue on: with the
            // step, so the controls below keep their place.
            if (!over) CueStyleChooser()
        }
        Controls(f, service, onClose)
    }
}

@Composable
private fun Phase(f: Frame, moving: State<Shown>) {
    val shown = moving.value
    val lang = phoneLang()
    val kindText = segmentKindName(f.kind, lang)
    val detail = listOfNotNull(
        f.side?.let { sideName(it, lang) },
        f.rep?.let { stringResource(R.string.rep, it) },
        f.cycle?.let { stringResource(R.string.cycle, it) },
    ).joinToString(" · ")
    val statusText = when (f.status) {
        Status.PAUSED -> stringResource(R.string.paused)
        Status.WAITING -> stringResource(R.string.waiting)
        Status.FINISHED -> stringResource(R.string.finished)
        Status.STOPPED -> stringResource(R.string.stopped)
        Status.READY, Status.RUNNING -> null
    }
    val progress = shown.segmentProgress.toFloat().coerceIn(0f, 1f)
    val percent = (progress * 100).toInt()
    val described = stringResource(
        R.string.progress_description,
        listOfNotNull(statusText, kindText, detail.ifEmpty { null }, shown.segmentRemainingMs?.let { countdownText(it) })
            .joinToString(", "),
        percent,
    )
    val ring = MaterialTheme.colorScheme.primary
    val track = MaterialTheme.colorScheme.surfaceVariant

    Box(
        contentAlignment = Alignment.Center,
        modifier = Modifier.size(260.dp).clearAndSetSemantics { contentDescription = described },
    ) {
        Canvas(Modifier.fillMaxSize()) {
            val stroke = 14.dp.toPx()
            val full = size.minDimension / 2 - stroke
            when (f.kind) {
                // Breathing: the circle follows the breath.
                SegmentKind.INHALE, SegmentKind.EXHALE, SegmentKind.HOLD_IN, SegmentKind.HOLD_OUT -> {
                    // The breath's level from the core's levels for the segment.
                    val fraction = (shown.breath ?: 0.0).toFloat().coerceIn(0f, 1f)
                    val r = full * (0.35f + 0.65f * fraction)
                    drawCircle(color = track, radius = full, style = Stroke(width = 2.dp.toPx()))
                    drawCircle(color = ring.copy(alpha = 0.35f), radius = r)
                    drawCircle(color = ring, radius = r, style = Stroke(width = 4.dp.toPx()))
                }
                // Everything else: a ring filling with the segment.
                else -> {
                    val topLeft = Offset(center.x - full, center.y - full)
                    val arcSize = Size(full * 2, full * 2)
                    drawArc(track, 0f, 360f, false, topLeft, arcSize, style = Stroke(stroke))
                    drawArc(ring, -90f, 360f * progress, false, topLeft, arcSize, style = Stroke(stroke))
                }
            }
        }
        Column(horizontalAlignment = Alignment.CenterHorizontally) {
            Text(statusText ?: kindText, style = MaterialTheme.typography.headlineMedium, textAlign = TextAlign.Center)
            shown.segmentRemainingMs?.let { Text(countdownText(it), style = MaterialTheme.typography.displayMedium) }
            if (detail.isNotEmpty()) Text(detail, style = MaterialTheme.typography.titleMedium)
        }
    }
    Text(
        stringResource(R.string.remaining, countdownText(shown.remainingMs)),
        style = MaterialTheme.typography.titleMedium,
    )
}

@Composable
private fun Controls(f: Frame, service: SessionService?, onClose: () -> Unit) {
    val over = f.status == Status.FINISHED || f.status == Status.STOPPED
    if (over) {
        var error by rememberSaveable { mutableStateOf<String?>(null) }
        val s = service
        if (s != null && s.awaitsRecording) {
            // Ratings after the session, then it goes into the journal.
            AfterSession(error) { pain, pressure ->
                val refused = s.record(pain, pressure)
                if (refused == null) onClose() else error = errorText(refused)
            }
            if (error != null) {
                OutlinedButton(onClick = onClose, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                    Text(stringResource(R.string.done))
                }
            }
        } else {
            Button(onClick = onClose, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text(stringResource(R.string.done), style = MaterialTheme.typography.titleLarge)
            }
        }
        return
    }
    if (f.status == Status.WAITING) {
        val label = stringResource(R.string.proceed)
        Button(
            onClick = { service?.proceed() },
            modifier = Modifier.fillMaxWidth().heightIn(min = 72.dp).semantics { contentDescription = label },
        ) { Text(label, style = MaterialTheme.typography.headlineSmall) }
    }
    Row(horizontalArrangement = Arrangement.spacedBy(12.dp), modifier = Modifier.fillMaxWidth()) {
        Control(stringResource(R.string.previous_step), "⏮", Modifier.weight(1f)) { service?.previous() }
        if (f.status == Status.PAUSED) {
            Control(stringResource(R.string.resume), "▶", Modifier.weight(1f)) { service?.resume() }
        } else {
            Control(stringResource(R.string.pause), "⏸", Modifier.weight(1f)) { service?.pause() }
        }
        Control(stringResource(R.string.next_step), "⏭", Modifier.weight(1f)) { service?.next() }
    }
    Row(horizontalArrangement = Arrangement.spacedBy(12.dp), modifier = Modifier.fillMaxWidth()) {
        val step = remember { numbers(phoneLang()) }
        Control(step.extendDescription, step.extendLabel, Modifier.weight(1f)) { service?.extend(step.extendMs) }
        Control(stringResource(R.string.stop), "■", Modifier.weight(1f)) { service?.stop() }
    }
    // "Too much": marks the moment for the therapist (the session goes on).
    var marks by rememberSaveable { mutableStateOf(service?.discomfortCount ?: 0) }
    val tooMuch = tooMuchText(marks, phoneLang())
    OutlinedButton(
        onClick = {
            service?.markDiscomfort()
            marks = service?.discomfortCount ?: marks
        },
        modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
    ) {
        Text(tooMuch.label, style = MaterialTheme.typography.titleMedium)
    }
    if (tooMuch.message.isNotEmpty()) Text(tooMuch.message, style = MaterialTheme.typography.bodyLarge, textAlign = TextAlign.Center)
}

/** A large button whose TalkBack label is [description]. */
@Composable
private fun Control(description: String, symbol: String, modifier: Modifier, onClick: () -> Unit) {
    OutlinedButton(
        onClick = onClick,
        modifier = modifier.heightIn(min = 64.dp).semantics { contentDescription = description },
    ) {
        Text(symbol, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.clearAndSetSemantics { })
    }
}
