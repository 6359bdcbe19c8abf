package app.unknot.app

import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.core.content.FileProvider
import app.unknot.core.FlagRecord
import app.unknot.core.StatsRecord
import app.unknot.core.UnknotException
import app.unknot.core.WeekRecord
import java.io.File
import java.io.IOException
import kotlin.math.roundToInt
import app.unknot.core.durationText
import app.unknot.core.flagTitle
import app.unknot.core.numbers

/**
 * Progress from the journal, as the core measures it against the active
 * program ([programJson], or none): safety flags first, the streak,
 * sessions done of due per program week, mean pain before and after per
 * week, and a button sharing the therapist's report, CSV and FHIR export.
 */
@Composable
fun ProgressScreen(programJson: String?, lang: String, onBack: () -> Unit) {
    val context = LocalContext.current
    val loaded = remember(programJson, lang) {
        try {
            Result.success(JournalStore.open(context).use { it.stats(programJson, JournalStore.today(), lang) })
        } catch (e: UnknotException) {
            Result.failure(e)
        }
    }
    var shareError by remember { mutableStateOf<String?>(null) }
    val stats = loaded.getOrNull()
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            TextButton(onClick = onBack) { Text(stringResource(R.string.back)) }
            Text(
                stringResource(R.string.progress_title),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        if (stats == null) {
            item {
                val why = loaded.exceptionOrNull()?.let { errorText(it) }.orEmpty()
                Text(stringResource(R.string.journal_failed, why), color = MaterialTheme.colorScheme.error)
            }
            return@LazyColumn
        }
        // Flags before anything else: they tell the person to stop a routine.
        items(stats.flags) { flag -> FlagCard(flag) }
        item { Summary(stats, lang) }
        if (stats.weeks.isNotEmpty()) {
            item {
                Text(
                    stringResource(R.string.weeks_title),
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.semantics { heading() },
                )
            }
            items(stats.weeks, key = { it.week }) { week -> WeekRow(week) }
            item { PainChart(stats.weeks) }
        }
        item {
            shareError?.let { Text(it, color = MaterialTheme.colorScheme.error) }
            Button(
                onClick = {
                    shareError = try {
                        shareExports(context, programJson, lang)
                        null
                    } catch (e: UnknotException) {
                        errorText(e)
                    } catch (e: IOException) {
                        e.message ?: e.toString()
                    }
                },
                modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
            ) { Text(stringResource(R.string.share_report), style = MaterialTheme.typography.titleLarge) }
        }
    }
}

