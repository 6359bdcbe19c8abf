package app.unknot.app

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyRow
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.RoutineSummary
import app.unknot.core.builtinSummaries

/**
 * The built-in routines, searchable by text and filtered by body area and
 * tag, both taken from the summaries the core hands out.
 */
@Composable
fun LibraryScreen(lang: String, onOpen: (String) -> Unit) {
    val all = remember(lang) { builtinSummaries(lang) }
    val areas = remember(all) { all.flatMap { it.areas }.distinct().sorted() }
    val tags = remember(all) { all.flatMap { it.tags }.distinct().sorted() }
    var query by rememberSaveable { mutableStateOf("") }
    var area by rememberSaveable { mutableStateOf<String?>(null) }
    var tag by rememberSaveable { mutableStateOf<String?>(null) }
    val shown = all.filter { matches(it, query, area, tag) }

    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            Text(
                stringResource(R.string.library_title),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        item {
            OutlinedTextField(
                value = query,
                onValueChange = { query = it },
                label = { Text(stringResource(R.string.search_hint)) },
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
        }
        item { Chips(stringResource(R.string.filter_area), areas, area) { area = it } }
        item { Chips(stringResource(R.string.filter_tag), tags, tag) { tag = it } }
        if (shown.isEmpty()) {
            item { Text(stringResource(R.string.no_match), style = MaterialTheme.typography.bodyLarge) }
        }
        items(shown, key = { it.id }) { summary ->
            SummaryCard(summary) { onOpen(summary.id) }
        }
    }
}

/** Whether [s] passes the text search and the area and tag filters. */
private fun matches(s: RoutineSummary, query: String, area: String?, tag: String?): Boolean {
    if (area != null && area !in s.areas) return false
    if (tag != null && tag !in s.tags) return false
    val q = query.trim()
    if (q.isEmpty()) return true
    val words = listOf(s.title, s.summary) + s.tags.map(::vocabLabel) + s.areas.map(::vocabLabel)
    return words.any { it.contains(q, ignoreCase = true) }
}

@Composable
private fun Chips(label: String, values: List<String>, selected: String?, onSelect: (String?) -> Unit) {
    Column {
        Text(label, style = MaterialTheme.typography.titleMedium)
        LazyRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            item {
                FilterChip(
                    selected = selected == null,
                    onClick = { onSelect(null) },
                    label = { Text(stringResource(R.string.filter_any)) },
                )
            }
            items(values) { value ->
                FilterChip(
                    selected = selected == value,
                    onClick = { onSelect(if (selected == value) null else value) },
                    label = { Text(vocabLabel(value)) },
                )
            }
        }
    }
}

@Composable
private fun SummaryCard(s: RoutineSummary, onClick: () -> Unit) {
    Card(modifier = Modifier.fillMaxWidth().clickable(onClick = onClick)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(s.title, style = MaterialTheme.typography.titleLarge)
            if (s.summary.isNotEmpty()) Text(s.summary, style = MaterialTheme.typography.bodyLarge)
            Text(
                stringResource(R.string.routine_length, clockText(s.timedMs), s.steps),
                style = MaterialTheme.typography.bodyMedium,
            )
            if (s.untimed > 0) {
                Text(stringResource(R.string.untimed_steps, s.untimed), style = MaterialTheme.typography.bodyMedium)
            }
            if (s.areas.isNotEmpty()) {
                Text(s.areas.joinToString(" · ", transform = ::vocabLabel), style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}