/** A safety flag, prominent, with the core's message to the person. */
@Composable
private fun FlagCard(flag: FlagRecord) {
    Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(
                flagTitle(flag.routineTitle, phoneLang()),
                style = MaterialTheme.typography.titleLarge,
                color = MaterialTheme.colorScheme.onErrorContainer,
                modifier = Modifier.semantics { heading() },
            )
            Text(flag.message, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer)
            if (flag.dates.isNotEmpty()) {
                Text(flag.dates.joinToString(", "), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

@Composable
private fun Summary(stats: StatsRecord, lang: String) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(pluralStringResource(R.plurals.streak, stats.streak.days, stats.streak.days), style = MaterialTheme.typography.headlineSmall)
        Text(pluralStringResource(R.plurals.sessions_count, stats.sessions, stats.sessions, stats.completed), style = MaterialTheme.typography.bodyLarge)
        Text(stringResource(R.string.active_time, durationText(stats.activeMs, lang)), style = MaterialTheme.typography.bodyLarge)
        stats.adherence?.let {
            Text(
                stringResource(
                    R.string.adherence,
                    (it * 100).roundToInt(),
                    stats.doneInFinishedWeeks,
                    stats.dueInFinishedWeeks,
                ),
                style = MaterialTheme.typography.bodyLarge,
            )
        }
    }
}

/** One week: done of due as text and a bar. */
@Composable
private fun WeekRow(week: WeekRecord) {
    Column {
        val label = stringResource(R.string.week_done, week.week, week.done, week.due) +
            if (week.inProgress) " · " + stringResource(R.string.week_in_progress) else ""
        Text(label, style = MaterialTheme.typography.bodyLarge)
        val fraction = if (week.due > 0) (week.done.toFloat() / week.due).coerceIn(0f, 1f) else 0f
        LinearProgressIndicator(progress = { fraction }, modifier = Modifier.fillMaxWidth())
    }
}

/**
 * Mean pain before (one colour) and after (another) per program week, on
 * a 0–10 scale; weeks without ratings leave gaps. TalkBack reads the
 * numbers instead.
 */
@Composable
private fun PainChart(weeks: List<WeekRecord>) {
    if (weeks.none { it.painBefore != null || it.painAfter != null }) return
    val before = MaterialTheme.colorScheme.tertiary
    val after = MaterialTheme.colorScheme.primary
    val grid = MaterialTheme.colorScheme.outlineVariant
    // map is inline, so the string lookups run in this composable.
    val described = weeks.map { w ->
        stringResource(R.string.week_short, w.week) + ": " +
            listOfNotNull(
                w.painBefore?.let { stringResource(R.string.pain_before_mean, "%.1f".format(it)) },
                w.painAfter?.let { stringResource(R.string.pain_after_mean, "%.1f".format(it)) },
            ).joinToString(", ")
    }.joinToString("; ")
    Column {
        Text(
            stringResource(R.string.pain_chart_title),
            style = MaterialTheme.typography.titleLarge,
            modifier = Modifier.semantics { heading() },
        )
        Canvas(Modifier.fillMaxWidth().height(180.dp).padding(vertical = 8.dp).semantics { contentDescription = described }) {
            for (level in listOf(PAIN.painMin, (PAIN.painMin + PAIN.painMax) / 2, PAIN.painMax)) {
                val y = yOf(level.toDouble())
                drawLine(grid, Offset(0f, y), Offset(size.width, y), strokeWidth = 1.dp.toPx())
            }
            series(weeks.map { it.painBefore }, before)
            series(weeks.map { it.painAfter }, after)
        }
        Row(horizontalArrangement = Arrangement.spacedBy(16.dp)) {
            Text("● " + stringResource(R.string.pain_before_legend), color = before)
            Text("● " + stringResource(R.string.pain_after_legend), color = after)
        }
    }
}

/** The core's pain scale, which the chart spans. */
private val PAIN by lazy { numbers(phoneLang()) }

private fun DrawScope.yOf(pain: Double): Float {
    val span = (PAIN.painMax - PAIN.painMin).coerceAtLeast(1)
    return size.height * (1f - ((pain - PAIN.painMin) / span).toFloat().coerceIn(0f, 1f))
}

private fun DrawScope.xOf(index: Int, count: Int): Float =
    if (count <= 1) size.width / 2 else size.width * index / (count - 1)

// A line through the weeks with a value, broken where a week has none.
private fun DrawScope.series(values: List<Double?>, color: Color) {
    var path: Path? = null
    values.forEachIndexed { i, v ->
        if (v == null) {
            path?.let { drawPath(it, color, style = Stroke(width = 3.dp.toPx())) }
            path = null
            return@forEachIndexed
        }
        val point = Offset(xOf(i, values.size), yOf(v))
        drawCircle(color, radius = 5.dp.toPx(), center = point)
        val p = path
        if (p == null) {
            path = Path().apply { moveTo(point.x, point.y) }
        } else {
            p.lineTo(point.x, point.y)
        }
    }
    path?.let { drawPath(it, color, style = Stroke(width = 3.dp.toPx())) }
}

/**
 * Writes the report (HTML), the CSV and the FHIR bundle into the cache's
 * `exports` folder and opens the share sheet with all three through the
 * app's FileProvider.
 */
private fun shareExports(context: Context, programJson: String?, lang: String) {
    val today = JournalStore.today()
    // The core names the files and makes their text.
    val docs = JournalStore.open(context).use { j -> j.exports(programJson, today, lang) }
    val dir = File(context.cacheDir, "exports").apply { mkdirs() }
    val uris = ArrayList<Uri>()
    for (doc in docs) {
        val file = File(dir, doc.name)
        file.writeText(doc.text, Charsets.UTF_8)
        uris += FileProvider.getUriForFile(context, context.packageName + ".exports", file)
    }
    val send = Intent(Intent.ACTION_SEND_MULTIPLE).apply {
        type = "*/*"
        putParcelableArrayListExtra(Intent.EXTRA_STREAM, uris)
        putExtra(Intent.EXTRA_SUBJECT, context.getString(R.string.share_subject, today))
        // The grant travels with the clip data to whichever app is chosen.
        clipData = ClipData.newRawUri(null, uris[0]).apply { uris.drop(1).forEach { addItem(ClipData.Item(it)) } }
        addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    }
    context.startActivity(Intent.createChooser(send, context.getString(R.string.share_report)))
}
